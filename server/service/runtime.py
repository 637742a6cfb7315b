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
    error: str | None = None  # why it is not ready, fit for anyone to read
    error_detail: str | None = None  # the full reason (driver, host, port...): the log and admins only
    ready: threading.Event = field(default_factory=threading.Event)
    on_outcome: Callable[[Draft], None] | None = None  # called with each turn's Draft; handed to every Answerer


def purge_now(runtime: Runtime) -> int:
    """One retention run on the loaded store; 0 while not loaded or when retention is off."""
    days = runtime.settings.retention_days
    if runtime.answerer is None or days <= 0:
        return 0
    purged = runtime.answerer.store.purge(days)
    if purged:
        log.info("retention: deleted %d conversation(s) idle over %d days", purged, days)
    return purged


def load_runtime(runtime: Runtime, warm: bool = False) -> None:
    """Load model, index and store; on failure keep the reason for /readyz and the API's 503. `warm`: the
    service plans an answer in each language at start (a one-shot CLI answer would only wait longer)."""
    # imported here, not at the top: `coach --help` and the app factory must not pull in torch and faiss
    from server.coach.answer import Answerer
    from server.coach.compose import prompt_environment
    from server.coach.rank import Ranker
    from server.models import Language
    from server.search.embedder import load_embedder
    from server.search.index import load_index, read_manifest
    from server.search.retrieval import Retriever
    from server.store.conversations import ConversationStore

    settings = runtime.settings
    try:
        read_manifest(settings.index_dir)
        embedder = load_embedder(settings.embed_model, settings.embed_batch_size, settings.embed_backend,
                                 export_dir=settings.model_export_dir)
        retriever = Retriever(load_index(settings.index_dir, embedder), embedder, settings.rrf_k)
        store = ConversationStore.from_url(settings.database_url, settings.max_conversation_turns)
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
        if warm:  # English before ready (item vectors, glossary); the Asian analysers load in the background
            runtime.answerer.warm([Language.EN])
            threading.Thread(target=runtime.answerer.warm, args=([Language.JA, Language.KO, Language.ZH],),
                             name="coach-warm-up", daemon=True).start()
        purge_now(runtime)  # the first retention run; service/retention.py runs it again every day
        log.info("ready: %d cards, index build %s", len(retriever.index.cards), retriever.index.manifest.build_id)
    except CoachError as e:
        runtime.error = runtime.error_detail = str(e)
        log.error("not ready: %s", e)
    except Exception as e:  # anything else must still surface as a clear not-ready reason, not a dead worker
        # the exception's text can name the database driver, host and port: only the log and admins see it
        database = e.__class__.__module__.startswith(("sqlalchemy", "psycopg", "sqlite3"))
        runtime.error = ("the conversation database could not be opened" if database else "loading failed") + \
            "; the operator can find the reason in the server log"
        runtime.error_detail = f"{e.__class__.__name__}: {e}"
        log.exception("not ready")
    finally:
        runtime.ready.set()
