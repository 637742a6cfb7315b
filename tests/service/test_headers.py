"""Response headers (nosniff, no-store, HSTS), /docs without a CDN, and what anonymous users learn before ready."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from server.app import create_app

from ..conftest import app_client, make_settings


def test_every_response_is_nosniff_and_the_api_is_not_stored(tmp_path: Path, fixture_index: Any) -> None:
    with app_client(tmp_path, fixture_index) as client:
        cid = client.post("/api/ask", json={"message": "who holds final cut on our film?"}).json()["conversation_id"]
        for path in (f"/api/conversations/{cid}", f"/api/conversations/{cid}/export", "/api/conversations/nope"):
            response = client.get(path)
            assert response.headers["cache-control"] == "no-store", path
            assert response.headers["x-content-type-options"] == "nosniff", path
        for path in ("/healthz", "/readyz", "/metrics", "/openapi.json", "/no/such/page", "/static/htmx.min.js"):
            assert client.get(path).headers["x-content-type-options"] == "nosniff", path
        refused = client.post("/api/ask", content=b"[" * 100, headers={"content-type": "application/json"})
        assert refused.status_code == 400 and refused.headers["cache-control"] == "no-store"
        assert "strict-transport-security" not in client.get("/").headers


def test_docs_are_off_by_default_and_the_schema_stays(tmp_path: Path, fixture_index: Any) -> None:
    with app_client(tmp_path, fixture_index) as client:
        assert client.get("/docs").status_code == 404 and client.get("/redoc").status_code == 404
        assert client.get("/openapi.json").status_code == 200
    with app_client(tmp_path, fixture_index, api_docs=True) as client:
        assert client.get("/docs").status_code == 200


def test_hsts_when_https_only(tmp_path: Path, fixture_index: Any) -> None:
    with app_client(tmp_path, fixture_index, https_only=True, hsts_max_age=31_536_000) as client:
        for path in ("/", "/healthz", "/api/conversations/nope"):
            assert client.get(path).headers["strict-transport-security"] == "max-age=31536000; includeSubDomains"
    with pytest.raises(ValueError, match="COACH_HSTS_MAX_AGE is set but COACH_HTTPS_ONLY is not"):
        make_settings(tmp_path, hsts_max_age=600)


def test_before_ready_anonymous_users_do_not_see_hosts_or_drivers(tmp_path: Path, fixture_index: Any) -> None:
    url = "postgresql+psycopg://coach:hunter2@127.0.0.1:9/coach"  # nothing listens on port 9
    settings = make_settings(tmp_path, database_url=url, reload_interval=0, admin_token="t" * 32)
    settings.index_dir = Path(fixture_index.path)
    with TestClient(create_app(settings, wait_until_loaded=True)) as client:
        shown = [client.get("/readyz").text, client.post("/api/ask", json={"message": "hi"}).text,
                 client.get("/").text]
        for text in shown:
            assert "could not be opened" in text
            assert not [leak for leak in ("127.0.0.1", "psycopg", "hunter2", "5432", "port 9") if leak in text], text
        admin = client.get("/readyz", headers={"Authorization": f"Bearer {'t' * 32}"}).json()
        assert admin["reason"].startswith("the conversation database could not be opened")
        assert "127.0.0.1" in admin["detail"] and "OperationalError" in admin["detail"]
        assert "detail" not in client.get("/readyz", headers={"Authorization": "Bearer wrong"}).json()
