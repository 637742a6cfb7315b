"""Slack and Mattermost hardening: unstorable text and deep JSON refused at the edge, replayed signatures,
response_url hosts, and buttons that act only on their own conversation."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient

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
