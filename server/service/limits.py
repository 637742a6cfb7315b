"""Pure ASGI guard in front of the routes: request body size and JSON sanity (the rate limit is in ratelimit.py).

Each answers with JSON `{"detail": ...}` saying what was wrong, before any route (or the model) does work.
"""

from __future__ import annotations

import json
import re

import anyio.to_thread
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# A JSON string without escapes, or an unterminated one up to the end of the body: one linear pass, even on
# hostile input ("\"\"\"... without an end), where a backtracking pattern took quadratic time and froze the loop.
_STRING = re.compile(rb'"[^"]*+"?')
OFF_LOOP_BYTES = 32_768  # bodies larger than this are checked in a worker thread, off the event loop
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
BODY_METHODS = {"POST", "PUT", "PATCH"}


async def _reply(send: Send, status: int, detail: str, headers: dict[str, str] | None = None) -> None:
    body = json.dumps({"detail": detail}).encode()
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    raw += [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


def json_depth(body: bytes, limit: int) -> int:
    """How deeply arrays and objects nest (stops counting once past `limit`); strings are skipped."""
    depth = deepest = 0
    # Escapes first, at C speed: pairs of backslashes left to right (each is an escaped backslash), then the
    # escaped quotes that remain; what is left has no escapes, so every quote opens or closes a string.
    unescaped = body.replace(b"\\\\", b"").replace(b'\\"', b"")
    for char in _STRING.sub(b"", unescaped).translate(None, _NOT_BRACKETS):
        depth += 1 if char in b"[{" else -1
        if depth > deepest:
            deepest = depth
            if deepest > limit:
                break
    return deepest


def _header(scope: Scope, name: bytes) -> str:
    return next((v.decode("latin-1") for k, v in scope["headers"] if k == name), "")


class BodyGuard:
    """413 for bodies over `max_bytes` (before reading them when Content-Length says so); 400 for JSON that is
    not UTF-8 or nests deeper than `max_depth`. Bodies that pass are replayed to the app unchanged."""

    def __init__(self, app: ASGIApp, max_bytes: int, max_depth: int) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.max_depth = max_depth

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in BODY_METHODS:
            await self.app(scope, receive, send)
            return
        too_big = f"request body over the limit of {self.max_bytes} bytes"
        length = _header(scope, b"content-length")
        if length.isdigit() and int(length) > self.max_bytes:
            await _reply(send, 413, too_big, {"Connection": "close"})
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await _reply(send, 413, too_big, {"Connection": "close"})
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        problem = None
        if "json" in _header(scope, b"content-type").lower():
            problem = self._json_problem(body) if len(body) <= OFF_LOOP_BYTES \
                else await anyio.to_thread.run_sync(self._json_problem, body)
        if problem:
            await _reply(send, 400, f"invalid request: {problem}")
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: wait for the disconnect, as the server would

        await self.app(scope, replay, send)

    def _json_problem(self, body: bytes) -> str | None:
        try:
            body.decode("utf-8")
        except UnicodeDecodeError as e:
            return f"the body is not valid UTF-8 (byte 0x{body[e.start]:02x} at offset {e.start})"
        if json_depth(body, self.max_depth) > self.max_depth:
            return f"JSON nested deeper than {self.max_depth} levels"
        return None
