"""Slack and Mattermost over HTTP: signed requests, a local server playing Slack, dedup, buttons, Block Kit limits."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

import httpx
import pytest
import uvicorn
import yaml
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from slack_sdk.models.blocks import Block
from sqlalchemy import select

from server.app import create_app
from server.cli.slack import manifest
from server.coach.compose import load_labels, prompt_environment
from server.models import Answer, Source, Turn
from server.settings import Settings
from server.slack.blocks import (
    MAX_BLOCKS,
    SECTION_LIMIT,
    answer_message,
    clean_incoming,
    more_message,
    pages,
    split_sections,
    to_mrkdwn,
)
from server.store.conversations import ConversationStore, feedback
from server.store.webhooks import WebhookStore

from ..conftest import FIXTURE_KB, make_settings

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
BOT_TOKEN = "xoxb-test-token"
MM_TOKEN = "mm-secret-token"
LIMIT = 4096


@dataclass
class Recorded:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]


class FakeSlack:
    """A real HTTP server on 127.0.0.1 playing Slack's Web API (/api/...) and response_url (/respond/...)."""

    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self.delay = 0.0
        self.changed = threading.Condition()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("content-length", 0)))
                json_body = "json" in self.headers.get("content-type", "")
                body = json.loads(raw) if json_body else dict(parse_qsl(raw.decode()))
                time.sleep(fake.delay)
                with fake.changed:
                    fake.requests.append(Recorded(self.path, {k.lower(): v for k, v in self.headers.items()}, body))
                    fake.changed.notify_all()
                if self.path.startswith("/api/"):
                    ok = self.headers.get("authorization") == f"Bearer {BOT_TOKEN}"
                    reply = json.dumps({"ok": True, "channel": body.get("channel"), "ts": "1700000999.000100"}
                                       if ok else {"ok": False, "error": "invalid_auth"}).encode()
                    content_type = "application/json"
                else:
                    reply, content_type = b"ok", "text/plain"
                self.send_response(200)
                self.send_header("content-type", content_type)
                self.send_header("content-length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def wait(self, count: int, prefix: str = "/", timeout: float = 10.0) -> list[Recorded]:
        """The requests under `prefix`, once there are at least `count` of them."""
        with self.changed:
            self.changed.wait_for(lambda: len(self.under(prefix)) >= count, timeout)
            return self.under(prefix)

    def under(self, prefix: str) -> list[Recorded]:
        return [r for r in self.requests if r.path.startswith(prefix)]

    def clear(self) -> None:
        with self.changed:
            self.requests.clear()


@pytest.fixture(scope="module")
def slack() -> Iterator[FakeSlack]:
    fake = FakeSlack()
    yield fake
    fake.server.shutdown()
    fake.server.server_close()


@pytest.fixture(autouse=True)
def _fresh_slack(slack: FakeSlack) -> None:
    slack.clear()
    slack.delay = 0.0


def _settings(tmp: Path, fixture_index: Any, slack: FakeSlack | None, **extra: Any) -> Settings:
    settings = make_settings(tmp, FIXTURE_KB, database_url=f"sqlite:///{tmp / 'coach.db'}", max_body_bytes=LIMIT,
                             **extra)
    settings.index_dir = Path(fixture_index.path)
    if slack is not None:
        settings.slack_signing_secret = SECRET
        settings.slack_bot_token = BOT_TOKEN
        settings.slack_api_url = f"{slack.url}/api/"
        settings.mattermost_token = MM_TOKEN
    return settings


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory, fixture_index: Any, slack: FakeSlack) -> Settings:
    return _settings(tmp_path_factory.mktemp("webhook"), fixture_index, slack)


@pytest.fixture(scope="module")
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings, wait_until_loaded=True)) as c:
        yield c


@pytest.fixture(scope="module")
def store(settings: Settings) -> ConversationStore:
    return ConversationStore.from_url(settings.database_url)


