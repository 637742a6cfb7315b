"""`coach serve`: the web chat, JSON API and chat-app webhooks under uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from server.cli.common import load_settings

# coach.access logs each request (with route template and conversation id), so uvicorn's access log is off.
# proxy_headers off: uvicorn would believe X-Forwarded-For from loopback (its default --forwarded-allow-ips); the
# coach believes it only from COACH_TRUSTED_PROXIES (server/service/ratelimit.py).
UVICORN_OPTIONS: dict[str, bool] = {"access_log": False, "proxy_headers": False}


def serve_command(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Worker processes (each loads model + index).")] = 1,
    log_level: Annotated[str, typer.Option(help="critical, error, warning, info or debug.")] = "info",
    json_logs: Annotated[bool, typer.Option("--json-logs", help="Log one JSON object per line.")] = False,
) -> None:
    """Serve the web chat and JSON API with uvicorn (model and index load once per worker)."""
    import logging.config

    import uvicorn

    from server.service.logs import logging_config

    config = logging_config(json_logs, log_level)
    logging.config.dictConfig(config)
    load_settings()  # fail fast on a bad setting
    uvicorn.run("server.app:app_factory", factory=True, host=host, port=port, workers=workers, log_level=log_level,
                log_config=config, access_log=UVICORN_OPTIONS["access_log"],
                proxy_headers=UVICORN_OPTIONS["proxy_headers"])
