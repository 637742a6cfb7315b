"""Rate limits: who a client is (proxies, IPv6 /64), one budget for the API and the web chat, card searches, and
counts shared by several workers through a real Redis server (COACH_TEST_REDIS_URL; .ci/run starts one)."""

from __future__ import annotations

import ipaddress
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from server.app import create_app
from server.cli.serve import UVICORN_OPTIONS
from server.service.ratelimit import client_key
from server.settings import Settings

from ..conftest import make_settings
from ..loopback import serve

# Read at import: the autouse fixture in conftest.py clears COACH_* variables before each test.
REDIS_URL = os.environ.get("COACH_TEST_REDIS_URL")
ASK = {"message": "who holds final cut on our film?"}


def _scope(peer: str, forwarded: str | None = None) -> dict[str, Any]:
    headers = [(b"x-forwarded-for", forwarded.encode())] if forwarded is not None else []
    return {"type": "http", "client": (peer, 40000), "headers": headers}


NETS = [ipaddress.ip_network("10.0.0.0/8"), ipaddress.ip_network("2001:db8:ffff::/48")]


@pytest.mark.parametrize(("peer", "forwarded", "key"), [
    ("203.0.113.9", "198.51.100.1", "203.0.113.9"),  # not a proxy: its X-Forwarded-For is ignored
    ("127.0.0.1", "198.51.100.1", "127.0.0.1"),  # nor is loopback trusted by default
    ("10.1.2.3", "198.51.100.1", "198.51.100.1"),  # a trusted proxy: the client it saw
    ("10.1.2.3", "6.6.6.6, 198.51.100.1, 10.9.9.9", "198.51.100.1"),  # rightmost untrusted hop; 6.6.6.6 is forged
    ("10.1.2.3", "10.5.5.5", "10.5.5.5"),  # only proxies: the leftmost
    ("10.1.2.3", "not-an-ip, 198.51.100.1", "198.51.100.1"),
    ("10.1.2.3", "198.51.100.1, junk", "10.1.2.3"),  # a malformed hop: keep the last trusted address
    ("10.1.2.3", None, "10.1.2.3"),
    ("2001:db8:1:2:aaaa::1", None, "2001:db8:1:2::/64"),  # IPv6 by /64
    ("2001:db8:1:2:bbbb::9", None, "2001:db8:1:2::/64"),
    ("::ffff:198.51.100.7", None, "198.51.100.7"),  # IPv4-mapped is the IPv4 client
    ("2001:db8:ffff::1", "[2001:db8:5:6::7]", "2001:db8:5:6::/64"),
    ("testclient", "1.2.3.4", "testclient"),
])
def test_the_client_is_the_peer_or_what_a_trusted_proxy_saw(peer: str, forwarded: str | None, key: str) -> None:
    assert client_key(_scope(peer, forwarded), NETS) == key


def test_a_bad_trusted_proxy_setting_says_what_is_wrong(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="COACH_TRUSTED_PROXIES: '10.0.0.0/33' is not an IP address or CIDR"):
        make_settings(tmp_path, trusted_proxies="10.0.0.1, 10.0.0.0/33")
    with pytest.raises(ValueError, match="COACH_RATE_LIMIT_STORAGE has value 'memcached://x'"):
        make_settings(tmp_path, rate_limit_storage="memcached://x")


def _app_settings(tmp: Path, index: Any, **extra: Any) -> Settings:
    settings = make_settings(tmp, database_url=f"sqlite:///{tmp / 'coach.db'}", reload_interval=0,
                             api_rate_per_minute=6, api_rate_burst=3, **extra)
    settings.index_dir = Path(index.path)
    return settings


