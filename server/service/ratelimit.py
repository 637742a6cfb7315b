"""Per-client rate limits shared by every front end, kept by the `limits` library in memory (one worker) or in
Redis (several workers or replicas, COACH_RATE_LIMIT_STORAGE=redis://...).

A client is its address: the peer's, or the one a trusted proxy (COACH_TRUSTED_PROXIES) put in X-Forwarded-For;
an IPv6 client is its /64, since one host usually holds a whole /64. Budgets are by kind of work: "ask" (the API's
questions and the web chat's messages draw on the same one), "feedback" and "search".
"""

from __future__ import annotations

import ipaddress
import json
import logging
import math
import time
from collections.abc import Sequence

import anyio.to_thread
from limits import RateLimitItemPerSecond
from limits.errors import StorageError
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter
from starlette.types import ASGIApp, Receive, Scope, Send

log = logging.getLogger("coach")
Network = ipaddress.IPv4Network | ipaddress.IPv6Network
ASK, FEEDBACK, SEARCH = "ask", "feedback", "search"


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        ip = ipaddress.ip_address(text.strip().strip("[]"))
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip


def client_key(scope: Scope, trusted: Sequence[Network]) -> str:
    """Who sent this request, for rate limiting. X-Forwarded-For counts only when the peer is a trusted proxy; then
    the first address from the right that is not a trusted proxy is the client (addresses further left are
    whatever the client chose to send)."""
    peer = scope.get("client")
    host = peer[0] if peer else "unknown"
    ip = _address(host)
    if ip is None:
        return host  # not an IP address (a test client, a Unix socket): as it is
    if trusted and any(ip in net for net in trusted):
        forwarded = b",".join(v for k, v in scope["headers"] if k == b"x-forwarded-for").decode("latin-1")
        for entry in reversed([e for e in forwarded.split(",") if e.strip()]):
            hop = _address(entry)
            if hop is None:
                break  # a malformed hop: the last trusted one is the best we know
            ip = hop
            if not any(hop in net for net in trusted):
                break
    if isinstance(ip, ipaddress.IPv6Address):
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


class ClientLimiter:
    """`burst` requests at once per client and budget, then `per_minute` sustained: a moving window of `burst`
    requests per `burst / per_minute` minutes. A storage failure lets requests through (and logs it): an outage of
    the limiter's Redis must not take the coach down with it."""

    def __init__(self, per_minute: float, burst: int, storage_url: str = "memory://",
                 trusted: Sequence[Network] = ()) -> None:
        self.item = RateLimitItemPerSecond(burst, max(1, math.ceil(burst * 60 / per_minute)))
        self.storage = storage_from_string(storage_url, wrap_exceptions=True)
        self.limiter = MovingWindowRateLimiter(self.storage)
        self.trusted = list(trusted)
        self.in_memory = storage_url.startswith("memory://")
        self._warned_at = 0.0

    def wait(self, scope: Scope, budget: str) -> int:
        """0 if this request may go ahead (and counts it), else the whole seconds until it could."""
        key = client_key(scope, self.trusted)
        try:
            if self.limiter.hit(self.item, budget, key):
                return 0
            reset = self.limiter.get_window_stats(self.item, budget, key).reset_time
        except StorageError as e:
            if time.monotonic() - self._warned_at > 60:
                self._warned_at = time.monotonic()
                log.warning("rate limit store unavailable, not limiting: %s", e.storage_error)
            return 0
        return max(1, math.ceil(reset - time.time()))


async def _too_many(send: Send, wait: int, as_json: bool) -> None:
    detail = f"too many requests from this client; retry in {wait} s"
    body = json.dumps({"detail": detail}).encode() if as_json else f"{detail}\n".encode()
    kind = b"application/json" if as_json else b"text/plain; charset=utf-8"
    await send({"type": "http.response.start", "status": 429,
                "headers": [(b"content-type", kind), (b"content-length", str(len(body)).encode()),
                            (b"retry-after", str(wait).encode())]})
    await send({"type": "http.response.body", "body": body})


def _budget(scope: Scope) -> str | None:
    """Which budget a request draws on, if it is limited here: the API's questions, and card searches."""
    if scope["method"] == "POST" and scope["path"] == "/api/ask":
        return ASK
    if scope["method"] == "GET" and scope["path"] == "/kb" and any(
            part.startswith(b"q=") and len(part) > 2 for part in scope.get("query_string", b"").split(b"&")):
        return SEARCH
    return None


class RateLimit:
    """429 with Retry-After for the API's questions and card searches past the client's budget. The web chat
    draws on the same limiter itself (from app.state.limiter), to answer in its own page."""

    def __init__(self, app: ASGIApp, limiter: ClientLimiter) -> None:
        self.app = app
        self.limiter = limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        budget = _budget(scope) if scope["type"] == "http" else None
        if budget is not None:
            wait = self.limiter.wait(scope, budget) if self.limiter.in_memory \
                else await anyio.to_thread.run_sync(self.limiter.wait, scope, budget)  # network I/O: off the loop
            if wait:
                await _too_many(send, wait, as_json=budget == ASK)
                return
        await self.app(scope, receive, send)
