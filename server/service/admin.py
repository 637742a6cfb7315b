"""Admin routes (POST /admin/reload), behind a bearer token from settings; off without one."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel

from server.service.deps import RuntimeDep
from server.service.reload import Reloader

OFF = "admin routes are off: set COACH_ADMIN_TOKEN to turn them on"


def is_admin(token: str | None, authorization: str | None) -> bool:
    """Whether the request carries `Authorization: Bearer <token>` for a configured token."""
    scheme, _, supplied = (authorization or "").partition(" ")
    # compare_digest: the time taken must not reveal how much of the token matched
    return bool(token) and scheme.lower() == "bearer" and \
        hmac.compare_digest(supplied.strip().encode(), (token or "").encode())


def require_admin(runtime: RuntimeDep, authorization: Annotated[str | None, Header()] = None) -> None:
    """404 while no token is configured; 403 unless the request carries `Authorization: Bearer <token>`."""
    token = runtime.settings.admin_token
    if not token:
        raise HTTPException(404, OFF)
    if not is_admin(token, authorization):
        raise HTTPException(403, "wrong or missing admin token (send Authorization: Bearer <COACH_ADMIN_TOKEN>)")


def get_reloader(request: Request) -> Reloader:
    reloader: Reloader = request.state.reloader
    return reloader


ReloaderDep = Annotated[Reloader, Depends(get_reloader)]
router = APIRouter(prefix="/admin", tags=["admin"], dependencies=[Depends(require_admin)],
                   responses={403: {"description": "Wrong or missing token."},
                              404: {"description": "Admin routes are off (no COACH_ADMIN_TOKEN)."}})


class ReloadOut(BaseModel):
    status: str
    build_id: str
    cards: int


@router.post("/reload", response_model=ReloadOut,
             responses={409: {"description": "The new index was refused; the old one keeps serving."}})
async def reload(reloader: ReloaderDep) -> ReloadOut:
    """Switch to the index build on disk now (the watcher also does this within COACH_RELOAD_INTERVAL)."""
    done = await run_in_threadpool(reloader.reload)  # IndexRefused -> 409 through the app's CoachError handler
    return ReloadOut(status=done.status, build_id=done.build_id, cards=done.cards)
