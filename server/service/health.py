"""Liveness and readiness probes."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from server.service.deps import RuntimeDep

router = APIRouter(tags=["health"])


@router.get("/healthz")
def healthz() -> dict[str, str]:
    """200 while the process is alive."""
    return {"status": "ok"}


@router.get("/readyz", responses={503: {"description": "Model or index not loaded (yet)."}})
def readyz(runtime: RuntimeDep) -> JSONResponse:
    """200 once the model and index are loaded; 503 with the reason before that or when loading failed."""
    if runtime.answerer is not None:
        index = runtime.answerer.retriever.index
        return JSONResponse({"status": "ready", "cards": len(index.cards), "build_id": index.manifest.build_id})
    reason = runtime.error or "loading"
    return JSONResponse({"status": "not ready", "reason": reason}, status_code=503)
