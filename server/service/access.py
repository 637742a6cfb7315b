"""Pure ASGI middleware: time each request, feed the metrics, and log one line per request (coach.access).

It never reads or buffers the body, so streaming responses pass through untouched.
"""

from __future__ import annotations

import logging
import time
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

if TYPE_CHECKING:
    from server.coach.answer import Draft
    from server.service.metrics import Metrics

log = logging.getLogger("coach.access")
UNMATCHED = "unmatched"  # 404s are not labelled by path, which would let any client grow the label set
# Per-request notes the Answerer fills in (it runs in a worker thread, which gets a copy of this context
# holding the same dict).
request_notes: ContextVar[dict[str, Any] | None] = ContextVar("request_notes", default=None)


def note_outcome(draft: Draft, log_messages: bool) -> None:
    """Record the turn's conversation id and outcome (and its text, if allowed) for this request's log line."""
    notes = request_notes.get()
    if notes is not None:
        notes.update(conversation_id=draft.conversation_id, outcome=draft.outcome)
        if log_messages:
            notes["message"] = draft.ask.message


def route_template(scope: Scope) -> str:
    """The matched route's path template (/api/conversations/{conversation_id}), never the raw path."""
    path = getattr(scope.get("route"), "path", None)
    return path if isinstance(path, str) else UNMATCHED


class AccessMiddleware:
    """Metrics and one structured log record per HTTP request: route, method, status, latency, conversation id."""

    def __init__(self, app: ASGIApp, metrics: Metrics | None = None) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500
        notes: dict[str, Any] = {}
        token = request_notes.set(notes)

        async def send_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_status)
        finally:
            request_notes.reset(token)
            seconds = time.perf_counter() - started
            route = route_template(scope)
            if self.metrics is not None:
                self.metrics.observe_request(route, scope["method"], status, seconds)
            conversation_id = notes.get("conversation_id") or scope.get("path_params", {}).get("conversation_id")
            fields = {"route": route, "method": scope["method"], "status": status,
                      "latency_ms": round(seconds * 1000, 1), **notes, "conversation_id": conversation_id}
            log.info("%s %s %d %.1f ms", scope["method"], route, status, seconds * 1000, extra={"fields": fields})
