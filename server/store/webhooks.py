"""Webhook bookkeeping in the conversation database: Slack event ids (and request signatures) already seen, Slack
threads' conversations, and where in Slack each conversation lives."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Column, String, Table, and_, delete, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from server.store.conversations import metadata, new_conversation, new_conversation_id

# Slack retries a failed delivery three times within about 6 minutes, or hourly for 24 hours with Delayed Events;
# keeping ids for 25 hours covers both.
SEEN_TTL = timedelta(hours=25)

slack_events = Table(
    "slack_events", metadata,
    Column("event_id", String(128), primary_key=True),
    Column("seen_at", String(32), nullable=False, index=True),
)
slack_threads = Table(
    "slack_threads", metadata,
    Column("team_id", String(64), primary_key=True),
    Column("channel_id", String(64), primary_key=True),
    Column("thread_ts", String(64), primary_key=True),
    Column("conversation_id", String(64), nullable=False),
    Column("created_at", String(32), nullable=False),
)


slack_owners = Table(
    "slack_owners", metadata,
    Column("conversation_id", String(64), primary_key=True),
    Column("team_id", String(64), nullable=False),
    Column("channel_id", String(64), nullable=False),
    Column("thread_ts", String(64), nullable=False),  # "" for a slash command's answer: the whole channel
    Column("created_at", String(32), nullable=False),
)


@dataclass(frozen=True)
class Owner:
    """Where a conversation lives in Slack; its buttons act only there."""

    team: str
    channel: str
    thread_ts: str

    def allows(self, team: str, channel: str, thread_ts: str) -> bool:
        return (self.team, self.channel) == (team, channel) and self.thread_ts in ("", thread_ts)


def _iso(when: datetime) -> str:
    return when.isoformat(timespec="microseconds")


class WebhookStore:
    """Shared by every worker through the database, so a retried event is answered once whichever worker gets it."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        metadata.create_all(engine, tables=[slack_events, slack_threads, slack_owners])

    def mark_seen(self, event_id: str) -> bool:
        """Record an event id; False when it was already recorded (a retry of an event being handled)."""
        now = datetime.now(UTC)
        with self.engine.begin() as conn:
            conn.execute(delete(slack_events).where(slack_events.c.seen_at < _iso(now - SEEN_TTL)))
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(slack_events).values(event_id=event_id, seen_at=_iso(now)))
        except IntegrityError:  # the primary key is the lock: another request or worker got here first
            return False
        return True

    def thread_conversation(self, team_id: str, channel_id: str, thread_ts: str) -> str:
        """The conversation id for a Slack thread, created on first use."""
        key = and_(slack_threads.c.team_id == team_id, slack_threads.c.channel_id == channel_id,
                   slack_threads.c.thread_ts == thread_ts)
        with self.engine.connect() as conn:
            found = conn.execute(select(slack_threads.c.conversation_id).where(key)).scalar()
        if found:
            return str(found)
        conversation_id = new_conversation_id()
        try:
            with self.engine.begin() as conn:  # the conversation and the thread's mapping, both or neither
                conn.execute(new_conversation(conversation_id))
                conn.execute(insert(slack_threads).values(
                    team_id=team_id, channel_id=channel_id, thread_ts=thread_ts,
                    conversation_id=conversation_id, created_at=_iso(datetime.now(UTC))))
        except IntegrityError:  # two mentions in a new thread at once: use the one stored first
            with self.engine.connect() as conn:
                return str(conn.execute(select(slack_threads.c.conversation_id).where(key)).scalar_one())
        return conversation_id

    def claim(self, conversation_id: str, team: str, channel: str, thread_ts: str = "") -> None:
        """Record where a conversation was answered in Slack (the first place wins)."""
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(slack_owners).values(conversation_id=conversation_id, team_id=team,
                                                         channel_id=channel, thread_ts=thread_ts,
                                                         created_at=_iso(datetime.now(UTC))))
        except IntegrityError:
            pass  # already claimed: a follow-up in the same place, or a race with one

    def owner(self, conversation_id: str) -> Owner | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(slack_owners).where(slack_owners.c.conversation_id == conversation_id)) \
                .mappings().first()
        return Owner(row["team_id"], row["channel_id"], row["thread_ts"]) if row else None
