"""`ConversationStore.append_turns`: a question and its answer in one transaction, in order, on SQLite."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.exc import IntegrityError

from server.models import Turn
from server.store.conversations import ConversationStore


def test_a_turn_pair_is_written_in_order_with_one_commit(tmp_path: Path) -> None:
    store = ConversationStore.from_url(f"sqlite:///{tmp_path / 'coach.db'}")
    cid = store.create()
    commits: list[int] = []
    event.listen(store.engine, "commit", lambda conn: commits.append(1))
    store.append_turns(cid, [Turn(role="user", content="who holds final cut?", created_at=""),
                             Turn(role="coach", content="It depends on the contract.", card_ids=["final-cut"],
                                  in_scope=True, confidence=0.8, created_at="")])
    assert len(commits) == 1
    turns = store.turns(cid)
    assert [(t.role, t.content) for t in turns] == [("user", "who holds final cut?"),
                                                    ("coach", "It depends on the contract.")]
    assert turns[1].card_ids == ["final-cut"]
    store.append_turns(cid, [])
    assert len(commits) == 1 and len(store.turns(cid)) == 2


def test_a_failing_answer_takes_its_question_back_out(tmp_path: Path) -> None:
    store = ConversationStore.from_url(f"sqlite:///{tmp_path / 'coach.db'}")
    cid = store.create()
    broken = Turn.model_construct(role="coach", content=None, created_at="")  # NOT NULL in the table
    with pytest.raises(IntegrityError):
        store.append_turns(cid, [Turn(role="user", content="who holds final cut?", created_at=""), broken])
    assert store.turns(cid) == []
