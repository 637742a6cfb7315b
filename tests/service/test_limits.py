"""Abuse on the JSON API: each gets its documented status quickly, and the server keeps serving."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from server.service.limits import json_depth

from ..conftest import app_client

JSON = {"content-type": "application/json"}


@pytest.fixture()
def client(tmp_path: Path, fixture_index: Any) -> Iterator[TestClient]:
    with app_client(tmp_path, fixture_index) as c:
        yield c


def _still_serving(client: TestClient) -> None:
    response = client.post("/api/ask", json={"message": "who holds final cut on our film?"})
    assert response.status_code == 200 and response.json()["sources"]


def _chunks(data: bytes, size: int = 65536) -> Iterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start:start + size]


@pytest.mark.parametrize("chunked", [False, True])
def test_a_10_mb_body_gets_413_quickly(client: TestClient, chunked: bool) -> None:
    body = b'{"message": "' + b"x" * 10_000_000 + b'"}'
    started = time.perf_counter()
    response = client.post("/api/ask", content=_chunks(body) if chunked else body, headers=JSON)
    assert time.perf_counter() - started < 2
    assert response.status_code == 413
    assert response.json() == {"detail": "request body over the limit of 1000000 bytes"}
    _still_serving(client)


@pytest.mark.parametrize(("body", "status", "detail"), [
    (('{"message": "' + "x" * 4001 + '"}').encode(), 422,
     "invalid request: message: String should have at most 4000 characters"),
    (b'{"message": "caf\xe9 \xff"}', 400, "invalid request: the body is not valid UTF-8 (byte 0xe9 at offset 16)"),
    (b'{"message": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", 400,
     "invalid request: JSON nested deeper than 32 levels"),
    (b'{"message": ' + b'{"a": ' * 50_000 + b"1" + b"}" * 50_001, 400,
     "invalid request: JSON nested deeper than 32 levels"),
])
def test_bad_bodies_get_a_status_and_a_reason(client: TestClient, body: bytes, status: int, detail: str) -> None:
    started = time.perf_counter()
    response = client.post("/api/ask", content=body, headers=JSON)
    assert time.perf_counter() - started < 2
    assert response.status_code == status
    assert response.json()["detail"] == detail
    _still_serving(client)


def test_brackets_inside_strings_do_not_count_as_nesting(client: TestClient) -> None:
    assert json_depth(b'{"a": "[[[[[[[[[[{{{{{{{{ \\" [[["}', 3) == 1
    response = client.post("/api/ask", json={"message": "[" * 100 + " who holds final cut? " + "}" * 100})
    assert response.status_code == 200


def test_a_burst_past_the_rate_limit_gets_429_with_retry_after(tmp_path: Path, fixture_index: Any) -> None:
    with app_client(tmp_path, fixture_index, api_rate_per_minute=6, api_rate_burst=3) as client:
        statuses = [client.post("/api/ask", json={"message": "hi"}).status_code for _ in range(5)]
        assert statuses == [200, 200, 200, 429, 429]
        limited = client.post("/api/ask", json={"message": "hi"})
        # 3 at once, 6 a minute: a moving window of 3 per 30 s, so the next one is 30 s after the first
        assert limited.headers["retry-after"] in ("29", "30")
        wait = limited.headers["retry-after"]
        assert limited.json() == {"detail": f"too many requests from this client; retry in {wait} s"}
        assert client.get("/readyz").status_code == 200  # other routes are not limited
        assert client.get(f"/api/conversations/{'x' * 8}").status_code == 404