def sign(body: bytes, secret: str = SECRET, timestamp: str | None = None) -> dict[str, str]:
    """Headers exactly as Slack signs a request: v0=HMAC-SHA256(secret, "v0:{timestamp}:{raw body}")."""
    timestamp = timestamp or str(int(time.time()))
    digest = hmac.new(secret.encode(), f"v0:{timestamp}:".encode() + body, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": f"v0={digest}"}


FORM = {"content-type": "application/x-www-form-urlencoded"}
JSON = {"content-type": "application/json"}


TRIGGERS = itertools.count(13345224609)  # Slack gives every request its own trigger_id, so no two bodies match


def command_body(text: str, slack: FakeSlack, reply: str = "1", **extra: str) -> bytes:
    fields = {"token": "deprecated", "team_id": "T1", "channel_id": "C1", "user_id": "U1", "command": "/coach",
              "text": text, "response_url": f"{slack.url}/respond/{reply}", "trigger_id": f"{next(TRIGGERS)}.738"}
    return urlencode({**fields, **extra}).encode()


def send_command(client: TestClient, text: str, slack: FakeSlack, **extra: str) -> httpx.Response:
    body = command_body(text, slack, **extra)
    return client.post("/slack/commands", content=body, headers={**FORM, **sign(body)})


def event_body(event_id: str, event: dict[str, Any]) -> bytes:
    return json.dumps({"token": "x", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
                       "event_id": event_id, "event_time": int(time.time()), "event": event,
                       "authorizations": [{"team_id": "T1", "user_id": "UBOT", "is_bot": True}]}).encode()


def send_event(client: TestClient, event_id: str, event: dict[str, Any], retry: int = 0,
               **headers: str) -> httpx.Response:
    """Slack signs every delivery afresh, so a retry (`retry` seconds later) carries a new signature."""
    body = event_body(event_id, event)
    signed = sign(body, timestamp=str(int(time.time()) + retry))
    return client.post("/slack/events", content=body, headers={**JSON, **signed, **headers})


def mention(text: str, ts: str, thread_ts: str | None = None, **extra: Any) -> dict[str, Any]:
    event = {"type": "app_mention", "user": "U1", "text": f"<@UBOT> {text}", "ts": ts, "channel": "C1",
             "event_ts": ts, **extra}
    return {**event, "thread_ts": thread_ts} if thread_ts else event


def click(client: TestClient, action: dict[str, Any], slack: FakeSlack, reply: str = "click",
          **payload: Any) -> httpx.Response:
    data = {"type": "block_actions", "user": {"id": "U2"}, "team": {"id": "T1"}, "channel": {"id": "C1"},
            "trigger_id": f"{next(TRIGGERS)}.739",
            "response_url": f"{slack.url}/respond/{reply}", "container": {"type": "message", "is_ephemeral": True},
            "actions": [action], **payload}
    body = urlencode({"payload": json.dumps(data)}).encode()
    return client.post("/slack/interactions", content=body, headers={**FORM, **sign(body)})


def validate(message: dict[str, Any]) -> list[dict[str, Any]]:
    """Check blocks against Slack's limits with slack_sdk's own models (they raise on any breach)."""
    blocks = message["blocks"]
    assert 0 < len(blocks) <= MAX_BLOCKS
    parsed = Block.parse_all(blocks)
    assert all(b is not None for b in parsed), "a block type slack_sdk does not know"
    assert [b.to_dict() for b in parsed] == blocks
    for block in blocks:
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= SECTION_LIMIT
    return blocks


def texts(blocks: list[dict[str, Any]], kind: str) -> list[str]:
    return [b["text"]["text"] if kind == "section" else b["elements"][0]["text"] for b in blocks if b["type"] == kind]


def buttons(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for b in blocks if b["type"] == "actions" for e in b["elements"]]


def feedback_element(blocks: list[dict[str, Any]]) -> dict[str, Any]:
    element: dict[str, Any] = next(b for b in blocks if b["type"] == "context_actions")["elements"][0]
    return element


# --- slash commands --------------------------------------------------------------------------------------------

def test_slash_command_acks_empty_and_answers_ephemerally_with_blocks(client: TestClient, slack: FakeSlack) -> None:
    response = send_command(client, "who holds final cut on our film?", slack)
    assert response.status_code == 200 and response.content == b""
    [posted] = slack.wait(1, "/respond/1")
    message = posted.body
    assert posted.headers["content-type"].startswith("application/json")
    assert message["response_type"] == "ephemeral" and message["replace_original"] is False
    blocks = validate(message)
    assert [b["type"] for b in blocks] == ["context", "section", "context", "actions", "context_actions"]
    assert texts(blocks, "context")[0] == "*Question:* who holds final cut on our film?"
    answer = texts(blocks, "section")[0]
    assert answer.startswith("*Short answer:* Name the holder of final cut in the co-production agreement; never "
                             "assume the other side's custom. First move: Write the final-cut holder into the "
                             "agreement.")
    assert "*What's likely going on*\nEach side assumes its own custom for the edit." in answer
    assert "*What to do*\n1. Agree consultation rights for the other side." in answer
    assert "**" not in answer and "Sources:" not in answer
    assert texts(blocks, "context")[1].startswith("Sources: Fixture: who holds final cut [fx-final-cut] · confidence")
    assert [b["text"]["text"] for b in buttons(blocks)] == ["my partner won't say no directly",
                                                            "the exchange rate moved and our budget is short"]
    element = feedback_element(blocks)
    assert element["type"] == "feedback_buttons" and element["action_id"] == "coach_feedback"
    assert message["text"].startswith("Short answer: Name the holder of final cut")


def test_share_posts_in_channel_and_names_who_asked(client: TestClient, slack: FakeSlack) -> None:
    assert send_command(client, "share   who holds final cut on our film?", slack).status_code == 200
    [posted] = slack.wait(1, "/respond/")
    assert posted.body["response_type"] == "in_channel"
    assert texts(validate(posted.body), "context")[0] == "*<@U1> asked:* who holds final cut on our film?"


@pytest.mark.parametrize("text", ["", "   ", "help", "HELP", "share", "share  "])
def test_help_and_empty_commands_explain_usage_at_once(client: TestClient, slack: FakeSlack, text: str) -> None:
    response = send_command(client, text, slack, command="/askcoach")
    assert response.status_code == 200
    body = response.json()
    assert body["response_type"] == "ephemeral"
    usage = "\n".join(texts(validate(body), "section"))
    assert "`/askcoach share &lt;question&gt;`: ask and post the question and answer in this channel." in usage
    assert "`/askcoach Who should have final cut in a Japan-US co-production?`" in usage
    assert slack.requests == []


def test_ssl_check_is_acknowledged(client: TestClient) -> None:
    body = b"ssl_check=1&token=x"
    response = client.post("/slack/commands", content=body, headers={**FORM, **sign(body)})
    assert response.status_code == 200 and response.content == b""


# --- signatures, size, malformed payloads, configuration ---------------------------------------------------------

BODY = b"command=%2Fcoach&text=help&response_url=http%3A%2F%2F127.0.0.1%2Fr"


def _without(name: str) -> dict[str, Any]:
    headers: dict[str, Any] = sign(BODY)
    del headers[name]
    return headers


BAD_SIGNATURES: list[tuple[str, Any, str]] = [
    ("no headers", lambda: {}, "missing X-Slack-Signature or X-Slack-Request-Timestamp header"),
    ("no signature", lambda: _without("X-Slack-Signature"), "missing X-Slack-Signature"),
    ("no timestamp", lambda: _without("X-Slack-Request-Timestamp"), "missing X-Slack-Signature"),
    ("wrong secret", lambda: sign(BODY, "not-the-secret"), "invalid Slack signature"),
    ("tampered body", lambda: sign(BODY + b"&x=1"), "invalid Slack signature"),
    ("no v0= prefix", lambda: {**sign(BODY), "X-Slack-Signature": sign(BODY)["X-Slack-Signature"][3:]},
     "invalid Slack signature"),
    ("stale", lambda: sign(BODY, timestamp=str(int(time.time()) - 301)),
     "stale request: the timestamp is more than 5 minutes from now"),
    # 301 s ahead could fall back inside the 300 s window after a slow second
    ("future", lambda: sign(BODY, timestamp=str(int(time.time()) + 360)), "stale request"),
    ("non-numeric timestamp", lambda: {**sign(BODY), "X-Slack-Request-Timestamp": "yesterday"},
     "X-Slack-Request-Timestamp is not a Unix time"),
    ("non-ASCII signature", lambda: {**sign(BODY), "X-Slack-Signature": "v0=é".encode()}, "invalid Slack signature"),
]


@pytest.mark.parametrize("route", ["/slack/commands", "/slack/events", "/slack/interactions"])
@pytest.mark.parametrize(("case", "headers", "detail"), BAD_SIGNATURES, ids=[c[0] for c in BAD_SIGNATURES])
def test_unverified_requests_get_401(client: TestClient, slack: FakeSlack, route: str, case: str, headers: Any,
                                     detail: str) -> None:
    response = client.post(route, content=BODY, headers={**FORM, **headers()})
    assert response.status_code == 401
    assert detail in response.json()["detail"]
    assert slack.requests == []


@pytest.mark.parametrize("route", ["/slack/commands", "/slack/events", "/slack/interactions",
                                   "/mattermost/commands"])
@pytest.mark.parametrize("streamed", [False, True])
def test_oversized_bodies_are_refused_with_413(client: TestClient, route: str, streamed: bool) -> None:
    body = b"text=" + b"x" * LIMIT
    content: Any = iter([body[:1000], body[1000:]]) if streamed else body  # streamed: no Content-Length
    headers = {**FORM, **sign(body), "Authorization": f"Token {MM_TOKEN}"}
    response = client.post(route, content=content, headers=headers)
    assert response.status_code == 413
    assert response.json()["detail"] == f"request body over {LIMIT} bytes"


def _interaction(payload: Any) -> bytes:
    return urlencode({"payload": payload if isinstance(payload, str) else json.dumps(payload)}).encode()


MALFORMED: list[tuple[str, str, bytes, str]] = [
    ("events: not JSON", "/slack/events", b"{not json", "request body is not valid JSON"),
    ("events: a list", "/slack/events", b"[1, 2]", "request body is not a JSON object"),
    ("events: no challenge", "/slack/events", b'{"type": "url_verification"}', "url_verification without a chall"),
    ("events: no event_id", "/slack/events", b'{"type": "event_callback", "event": {}}',
     "event_callback without a valid event_id"),
    ("events: no event", "/slack/events", b'{"type": "event_callback", "event_id": "Ev1"}',
     "event_callback without an event object"),
    ("events: mention without channel", "/slack/events",
     json.dumps({"type": "event_callback", "event_id": "EvBad", "event": {"type": "app_mention", "ts": "1.2",
                                                                        "text": "hi"}}).encode(),
     "app_mention event without a valid channel, ts or text"),
    ("mattermost: not UTF-8", "/mattermost/commands", b"command=%2Fcoach&text=\xff\xfe", "malformed form body"),
    ("commands: no response_url", "/slack/commands", b"command=%2Fcoach&text=hello",
     "slash command without response_url"),
    ("commands: no command", "/slack/commands", b"text=hello&response_url=http%3A%2F%2Fx",
     "slash command without command"),
    ("commands: bad response_url", "/slack/commands", b"command=%2Fc&text=hello&response_url=javascript%3Ax",
     "missing or invalid response_url"),
    ("interactions: no payload", "/slack/interactions", b"foo=bar", "interaction without a payload field"),
    ("interactions: payload not JSON", "/slack/interactions", _interaction("{oops"), "payload is not valid JSON"),
    ("interactions: actions not a list", "/slack/interactions",
     _interaction({"type": "block_actions", "actions": "x"}), "block_actions without an actions list"),
    ("interactions: action without id", "/slack/interactions",
     _interaction({"type": "block_actions", "actions": [{"value": "1"}]}), "an action without an action_id"),
    ("interactions: feedback value not JSON", "/slack/interactions",
     _interaction({"type": "block_actions", "actions": [{"action_id": "coach_feedback", "value": "up"}]}),
     "the value of action 'coach_feedback' is not valid JSON"),
    ("interactions: feedback rating 5", "/slack/interactions",
     _interaction({"type": "block_actions", "actions": [{"action_id": "coach_feedback",
                                                         "value": '{"c": "abc", "t": 1, "r": 5}'}]}),
     "action 'coach_feedback' has an invalid value"),
    ("interactions: no response_url", "/slack/interactions",
     _interaction({"type": "block_actions", "actions": [{"action_id": "coach_more",
                                                         "value": '{"c": "abc", "t": 1, "p": 1}'}]}),
     "missing or invalid response_url"),
]


@pytest.mark.parametrize(("case", "route", "body", "detail"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_payloads_get_400_with_the_reason(client: TestClient, slack: FakeSlack, case: str, route: str,
                                                    body: bytes, detail: str) -> None:
    headers = {**FORM, **sign(body), "Authorization": f"Token {MM_TOKEN}"}
    response = client.post(route, content=body, headers=headers)
    assert response.status_code == 400
    assert detail in response.json()["detail"]
    assert slack.requests == []


KEYS = st.sampled_from(["type", "event", "event_id", "challenge", "actions", "action_id", "value", "channel", "ts",
                         "text", "user", "container", "message", "response_url", "authorizations", "thread_ts",
                         "channel_type", "subtype", "bot_id", "c", "t", "r", "p", "q", "is_ephemeral"])
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-2, 2**70), st.floats(allow_nan=False),
                    st.sampled_from(["event_callback", "url_verification", "block_actions", "app_mention", "message",
                                     "im", "coach_feedback", "coach_more", "coach_ask_0", '{"c": "x", "t": 1}',
                                     "http://127.0.0.1:9/r", ""]),
                    st.text(max_size=30))
JSON_VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                            st.dictionaries(KEYS, inner, max_size=6)), max_leaves=20)


