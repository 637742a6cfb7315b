"""Load on loopback through uvicorn: zero errors, and a rebuild under load swaps answers without a failure."""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from server.app import create_app
from server.search.embedder import LocalEmbedder
from server.search.index import build_index
from server.settings import Settings

from ..bench.load import LoadResult, run_load
from ..conftest import make_settings
from ..loopback import serve
from .test_reload import NEW_TITLE, OLD_TITLE, QUESTION, revise_card

pytestmark = pytest.mark.slow


def _settings(tmp: Path, kb: Path, **extra: Any) -> Settings:
    return make_settings(tmp, kb, database_url=f"sqlite:///{tmp / 'coach.db'}", api_rate_per_minute=0,
                         **extra)


def test_2000_mixed_requests_from_8_clients_without_an_error(tmp_path: Path, fixture_index: Any) -> None:
    settings = _settings(tmp_path, tmp_path, reload_interval=0)
    settings.index_dir = Path(fixture_index.path)
    app = create_app(settings, wait_until_loaded=True)
    with serve(app) as url:
        result = asyncio.run(run_load(url, total=2000, clients=8, time_cap=240))
    assert result.errors == []
    assert len(result.samples) == 2000
    assert {s.route for s in result.samples} == {"/api/ask", "/chat"}


def test_rebuild_under_load_fails_nothing_and_switches_answers(kb_copy: Path, tmp_path: Path,
                                                              embedder: LocalEmbedder) -> None:
    build_index(kb_copy, tmp_path / "index", embedder, tmp_path / "cache")
    app = create_app(_settings(tmp_path, kb_copy, reload_interval=0.05), wait_until_loaded=True)
    asks = [QUESTION["message"], "what does 前向きに検討させていただきます mean?", "the yen moved, who pays?"]
    holder: dict[str, LoadResult] = {}
    with serve(app) as url:
        loader = threading.Thread(target=lambda: holder.update(
            result=asyncio.run(run_load(url, total=600, clients=8, time_cap=60, asks=asks, chat=False))))
        loader.start()
        time.sleep(0.5)  # the load is running against the first build
        rebuilding_at = time.monotonic()
        revise_card(kb_copy)
        new_build = build_index(kb_copy, tmp_path / "index", embedder, tmp_path / "cache").build_id
        while httpx.get(f"{url}/readyz").json()["build_id"] != new_build:
            time.sleep(0.02)
        swapped_at = time.monotonic()
        loader.join()
    result = holder["result"]
    assert result.errors == []
    titles = [(s.started, s.body["sources"][0]["title"]) for s in result.samples if s.question == asks[0]]
    before = {title for started, title in titles if started < rebuilding_at}
    after = [title for started, title in titles if started > swapped_at]
    assert OLD_TITLE in before
    assert after and set(after) == {NEW_TITLE}
