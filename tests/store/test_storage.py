"""Conversation and feedback storage through the same code on SQLite (always) and PostgreSQL (when
COACH_TEST_POSTGRES_URL is set, as .ci/run does)."""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Boolean, Column, Float, ForeignKey, Integer, MetaData, String, Table, Text, update

from server.models import Turn
from server.store.conversations import ConversationStore, conversations, make_engine, metadata

# Read at import: the autouse fixture in conftest.py clears COACH_* variables before each test.
POSTGRES_URL = os.environ.get("COACH_TEST_POSTGRES_URL")
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.skipif(
    not POSTGRES_URL, reason="set COACH_TEST_POSTGRES_URL=postgresql+psycopg://... to test PostgreSQL"))]


@pytest.fixture(params=BACKENDS)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'coach.db'}"
        return
    assert POSTGRES_URL is not None
    engine = make_engine(POSTGRES_URL)
    metadata.drop_all(engine)  # every test starts from an empty database
    engine.dispose()
    yield POSTGRES_URL


@pytest.fixture()
def store(url: str) -> Iterator[ConversationStore]:
    store = ConversationStore.from_url(url)
    yield store
    store.engine.dispose()


def _exchange(store: ConversationStore, cid: str, question: str, in_scope: bool = True, confidence: float = 0.9,
              cards: list[str] | None = None) -> None:
    store.append_turns(cid, [Turn(role="user", content=question, created_at=_now(), resolved_query=question,
                                  in_scope=in_scope, confidence=confidence),
                             Turn(role="coach", content=f"answer to {question}", created_at=_now(), in_scope=in_scope,
                                  confidence=confidence, card_ids=cards or [])])


def _now() -> str:
    return datetime.now(UTC).isoformat()


def test_append_and_read_turns_in_order(store: ConversationStore) -> None:
    cid = store.create("jp-us", "us-side")
    assert store.exists(cid) and not store.exists("nope")
    _exchange(store, cid, "who has final cut?", cards=["final-cut"])
    _exchange(store, cid, "and in writing?")
    turns = store.turns(cid)
    assert [(t.role, t.content) for t in turns] == [
        ("user", "who has final cut?"), ("coach", "answer to who has final cut?"),
        ("user", "and in writing?"), ("coach", "answer to and in writing?")]
    assert turns[1].card_ids == ["final-cut"] and turns[0].in_scope is True and turns[0].confidence == 0.9
    assert [t.content for t in store.turns(cid, last=2)] == ["and in writing?", "answer to and in writing?"]
    assert store.last_exchange(cid) == (turns[2], turns[3])
    ids = {store.create() for _ in range(50)}  # issued by the server: 128 random bits each
    assert len(ids) == 50 and all(re.fullmatch(r"[0-9a-f]{32}", i) for i in ids)


def test_suggestions_and_one_rating_are_kept_with_the_coach_turn(store: ConversationStore) -> None:
    cid = store.create(owner="a" * 64)
    store.append_turns(cid, [Turn(role="user", content="who has final cut?", created_at=_now()),
                             Turn(role="coach", content="answer", created_at=_now(),
                                  suggestions=["and in writing?", "who pays?"])])
    assert store.turns(cid)[1].suggestions == ["and in writing?", "who pays?"] and store.turns(cid)[1].rating is None
    assert not store.rate(cid, 0, 1) and not store.rate(cid, 7, 1)  # a question, and no turn at all
    assert store.rate(cid, 1, -1) and not store.rate(cid, 1, 1)  # once only
    assert store.turns(cid)[1].rating == -1
    assert store.owner(cid) == "a" * 64 and store.owner("nope") is None and store.owner(store.create()) is None
    assert store.owned_by("a" * 64, ["nope", cid]) == [cid] and store.owned_by("b" * 64, [cid]) == []