@hypothesis_settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(route=st.sampled_from(["/slack/events", "/slack/interactions", "/slack/commands"]), value=JSON_VALUES,
       junk=st.binary(max_size=60), as_form=st.booleans())
def test_no_signed_body_of_any_shape_makes_a_route_fail(client: TestClient, route: str, value: Any, junk: bytes,
                                                        as_form: bool) -> None:
    if route == "/slack/events":
        body = json.dumps(value).encode() if as_form else junk
    elif route == "/slack/interactions":
        body = urlencode({"payload": json.dumps(value)}).encode() if as_form else b"payload=" + junk
    else:
        fields = value if isinstance(value, dict) else {"text": value}
        body = urlencode({k: json.dumps(v) for k, v in fields.items()}).encode() if as_form else junk
    try:
        body.decode("utf-8")
        allowed = (200, 400, 422)  # 422: text a database cannot store (a NUL)
    except UnicodeDecodeError:
        allowed = (401,)  # slack_sdk signs text: no valid Slack signature covers bytes that are not UTF-8
    response = client.post(route, content=body, headers={**FORM, **sign(body)})
    if response.status_code == 401 and "replayed request" in response.text:
        return  # hypothesis sent the same body twice in one second: the same signature, rightly refused
    assert response.status_code in allowed, response.text


