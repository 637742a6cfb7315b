"""create_app(settings) -> FastAPI: the one module that imports every router. The model and index load in the
background at start-up; /readyz says when."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from server import __version__
from server.api import router as api_router
from server.coach.answer import Draft
from server.errors import CoachError
from server.service.access import AccessMiddleware, note_outcome
from server.service.admin import router as admin_router
from server.service.headers import SecurityHeaders
from server.service.health import router as health_router
from server.service.limits import BodyGuard
from server.service.metrics import Metrics, metrics_router
from server.service.ratelimit import ClientLimiter, RateLimit
from server.service.reload import IndexWatcher, Reloader
from server.service.retention import RetentionTask
from server.service.runtime import Runtime, load_runtime
from server.settings import Settings
from server.slack.routes import chat_apps_router
from server.web.chat import router as chat_router
from server.web.kb import router as kb_router
from server.web.language import router as language_router
from server.web.share import router as share_router
from server.web.views import static_files


def _add_operations(app: FastAPI, runtime: Runtime) -> None:
    """Metrics, the request log, body and rate limits (the limiter on app.state for the web chat), admin routes."""
    settings = runtime.settings
    metrics = Metrics(runtime)

    def on_outcome(draft: Draft) -> None:
        metrics.observe_outcome(draft)
        note_outcome(draft, settings.log_messages)

    runtime.on_outcome = on_outcome
    # add_middleware wraps what is already there, so the last added runs first: access log, headers, rate, body
    app.add_middleware(BodyGuard, max_bytes=settings.max_request_bytes, max_depth=settings.max_json_depth)
    app.state.limiter = None
    if settings.api_rate_per_minute > 0:
        app.state.limiter = ClientLimiter(settings.api_rate_per_minute, settings.api_rate_burst,
                                          settings.rate_limit_storage, settings.trusted_networks)
        app.add_middleware(RateLimit, limiter=app.state.limiter)
    app.add_middleware(SecurityHeaders, hsts_max_age=settings.hsts_max_age)
    app.add_middleware(AccessMiddleware, metrics=metrics)
    app.include_router(metrics_router(metrics))
    app.include_router(admin_router)


def _field_error(error: dict[str, Any]) -> dict[str, str]:
    """One validation error as {field, message}; a body that is not JSON says where the parser stopped."""
    if error.get("type") == "json_invalid":
        where = next((p for p in error["loc"] if isinstance(p, int)), "?")
        reason = (error.get("ctx") or {}).get("error", "not JSON")
        return {"field": "body", "message": f"the body is not valid JSON (at character {where}: {reason})"}
    return {"field": ".".join(str(p) for p in error["loc"] if p != "body"), "message": error["msg"]}


def create_app(settings: Settings | None = None, wait_until_loaded: bool = False) -> FastAPI:
    settings = settings or Settings()
    runtime = Runtime(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[dict[str, Any]]:
        thread = threading.Thread(target=load_runtime, args=(runtime, True), name="coach-loader", daemon=True)
        thread.start()
        if wait_until_loaded:
            thread.join()
        reloader = Reloader(runtime)
        watcher = IndexWatcher(reloader, settings.reload_interval)
        watcher.start()
        retention = RetentionTask(runtime, settings.retention_interval)
        retention.start()
        try:
            yield {"runtime": runtime, "reloader": reloader}
        finally:
            watcher.stop()
            retention.stop()

    # /docs and /redoc load their scripts from a public CDN: off unless the operator asks (the schema stays)
    docs = settings.api_docs
    app = FastAPI(title="Co-Production Coach", version=__version__, lifespan=lifespan,
                  docs_url="/docs" if docs else None, redoc_url="/redoc" if docs else None,
                  description="Cross-cultural coaching for Asian-US film, series and animation co-productions.")

    @app.exception_handler(CoachError)
    async def coach_error(_request: Request, exc: CoachError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [_field_error(e) for e in exc.errors()]
        summary = "; ".join(e["message"] if e["field"] == "body" else f"{e['field'] or 'body'}: {e['message']}"
                            for e in errors)
        return JSONResponse({"detail": f"invalid request: {summary}", "errors": errors}, status_code=422)

    _add_operations(app, runtime)
    app.include_router(health_router)
    app.include_router(api_router)
    app.include_router(chat_router)
    app.include_router(kb_router)
    app.include_router(share_router)
    app.include_router(language_router)
    app.mount("/static", static_files(), name="static")
    app.include_router(chat_apps_router(settings))  # logs a warning at start-up when Slack is not configured
    return app


def app_factory() -> FastAPI:
    """Entry point for uvicorn (`coach serve`): settings from the environment and .env."""
    return create_app(Settings())
