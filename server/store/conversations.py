"""Conversation storage over SQLAlchemy Core: SQLite (WAL) by default, PostgreSQL by URL."""

from __future__ import annotations

import json
import secrets
import time
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
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.sql.dml import Insert

from server.models import Turn

metadata = MetaData()
conversations = Table(
    "conversations", metadata,
    Column("id", String(64), primary_key=True),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False, index=True),
    Column("culture", String(16)),
    Column("perspective", String(16)),
    Column("owner", String(64), index=True),  # sha-256 of the browser that owns it (web only); NULL elsewhere
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
    Column("suggestions", Text),  # coach turns: the follow-ups offered, JSON
    Column("rating", Integer),  # coach turns: +1 or -1 once rated (web), so an answer is rated once
)
share_links = Table(  # read-only links an owner gave out; deleting the row revokes the link
    "share_links", metadata,
    Column("token", String(64), primary_key=True),
    Column("conversation_id", String(64), ForeignKey("conversations.id", ondelete="CASCADE"), nullable=False,
           unique=True),
    Column("created_at", String(32), nullable=False),
)
# Columns added after the first release, created on start-up in databases made before them.
ADDED_COLUMNS = {"conversations": ["owner"], "messages": ["suggestions", "rating"]}


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


def new_conversation(conversation_id: str, culture: str | None = None, perspective: str | None = None,
                     owner: str | None = None) -> Insert:
    """The INSERT for a new conversation (webhooks.py runs it in the transaction that maps a Slack thread)."""
    now = _now()
    return insert(conversations).values(id=conversation_id, created_at=now, updated_at=now, culture=culture,
                                        perspective=perspective, owner=owner)


def make_engine(url: str) -> Engine:
    """Create the engine; SQLite gets its folder, WAL mode and a busy timeout so several workers can share it."""
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    # hide_parameters: a database error's text (logged, or shown in a trace) never carries the values bound to the
    # statement, which hold users' messages and pasted partner text
    engine = create_engine(url, pool_pre_ping=True, hide_parameters=True)
    if engine.dialect.name == "sqlite":
        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            # WAL + NORMAL (SQLite's documented pairing): commits skip the fsync, the file stays consistent
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA busy_timeout=5000")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()
    return engine


def new_conversation_id() -> str:
    """A conversation id: 128 random bits, issued by the server only (an id is also a reader's key)."""
    return secrets.token_hex(16)


def _add_missing_columns(engine: Engine) -> None:
    """Bring a database made by an older release up to date: ALTER TABLE ... ADD COLUMN for each new column."""
    found = inspect(engine)
    for table_name, names in ADDED_COLUMNS.items():
        have = {c["name"] for c in found.get_columns(table_name)}
        for name in names:
            if name not in have:
                column = metadata.tables[table_name].c[name]
                kind = column.type.compile(dialect=engine.dialect)
                with engine.begin() as conn:
                    conn.execute(text(f"ALTER TABLE {table_name} ADD COLUMN {name} {kind}"))


def _create_schema(engine: Engine, attempts: int = 5) -> None:
    """Create missing tables and columns. Workers starting together on an empty (or old) database race to create
    them; the loser of a race gets "already exists" and simply checks again."""
    for attempt in range(attempts):
        try:
            metadata.create_all(engine)
            _add_missing_columns(engine)
            return
        except DBAPIError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def _turn(row: Any) -> Turn:
    return Turn(role=row["role"], content=row["content"], created_at=row["created_at"],
                resolved_query=row["resolved_query"], in_scope=row["in_scope"], confidence=row["confidence"],
                card_ids=json.loads(row["card_ids"] or "[]"), suggestions=json.loads(row["suggestions"] or "[]"),
                rating=row["rating"])