def test_without_secrets_the_routes_answer_503_and_startup_warns(
        tmp_path: Path, fixture_index: Any, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="coach.webhook"):
        app = create_app(_settings(tmp_path, fixture_index, None), wait_until_loaded=True)
    assert "Slack is not configured: set COACH_SLACK_SIGNING_SECRET" in caplog.text
    with TestClient(app) as unconfigured:
        for route in ("/slack/commands", "/slack/events", "/slack/interactions"):
            response = unconfigured.post(route, content=BODY, headers={**FORM, **sign(BODY)})
            assert response.status_code == 503
            assert response.json()["detail"] == "Slack is not configured: set COACH_SLACK_SIGNING_SECRET"
        response = unconfigured.post("/mattermost/commands", content=b"text=hi",
                                     headers={**FORM, "Authorization": "Token anything"})
        assert response.status_code == 503
        assert response.json()["detail"] == "Mattermost is not configured: set COACH_MATTERMOST_TOKEN"


# --- Events API --------------------------------------------------------------------------------------------------

def test_url_verification_returns_the_challenge(client: TestClient) -> None:
    body = b'{"token": "x", "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", ' \
           b'"type": "url_verification"}'
    response = client.post("/slack/events", content=body, headers={**JSON, **sign(body)})
    assert response.status_code == 200
    assert response.json() == {"challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}


def test_a_mention_is_answered_once_in_its_thread_even_when_replayed(client: TestClient, slack: FakeSlack) -> None:
    event = mention("who holds final cut on our film?", ts="1700000100.000100")
    assert send_event(client, "Ev0MENTION1", event).json() == {"ok": True}
    replay = send_event(client, "Ev0MENTION1", event, retry=1, **{"X-Slack-Retry-Num": "1",
                                                                   "X-Slack-Retry-Reason": "http_timeout"})
    assert replay.status_code == 200 and replay.json()["ignored"] == "duplicate event_id"
    [posted] = slack.wait(1, "/api/")
    assert posted.path == "/api/chat.postMessage"
    assert posted.headers["authorization"] == f"Bearer {BOT_TOKEN}"
    assert posted.body["channel"] == "C1" and posted.body["thread_ts"] == "1700000100.000100"
    blocks = validate(posted.body)
    assert texts(blocks, "section")[0].startswith("*Short answer:* Name the holder of final cut")
    assert blocks[0]["type"] == "section"  # the user's own message is visible above: no question line


def test_a_retry_whose_original_never_arrived_is_answered(client: TestClient, slack: FakeSlack) -> None:
    event = mention("my partner won't say no directly", ts="1700000200.000100")
    response = send_event(client, "Ev0LOSTORIGINAL", event, **{"X-Slack-Retry-Num": "2",
                                                                 "X-Slack-Retry-Reason": "http_error"})
    assert response.json() == {"ok": True}
    [posted] = slack.wait(1, "/api/")
    assert posted.body["thread_ts"] == "1700000200.000100"


def test_the_seen_event_ids_live_in_the_database(settings: Settings, client: TestClient) -> None:
    other_worker = WebhookStore(ConversationStore.from_url(settings.database_url).engine)
    assert other_worker.mark_seen("Ev0MENTION1") is False  # recorded by the app above
    assert other_worker.mark_seen("Ev0BRANDNEW") is True
    assert other_worker.mark_seen("Ev0BRANDNEW") is False


def test_a_follow_up_in_the_same_thread_continues_the_conversation(client: TestClient, slack: FakeSlack,
                                                                   store: ConversationStore) -> None:
    root = "1700000300.000100"
    send_event(client, "Ev0THREAD1", mention("who holds final cut on our film?", ts=root))
    send_event(client, "Ev0THREAD2", mention("and in writing?", ts="1700000301.000100", thread_ts=root))
    posts = slack.wait(2, "/api/")
    assert [p.body["thread_ts"] for p in posts] == [root, root]
    values = [json.loads(feedback_element(p.body["blocks"])["positive_button"]["value"]) for p in posts]
    assert values[0]["c"] == values[1]["c"] and [v["t"] for v in values] == [1, 3]
    conversation = WebhookStore(store.engine).thread_conversation("T1", "C1", root)
    turns = store.turns(conversation)
    assert [t.role for t in turns] == ["user", "coach", "user", "coach"]
    assert turns[2].resolved_query == "who holds final cut on our film? and in writing?"
    assert conversation == values[0]["c"]


DM = {"type": "message", "channel_type": "im", "channel": "D1"}


@pytest.mark.parametrize(("number", "event", "answered"), [
    (1, {**DM, "user": "U1", "text": "who holds final cut on our film?"}, True),
    (2, {**DM, "bot_id": "B1", "user": "UBOT", "text": "our own reply"}, False),
    (3, {**DM, "user": "UBOT", "text": "from the bot user"}, False),
    (4, {**DM, "subtype": "message_changed", "text": "edited"}, False),
    (5, {**DM, "channel_type": "channel", "user": "U1", "text": "plain channel chatter"}, False),
    (6, {"type": "reaction_added", "user": "U1", "reaction": "thumbsup"}, False),
], ids=["dm", "own-bot-message", "own-bot-user", "edit", "channel-message", "reaction"])
def test_direct_messages_are_answered_and_our_own_messages_ignored(
        client: TestClient, slack: FakeSlack, number: int, event: dict[str, Any], answered: bool) -> None:
    ts = f"170000040{number}.000100"
    response = send_event(client, f"Ev0DM{number}", {**event, "ts": ts, "event_ts": ts})
    assert response.status_code == 200
    posts = slack.wait(1, "/api/", timeout=5 if answered else 0.2)
    assert len(posts) == (1 if answered else 0)
    if answered:
        assert posts[0].body["channel"] == "D1" and posts[0].body["thread_ts"] == ts
    else:
        assert response.json()["ignored"] == "not a mention of or direct message to the coach"


def test_a_bare_mention_gets_help_in_the_thread(client: TestClient, slack: FakeSlack) -> None:
    send_event(client, "Ev0BARE", {"type": "app_mention", "user": "U1", "text": "<@UBOT>", "ts": "1700000500.1",
                                   "channel": "C1"})
    [posted] = slack.wait(1, "/api/")
    assert "`/coach share &lt;question&gt;`" in texts(validate(posted.body), "section")[0]


# --- buttons ----------------------------------------------------------------------------------------------------

def _answered(client: TestClient, slack: FakeSlack, question: str) -> list[dict[str, Any]]:
    send_command(client, question, slack)
    blocks: list[dict[str, Any]] = slack.wait(1, "/respond/1")[0].body["blocks"]
    slack.clear()
    return blocks


def test_feedback_buttons_record_up_and_down_like_the_web_chat(client: TestClient, slack: FakeSlack,
                                                               store: ConversationStore) -> None:
    element = feedback_element(_answered(client, slack, "who holds final cut on our film?"))
    conversation_id = json.loads(element["positive_button"]["value"])["c"]
    for button in ("positive_button", "negative_button"):
        action = {"type": "feedback_buttons", "action_id": "coach_feedback", "block_id": "fb",
                  "value": element[button]["value"], "action_ts": "1700000600.1"}
        assert click(client, action, slack).status_code == 200
    thanks = slack.wait(2, "/respond/click")
    assert [t.body["response_type"] for t in thanks] == ["ephemeral", "ephemeral"]
    assert texts(thanks[0].body["blocks"], "section") == ["Thanks, glad it helped."]
    with store.engine.connect() as conn:
        rows = conn.execute(select(feedback).where(feedback.c.conversation_id == conversation_id)
                            .order_by(feedback.c.id)).mappings().all()
    assert [(r["rating"], r["channel"], r["question"], json.loads(r["card_ids"])) for r in rows] == [
        (1, "slack", "who holds final cut on our film?", ["fx-final-cut"]),
        (-1, "slack", "who holds final cut on our film?", ["fx-final-cut"])]
    assert rows[0]["answer"] == store.turns(conversation_id)[1].content


def test_a_suggestion_button_asks_it_in_the_same_conversation(client: TestClient, slack: FakeSlack,
                                                              store: ConversationStore) -> None:
    blocks = _answered(client, slack, "who holds final cut on our film?")
    first = buttons(blocks)[0]
    conversation_id = json.loads(first["value"])["c"]
    click(client, {"type": "button", "action_id": first["action_id"], "value": first["value"]}, slack,
          container={"type": "message", "is_ephemeral": False}, message={"ts": "1.2", "thread_ts": "1.1"})
    [posted] = slack.wait(1, "/respond/click")
    assert posted.body["response_type"] == "in_channel" and posted.body["thread_ts"] == "1.1"
    answer = validate(posted.body)
    assert texts(answer, "context")[0] == "*<@U2> asked:* my partner won't say no directly"
    assert "Ask for the next concrete step." in texts(answer, "section")[0]
    assert [t.content for t in store.turns(conversation_id) if t.role == "user"] == [
        "who holds final cut on our film?", "my partner won't say no directly"]


def test_buttons_that_are_not_ours_or_are_gone_do_no_harm(client: TestClient, slack: FakeSlack) -> None:
    assert click(client, {"action_id": "someone_elses", "value": "x"}, slack).status_code == 200
    gone = {"action_id": "coach_feedback", "value": '{"c": "no-such-conversation", "t": 1, "r": 1}'}
    assert click(client, gone, slack).status_code == 200
    [posted] = slack.wait(1, "/respond/")
    assert "no longer stored" in texts(posted.body["blocks"], "section")[0]


LONG_PARAGRAPH = "Keep the partner informed & ask for <dates>. " * 80  # ~3,700 characters with entities
LONG = "\n\n".join([
    "## What's likely going on", LONG_PARAGRAPH, "## What to do",
    *[f"{i}. **Step {i}:** {'agree the schedule in writing; ' * 12}" for i in range(1, 120)],
    "## What to say", "- " + "前向きに検討します " * 700, "https://example.com/" + "x" * 5000,
    "**Sources:** A long card [long-card]",
])


def _long_answer() -> Answer:
    return Answer(conversation_id="c" * 32, in_scope=True, confidence=0.9, answer_markdown=LONG,
                  sources=[Source(id="long-card", title="A long card", topics=["t"], cultures=["jp-us"], score=1)],
                  suggestions=["a follow-up question that is longer than seventy-five characters, so it is cut"],
                  decoded=[])


def test_a_long_answer_is_split_within_block_kit_limits_with_show_more() -> None:
    first = answer_message(_long_answer(), 1, load_labels(prompt_environment(Path("prompts")))["en"], "long?")
    total = len(pages(LONG))
    assert total >= 3
    sections = texts(validate(first), "section")
    more = [b for b in buttons(first["blocks"]) if b["action_id"] == "coach_more"]
    assert more and more[0]["text"]["text"] == f"Show more (2 of {total})"
    assert all(len(b["text"]["text"]) <= 75 for b in buttons(first["blocks"]))
    assert len(first["text"]) <= 300
    for page in range(1, total):
        message = more_message(LONG, "c" * 32, 1, page)
        blocks = validate(message)
        assert texts(blocks, "context")[0] == f"_(continued, part {page + 1} of {total})_"
        sections += texts(blocks, "section")
        has_more = any(b["action_id"] == "coach_more" for b in buttons(blocks))
        assert has_more == (page + 1 < total)
    body = "\n".join(line for line in LONG.splitlines() if not line.startswith("**Sources:**"))
    assert "".join(sections).replace("\n", "").replace(" ", "") == \
        to_mrkdwn(body).replace("\n", "").replace(" ", "")  # nothing lost, nothing repeated


def test_show_more_posts_the_next_page_of_a_stored_answer(client: TestClient, slack: FakeSlack,
                                                          store: ConversationStore) -> None:
    conversation_id = store.create()
    WebhookStore(store.engine).claim(conversation_id, "T1", "C1")  # as if the coach had answered it in C1
    store.append_turns(conversation_id, [Turn(role="user", content="long?", created_at=""),
                                         Turn(role="coach", content=LONG, created_at="")])
    value = json.dumps({"c": conversation_id, "t": 1, "p": 1})
    click(client, {"type": "button", "action_id": "coach_more", "value": value}, slack)
    [posted] = slack.wait(1, "/respond/click")
    assert posted.body["response_type"] == "ephemeral"
    assert texts(validate(posted.body), "context")[0].startswith("_(continued, part 2 of ")


@pytest.mark.parametrize(("markdown", "mrkdwn"), [
    ("## What to do", "*What to do*"),
    ("**Sources** and *How to respond:* now", "*Sources* and _How to respond:_ now"),
    ("- a point\n  - nested", "• a point\n  • nested"),
    ("see [the card](https://example.com/a?b=1)", "see <https://example.com/a?b=1|the card>"),
    ("a < b & c > d", "a &lt; b &amp; c &gt; d"),
    ("> The writer failed, so this is grounded.", "> The writer failed, so this is grounded."),
    ("2 * 3 * 4", "2 * 3 * 4"),
    ("```\n**kept**\n```", "```\n**kept**\n```"),
])
def test_markdown_becomes_slack_mrkdwn(markdown: str, mrkdwn: str) -> None:
    assert to_mrkdwn(markdown) == mrkdwn


@pytest.mark.parametrize(("raw", "clean"), [
    ("<@U0LAN0Z89> who holds final cut?", "who holds final cut?"),
    ("is 5 &lt; 6 &amp;&amp; 7 &gt; 2", "is 5 < 6 && 7 > 2"),
    ("see <https://example.com|the deal memo> in <#C123|deals>", "see the deal memo (https://example.com) in #deals"),
    ("<!here> <https://example.com>", "@here https://example.com"),
])
def test_incoming_slack_text_is_cleaned(raw: str, clean: str) -> None:
    assert clean_incoming(raw) == clean


def test_splitting_never_exceeds_the_limit_and_keeps_entities_whole() -> None:
    pieces = split_sections("&amp;" * 2000, limit=3000)
    assert all(len(p) <= 3000 and p.count("&") == p.count("&amp;") for p in pieces)
    assert "".join(pieces) == "&amp;" * 2000


# --- Mattermost -------------------------------------------------------------------------------------------------

def _mattermost(client: TestClient, text: str, authorization: str | bytes | None = f"Token {MM_TOKEN}",
                **fields: str) -> httpx.Response:
    body = urlencode({"command": "/coach", "text": text, "user_name": "alice", "channel_id": "ch",
                      "team_id": "tm", "response_url": "http://mm/hooks/commands/x", **fields}).encode()
    headers: dict[str, Any] = {**FORM, "Accept": "application/json"}
    if authorization is not None:
        headers["Authorization"] = authorization
    return client.post("/mattermost/commands", content=body, headers=headers)


def test_mattermost_with_the_right_token_gets_a_markdown_answer(client: TestClient) -> None:
    response = _mattermost(client, "who holds final cut on our film?")
    assert response.status_code == 200 and response.headers["content-type"] == "application/json"
    body = response.json()
    assert body["response_type"] == "ephemeral"
    assert body["text"].startswith("**Question:** who holds final cut on our film?\n\n**Short answer:** Name the")
    assert "**Sources:** Fixture: who holds final cut\n" in body["text"]
    assert body["text"].endswith("**You could also ask:**\n- `/coach my partner won't say no directly`\n"
                                 "- `/coach the exchange rate moved and our budget is short`")
    assert "blocks" not in body


def test_mattermost_share_help_and_form_token(client: TestClient) -> None:
    shared = _mattermost(client, "share who holds final cut on our film?").json()
    assert shared["response_type"] == "in_channel"
    assert shared["text"].startswith("**@alice asked:** who holds final cut on our film?")
    usage = _mattermost(client, "help").json()
    assert usage["response_type"] == "ephemeral" and "`/coach share <question>`" in usage["text"]
    assert _mattermost(client, "", authorization=None, token=MM_TOKEN).status_code == 200


@pytest.mark.parametrize("authorization", [None, "Token wrong-token", f"Bearer {MM_TOKEN}", MM_TOKEN, "Token ",
                                           f"Token {MM_TOKEN}x", "Token é".encode()])
def test_mattermost_with_a_missing_or_wrong_token_gets_401(client: TestClient, authorization: Any) -> None:
    response = _mattermost(client, "who holds final cut on our film?", authorization=authorization)
    assert response.status_code == 401
    assert response.json()["detail"] == "invalid Mattermost token"


# --- over real HTTP: the ack does not wait for the answer ----------------------------------------------------------

def test_the_ack_returns_before_the_answer_is_delivered(settings: Settings, slack: FakeSlack) -> None:
    server = uvicorn.Server(uvicorn.Config(create_app(settings, wait_until_loaded=True), host="127.0.0.1", port=0,
                                           log_level="warning", ws="none", http="h11", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        port = server.servers[0].sockets[0].getsockname()[1]
        slack.delay = 1.0  # Slack's side is slow too; neither may hold up the ack
        body = command_body("who holds final cut on our film?", slack, reply="http")
        started = time.monotonic()
        response = httpx.post(f"http://127.0.0.1:{port}/slack/commands", content=body,
                              headers={**FORM, **sign(body)}, timeout=10)
        acked = time.monotonic() - started
        assert response.status_code == 200 and acked < 0.9, f"ack took {acked:.2f} s"
        assert slack.under("/respond/http") == []
        [posted] = slack.wait(1, "/respond/http", timeout=15)
        assert posted.body["response_type"] == "ephemeral"
    finally:
        server.should_exit = True
        thread.join(10)


def test_manifest_names_every_url_and_scope() -> None:
    data = yaml.safe_load(manifest("https://coach.example.com/"))
    assert data["features"]["slash_commands"][0]["url"] == "https://coach.example.com/slack/commands"
    assert data["settings"]["event_subscriptions"] == {"request_url": "https://coach.example.com/slack/events",
                                                       "bot_events": ["app_mention", "message.im"]}
    assert data["settings"]["interactivity"]["request_url"] == "https://coach.example.com/slack/interactions"
    assert data["oauth_config"]["scopes"]["bot"] == ["app_mentions:read", "chat:write", "commands", "im:history"]
    with pytest.raises(ValueError, match="is not an https:// URL"):
        manifest("http://coach.example.com")
