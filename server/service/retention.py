"""Retention: delete conversations (and their ratings) idle past COACH_RETENTION_DAYS, at start-up and then every
COACH_RETENTION_INTERVAL seconds (a day by default), so a server that runs for months still forgets on time."""

from __future__ import annotations

import logging

from server.service.periodic import Periodic
from server.service.runtime import Runtime, purge_now

log = logging.getLogger("coach")


class RetentionTask(Periodic):
    """Runs retention every `interval` seconds until stopped. Every worker runs one; the deletes are idempotent, so
    several at once do no harm."""

    name = "coach-retention"

    def __init__(self, runtime: Runtime, interval: float) -> None:
        super().__init__(interval, enabled=runtime.settings.retention_days > 0)
        self.runtime = runtime

    def tick(self) -> None:
        try:
            purge_now(self.runtime)
        except Exception:  # a database hiccup must not end the task: the next run tries again
            log.exception("retention run failed; will try again in %.0f s", self.interval)
