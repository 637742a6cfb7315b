"""A daemon thread that does one job every `interval` seconds until the app stops (retention, the index watcher)."""

from __future__ import annotations

import threading


class Periodic:
    """Subclasses give `tick` (the job) and may give `prepare` (run once first; False ends the thread)."""

    name = "coach-periodic"

    def __init__(self, interval: float, enabled: bool) -> None:
        self.interval = interval
        self.enabled = enabled
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)

    def start(self) -> None:
        if self.enabled:
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=10)

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def prepare(self) -> bool:
        return True

    def tick(self) -> None:
        raise NotImplementedError

    def _run(self) -> None:
        if not self.prepare():
            return
        while not self._stop.wait(self.interval):
            self.tick()
