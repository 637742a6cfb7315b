"""Slack's routes (slash command, Events API, buttons): verified, acknowledged at once, answered in the background.
`chat_apps_router` also carries the Mattermost command."""

from __future__ import annotations

import logging
import time
from typing import Any

from fastapi import APIRouter, BackgroundTasks, HTTPException, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import SQLAlchemyError

from server.coach.answer import Answerer
from server.service.deps import RuntimeDep
from server.service.runtime import Runtime
from server.settings import Settings
from server.slack import mattermost
from server.slack.blocks import ASK_ACTION, FEEDBACK_ACTION, MORE_ACTION, clean_incoming, help_markdown, text_message
from server.slack.incoming import (
    NOT_READY,
    REPLAY_WINDOW,
    RESPONSES,
    checked_response_url,
    command_text,
    configured,
    parse_form,
    parse_json_object,
    read_body,
    verify_slack,
)
from server.slack.replies import (
    NOT_HERE,
    Action,
    Place,
    Thread,
    answer_command,
    answer_thread,
    handle_action,
    respond,
)
from server.store.webhooks import WebhookStore

log = logging.getLogger("coach.webhook")
router = APIRouter(tags=["chat apps"])


def chat_apps_router(settings: Settings) -> APIRouter:
    """The chat-app routes; says at start-up which integrations are off for want of a secret."""
    if configured(settings.slack_signing_secret) is None:
        log.warning("Slack is not configured: set COACH_SLACK_SIGNING_SECRET; /slack/* answer 503 until then")
    elif not settings.slack_bot_token:
        log.warning("COACH_SLACK_BOT_TOKEN is not set: slash commands work, mentions and DMs cannot be answered")
    if configured(settings.mattermost_token) is None:
        log.info("Mattermost is not configured (COACH_MATTERMOST_TOKEN); /mattermost/commands answers 503")
    both = APIRouter()
    both.include_router(router)
    both.include_router(mattermost.router)
    return both


async def _slack_body(request: Request, runtime: Runtime) -> bytes:
    secret = configured(runtime.settings.slack_signing_secret)
    if secret is None:
        raise HTTPException(503, "Slack is not configured: set COACH_SLACK_SIGNING_SECRET")
    body = await read_body(request, runtime.settings.max_body_bytes)
    verify_slack(body, request.headers, secret)
    _first_use(request, runtime, request.headers["x-slack-signature"])
    return body


def _first_use(request: Request, runtime: Runtime, signature: str) -> None:
    """401 for a signature seen before: a captured request replayed within Slack's 5-minute window. Signatures are
    remembered in this worker and, once the coach is loaded, in the database that every worker shares."""
    key = "sig:" + signature[:120]
    now = time.monotonic()
    local: dict[str, float] = getattr(request.app.state, "slack_signatures", None) or {}
    request.app.state.slack_signatures = local
    for old in [k for k, seen in local.items() if now - seen > 2 * REPLAY_WINDOW]:
        del local[old]
    fresh = key not in local
    local[key] = now
    if fresh and runtime.answerer is not None:
        try:
            fresh = _store(request, runtime.answerer).mark_seen(key)
        except SQLAlchemyError as e:
            log.error("could not record a Slack signature: %s", e)
            raise HTTPException(503, "the database is unavailable; try again") from e
    if not fresh:
        raise HTTPException(401, "replayed request: this signature was already used")


def _store(request: Request, answerer: Answerer) -> WebhookStore:
    """One WebhookStore per app, on the conversation database."""
    store: WebhookStore | None = getattr(request.app.state, "webhook_store", None)
    if store is None or store.engine is not answerer.store.engine:
        store = WebhookStore(answerer.store.engine)
        request.app.state.webhook_store = store
    return store


@router.post("/slack/commands", responses=RESPONSES)
async def slack_command(request: Request, runtime: RuntimeDep, tasks: BackgroundTasks) -> Response:
    """A slash command: help at once; a question acknowledged at once and answered through response_url."""
    form = parse_form(await _slack_body(request, runtime))
    if form.get("ssl_check") == "1":
        return Response()
    for field in ("command", "response_url"):
        if not form.get(field):
            raise HTTPException(400, f"slash command without {field}")
    share, question = command_text(clean_incoming(form.get("text", "")))
    if not question:
        return JSONResponse({"response_type": "ephemeral", **text_message(help_markdown(form["command"]))})
    response_url = checked_response_url(form["response_url"], runtime.settings.slack_api_url)
    if runtime.answerer is None:
        return JSONResponse({"response_type": "ephemeral", **text_message(NOT_READY)})
    place = Place(_store(request, runtime.answerer), form.get("team_id", ""), form.get("channel_id", ""))
    tasks.add_task(answer_command, runtime.answerer, question, response_url, share, form.get("user_id"), place)
    return Response()


