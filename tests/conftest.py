"""Shared fixtures: isolated settings, the real embedding model loaded once, and indexes built once per session."""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest
from fastapi.testclient import TestClient
from numpy.typing import NDArray

from server.app import create_app
from server.coach.answer import Answerer
from server.coach.compose import prompt_environment
from server.coach.decode import Decoder
from server.knowledge.cards import load_cards
from server.search.embedder import LocalEmbedder, load_embedder
from server.search.index import Index, build_index, load_index
from server.search.retrieval import Retriever
from server.service.ratelimit import ClientLimiter
from server.settings import PROJECT_ROOT, Settings
from server.store.conversations import ConversationStore

DATA = Path(__file__).parent / "data"
FIXTURE_KB = DATA / "kb"
REAL_KB = PROJECT_ROOT / "knowledge"
CACHE = PROJECT_ROOT / "var" / "cache"  # embeddings by content hash: shared by test runs, so only new text is embedded


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No COACH_* variable from the developer's shell leaks into a test."""
    import os

    for key in list(os.environ):
        if key.startswith("COACH_"):
            monkeypatch.delenv(key)


def make_settings(tmp: Path, knowledge: Path = FIXTURE_KB, **extra: object) -> Settings:
    return Settings(_env_file=None, knowledge_dir=knowledge, index_dir=tmp / "index",  # type: ignore[call-arg]
                    cache_dir=tmp / "cache", secret_key_file=tmp / "secret_key", **extra)


def app_client(tmp: Path, index: Index, **extra: object) -> TestClient:
    """A TestClient on the app serving `index`, with its own SQLite database; enter it to run the lifespan."""
    settings = make_settings(tmp, database_url=f"sqlite:///{tmp / 'coach.db'}", reload_interval=0, **extra)
    settings.index_dir = Path(index.path)
    return TestClient(create_app(settings, wait_until_loaded=True))


@contextmanager
def served_app(settings: Settings) -> Iterator[TestClient]:
    """The app on `settings`, loaded and running, with a rate limit no test module reaches (a module of page tests
    sends hundreds of requests from one client)."""
    app = create_app(settings, wait_until_loaded=True)
    with TestClient(app) as client:
        app.state.limiter = ClientLimiter(60_000, 10_000)
        yield client


@pytest.fixture(scope="session")
def embedder() -> LocalEmbedder:
    return load_embedder()


class CountingEmbedder:
    """The real model, counting how many texts it embeds (proves what a rebuild re-embeds)."""

    def __init__(self, inner: LocalEmbedder, fail_after: int | None = None) -> None:
        self.inner = inner
        self.name = inner.name
        self.dimension = inner.dimension
        self.texts: list[str] = []
        self.fail_after = fail_after

    def encode(self, texts: Sequence[str], progress: object = None) -> NDArray[np.float32]:
        if self.fail_after is not None and len(self.texts) + len(texts) > self.fail_after:
            raise KeyboardInterrupt("simulated Ctrl-C during embedding")
        self.texts.extend(texts)
        return self.inner.encode(texts)


@pytest.fixture()
def kb_copy(tmp_path: Path) -> Path:
    """A writable copy of the fixture knowledge base."""
    target = tmp_path / "kb"
    shutil.copytree(FIXTURE_KB, target)
    return target


@pytest.fixture(scope="session")
def fixture_index(tmp_path_factory: pytest.TempPathFactory, embedder: LocalEmbedder) -> Index:
    tmp = tmp_path_factory.mktemp("fixture-index")
    build_index(FIXTURE_KB, tmp / "index", embedder, tmp / "cache")
    return load_index(tmp / "index", embedder)


@pytest.fixture(scope="session")
def fixture_retriever(fixture_index: Index, embedder: LocalEmbedder) -> Retriever:
    return Retriever(fixture_index, embedder)


@pytest.fixture(scope="session")
def kb_index_dir(tmp_path_factory: pytest.TempPathFactory, embedder: LocalEmbedder) -> Iterator[Path]:
    """The real knowledge base, indexed once per session."""
    tmp = tmp_path_factory.mktemp("kb-index")
    build_index(REAL_KB, tmp / "index", embedder, CACHE)
    yield tmp / "index"


@pytest.fixture(scope="session")
def kb_retriever(kb_index_dir: Path, embedder: LocalEmbedder) -> Retriever:
    return Retriever(load_index(kb_index_dir, embedder), embedder)


@pytest.fixture(scope="session")
def kb_answerer(kb_retriever: Retriever, tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    db = tmp_path_factory.mktemp("answers") / "coach.db"
    return Answerer(kb_retriever, ConversationStore.from_url(f"sqlite:///{db}"),
                    prompt_environment(PROJECT_ROOT / "prompts"), cache_dir=CACHE)


@pytest.fixture(scope="session")
def decoder() -> Decoder:
    """The phrase decoder over the real cards."""
    return Decoder(load_cards(PROJECT_ROOT / "knowledge"))
