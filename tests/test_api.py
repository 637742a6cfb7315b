"""The JSON API contract, validation errors, conversations across a restart, health and readiness."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from server.app import create_app
from server.settings import Settings

from .conftest import FIXTURE_KB, app_client, make_settings

ANSWER_KEYS = {"conversation_id", "in_scope", "confidence", "answer_markdown", "sources", "suggestions", "decoded",
               "lang"}


def _settings(tmp_path: Path, fixture_index: Any) -> Settings:
    settings = make_settings(tmp_path, FIXTURE_KB, database_url=f"sqlite:///{tmp_path / 'coach.db'}")
    settings.index_dir = Path(fixture_index.path)
    return settings


@pytest.fixture()
def client(tmp_path: Path, fixture_index: Any) -> Any:
    with TestClient(create_app(_settings(tmp_path, fixture_index), wait_until_loaded=True)) as c:
        yield c


def test_ask_returns_the_documented_contract(client: TestClient) -> None:
    response = client.post("/api/ask", json={"message": "what does 前向きに検討させていただきます mean?",
                                             "culture": "jp-us", "perspective": "us-side"})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == ANSWER_KEYS
    assert isinstance(body["conversation_id"], str) and body["in_scope"] is True
    assert 0.0 <= body["confidence"] <= 1.0
    assert body["sources"][0] == {"id": "fx-soft-no", "title": "Fixture: a soft no from a Japanese partner",
                                  "topics": ["indirect-no"], "cultures": ["jp-us"],
                                  "score": body["sources"][0]["score"]}
    assert body["decoded"] == [{"expression": "前向きに検討させていただきます",
                                "meaning": "Often not now; sometimes real when a date follows.",
                                "card_id": "fx-soft-no"}]
    assert body["suggestions"] and all(isinstance(s, str) for s in body["suggestions"])
    assert body["lang"] == "en"  # the asker's own words are English; the quoted phrase is the partner's


def test_lang_asks_for_the_answer_in_that_language(client: TestClient) -> None:
    """The fixture cards have no Japanese translation: headings and notes are Japanese, and one line says the
    guidance itself is shown in English."""
    body = client.post("/api/ask", json={"message": "How do I read a soft no from my Japanese partner?",
                                         "lang": "ja"}).json()
    assert body["lang"] == "ja"
    assert "**結論：**" in body["answer_markdown"] and "**出典：**" in body["answer_markdown"]
    assert "まだ日本語に翻訳されていない" in body["answer_markdown"]


@pytest.mark.parametrize(("payload", "fragment"), [
    ({"message": ""}, "message: String should have at least 1 character"),
    ({"message": "   \n "}, "message: String should have at least 1 character"),
    ({"message": "x" * 4001}, "message: String should have at most 4000 characters"),
    ({"message": "hi", "culture": "jp-fr"}, "culture: Input should be 'jp-us', 'kr-us', 'cn-us' or 'any'"),
    ({"message": "hi", "perspective": "middle"}, "perspective: Input should be 'both', 'us-side' or 'asia-side'"),
    ({"message": "hi", "colour": "red"}, "colour: Extra inputs are not permitted"),
    ({"message": "hi", "lang": "fr"}, "lang: Input should be 'en', 'ja', 'ko' or 'zh'"),
    ({}, "message: Field required"),
])
def test_bad_input_gets_422_saying_what_is_wrong(client: TestClient, payload: dict[str, Any], fragment: str) -> None:
    response = client.post("/api/ask", json=payload)
    assert response.status_code == 422
    assert fragment in response.json()["detail"]


def test_invalid_json_and_unknown_conversation(client: TestClient) -> None:
    bad = client.post("/api/ask", content=b'{"message": ', headers={"content-type": "application/json"})
    assert bad.status_code == 422
    assert bad.json()["detail"] == "invalid request: the body is not valid JSON (at character 12: Expecting value)"
    assert client.get("/api/conversations/nope").status_code == 404
    assert client.get("/api/conversations/nope").json()["detail"] == "no conversation 'nope'"


def test_conversations_survive_a_restart_and_export(tmp_path: Path, fixture_index: Any) -> None:
    settings = _settings(tmp_path, fixture_index)
    with TestClient(create_app(settings, wait_until_loaded=True)) as first:
        cid = first.post("/api/ask", json={"message": "who holds final cut on our film?"}).json()["conversation_id"]
    with TestClient(create_app(settings, wait_until_loaded=True)) as second:
        follow = second.post("/api/ask", json={"message": "and in writing?", "conversation_id": cid})
        assert follow.json()["conversation_id"] == cid
        turns = second.get(f"/api/conversations/{cid}").json()["turns"]
        assert [t["role"] for t in turns] == ["user", "coach", "user", "coach"]
        assert turns[2]["resolved_query"] == "who holds final cut on our film? and in writing?"
        export = second.get(f"/api/conversations/{cid}/export")
        assert export.status_code == 200 and export.headers["content-type"].startswith("text/markdown")
        assert export.text.startswith(f"# Co-Production Coach conversation {cid}")
        assert "who holds final cut on our film?" in export.text


def test_health_readiness_and_openapi(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["cards"] == 4
    schema = client.get("/openapi.json").json()
    assert {"/api/ask", "/api/conversations/{conversation_id}", "/healthz", "/readyz"} <= set(schema["paths"])
    assert "Ask" in schema["components"]["schemas"] and "Answer" in schema["components"]["schemas"]


def test_missing_index_is_not_ready_with_the_fix(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, FIXTURE_KB, database_url=f"sqlite:///{tmp_path / 'coach.db'}")
    with TestClient(create_app(settings, wait_until_loaded=True)) as client:
        assert client.get("/healthz").status_code == 200
        ready = client.get("/readyz")
        assert ready.status_code == 503 and "run `coach index build`" in ready.json()["reason"]
        ask = client.post("/api/ask", json={"message": "hello"})
        assert ask.status_code == 503 and "the coach is not ready" in ask.json()["detail"]


def test_conversation_ids_are_restricted_to_safe_characters(client: TestClient) -> None:
    bad = client.post("/api/ask", json={"message": "who holds final cut?", "conversation_id": "é\n<x>"})
    assert bad.status_code == 422 and "conversation_id: String should match pattern" in bad.json()["detail"]
    chosen = client.post("/api/ask", json={"message": "who holds final cut?", "conversation_id": "acme-jp-kickoff"})
    cid = chosen.json()["conversation_id"]  # an id the server never issued starts a new conversation with its own
    assert chosen.status_code == 200 and cid != "acme-jp-kickoff" and re.fullmatch(r"[0-9a-f]{32}", cid)
    assert client.get("/api/conversations/acme-jp-kickoff").status_code == 404
    export = client.get(f"/api/conversations/{cid}/export")
    assert export.headers["content-disposition"] == f'attachment; filename="coach-{cid}.md"'


def test_history_is_capped_and_paged(tmp_path: Path, fixture_index: Any) -> None:
    with app_client(tmp_path, fixture_index, max_conversation_turns=4) as client:
        cid = None
        for question in ("who holds final cut on our film?", "and in writing?", "who approves the edit?"):
            cid = client.post("/api/ask", json={"message": question, "conversation_id": cid}).json()["conversation_id"]
        first = client.get(f"/api/conversations/{cid}", params={"limit": 3}).json()
        assert first["total"] == 4 and first["offset"] == 0 and first["next_offset"] == 3
        assert [t["role"] for t in first["turns"]] == ["user", "coach", "user"]
        assert first["turns"][0]["content"] == "and in writing?"  # the oldest exchange went past the cap
        rest = client.get(f"/api/conversations/{cid}", params={"offset": 3, "limit": 3}).json()
        assert [t["role"] for t in rest["turns"]] == ["coach"] and rest["next_offset"] is None
        too_big = client.get(f"/api/conversations/{cid}", params={"limit": 500})
        assert too_big.status_code == 422 and "limit" in too_big.json()["detail"]