@router.post("/slack/events", responses=RESPONSES)
async def slack_events(request: Request, runtime: RuntimeDep, tasks: BackgroundTasks) -> JSONResponse:
    """Events API: url_verification, and mentions and direct messages answered in their thread, once each."""
    envelope = parse_json_object(await _slack_body(request, runtime), "request body")
    kind = envelope.get("type")
    if kind == "url_verification":
        challenge = envelope.get("challenge")
        if not isinstance(challenge, str) or not challenge:
            raise HTTPException(400, "url_verification without a challenge")
        return JSONResponse({"challenge": challenge})
    if kind != "event_callback":
        return JSONResponse({"ok": True, "ignored": "not an event_callback"})
    event_id, event = envelope.get("event_id"), envelope.get("event")
    if not isinstance(event_id, str) or not 0 < len(event_id) <= 128:
        raise HTTPException(400, "event_callback without a valid event_id")
    if not isinstance(event, dict):
        raise HTTPException(400, "event_callback without an event object")
    thread = _thread(envelope, event)
    if thread is None:
        return JSONResponse({"ok": True, "ignored": "not a mention of or direct message to the coach"})
    answerer = runtime.answerer
    if answerer is None:  # not marked as seen, so Slack's retry gets answered once we are ready
        raise HTTPException(503, NOT_READY)
    store = _store(request, answerer)
    try:
        fresh = store.mark_seen(event_id)
    except SQLAlchemyError as e:
        log.error("could not record Slack event %s: %s", event_id, e)
        raise HTTPException(503, "the database is unavailable; Slack will retry") from e
    if not fresh:
        return JSONResponse({"ok": True, "ignored": "duplicate event_id"})
    tasks.add_task(answer_thread, runtime.settings, answerer, store, thread)
    return JSONResponse({"ok": True})


def _thread(envelope: dict[str, Any], event: dict[str, Any]) -> Thread | None:
    """The thread to answer in, or None for events that are not for us (including our own messages)."""
    mention = event.get("type") == "app_mention"
    direct = event.get("type") == "message" and event.get("channel_type") == "im"
    user = event.get("user")
    own = user is not None and any(isinstance(a, dict) and a.get("is_bot") and a.get("user_id") == user
                                   for a in envelope.get("authorizations") or [])
    if not (mention or direct) or event.get("bot_id") or event.get("subtype") or own:
        return None
    channel, ts, text = event.get("channel"), event.get("ts"), event.get("text", "")
    thread_ts = event.get("thread_ts") or ts
    team = envelope.get("team_id") or event.get("team") or ""
    fields = (channel, ts, thread_ts, team)
    if not all(isinstance(f, str) and len(f) <= 64 for f in fields) or not channel or not ts \
            or not isinstance(text, str):
        raise HTTPException(400, f"{event.get('type')} event without a valid channel, ts or text")
    return Thread(str(team), str(channel), str(thread_ts), text)


@router.post("/slack/interactions", responses=RESPONSES)
async def slack_interactions(request: Request, runtime: RuntimeDep, tasks: BackgroundTasks) -> Response:
    """Button clicks: feedback recorded like the web chat's, "Show more" pages, follow-up questions answered."""
    form = parse_form(await _slack_body(request, runtime))
    if not form.get("payload"):
        raise HTTPException(400, "interaction without a payload field")
    payload = parse_json_object(form["payload"], "payload")
    if payload.get("type") != "block_actions":
        return Response()
    items = payload.get("actions")
    if not isinstance(items, list):
        raise HTTPException(400, "block_actions without an actions list")
    actions = [a for a in map(_action, items) if a is not None]
    if not actions:
        return Response()
    response_url = checked_response_url(payload.get("response_url"), runtime.settings.slack_api_url)
    if runtime.answerer is None:
        raise HTTPException(503, NOT_READY)
    container = _dict(payload.get("container"))
    message = _dict(payload.get("message"))
    where: dict[str, Any] = {"response_type": "ephemeral" if container.get("is_ephemeral") else "in_channel"}
    thread_ts = message.get("thread_ts") or container.get("thread_ts")
    if isinstance(thread_ts, str):
        where["thread_ts"] = thread_ts
    user = _dict(payload.get("user")).get("id")
    store = _store(request, runtime.answerer)
    here = (str(_dict(payload.get("team")).get("id") or ""),
            str(_dict(payload.get("channel")).get("id") or container.get("channel_id") or ""),
            str(thread_ts or ""))
    for action in actions:
        if _belongs(store, runtime.answerer, action.conversation_id, *here):
            tasks.add_task(handle_action, runtime.answerer, action, response_url, where, user)
        else:
            tasks.add_task(respond, response_url, {"response_type": "ephemeral", "replace_original": False,
                                                   **text_message(NOT_HERE)})
    return Response()


def _belongs(store: WebhookStore, answerer: Answerer, conversation_id: str, team: str, channel: str,
             thread_ts: str) -> bool:
    """Whether a button may act on its conversation from here: only in the channel (and thread) where the coach
    answered it. A conversation no longer stored passes, so that its handler can say it is gone."""
    owner = store.owner(conversation_id)
    if owner is None:
        return not answerer.store.exists(conversation_id)
    return owner.allows(team, channel, thread_ts)


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _action(item: Any) -> Action | None:
    """Parse one of our actions; None for actions that are not ours; 400 for ours with a broken value."""
    action_id = item.get("action_id") if isinstance(item, dict) else None
    if not isinstance(action_id, str):
        raise HTTPException(400, "an action without an action_id")
    kind = {FEEDBACK_ACTION: "feedback", MORE_ACTION: "more"}.get(action_id)
    kind = kind or ("ask" if action_id.startswith(ASK_ACTION + "_") else None)
    if kind is None:
        return None
    value = parse_json_object(item.get("value") or "", f"the value of action {action_id!r}")

    def number(key: str) -> int:
        n = value.get(key)
        return n if isinstance(n, int) and not isinstance(n, bool) else -1

    conversation_id, rating, question = value.get("c"), number("r"), value.get("q")
    valid = isinstance(conversation_id, str) and 0 < len(conversation_id) <= 64 and {
        "feedback": number("t") >= 0 and rating in (1, -1),
        "more": number("t") >= 0 and number("p") >= 1,
        "ask": isinstance(question, str) and bool(question.strip()),
    }[kind]
    if not valid:
        raise HTTPException(400, f"action {action_id!r} has an invalid value")
    return Action(kind, str(conversation_id), number("t"), rating, number("p"), str(question or ""))
