"""Text a database cannot store (NUL, lone surrogates) is refused at the edge with 422, on SQLite and PostgreSQL;
database errors never carry the values bound to the statement."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.exc import SQLAlchemyError

from server.app import create_app
from server.models import Turn, text_problem
from server.store.conversations import ConversationStore, make_engine, metadata

from .conftest import make_settings

POSTGRES_URL = os.environ.get("COACH_TEST_POSTGRES_URL")
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.skipif(
    not POSTGRES_URL, reason="set COACH_TEST_POSTGRES_URL=postgresql+psycopg://... to test PostgreSQL"))]
SECRET = "Acme's confidential offer: 2.4 million"


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'coach.db'}"
    assert POSTGRES_URL is not None
    engine = make_engine(POSTGRES_URL)
    metadata.drop_all(engine)
    engine.dispose()
    return POSTGRES_URL


@pytest.fixture()
def client(tmp_path: Path, fixture_index: Any, database_url: str) -> Iterator[TestClient]:
    settings = make_settings(tmp_path, database_url=database_url, reload_interval=0)
    settings.index_dir = Path(fixture_index.path)
    with TestClient(create_app(settings, wait_until_loaded=True)) as c:
        yield c


def test_a_nul_in_the_message_is_a_422_with_the_reason(client: TestClient) -> None:
    response = client.post("/api/ask", json={"message": "who holds final cut?\u0000 on our film"})
    assert response.status_code == 422
    assert response.json()["detail"] == ("invalid request: message: message contains a NUL character (\\u0000) at "
                                         "position 20; remove it and send again")
    surrogate = client.post("/api/ask", content=b'{"message": "final cut \\ud800"}',
                            headers={"content-type": "application/json"})
    assert surrogate.status_code == 422 and surrogate.json()["detail"].startswith("invalid request: message: ")
    assert client.post("/api/ask", json={"message": "who holds final cut on our film?"}).status_code == 200


@pytest.mark.parametrize("path", ["/api/conversations/a%00b", "/api/conversations/a%00b/export",
                                  "/api/conversations/%F0%9F%98%80", f"/api/conversations/{'a' * 65}"])
def test_a_conversation_id_that_cannot_be_an_id_is_a_422(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 422
    assert response.json()["detail"].startswith("invalid request: path.conversation_id: String should ")


def test_text_problem_names_the_field_and_the_position() -> None:
    assert text_problem("fine, 日本語 too", "text") is None
    assert text_problem("ab\x00", "text") == ("text contains a NUL character (\\u0000) at position 2; remove it and "
                                              "send again")
    assert text_problem("a\ud801", "comment") == ("comment contains a lone UTF-16 surrogate (\\ud801) at position 1, "
                                                  "which is not text; send valid UTF-8")


def test_database_errors_do_not_carry_the_message_text(database_url: str, caplog: pytest.LogCaptureFixture) -> None:
    store = ConversationStore.from_url(database_url)
    turn = Turn(role="user", content=SECRET + "\x00", created_at="2026-01-01T00:00:00+00:00")
    try:
        with pytest.raises(SQLAlchemyError) as failed:  # NUL on PostgreSQL; an unknown conversation on SQLite
            store.append_turns("no-such-conversation" if database_url.startswith("sqlite") else store.create(), [turn])
    finally:
        store.engine.dispose()
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("coach").exception("database write failed", exc_info=failed.value)
    assert "no-such-conversation" not in str(failed.value)
    assert SECRET not in str(failed.value)
    assert SECRET not in caplog.text