def test_share_links_are_one_per_conversation_and_revocable(store: ConversationStore) -> None:
    cid = store.create()
    assert store.share_token(cid) is None and not store.unshare(cid)
    token = store.share(cid)
    assert len(token) == 32 and store.share(cid) == token and store.shared(token) == cid
    assert store.unshare(cid) and store.shared(token) is None and store.share(cid) != token
    with store.engine.begin() as conn:
        conn.execute(update(conversations).where(conversations.c.id == cid)
                     .values(updated_at="2000-01-01T00:00:00.000000+00:00"))
    assert store.purge(90) == 1 and store.share_token(cid) is None


def test_a_database_from_before_ownership_and_suggestions_is_upgraded(url: str) -> None:
    """The tables as the previous release made them, with a conversation in them: opening the store adds the new
    columns and keeps what was there."""
    old = MetaData()
    Table("conversations", old, Column("id", String(64), primary_key=True),
          Column("created_at", String(32), nullable=False), Column("updated_at", String(32), nullable=False),
          Column("culture", String(16)), Column("perspective", String(16)))
    Table("messages", old, Column("id", Integer, primary_key=True, autoincrement=True),
          Column("conversation_id", String(64), ForeignKey("conversations.id"), nullable=False),
          Column("role", String(8), nullable=False), Column("content", Text, nullable=False),
          Column("resolved_query", Text), Column("in_scope", Boolean), Column("confidence", Float),
          Column("card_ids", Text, nullable=False), Column("created_at", String(32), nullable=False))
    engine = make_engine(url)
    old.create_all(engine)
    with engine.begin() as conn:
        conn.execute(old.tables["conversations"].insert().values(id="legacy", created_at=_now(), updated_at=_now()))
        for role in ("user", "coach"):
            conn.execute(old.tables["messages"].insert().values(conversation_id="legacy", role=role, content=role,
                                                                card_ids="[]", created_at=_now()))
    engine.dispose()
    stores = [ConversationStore.from_url(url) for _ in range(2)]  # a second worker finds it done
    store = stores[0]
    assert [(t.content, t.suggestions, t.rating) for t in store.turns("legacy")] == [("user", [], None),
                                                                                    ("coach", [], None)]
    store.append_turns("legacy", [Turn(role="user", content="q", created_at=_now()),
                                  Turn(role="coach", content="a", created_at=_now(), suggestions=["next?"])])
    assert store.rate("legacy", 1, 1) and store.turns("legacy")[3].suggestions == ["next?"]
    assert store.owner("legacy") is None and store.share("legacy")
    for s in stores:
        s.engine.dispose()


def test_export_markdown(store: ConversationStore) -> None:
    cid = store.create()
    _exchange(store, cid, "前向きに検討します — is that a no?")
    text = store.export_markdown(cid)
    assert text.startswith(f"# Co-Production Coach conversation {cid}\n\n## You (")
    assert "前向きに検討します — is that a no?" in text and "## Coach (" in text


def test_purge_deletes_only_idle_conversations(store: ConversationStore) -> None:
    old, fresh = store.create(), store.create()
    _exchange(store, old, "old question")
    _exchange(store, fresh, "fresh question")
    with store.engine.begin() as conn:
        conn.execute(update(conversations).where(conversations.c.id == old)
                     .values(updated_at="2000-01-01T00:00:00.000000+00:00"))
    assert store.purge(0) == 0  # 0 keeps everything
    assert store.purge(90) == 1
    assert not store.exists(old) and store.turns(old) == []
    assert store.exists(fresh) and len(store.turns(fresh)) == 2


