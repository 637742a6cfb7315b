"""Conversation storage over SQLAlchemy Core: SQLite (WAL) by default, PostgreSQL by URL."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from server.models import Turn

metadata = MetaData()
conversations = Table(
    "conversations", metadata,
    Column("id", String(64), primary_key=True),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False, index=True),
    Column("culture", String(16)),
    Column("perspective", String(16)),
)
messages = Table(
    "messages", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("conversation_id", String(64), ForeignKey("conversations.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("role", String(8), nullable=False),
    Column("content", Text, nullable=False),
    Column("resolved_query", Text),
    Column("in_scope", Boolean),
    Column("confidence", Float),
    Column("card_ids", Text, nullable=False, default="[]"),
    Column("created_at", String(32), nullable=False),
)


feedback = Table(
    "feedback", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("conversation_id", String(64), index=True),
    Column("question", Text, nullable=False),
    Column("answer", Text, nullable=False),
    Column("card_ids", Text, nullable=False, default="[]"),
    Column("rating", Integer, nullable=False),  # +1 up, -1 down
    Column("comment", String(500)),
    Column("channel", String(16), nullable=False),  # web, slack, mattermost, api
    Column("created_at", String(32), nullable=False),
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def make_engine(url: str) -> Engine:
    """Create the engine; SQLite gets its folder, WAL mode and a busy timeout so several workers can share it."""
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=5000")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()
    return engine


def _create_schema(engine: Engine, attempts: int = 5) -> None:
    """Create missing tables. Workers starting together on an empty database race to create them; the loser
    of a race gets "already exists" and simply checks again."""
    for attempt in range(attempts):
        try:
            metadata.create_all(engine)
            return
        except DBAPIError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


class ConversationStore:
    """Append and read conversation turns; export one conversation as Markdown; purge idle ones."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        _create_schema(engine)

    @classmethod
    def from_url(cls, url: str) -> ConversationStore:
        return cls(make_engine(url))

    def create(self, culture: str | None = None, perspective: str | None = None,
               conversation_id: str | None = None) -> str:
        """A new conversation; the caller may choose its id (Slack threads, clients resuming after a purge)."""
        conversation_id = conversation_id or uuid.uuid4().hex
        now = _now()
        with self.engine.begin() as conn:
            conn.execute(insert(conversations).values(id=conversation_id, created_at=now, updated_at=now,
                                                      culture=culture, perspective=perspective))
        return conversation_id

    def exists(self, conversation_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(conversations.c.id).where(conversations.c.id == conversation_id)).first() \
                is not None

    def append(self, conversation_id: str, turn: Turn) -> None:
        self.append_turns(conversation_id, [turn])

    def append_turns(self, conversation_id: str, turns: Sequence[Turn]) -> None:
        """Write several turns (a question and its answer) in one transaction: both or neither, one commit."""
        if not turns:
            return
        now = _now()
        with self.engine.begin() as conn:
            for turn in turns:  # one statement each, in order: ids keep the turns' order on every database
                conn.execute(insert(messages).values(
                    conversation_id=conversation_id, role=turn.role, content=turn.content,
                    resolved_query=turn.resolved_query, in_scope=turn.in_scope, confidence=turn.confidence,
                    card_ids=json.dumps(turn.card_ids), created_at=turn.created_at or now))
            conn.execute(update(conversations).where(conversations.c.id == conversation_id)
                         .values(updated_at=now))

    def turns(self, conversation_id: str, last: int | None = None) -> list[Turn]:
        """The conversation's turns, oldest first (only the last `last` when given)."""
        query = select(messages).where(messages.c.conversation_id == conversation_id).order_by(messages.c.id.desc())
        if last is not None:
            query = query.limit(last)
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        return [Turn(role=r["role"], content=r["content"], created_at=r["created_at"],
                     resolved_query=r["resolved_query"], in_scope=r["in_scope"], confidence=r["confidence"],
                     card_ids=json.loads(r["card_ids"] or "[]")) for r in reversed(rows)]

    def export_markdown(self, conversation_id: str) -> str:
        lines = [f"# Co-Production Coach conversation {conversation_id}", ""]
        for turn in self.turns(conversation_id):
            who = "You" if turn.role == "user" else "Coach"
            lines += [f"## {who} ({turn.created_at[:19].replace('T', ' ')} UTC)", "", turn.content.strip(), ""]
        return "\n".join(lines)

    def last_exchange(self, conversation_id: str) -> tuple[Turn, Turn] | None:
        """The latest (question, answer) pair, which feedback refers to."""
        turns = self.turns(conversation_id, last=2)
        if len(turns) == 2 and turns[0].role == "user" and turns[1].role == "coach":
            return turns[0], turns[1]
        return None

    def add_feedback(self, conversation_id: str | None, question: str, answer: str, card_ids: list[str],
                     rating: int, comment: str | None = None, channel: str = "web") -> None:
        """Record thumbs up (+1) or down (-1) with what was asked, answered and cited."""
        if rating not in (1, -1):
            raise ValueError(f"rating must be 1 or -1, not {rating!r}")
        with self.engine.begin() as conn:
            conn.execute(insert(feedback).values(
                conversation_id=conversation_id, question=question, answer=answer, card_ids=json.dumps(card_ids),
                rating=rating, comment=(comment or None) and comment[:500], channel=channel, created_at=_now()))

    def feedback_counts(self) -> dict[tuple[int, str], int]:
        """How many ratings are stored, by (rating, channel); /metrics reports them for every worker at once."""
        query = select(feedback.c.rating, feedback.c.channel, func.count()).group_by(feedback.c.rating,
                                                                                    feedback.c.channel)
        with self.engine.connect() as conn:
            return {(int(rating), str(channel)): int(n) for rating, channel, n in conn.execute(query).all()}

    def feedback_report(self, limit: int = 20) -> list[dict[str, Any]]:
        """Questions by net rating, worst first, with the cards behind them and the comments."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(feedback).order_by(feedback.c.id)).mappings().all()
        grouped: dict[str, dict[str, Any]] = {}
        for row in rows:
            item = grouped.setdefault(row["question"], {"question": row["question"], "up": 0, "down": 0,
                                                         "card_ids": [], "comments": []})
            item["up" if row["rating"] > 0 else "down"] += 1
            item["card_ids"] = list(dict.fromkeys(item["card_ids"] + json.loads(row["card_ids"])))
            if row["comment"]:
                item["comments"].append(row["comment"])
        ranked = sorted(grouped.values(), key=lambda i: (i["up"] - i["down"], -i["down"]))
        return ranked[:limit]

    def gaps(self, below: float, limit: int = 50) -> list[dict[str, Any]]:
        """Questions that were declined or answered with low confidence: what to write cards for next."""
        query = (select(messages.c.content, messages.c.confidence, messages.c.in_scope, messages.c.created_at)
                 .where(messages.c.role == "user")
                 .where((messages.c.in_scope.is_(False)) | (messages.c.confidence < below))
                 .order_by(messages.c.id.desc()).limit(limit))
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings().all()]

    def purge(self, older_than_days: int) -> int:
        """Delete conversations idle for longer than the retention period; returns how many."""
        if older_than_days <= 0:
            return 0
        cutoff = (datetime.now(UTC) - timedelta(days=older_than_days)).isoformat(timespec="microseconds")
        with self.engine.begin() as conn:
            old = select(conversations.c.id).where(conversations.c.updated_at < cutoff)
            conn.execute(delete(messages).where(messages.c.conversation_id.in_(old)))
            return conn.execute(delete(conversations).where(conversations.c.updated_at < cutoff)).rowcount or 0
