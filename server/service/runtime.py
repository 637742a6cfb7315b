"""What one worker loads (model, index, store, Answerer) and the state routes reach through service.deps.

This module sits low in the house on purpose: routers, dependencies, metrics and the reloader import `Runtime`
from here, and only the app factory imports the routers.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from server.errors import CoachError
from server.settings import PROJECT_ROOT, Settings

if TYPE_CHECKING:
    from server.coach.answer import Answerer, Draft

log = logging.getLogger("coach")


@dataclass
class Runtime:
    """What the lifespan loads once per worker; routes reach it through server.service.deps."""

    settings: Settings
    answerer: Answerer | None = None
    error: str | None = None
    ready: threading.Event = field(default_factory=threading.Event)
    on_outcome: Callable[[Draft], None] | None = None  # called with each turn's Draft; handed to every Answerer


def load_runtime(runtime: Runtime) -> None:
    """Load model, index and store; on failure keep the reason for /readyz and the API's 503."""
    # imported here, not at the top: `coach --help` and the app factory must not pull in torch and faiss
    from server.coach.answer import Answerer
    from server.coach.compose import prompt_environment
    from server.coach.rank import Ranker
    from server.search.embedder import load_embedder
    from server.search.index import load_index, read_manifest
    from server.search.retrieval import Retriever
    from server.store.conversations import ConversationStore

    settings = runtime.settings
    try:
        read_manifest(settings.index_dir)
        embedder = load_embedder(settings.embed_model, settings.embed_batch_size)
        retriever = Retriever(load_index(settings.index_dir, embedder), embedder, settings.rrf_k)
        store = ConversationStore.from_url(settings.database_url)
        purged = store.purge(settings.retention_days)
        if purged:
            log.info("retention: deleted %d conversation(s) idle over %d days", purged, settings.retention_days)
        prompts = prompt_environment(PROJECT_ROOT / "prompts")
        writer = None
        if settings.llm_base_url:
            from server.coach.writer import Writer

            writer = Writer(settings.llm_base_url, settings.llm_model, settings.llm_api_key, settings.llm_timeout,
                            prompts)
            log.info("LLM writer on: %s (model %s); partner text leaves this server", settings.llm_base_url,
                     settings.llm_model)
        ranker = Ranker.load().with_cutoffs(settings.clarify_threshold, settings.scope_threshold)
        runtime.answerer = Answerer(retriever, store, prompts, writer, settings.llm_timeout, runtime.on_outcome,
                                    settings.cache_dir, ranker)
        log.info("ready: %d cards, index build %s", len(retriever.index.cards), retriever.index.manifest.build_id)
    except CoachError as e:
        runtime.error = str(e)
        log.error("not ready: %s", e)
    except Exception as e:  # anything else must still surface as a clear not-ready reason, not a dead worker
        runtime.error = f"{e.__class__.__name__}: {e}"
        log.exception("not ready")
    finally:
        runtime.ready.set()
