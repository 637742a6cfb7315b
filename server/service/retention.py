"""Retention: delete conversations (and their ratings) idle past COACH_RETENTION_DAYS, at start-up and then every
COACH_RETENTION_INTERVAL seconds (a day by default), so a server that runs for months still forgets on time."""

from __future__ import annotations

import logging
import threading

from server.service.runtime import Runtime, purge_now

log = logging.getLogger("coach")


class RetentionTask:
    """A daemon thread that runs retention every `interval` seconds until stopped. Every worker runs one; the
    deletes are idempotent, so several at once do no harm."""

    def __init__(self, runtime: Runtime, interval: float) -> None:
        self.runtime = runtime
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="coach-retention", daemon=True)

    def start(self) -> None:
        if self.runtime.settings.retention_days > 0:
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=10)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                purge_now(self.runtime)
            except Exception:  # a database hiccup must not end the task: the next run tries again
                log.exception("retention run failed; will try again in %.0f s", self.interval)
