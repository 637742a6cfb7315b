"""Logging set-up for `coach serve`: plain text or one JSON object per line."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, message, plus the record's `fields` dict if any."""

    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            data.update(fields)
        if record.exc_info:
            data["exception"] = self.formatException(record.exc_info)
        return json.dumps(data, ensure_ascii=False, default=str)


# Libraries that talk at INFO while loading (faiss's "Could not load library with AVX512 support", the
# sentence-transformers "Batches" progress bar, which it shows when its logger is at INFO): WARNING unless debugging.
THIRD_PARTY = ("faiss", "sentence_transformers", "transformers", "torch", "huggingface_hub", "bm25s", "jieba",
               "httpx", "httpcore", "openai", "urllib3", "filelock", "multipart")


def logging_config(json_logs: bool, level: str = "info") -> dict[str, Any]:
    """A dictConfig for uvicorn's `log_config`, so every worker process logs the same way."""
    quiet = "DEBUG" if level.lower() == "debug" else "WARNING"
    formatter: dict[str, Any] = ({"()": "server.service.logs.JsonFormatter"} if json_logs
                                 else {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"})
    handler = {"class": "logging.StreamHandler", "formatter": "default", "stream": "ext://sys.stderr"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"default": formatter},
        "handlers": {"default": handler},
        "root": {"handlers": ["default"], "level": level.upper()},
        # uvicorn's own loggers propagate to root; its access log is replaced by coach.access
        "loggers": {**{name: {"handlers": [], "propagate": True} for name in ("uvicorn", "uvicorn.error")},
                    **{name: {"level": quiet} for name in THIRD_PARTY}},
    }
