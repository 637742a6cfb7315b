"""Retention deletes idle conversations with their ratings, at start-up and then on a timer (daily by default)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update

from server.store.conversations import ConversationStore, conversations, feedback

from ..conftest import app_client

OLD = "2000-01-01T00:00:00.000000+00:00"


def _rated_conversation(store: ConversationStore, age: str | None = None) -> str:
    cid = store.create()
    store.add_feedback(cid, "who has final cut?", "the contract says", ["final-cut"], 1, "ok", "web")
    if age:
        with store.engine.begin() as conn:
            conn.execute(update(conversations).where(conversations.c.id == cid).values(updated_at=age))
    return cid


def _ratings(store: ConversationStore, cid: str | None = None) -> int:
    query = select(func.count()).select_from(feedback)
    if cid is not None:
        query = query.where(feedback.c.conversation_id == cid)
    with store.engine.connect() as conn:
        return int(conn.execute(query).scalar_one())


def test_purge_deletes_the_ratings_of_idle_conversations_and_old_ratings(tmp_path: Path) -> None:
    store = ConversationStore.from_url(f"sqlite:///{tmp_path / 'c.db'}")
    old, fresh = _rated_conversation(store, OLD), _rated_conversation(store)
    store.add_feedback(None, "q", "a", [], -1, None, "slack")
    with store.engine.begin() as conn:  # a rating without a conversation, stored long ago
        conn.execute(update(feedback).where(feedback.c.conversation_id.is_(None)).values(created_at=OLD))
    assert store.purge(90) == 1
    assert _ratings(store, old) == 0 and _ratings(store, fresh) == 1 and _ratings(store) == 1


def test_retention_runs_again_while_the_server_runs(tmp_path: Path, fixture_index: Any) -> None:
    with app_client(tmp_path, fixture_index, retention_interval=0.2) as client:
        store = ConversationStore.from_url(f"sqlite:///{tmp_path / 'coach.db'}")
        cid = _rated_conversation(store, OLD)  # went idle after start-up's run
        deadline = time.monotonic() + 5
        while store.exists(cid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not store.exists(cid) and _ratings(store, cid) == 0
        assert client.get("/healthz").status_code == 200
