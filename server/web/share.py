"""Export and share a web conversation: the owner's Markdown export, read-only share links (made and revoked by
the owner; a token in the database, so revoking takes effect at once) and the read-only view they open."""

from __future__ import annotations

import re
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response

from server.service.deps import RuntimeDep
from server.service.runtime import Runtime
from server.web import checks, owner
from server.web.i18n import N_, _
from server.web.views import PageRoute, history, not_ready, render, topic_titles, translated_cards

router = APIRouter(tags=["web"], route_class=PageRoute, include_in_schema=False)
NO_LINK = N_("This share link was revoked by the person who shared it, or it never existed.")
NOT_YOURS = N_("That conversation is not available in this browser: only the browser that started it can do this.")
NOT_YET = N_("Not available yet")
NOT_AVAILABLE = N_("Conversation not available")


def _problem(title: str, message: str, status: int) -> HTMLResponse:
    """An error page; the title is marked with N_ and translated here, the message comes translated."""
    return HTMLResponse(render("error.html", title=_(title), message=message), status_code=status)


def _export(runtime: Runtime, conversation_id: str) -> PlainTextResponse:
    assert runtime.answerer is not None
    safe_name = re.sub(r"[^A-Za-z0-9_.-]", "_", conversation_id)
    return PlainTextResponse(runtime.answerer.store.export_markdown(conversation_id), media_type="text/markdown",
                             headers={"Content-Disposition": f'attachment; filename="coach-{safe_name}.md"'})


@router.get("/c/{conversation_id}/export", response_model=None)
def export(conversation_id: str, request: Request, runtime: RuntimeDep) -> Response:
    """The owner's conversation as a Markdown file."""
    if runtime.answerer is None:
        return _problem(NOT_YET, not_ready(runtime) or "", 503)
    if not owner.owns(request, runtime, conversation_id):
        return _problem(NOT_AVAILABLE, _(NOT_YOURS), 404)
    return _export(runtime, conversation_id)


@router.post("/share", response_model=None)
async def share(request: Request, runtime: RuntimeDep) -> Response:
    """Make (or show) the conversation's read-only link."""
    return await _change(request, runtime, revoke=False)


@router.post("/share/revoke", response_model=None)
async def revoke(request: Request, runtime: RuntimeDep) -> Response:
    """Revoke the conversation's read-only link: it stops working at once."""
    return await _change(request, runtime, revoke=True)


async def _change(request: Request, runtime: Runtime, revoke: bool) -> Response:
    if checks.cross_site(request):
        return checks.refused(request)
    form = await request.form()
    value = form.get("conversation_id")
    conversation_id = value if isinstance(value, str) else ""
    if runtime.answerer is None:
        return _problem(NOT_YET, not_ready(runtime) or "", 503)
    if not await run_in_threadpool(owner.owns, request, runtime, conversation_id):
        return _problem(NOT_AVAILABLE, _(NOT_YOURS), 404)
    store = runtime.answerer.store
    await run_in_threadpool(store.unshare if revoke else store.share, conversation_id)
    if request.headers.get("hx-request") != "true":
        return RedirectResponse(f"/?c={quote(conversation_id)}&share=open", status_code=303)
    url = await run_in_threadpool(owner.share_url, request, runtime, conversation_id)
    return HTMLResponse(render("_share.html", conversation_id=conversation_id, share_url=url, share_open=True))


def _shared(runtime: Runtime, token: str) -> str | HTMLResponse:
    """The conversation a share token opens, or the page that says why not."""
    if runtime.answerer is None:
        return _problem(NOT_YET, not_ready(runtime) or "", 503)
    conversation_id = runtime.answerer.store.shared(token) if len(token) <= 64 else None
    if conversation_id is None:
        return _problem(N_("Link not available"), _(NO_LINK), 404)
    return conversation_id


@router.get("/s/{token}", response_class=HTMLResponse)
def shared_view(token: str, runtime: RuntimeDep) -> HTMLResponse:
    """A shared conversation, read-only: no composer, no rating, no follow-up buttons."""
    found = _shared(runtime, token)
    if isinstance(found, HTMLResponse):
        return found
    assert runtime.answerer is not None
    exchanges = history(runtime.answerer.store.turns(found), runtime.answerer.retriever.index.cards,
                        topic_titles(runtime.settings.topics_file), translated=translated_cards(runtime))
    return HTMLResponse(render("shared.html", token=token, exchanges=exchanges))


@router.get("/s/{token}/export", response_model=None)
def shared_export(token: str, runtime: RuntimeDep) -> Response:
    found = _shared(runtime, token)
    return found if isinstance(found, HTMLResponse) else _export(runtime, found)
