"""Hot index reload: the watcher and POST /admin/reload swap in a new build; a broken build is refused."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from server.app import create_app
from server.search.embedder import LocalEmbedder
from server.search.index import build_index, read_manifest

from ..conftest import make_settings

QUESTION = {"message": "who holds final cut on our film?"}
TOKEN = "s3cret-admin-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
OLD_TITLE = "Fixture: who holds final cut"
NEW_TITLE = "Fixture: who holds final cut (revised)"


def build(kb: Path, tmp: Path, embedder: LocalEmbedder) -> str:
    return build_index(kb, tmp / "index", embedder, tmp / "cache").build_id


def revise_card(kb: Path) -> None:
    card = kb / "cards" / "fx-final-cut.md"
    card.write_text(card.read_text(encoding="utf-8").replace(OLD_TITLE, NEW_TITLE), encoding="utf-8")


def top_title(client: TestClient) -> str:
    response = client.post("/api/ask", json=QUESTION)
    assert response.status_code == 200, response.text
    title: str = response.json()["sources"][0]["title"]
    return title


def app_client(kb: Path, tmp: Path, **extra: Any) -> TestClient:
    settings = make_settings(tmp, kb, database_url=f"sqlite:///{tmp / 'coach.db'}", **extra)
    return TestClient(create_app(settings, wait_until_loaded=True))


def wait_for_build(client: TestClient, build_id: str, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while client.get("/readyz").json().get("build_id") != build_id:
        assert time.monotonic() < deadline, f"build {build_id} was not picked up within {seconds} s"
        time.sleep(0.05)


def test_watcher_switches_to_a_rebuilt_index(kb_copy: Path, tmp_path: Path,
                                             embedder: LocalEmbedder) -> None:
    first = build(kb_copy, tmp_path, embedder)
    with app_client(kb_copy, tmp_path, reload_interval=0.05) as client:
        assert top_title(client) == OLD_TITLE
        revise_card(kb_copy)
        second = build(kb_copy, tmp_path, embedder)
        assert second != first
        wait_for_build(client, second)
        assert top_title(client) == NEW_TITLE
        assert f'coach_index_info{{build_id="{second}"' in client.get("/metrics").text


def test_admin_reload_swaps_on_request(kb_copy: Path, tmp_path: Path, embedder: LocalEmbedder) -> None:
    build(kb_copy, tmp_path, embedder)
    with app_client(kb_copy, tmp_path, reload_interval=0, admin_token=TOKEN) as client:
        assert client.post("/admin/reload", headers=AUTH).json()["status"] == "current"
        revise_card(kb_copy)
        second = build(kb_copy, tmp_path, embedder)
        assert top_title(client) == OLD_TITLE  # watcher off: nothing changes until asked
        response = client.post("/admin/reload", headers=AUTH)
        assert response.status_code == 200
        assert response.json() == {"status": "reloaded", "build_id": second, "cards": 4}
        assert top_title(client) == NEW_TITLE


@pytest.mark.parametrize(("token", "headers", "status", "fragment"), [
    (None, AUTH, 404, "admin routes are off: set COACH_ADMIN_TOKEN"),
    (TOKEN, {}, 403, "wrong or missing admin token"),
    (TOKEN, {"Authorization": "Bearer nope"}, 403, "wrong or missing admin token"),
    (TOKEN, {"Authorization": f"Basic {TOKEN}"}, 403, "wrong or missing admin token"),
])
def test_admin_needs_the_configured_token(tmp_path: Path, fixture_index: Any, token: str | None,
                                          headers: dict[str, str], status: int, fragment: str) -> None:
    settings = make_settings(tmp_path, database_url=f"sqlite:///{tmp_path / 'coach.db'}", admin_token=token,
                             reload_interval=0)
    settings.index_dir = Path(fixture_index.path)
    with TestClient(create_app(settings, wait_until_loaded=True)) as client:
        response = client.post("/admin/reload", headers=headers)
        assert response.status_code == status
        assert fragment in response.json()["detail"]


def _damage_vectors(index_dir: Path) -> None:
    (index_dir.resolve() / "vectors.faiss").write_bytes(b"not a faiss index")


def _other_model(index_dir: Path) -> None:
    manifest = index_dir.resolve() / "manifest.json"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace('"model": "', '"model": "other-'),
                        encoding="utf-8")


@pytest.mark.parametrize(("damage", "fragment"), [
    (_damage_vectors, "is damaged"),
    (_other_model, "was built with model 'other-"),
])
def test_a_broken_new_build_is_refused_and_the_old_one_serves(
        kb_copy: Path, tmp_path: Path, embedder: LocalEmbedder, caplog: pytest.LogCaptureFixture,
        damage: Any, fragment: str) -> None:
    first = build(kb_copy, tmp_path, embedder)
    with app_client(kb_copy, tmp_path, reload_interval=0.05, admin_token=TOKEN) as client:
        revise_card(kb_copy)
        with caplog.at_level(logging.ERROR, logger="coach.reload"):
            second = build(kb_copy, tmp_path, embedder)
            damage(tmp_path / "index")
            deadline = time.monotonic() + 10
            while not any(second in r.getMessage() for r in caplog.records):
                assert time.monotonic() < deadline, "the watcher never reported the broken build"
                time.sleep(0.05)
        assert fragment in caplog.records[-1].getMessage()
        refused = client.post("/admin/reload", headers=AUTH)
        assert refused.status_code == 409
        assert fragment in refused.json()["detail"] and f"still serving build {first}" in refused.json()["detail"]
        assert client.get("/readyz").json()["build_id"] == first
        assert top_title(client) == OLD_TITLE
        # the next good build is picked up again
        third = build(kb_copy, tmp_path, embedder)
        wait_for_build(client, third)
        assert top_title(client) == NEW_TITLE


def test_a_server_started_without_an_index_becomes_ready_after_a_build(
        kb_copy: Path, tmp_path: Path, embedder: LocalEmbedder) -> None:
    with app_client(kb_copy, tmp_path, reload_interval=0.05) as client:
        assert client.get("/readyz").status_code == 503
        built = build(kb_copy, tmp_path, embedder)
        wait_for_build(client, built)
        assert read_manifest(tmp_path / "index").build_id == built
        assert top_title(client) == OLD_TITLE
