"""Liveness and readiness probes."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header
from fastapi.responses import JSONResponse

from server.service.admin import is_admin
from server.service.deps import RuntimeDep

router = APIRouter(tags=["health"])


@router.get("/healthz")
def healthz() -> dict[str, str]:
    """200 while the process is alive."""
    return {"status": "ok"}


@router.get("/readyz", responses={503: {"description": "Model or index not loaded (yet)."}})
def readyz(runtime: RuntimeDep, authorization: Annotated[str | None, Header()] = None) -> JSONResponse:
    """200 once the model and index are loaded; 503 with the reason before that or when loading failed (the full
    reason, which may name hosts and drivers, only with the admin token)."""
    if runtime.answerer is not None:
        index = runtime.answerer.retriever.index
        return JSONResponse({"status": "ready", "cards": len(index.cards), "build_id": index.manifest.build_id})
    body = {"status": "not ready", "reason": runtime.error or "loading"}
    if runtime.error_detail and is_admin(runtime.settings.admin_token, authorization):
        body["detail"] = runtime.error_detail
    return JSONResponse(body, status_code=503)