class ConversationStore:
    """Append and read conversation turns; export one conversation as Markdown; purge idle ones."""

    def __init__(self, engine: Engine, max_turns: int | None = None) -> None:
        self.engine = engine
        # whole exchanges only (a question and its answer), so the kept turns still start with a question
        self.max_turns = max_turns - max_turns % 2 if max_turns else None
        _create_schema(engine)

    @classmethod
    def from_url(cls, url: str, max_turns: int | None = None) -> ConversationStore:
        return cls(make_engine(url), max_turns)

    def create(self, culture: str | None = None, perspective: str | None = None, owner: str | None = None) -> str:
        """A new conversation with a new id (never one a client chose); `owner` ties it to one browser."""
        conversation_id = new_conversation_id()
        with self.engine.begin() as conn:
            conn.execute(new_conversation(conversation_id, culture, perspective, owner))
        return conversation_id

    def exists(self, conversation_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(conversations.c.id).where(conversations.c.id == conversation_id)).first() \
                is not None

    def owner(self, conversation_id: str) -> str | None:
        """The browser that owns the conversation (None: unknown, or made by the API, Slack or the CLI)."""
        with self.engine.connect() as conn:
            found = conn.execute(select(conversations.c.owner).where(conversations.c.id == conversation_id)).first()
        return None if found is None else found[0]

    def owned_by(self, owner: str, ids: list[str]) -> list[str]:
        """Those of `ids` that `owner` owns, in the given order."""
        if not ids:
            return []
        query = select(conversations.c.id).where(conversations.c.id.in_(ids), conversations.c.owner == owner)
        with self.engine.connect() as conn:
            mine = {row[0] for row in conn.execute(query)}
        return [i for i in ids if i in mine]

    def share(self, conversation_id: str) -> str:
        """The conversation's read-only share token, made on first use (one per conversation)."""
        if (token := self.share_token(conversation_id)) is not None:
            return token
        token, now = secrets.token_urlsafe(24), _now()
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(share_links).values(token=token, conversation_id=conversation_id, created_at=now))
        except IntegrityError:  # two clicks at once: keep the first link
            token = self.share_token(conversation_id) or ""
        return token

    def share_token(self, conversation_id: str) -> str | None:
        query = select(share_links.c.token).where(share_links.c.conversation_id == conversation_id)
        with self.engine.connect() as conn:
            return conn.execute(query).scalar()

    def unshare(self, conversation_id: str) -> bool:
        """Revoke the share link; True if there was one."""
        with self.engine.begin() as conn:
            gone = conn.execute(delete(share_links).where(share_links.c.conversation_id == conversation_id))
        return bool(gone.rowcount)

    def shared(self, token: str) -> str | None:
        """The conversation a share token opens, while it is not revoked."""
        with self.engine.connect() as conn:
            return conn.execute(select(share_links.c.conversation_id).where(share_links.c.token == token)).scalar()

    def append_turns(self, conversation_id: str, turns: Sequence[Turn]) -> None:
        """Write several turns (a question and its answer) in one transaction: both or neither, one commit."""
        if not turns:
            return
        with self.engine.begin() as conn:
            for turn in turns:  # one statement each, in order: ids keep the turns' order on every database
                conn.execute(insert(messages).values(
                    conversation_id=conversation_id, role=turn.role, content=turn.content,
                    resolved_query=turn.resolved_query, in_scope=turn.in_scope, confidence=turn.confidence,
                    card_ids=json.dumps(turn.card_ids), created_at=turn.created_at or _now(),
                    suggestions=json.dumps(turn.suggestions) if turn.suggestions else None, rating=turn.rating))
            conn.execute(update(conversations).where(conversations.c.id == conversation_id)
                         .values(updated_at=_now()))
            if self.max_turns and any(t.role == "coach" for t in turns):  # drop the oldest exchanges past the cap
                newest = (select(messages.c.id).where(messages.c.conversation_id == conversation_id)
                          .order_by(messages.c.id.desc()).limit(self.max_turns).subquery())
                conn.execute(delete(messages).where(messages.c.conversation_id == conversation_id)
                             .where(messages.c.id.not_in(select(newest.c.id))))

    def turns(self, conversation_id: str, last: int | None = None) -> list[Turn]:
        """The conversation's turns, oldest first (only the last `last` when given)."""
        query = select(messages).where(messages.c.conversation_id == conversation_id).order_by(messages.c.id.desc())
        if last is not None:
            query = query.limit(last)
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        return [_turn(r) for r in reversed(rows)]

    def page(self, conversation_id: str, offset: int, limit: int) -> tuple[list[Turn], int]:
        """`limit` turns from `offset` (oldest first) and how many turns the conversation keeps in all."""
        base = select(messages).where(messages.c.conversation_id == conversation_id)
        with self.engine.connect() as conn:
            total = int(conn.execute(select(func.count()).select_from(base.subquery())).scalar_one())
            rows = conn.execute(base.order_by(messages.c.id).offset(offset).limit(limit)).mappings().all()
        return [_turn(r) for r in rows], total

    def _coach_row(self, conversation_id: str, index: int | None) -> int | None:
        """The message id of the coach turn at `index` (None: the latest coach turn)."""
        query = select(messages.c.id, messages.c.role).where(messages.c.conversation_id == conversation_id)
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(messages.c.id)).all()
        if index is None:
            return next((r[0] for r in reversed(rows) if r[1] == "coach"), None)
        return rows[index][0] if 0 <= index < len(rows) and rows[index][1] == "coach" else None

    def rate(self, conversation_id: str, index: int, rating: int) -> bool:
        """Mark the coach turn at `index` as rated; False if it is already rated (or no such coach turn)."""
        row = self._coach_row(conversation_id, index)
        if row is None:
            return False
        with self.engine.begin() as conn:
            done = conn.execute(update(messages).where(messages.c.id == row, messages.c.rating.is_(None))
                                .values(rating=rating))
        return done.rowcount == 1

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
        """Delete conversations idle for longer than the retention period, with their messages and ratings (which
        hold the question and answer too), and any rating older than it; returns how many conversations."""
        if older_than_days <= 0:
            return 0
        cutoff = (datetime.now(UTC) - timedelta(days=older_than_days)).isoformat(timespec="microseconds")
        with self.engine.begin() as conn:
            old = select(conversations.c.id).where(conversations.c.updated_at < cutoff)
            conn.execute(delete(share_links).where(share_links.c.conversation_id.in_(old)))
            conn.execute(delete(messages).where(messages.c.conversation_id.in_(old)))
            conn.execute(delete(feedback).where(feedback.c.conversation_id.in_(old) | (feedback.c.created_at < cutoff)))
            return conn.execute(delete(conversations).where(conversations.c.updated_at < cutoff)).rowcount or 0
