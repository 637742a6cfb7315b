"""What Slack requests set off in the background: answer, then deliver through response_url or chat.postMessage."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from slack_sdk.errors import SlackApiError
from slack_sdk.web import WebClient
from slack_sdk.webhook import WebhookClient
from sqlalchemy.exc import SQLAlchemyError

from server.coach.answer import Answerer
from server.models import Ask
from server.settings import Settings
from server.slack.blocks import answer_message, clean_incoming, help_markdown, more_message, text_message
from server.store.conversations import ConversationStore
from server.store.webhooks import WebhookStore

log = logging.getLogger("coach.webhook")
DELIVERY_TIMEOUT = 10
FAILED = "Sorry, something went wrong while answering. Please try again; if it keeps happening, tell the operator."
GONE = "That answer is no longer stored (old conversations are deleted), so this button no longer works."
NOT_HERE = "That button belongs to a conversation in another channel or thread, so it does nothing here."


@dataclass(frozen=True)
class Thread:
    """Where a mention or direct message came from, and what it said."""

    team: str
    channel: str
    thread_ts: str
    text: str


@dataclass(frozen=True)
class Place:
    """Where in Slack an answer goes (team, channel, thread; "" for a slash command's channel-wide answer)."""

    store: WebhookStore
    team: str
    channel: str
    thread_ts: str = ""


@dataclass(frozen=True)
class Action:
    """A click on one of our buttons, with the value we put on it."""

    kind: str  # "feedback", "more" or "ask"
    conversation_id: str
    turn: int = 0
    rating: int = 0
    page: int = 0
    question: str = ""


def compose(answerer: Answerer, text: str, conversation_id: str | None, question: str | None = None,
             asked_by: str | None = None, place: Place | None = None) -> tuple[dict[str, Any], bool]:
    """(Slack message, answered?); never raises, since a background task has nobody to raise to. An answered
    conversation is claimed for `place`, so that its buttons work only there."""
    try:
        ask = Ask(message=text, conversation_id=conversation_id)
    except ValidationError:
        return text_message(f"Please keep it under 4,000 characters (this one has {len(text):,})."), False
    try:
        answer = answerer.answer(ask)
        if place is not None:
            place.store.claim(answer.conversation_id, place.team, place.channel, place.thread_ts)
        turn = len(answerer.store.turns(answer.conversation_id)) - 1
        return answer_message(answer, turn, answerer.labels[answer.lang.value], question, asked_by), True
    except Exception:  # any failure becomes a polite reply; the trace goes to the log
        log.exception("answering a Slack message failed")
        return text_message(FAILED), False


def respond(url: str, message: dict[str, Any]) -> None:
    """POST a message to a response_url; failures are logged (the URL itself is not: it is a credential)."""
    try:
        response = WebhookClient(url, timeout=DELIVERY_TIMEOUT).send_dict(message)
    except Exception as e:  # network errors of every kind: nothing to do but log
        log.error("could not deliver to Slack's response_url: %s", e)
        return
    if response.status_code != 200:
        log.error("Slack's response_url refused the message: %s %s", response.status_code, response.body)


def answer_command(answerer: Answerer, question: str, url: str, share: bool, user: str | None,
                   place: Place | None = None) -> None:
    """Answer a slash command and deliver it through its response_url (in the channel if shared)."""
    message, answered = compose(answerer, question, None, question, user if share else None, place)
    visibility = "in_channel" if share and answered else "ephemeral"
    respond(url, {"response_type": visibility, "replace_original": False, **message})


def answer_thread(settings: Settings, answerer: Answerer, store: WebhookStore, thread: Thread) -> None:
    """Answer a mention or direct message in its thread with chat.postMessage, continuing the thread's conversation."""
    if not settings.slack_bot_token:
        log.error("cannot reply in Slack: set COACH_SLACK_BOT_TOKEN")
        return
    text = clean_incoming(thread.text)
    if not text:
        message = text_message(help_markdown())
    else:
        try:
            conversation_id: str | None = store.thread_conversation(thread.team, thread.channel, thread.thread_ts)
        except SQLAlchemyError:
            log.exception("could not look up the thread's conversation; starting a new one")
            conversation_id = None
        message, _ = compose(answerer, text, conversation_id,
                             place=Place(store, thread.team, thread.channel, thread.thread_ts))
    client = WebClient(token=settings.slack_bot_token, base_url=settings.slack_api_url, timeout=DELIVERY_TIMEOUT)
    try:
        client.chat_postMessage(channel=thread.channel, thread_ts=thread.thread_ts, **message)
    except SlackApiError as e:
        log.error("chat.postMessage failed: %s", e.response.get("error"))
    except Exception as e:  # network errors of every kind
        log.error("could not reach the Slack Web API: %s", e)


def handle_action(answerer: Answerer, action: Action, url: str, where: dict[str, Any], user: str | None) -> None:
    """Record feedback, post the next page, or answer a follow-up; reply through the click's response_url."""
    visibility = {"response_type": "ephemeral"}
    try:
        if action.kind == "feedback":
            message = _feedback(answerer.store, action)
        elif action.kind == "more":
            message = _more(answerer.store, action)
            visibility = where
        else:
            shared = where["response_type"] == "in_channel"
            message, answered = compose(answerer, action.question, action.conversation_id, action.question,
                                         user if shared else None)
            visibility = where if answered else visibility
    except Exception:  # a background task has nobody to raise to
        log.exception("handling a Slack button failed")
        message = text_message(FAILED)
    respond(url, {**visibility, "replace_original": False, **message})


def _coach_turn(store: ConversationStore, action: Action) -> tuple[str, str, list[str]] | None:
    """(question, answer, card ids) of the exchange a button belongs to, if still stored."""
    turns = store.turns(action.conversation_id)
    t = action.turn
    if 0 < t < len(turns) and turns[t].role == "coach" and turns[t - 1].role == "user":
        return turns[t - 1].content, turns[t].content, turns[t].card_ids
    return None


def _feedback(store: ConversationStore, action: Action) -> dict[str, Any]:
    exchange = _coach_turn(store, action)
    if exchange is None:
        return text_message(GONE)
    question, answer, card_ids = exchange
    store.add_feedback(action.conversation_id, question, answer, card_ids, action.rating, None, "slack")
    if action.rating > 0:
        return text_message("Thanks, glad it helped.")
    return text_message("Thanks for telling us; the card authors review answers marked not helpful.")


def _more(store: ConversationStore, action: Action) -> dict[str, Any]:
    exchange = _coach_turn(store, action)
    if exchange is None:
        return text_message(GONE)
    return more_message(exchange[1], action.conversation_id, action.turn, action.page)
