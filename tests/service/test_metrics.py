"""/metrics (Prometheus text) and the one-line-per-request log, plain and JSON."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from server.service.logs import JsonFormatter, logging_config
from server.store.conversations import ConversationStore

from ..conftest import app_client

IN_SCOPE = "who holds final cut on our film?"
OFF_TOPIC = "what is a good recipe for banana bread?"


@pytest.fixture()
def client(tmp_path: Path, fixture_index: Any) -> Iterator[TestClient]:
    with app_client(tmp_path, fixture_index) as c:
        yield c


def _access(caplog: pytest.LogCaptureFixture) -> list[dict[str, Any]]:
    return [r.fields for r in caplog.records if r.name == "coach.access"]  # type: ignore[attr-defined]


def test_metrics_count_requests_outcomes_feedback_and_the_index(client: TestClient, fixture_index: Any) -> None:
    answered = client.post("/api/ask", json={"message": IN_SCOPE}).json()
    client.post("/api/ask", json={"message": OFF_TOPIC})
    client.get(f"/api/conversations/{answered['conversation_id']}")
    client.get("/no/such/page")
    text = client.get("/metrics").text
    assert 'coach_http_requests_total{method="POST",route="/api/ask",status="200"} 2.0' in text
    assert ('coach_http_requests_total{method="GET",route="/api/conversations/{conversation_id}",status="200"} 1.0'
            in text)
    assert 'coach_http_requests_total{method="GET",route="unmatched",status="404"} 1.0' in text
    assert 'coach_http_request_duration_seconds_count{method="POST",route="/api/ask"} 2.0' in text
    assert 'coach_answers_total{outcome="answer"} 1.0' in text
    assert 'coach_answers_total{outcome="decline"} 1.0' in text
    assert 'coach_answers_total{outcome="clarify"} 0.0' in text
    assert "coach_index_cards 4.0" in text and "coach_ready 1.0" in text
    assert f'build_id="{fixture_index.manifest.build_id}"' in text
    assert "\ncoach_feedback_total{" not in text  # no ratings stored yet


def test_metrics_report_stored_feedback(client: TestClient, tmp_path: Path) -> None:
    cid = client.post("/api/ask", json={"message": IN_SCOPE}).json()["conversation_id"]
    store = ConversationStore.from_url(f"sqlite:///{tmp_path / 'coach.db'}")  # the app's database, shared
    store.add_feedback(cid, IN_SCOPE, "answer", ["fx-final-cut"], 1, channel="web")
    store.add_feedback(cid, IN_SCOPE, "answer", ["fx-final-cut"], -1, channel="slack")
    store.add_feedback(cid, IN_SCOPE, "answer", ["fx-final-cut"], 1, channel="web")
    text = client.get("/metrics").text
    assert 'coach_feedback_total{channel="web",rating="up"} 2.0' in text
    assert 'coach_feedback_total{channel="slack",rating="down"} 1.0' in text


def test_one_access_record_per_request_without_message_text(client: TestClient,
                                                            caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="coach.access"):
        answer = client.post("/api/ask", json={"message": IN_SCOPE}).json()
        client.post("/api/ask", json={"message": ""})
    first, second = _access(caplog)
    assert first["route"] == "/api/ask" and first["method"] == "POST" and first["status"] == 200
    assert first["conversation_id"] == answer["conversation_id"] and first["outcome"] == "answer"
    assert isinstance(first["latency_ms"], float) and first["latency_ms"] > 0
    assert "message" not in first
    assert second["status"] == 422 and second["conversation_id"] is None
    assert IN_SCOPE not in caplog.text


def test_message_text_is_logged_only_when_asked(tmp_path: Path, fixture_index: Any,
                                                caplog: pytest.LogCaptureFixture) -> None:
    with app_client(tmp_path, fixture_index, log_messages=True) as client, \
            caplog.at_level(logging.INFO, logger="coach.access"):
        client.post("/api/ask", json={"message": IN_SCOPE})
    assert _access(caplog)[0]["message"] == IN_SCOPE


def test_json_formatter_writes_one_object_with_the_fields() -> None:
    record = logging.LogRecord("coach.access", logging.INFO, __file__, 1, "POST %s", ("/api/ask",), None)
    record.fields = {"route": "/api/ask", "status": 200, "latency_ms": 3.2, "conversation_id": "abc"}
    line = JsonFormatter().format(record)
    assert "\n" not in line
    data = json.loads(line)
    assert data["message"] == "POST /api/ask" and data["level"] == "info" and data["logger"] == "coach.access"
    assert {k: data[k] for k in ("route", "status", "latency_ms", "conversation_id")} == record.fields
    assert logging_config(True)["formatters"]["default"] == {"()": "server.service.logs.JsonFormatter"}
    assert "format" in logging_config(False)["formatters"]["default"]


def test_invented_methods_share_one_label(client: TestClient) -> None:
    """Each made-up method used to add a new label series: any client could grow /metrics without bound."""
    for n in range(30):
        client.request(f"BREW{n}", "/api/ask")
    client.request("PURGE", "/healthz")
    text = client.get("/metrics").text
    assert "BREW" not in text and "PURGE" not in text
    assert 'coach_http_requests_total{method="other",route="/api/ask",status="405"} 30.0' in text
    series = [line for line in text.splitlines() if line.startswith("coach_http_requests_total{")]
    assert len({line.split('method="')[1].split('"')[0] for line in series}) <= 3  # GET, other (and POST)
