"""create_app(settings) -> FastAPI. The model and index load in the background at start-up; /readyz says when."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from server import __version__
from server.errors import CoachError
from server.reload import IndexWatcher, Reloader
from server.settings import Settings

log = logging.getLogger("coach")


@dataclass
class Runtime:
    """What the lifespan loads once per worker; routes reach it through server.deps."""

    settings: Settings
    answerer: Any = None  # server.answer.Answerer once loaded
    error: str | None = None
    ready: threading.Event = field(default_factory=threading.Event)
    on_outcome: Any = None  # called with each turn's Draft (metrics, request log); handed to every Answerer


def load_runtime(runtime: Runtime) -> None:
    """Load model, index and store; on failure keep the reason for /readyz and the API's 503."""
    from server.answer import Answerer
    from server.compose import prompt_environment
    from server.conversations import ConversationStore
    from server.embedder import load_embedder
    from server.index import load_index, read_manifest
    from server.retrieval import Retriever
    from server.settings import PROJECT_ROOT

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
            from server.writer import Writer

            writer = Writer(settings.llm_base_url, settings.llm_model, settings.llm_api_key, settings.llm_timeout,
                            prompts)
            log.info("LLM writer on: %s (model %s); partner text leaves this server", settings.llm_base_url,
                     settings.llm_model)
        runtime.answerer = Answerer(retriever, store, prompts, settings.scope_threshold,
                                    settings.clarify_threshold, writer, settings.llm_timeout, runtime.on_outcome)
        log.info("ready: %d cards, index build %s", len(retriever.index.cards), retriever.index.manifest.build_id)
    except CoachError as e:
        runtime.error = str(e)
        log.error("not ready: %s", e)
    except Exception as e:  # anything else must still surface as a clear not-ready reason, not a dead worker
        runtime.error = f"{e.__class__.__name__}: {e}"
        log.exception("not ready")
    finally:
        runtime.ready.set()


def _add_operations(app: FastAPI, runtime: Runtime) -> None:
    """Metrics, the request log, body and rate limits, and the admin routes."""
    from server.access import AccessMiddleware, note_outcome
    from server.admin import router as admin_router
    from server.limits import BodyGuard, RateLimit, TokenBuckets
    from server.metrics import Metrics, metrics_router

    settings = runtime.settings
    metrics = Metrics(runtime)

    def on_outcome(draft: Any) -> None:
        metrics.observe_outcome(draft)
        note_outcome(draft, settings.log_messages)

    runtime.on_outcome = on_outcome
    # add_middleware wraps what is already there, so the last added runs first: access log, rate, body
    app.add_middleware(BodyGuard, max_bytes=settings.max_request_bytes, max_depth=settings.max_json_depth)
    if settings.api_rate_per_minute > 0:
        app.add_middleware(RateLimit, buckets=TokenBuckets(settings.api_rate_per_minute, settings.api_rate_burst),
                           paths=frozenset({"/api/ask"}))
    app.add_middleware(AccessMiddleware, metrics=metrics)
    app.include_router(metrics_router(metrics))
    app.include_router(admin_router)


def create_app(settings: Settings | None = None, wait_until_loaded: bool = False) -> FastAPI:
    settings = settings or Settings()
    runtime = Runtime(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[dict[str, Any]]:
        thread = threading.Thread(target=load_runtime, args=(runtime,), name="coach-loader", daemon=True)
        thread.start()
        if wait_until_loaded:
            thread.join()
        reloader = Reloader(runtime)
        watcher = IndexWatcher(reloader, settings.reload_interval)
        watcher.start()
        try:
            yield {"runtime": runtime, "reloader": reloader}
        finally:
            watcher.stop()

    app = FastAPI(title="Co-Production Coach", version=__version__, lifespan=lifespan,
                  description="Cross-cultural coaching for Asian-US film, series and animation co-productions.")

    @app.exception_handler(CoachError)
    async def coach_error(_request: Request, exc: CoachError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"field": ".".join(str(p) for p in e["loc"] if p != "body"), "message": e["msg"]}
                  for e in exc.errors()]
        summary = "; ".join(f"{e['field'] or 'body'}: {e['message']}" for e in errors)
        return JSONResponse({"detail": f"invalid request: {summary}", "errors": errors}, status_code=422)

    _add_operations(app, runtime)

    from server.api import router as api_router
    from server.health import router as health_router
    from server.web import router as web_router
    from server.web_views import static_files
    from server.webhook import webhook_router

    app.include_router(health_router)
    app.include_router(api_router)
    app.include_router(web_router)
    app.mount("/static", static_files(), name="static")
    app.include_router(webhook_router(settings))  # logs a warning at start-up when Slack is not configured
    return app


def app_factory() -> FastAPI:
    """Entry point for uvicorn (`coach serve`): settings from the environment and .env."""
    return create_app(Settings())