class Peer:
    """Sets the TCP peer of each request from a test-only header, as a real connection from that address would."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            peer = dict(scope["headers"]).get(b"x-test-peer")
            if peer:
                scope = {**scope, "client": (peer.decode(), 40000)}
        await self.app(scope, receive, send)


class _As:
    """A TestClient whose requests come from one peer address."""

    def __init__(self, client: TestClient, peer: str) -> None:
        self.client, self.peer = client, peer

    def post(self, url: str, **kwargs: Any) -> Any:
        return self.client.post(url, headers={"x-test-peer": self.peer, **kwargs.pop("headers", {})}, **kwargs)

    def get(self, url: str, **kwargs: Any) -> Any:
        return self.client.get(url, headers={"x-test-peer": self.peer}, **kwargs)


@pytest.fixture()
def limited(tmp_path: Path, fixture_index: Any) -> Iterator[Any]:
    app = create_app(_app_settings(tmp_path, fixture_index), wait_until_loaded=True)
    with TestClient(Peer(app)) as client:
        yield lambda peer: _As(client, peer)


def test_rotating_x_forwarded_for_from_loopback_does_not_reset_the_budget(limited: Any) -> None:
    client = limited("127.0.0.1")
    statuses = [client.post("/api/ask", json=ASK, headers={"X-Forwarded-For": f"198.51.100.{i}"}).status_code
                for i in range(5)]
    assert statuses == [200, 200, 200, 429, 429]


def test_coach_serve_ignores_x_forwarded_for_from_loopback(tmp_path: Path, fixture_index: Any) -> None:
    """Over real HTTP with `coach serve`'s uvicorn options: uvicorn's own proxy handling would take the forged
    address from a loopback peer and give each request a fresh budget."""
    app = create_app(_app_settings(tmp_path, fixture_index), wait_until_loaded=True)
    with serve(app, **UVICORN_OPTIONS) as url, httpx.Client(base_url=url) as client:
        statuses = [client.post("/api/ask", json=ASK, headers={"X-Forwarded-For": f"198.51.100.{i}"}).status_code
                    for i in range(5)]
    assert statuses == [200, 200, 200, 429, 429]


def test_api_and_web_chat_share_one_budget(limited: Any) -> None:
    client = limited("198.51.100.20")
    assert [client.post("/api/ask", json=ASK).status_code for _ in range(3)] == [200, 200, 200]
    chat = client.post("/chat", data={"message": ASK["message"]}, headers={"HX-Request": "true"})
    assert chat.status_code == 429 and int(chat.headers["retry-after"]) > 0
    assert limited("198.51.100.21").post("/chat", data={"message": ASK["message"]}).status_code == 200


def test_addresses_in_one_ipv6_64_share_a_budget(limited: Any) -> None:
    for host in ("2001:db8:7:7::1", "2001:db8:7:7::2", "2001:db8:7:7:ffff::3"):
        assert limited(host).post("/api/ask", json=ASK).status_code == 200
    assert limited("2001:db8:7:7::4").post("/api/ask", json=ASK).status_code == 429
    assert limited("2001:db8:7:8::1").post("/api/ask", json=ASK).status_code == 200  # another /64


def test_card_searches_are_limited_but_browsing_is_not(limited: Any) -> None:
    client = limited("198.51.100.30")
    assert [client.get("/kb", params={"q": "final cut"}).status_code for _ in range(4)] == [200, 200, 200, 429]
    refused = client.get("/kb", params={"q": "final cut"})
    assert refused.headers["content-type"].startswith("text/plain")
    assert refused.text.startswith("too many requests from this client; retry in ")
    assert client.get("/kb").status_code == 200 and client.get("/kb/fx-final-cut").status_code == 200
    assert client.post("/api/ask", json=ASK).status_code == 200  # searching spends its own budget


def test_trusted_proxies_tell_their_clients_apart(tmp_path: Path, fixture_index: Any) -> None:
    app = create_app(_app_settings(tmp_path, fixture_index, trusted_proxies="10.0.0.0/8"), wait_until_loaded=True)
    with TestClient(Peer(app)) as test_client:
        proxy = _As(test_client, "10.0.0.5")
        for client in ("198.51.100.1", "198.51.100.2"):
            statuses = [proxy.post("/api/ask", json=ASK, headers={"X-Forwarded-For": client}).status_code
                        for _ in range(4)]
            assert statuses == [200, 200, 200, 429]


@pytest.fixture()
def redis_url() -> str:
    if not REDIS_URL:
        if os.environ.get("CI"):
            pytest.fail("COACH_TEST_REDIS_URL is not set: CI must test the shared store (.ci/run starts Redis)")
        pytest.skip("set COACH_TEST_REDIS_URL=redis://127.0.0.1:6379/15 to test the shared rate-limit store")
    import redis

    connection = redis.Redis.from_url(REDIS_URL)
    try:
        connection.flushdb()
    except redis.exceptions.ConnectionError as e:
        pytest.fail(f"no Redis at {REDIS_URL}: {e} (run .ci/redis.sh)")
    finally:
        connection.close()
    return REDIS_URL


def test_two_workers_share_the_budget_through_redis(tmp_path: Path, fixture_index: Any, redis_url: str) -> None:
    """Two apps stand for two workers (or replicas): each has its own limiter object, the counts live in Redis."""
    apps = [create_app(_app_settings(tmp_path / str(i), fixture_index, rate_limit_storage=redis_url),
                       wait_until_loaded=True) for i in range(2)]
    with TestClient(apps[0], client=("198.51.100.40", 1)) as one, TestClient(apps[1], client=("198.51.100.40", 2)) \
            as two:
        statuses = [c.post("/api/ask", json=ASK).status_code for c in (one, two, one, two)]
        assert statuses == [200, 200, 200, 429]
        assert two.post("/chat", data={"message": ASK["message"]}).status_code == 429


def test_in_memory_counts_are_per_worker(tmp_path: Path, fixture_index: Any) -> None:
    apps = [create_app(_app_settings(tmp_path, fixture_index), wait_until_loaded=True) for _ in range(2)]
    with TestClient(apps[0], client=("198.51.100.50", 1)) as one, TestClient(apps[1], client=("198.51.100.50", 2)) \
            as two:
        statuses = [c.post("/api/ask", json=ASK).status_code for c in (one, two, one, two)]
        assert statuses == [200, 200, 200, 200]


def test_an_unreachable_redis_lets_requests_through_and_warns(tmp_path: Path, fixture_index: Any,
                                                              caplog: pytest.LogCaptureFixture) -> None:
    settings = _app_settings(tmp_path, fixture_index, rate_limit_storage="redis://127.0.0.1:9/0")
    with TestClient(create_app(settings, wait_until_loaded=True)) as client, caplog.at_level(logging.WARNING):
        assert [client.post("/api/ask", json=ASK).status_code for _ in range(4)] == [200] * 4
    assert "rate limit store unavailable, not limiting" in caplog.text
