"""Slack and Mattermost hardening: unstorable text and deep JSON refused at the edge, replayed signatures,
response_url hosts, and buttons that act only on their own conversation."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from server.store.conversations import ConversationStore, feedback

from .test_webhook import FORM, JSON, MM_TOKEN, FakeSlack, command_body, event_body, mention, sign


def _post(client: TestClient, route: str, body: bytes, content_type: dict[str, str]) -> Any:
    return client.post(route, content=body, headers={**content_type, **sign(body)})


def test_a_nul_in_a_slash_command_is_a_422_naming_the_field(client: TestClient, slack: FakeSlack) -> None:
    response = _post(client, "/slack/commands", command_body("final cut\x00 please", slack), FORM)
    assert response.status_code == 422
    assert response.json()["detail"] == ("form field 'text' contains a NUL character (\\u0000) at position 9; "
                                         "remove it and send again")
    assert slack.wait(1, "/respond/", timeout=0.3) == []


def test_a_nul_in_an_event_or_a_button_is_a_422(client: TestClient, slack: FakeSlack) -> None:
    event = _post(client, "/slack/events", event_body("Ev0NUL", mention("final cut\u0000", ts="1.1")), JSON)
    assert event.status_code == 422
    assert event.json()["detail"].startswith("request body.event.text contains a NUL character")
    payload = {"type": "block_actions", "user": {"id": "U2"}, "response_url": f"{slack.url}/respond/x",
               "actions": [{"action_id": "coach_ask_0", "value": json.dumps({"c": "c1", "q": "why\u0000"})}]}
    body = urlencode({"payload": json.dumps(payload)}).encode()
    clicked = _post(client, "/slack/interactions", body, FORM)
    assert clicked.status_code == 422
    assert "contains a NUL character" in clicked.json()["detail"]


def test_a_nul_in_a_mattermost_command_is_a_422(client: TestClient) -> None:
    body = urlencode({"token": MM_TOKEN, "command": "/coach", "text": "final\x00cut", "user_name": "kim"}).encode()
    response = client.post("/mattermost/commands", content=body,
                           headers={**FORM, "Authorization": f"Token {MM_TOKEN}"})
    assert response.status_code == 422
    assert response.json()["detail"].startswith("form field 'text' contains a NUL character (\\u0000) at position 5")


@pytest.mark.parametrize("route", ["/slack/events", "/slack/interactions"])
def test_deeply_nested_json_is_a_400_not_a_500(client: TestClient, route: str) -> None:
    deep = "[" * 1300  # deeper than the JSON parser's recursion limit (1,000), within the 4 KB body limit
    body, kind = (deep.encode(), JSON) if route == "/slack/events" else (urlencode({"payload": deep}).encode(), FORM)
    response = _post(client, route, body, kind)
    assert response.status_code == 400
    assert "nested deeper than 32 levels" in response.json()["detail"]


def test_a_replayed_signed_request_is_refused(client: TestClient, slack: FakeSlack) -> None:
    body = command_body("who holds final cut on our film?", slack, reply="replay")
    headers = {**FORM, **sign(body)}
    assert client.post("/slack/commands", content=body, headers=headers).status_code == 200
    replay = client.post("/slack/commands", content=body, headers=headers)
    assert replay.status_code == 401
    assert replay.json()["detail"] == "replayed request: this signature was already used"
    assert len(slack.wait(2, "/respond/replay", timeout=3)) == 1  # answered once


@pytest.mark.parametrize("url", ["https://evil.example/hook", "http://hooks.slack.com/commands/1/2",
                                 "https://hooks.slack.com.evil.example/x", "https://user@hooks.slack.com:8443/x"])
def test_a_response_url_off_slack_is_refused(client: TestClient, slack: FakeSlack, url: str) -> None:
    response = _post(client, "/slack/commands", command_body("final cut?", slack, response_url=url), FORM)
    assert response.status_code == 400
    assert response.json()["detail"] == "response_url is not on Slack's hooks.slack.com"


def test_hooks_slack_com_is_accepted(client: TestClient, slack: FakeSlack) -> None:
    body = command_body("help", slack, response_url="https://hooks.slack.com/commands/T1/1/abc")
    assert _post(client, "/slack/commands", body, FORM).status_code == 200


def _answer_in(client: TestClient, slack: FakeSlack, channel: str) -> dict[str, Any]:
    _post(client, "/slack/commands", command_body("who holds final cut on our film?", slack, reply=channel,
                                                  channel_id=channel), FORM)
    blocks = slack.wait(1, f"/respond/{channel}")[0].body["blocks"]
    element: dict[str, Any] = next(b for b in blocks if b["type"] == "context_actions")["elements"][0]
    return element


def _click(client: TestClient, slack: FakeSlack, value: str, channel: str, thread: str | None = None) -> None:
    payload = {"type": "block_actions", "user": {"id": "U9"}, "team": {"id": "T1"}, "channel": {"id": channel},
               "response_url": f"{slack.url}/respond/click-{channel}",
               "container": {"type": "message", "is_ephemeral": True, "channel_id": channel},
               "message": {"ts": "9.9", **({"thread_ts": thread} if thread else {})},
               "actions": [{"action_id": "coach_feedback", "value": value}]}
    body = urlencode({"payload": json.dumps(payload)}).encode()
    assert _post(client, "/slack/interactions", body, FORM).status_code == 200


def test_buttons_act_only_where_their_conversation_lives(client: TestClient, slack: FakeSlack,
                                                         store: ConversationStore) -> None:
    value = _answer_in(client, slack, "CHOME")["positive_button"]["value"]
    conversation_id = json.loads(value)["c"]
    _click(client, slack, value, "COTHER")
    [refused] = slack.wait(1, "/respond/click-COTHER")
    assert "belongs to a conversation in another channel or thread" in json.dumps(refused.body)
    _click(client, slack, value, "CHOME")
    [thanks] = slack.wait(1, "/respond/click-CHOME")
    assert "Thanks, glad it helped." in json.dumps(thanks.body)
    with store.engine.connect() as conn:
        rows = conn.execute(select(feedback).where(feedback.c.conversation_id == conversation_id)).all()
    assert len(rows) == 1


def test_a_thread_conversation_answers_buttons_only_in_its_thread(client: TestClient, slack: FakeSlack,
                                                                  store: ConversationStore) -> None:
    root = "1700009000.000100"
    body = event_body("Ev0OWNTHREAD", mention("who holds final cut on our film?", ts=root))
    assert _post(client, "/slack/events", body, JSON).json() == {"ok": True}
    [posted] = slack.wait(1, "/api/")
    element = next(b for b in posted.body["blocks"] if b["type"] == "context_actions")["elements"][0]
    value = element["positive_button"]["value"]
    _click(client, slack, value, "C1", thread="1700000000.999999")  # same channel, another thread
    assert "another channel or thread" in json.dumps(slack.wait(1, "/respond/click-C1")[0].body)
    slack.clear()
    _click(client, slack, value, "C1", thread=root)
    assert "Thanks, glad it helped." in json.dumps(slack.wait(1, "/respond/click-C1")[0].body)