def test_feedback_report_counts_and_gaps(store: ConversationStore) -> None:
    cid = store.create()
    _exchange(store, cid, "who has final cut?", cards=["final-cut"])
    _exchange(store, cid, "banana bread recipe?", in_scope=False, confidence=0.1)
    _exchange(store, cid, "vague budget thing", confidence=0.55)
    store.add_feedback(cid, "who has final cut?", "a", ["final-cut"], 1, channel="web")
    store.add_feedback(cid, "who has final cut?", "a", ["final-cut", "money"], -1, "too vague", channel="slack")
    store.add_feedback(cid, "who has final cut?", "a", ["final-cut"], -1, channel="web")
    with pytest.raises(ValueError, match="rating must be 1 or -1, not 0"):
        store.add_feedback(cid, "q", "a", [], 0)
    report = store.feedback_report()
    assert report == [{"question": "who has final cut?", "up": 1, "down": 2, "card_ids": ["final-cut", "money"],
                       "comments": ["too vague"]}]
    assert store.feedback_counts() == {(1, "web"): 1, (-1, "web"): 1, (-1, "slack"): 1}
    assert [g["content"] for g in store.gaps(below=0.6)] == ["vague budget thing", "banana bread recipe?"]


def test_concurrent_writers_lose_nothing(url: str) -> None:
    """Eight threads, each with its own store (as separate workers would have), appending at once."""
    errors: list[BaseException] = []
    stores = [ConversationStore.from_url(url) for _ in range(8)]
    shared = stores[0].create()
    start = threading.Barrier(len(stores))

    def work(store: ConversationStore) -> None:
        try:
            start.wait()
            own = store.create()
            for i in range(10):
                _exchange(store, own, f"question {i}")
                store.append_turns(shared, [Turn(role="user", content=f"shared {i}", created_at=_now())])
                store.add_feedback(own, f"question {i}", "a", [], 1)
        except BaseException as e:  # collected and asserted below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(s,)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert errors == []
        assert len(stores[0].turns(shared)) == 80
        assert stores[0].feedback_counts() == {(1, "web"): 80}
    finally:
        for s in stores:
            s.engine.dispose()


def test_several_workers_create_the_schema_at_once(url: str) -> None:
    """Workers start together on an empty database; creating the tables must not fail for any of them."""
    errors: list[BaseException] = []
    start = threading.Barrier(6)

    def open_store() -> None:
        try:
            start.wait()
            engine = make_engine(url)
            try:
                ConversationStore(engine)
            finally:
                engine.dispose()
        except BaseException as e:  # collected and asserted below
            errors.append(e)

    threads = [threading.Thread(target=open_store) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


@pytest.mark.skipif(not POSTGRES_URL, reason="set COACH_TEST_POSTGRES_URL to test PostgreSQL")
def test_the_app_answers_and_keeps_conversations_on_postgresql(tmp_path: Path, fixture_index: Any) -> None:
    from fastapi.testclient import TestClient

    from server.app import create_app

    from ..conftest import make_settings

    assert POSTGRES_URL is not None
    settings = make_settings(tmp_path, database_url=POSTGRES_URL, reload_interval=0)
    settings.index_dir = Path(fixture_index.path)
    with TestClient(create_app(settings, wait_until_loaded=True)) as client:
        cid = client.post("/api/ask", json={"message": "who holds final cut on our film?"}).json()["conversation_id"]
        turns = client.get(f"/api/conversations/{cid}").json()["turns"]
        assert [t["role"] for t in turns] == ["user", "coach"]


def test_a_conversation_keeps_at_most_the_cap_in_whole_exchanges(url: str) -> None:
    store = ConversationStore.from_url(url, max_turns=5)  # rounded down to 4: two exchanges
    try:
        cid = store.create()
        for n in range(4):
            _exchange(store, cid, f"question {n}")
        turns = store.turns(cid)
        assert [t.content for t in turns if t.role == "user"] == ["question 2", "question 3"]
        assert [t.role for t in turns] == ["user", "coach", "user", "coach"]
        page, total = store.page(cid, 1, 2)
        assert total == 4 and [t.role for t in page] == ["coach", "user"]
    finally:
        store.engine.dispose()


def test_sqlite_runs_in_wal_mode_and_syncs_at_checkpoints(tmp_path: Path) -> None:
    """WAL with synchronous=NORMAL: a commit does not wait for the disk, and the file stays consistent after a
    crash; several workers can read while one writes."""
    engine = make_engine(f"sqlite:///{tmp_path / 'coach.db'}")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
