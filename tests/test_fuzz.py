"""Fuzz the HTTP API from its own OpenAPI schema with schemathesis (bounded examples): never a 500."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from server.app import create_app

from .conftest import FIXTURE_KB, make_settings
from .loopback import serve


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory, fixture_index: Any) -> Iterator[Any]:
    tmp = tmp_path_factory.mktemp("fuzz")
    app_settings = make_settings(tmp, FIXTURE_KB, database_url=f"sqlite:///{tmp / 'coach.db'}",
                                 api_rate_per_minute=0, slack_signing_secret="fuzz-secret",
                                 mattermost_token="fuzz-token")
    app_settings.index_dir = Path(fixture_index.path)
    with serve(create_app(app_settings, wait_until_loaded=True)) as url:
        yield schemathesis.openapi.from_url(f"{url}/openapi.json")


def test_no_server_errors(api_schema: Any) -> None:
    """Every operation in /openapi.json, with generated valid and invalid inputs (schemathesis' pytest plugin
    does not run on pytest 9, so the operations are driven through Hypothesis directly)."""
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert {op.path for op in operations} >= {"/api/ask", "/api/conversations/{conversation_id}"}
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
        def check(case: Any) -> None:
            response = case.call(timeout=30)
            detail = f"{case.method} {case.path}: {response.status_code} {response.text[:300]}"
            assert response.status_code < 500, detail

        check()
