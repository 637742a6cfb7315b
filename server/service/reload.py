"""Hot index reload: load a new index build off the request path, then swap it in with one assignment.

Requests already running keep the Answerer they started with; the next request gets the new one. A build that
does not load (damaged, other model, inconsistent) is refused and the old index keeps serving.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from server.errors import CoachError, IndexRefused
from server.service.periodic import Periodic

if TYPE_CHECKING:
    from server.coach.answer import Answerer
    from server.service.runtime import Runtime

log = logging.getLogger("coach.reload")
SMOKE_QUERY = "who has final cut"


@dataclass(frozen=True)
class Reloaded:
    """What a reload did: 'reloaded' (swapped), 'loaded' (first successful load) or 'current' (nothing new)."""

    status: str
    build_id: str
    cards: int


def serving_build(runtime: Runtime) -> str | None:
    """The build id of the index answering requests now, if any."""
    answerer = runtime.answerer
    return None if answerer is None else str(answerer.retriever.index.manifest.build_id)


class Reloader:
    """Swaps runtime.answerer for one built on the index on disk; one reload at a time."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self._lock = threading.Lock()

    def reload(self) -> Reloaded:
        """Load the build the index path points to, if it is not the one serving; raises IndexRefused."""
        with self._lock:
            old = self.runtime.answerer
            if old is None:
                return self._first_load()
            try:
                new = self._answerer_for_disk(old)
            except Exception as e:  # whatever broke, the old index keeps serving
                reason = str(e) if isinstance(e, CoachError) else f"{e.__class__.__name__}: {e}"
                raise IndexRefused(f"refused the new index ({reason}); still serving build "
                                   f"{serving_build(self.runtime)}") from e
            if new is None:
                return Reloaded("current", old.retriever.index.manifest.build_id, len(old.retriever.index.cards))
            self.runtime.answerer = new  # the swap: one assignment, atomic for every request that follows
            manifest = new.retriever.index.manifest
            log.info("index reloaded: build %s (%d cards), was %s", manifest.build_id, manifest.card_count,
                     old.retriever.index.manifest.build_id)
            return Reloaded("reloaded", manifest.build_id, manifest.card_count)

    def _answerer_for_disk(self, old: Answerer) -> Answerer | None:
        from server.coach.answer import Answerer
        from server.models import Query
        from server.search.index import load_index, read_manifest
        from server.search.retrieval import Retriever

        settings = self.runtime.settings
        target = settings.index_dir.resolve()  # pin one build: the symlink may move again while we load
        if read_manifest(target).build_id == old.retriever.index.manifest.build_id:
            return None
        embedder = old.retriever.embedder
        retriever = Retriever(load_index(target, embedder), embedder, settings.rrf_k)
        retriever.search(Query(text=SMOKE_QUERY))  # proves the build answers before any request sees it
        answerer = Answerer(retriever, old.store, old.prompts, old.writer, old.writer_timeout, old.on_outcome,
                            old.planner.cache_dir, old.planner.ranker)
        answerer.warm()  # while the old build still serves
        return answerer

    def _first_load(self) -> Reloaded:
        """Nothing is serving (the index was missing or bad at start): try the whole start-up load again."""
        from server.service.runtime import load_runtime

        runtime = self.runtime
        if not runtime.ready.is_set():
            raise IndexRefused("the coach is still loading; try again in a few seconds")
        runtime.error = runtime.error_detail = None
        load_runtime(runtime, warm=True)
        if runtime.answerer is None:
            raise IndexRefused(f"the index still does not load: {runtime.error_detail}")
        index = runtime.answerer.retriever.index
        return Reloaded("loaded", index.manifest.build_id, len(index.cards))


class IndexWatcher(Periodic):
    """Reloads when the index's build id changes (checked every `interval` seconds)."""

    name = "coach-index-watcher"

    def __init__(self, reloader: Reloader, interval: float) -> None:
        super().__init__(interval, enabled=interval > 0)
        self.reloader = reloader
        self.refused: str | None = None  # a refused build is not retried until the next build replaces it

    def prepare(self) -> bool:
        runtime = self.reloader.runtime
        while not runtime.ready.wait(timeout=0.5):
            if self.stopping:
                return False
        if runtime.answerer is None:
            self.refused = self._on_disk()  # start-up already failed on this build; wait for a new one
        return True

    def tick(self) -> None:
        self.check()

    def _on_disk(self) -> str | None:
        from server.search.index import read_manifest

        try:
            return read_manifest(self.reloader.runtime.settings.index_dir).build_id
        except CoachError:
            return None  # no index yet, or caught between a build's rename and its symlink swap

    def check(self) -> None:
        """Reload if a new build is on disk; log and remember a refusal."""
        build_id = self._on_disk()
        if build_id is None or build_id in (serving_build(self.reloader.runtime), self.refused):
            return
        try:
            self.reloader.reload()
        except CoachError as e:
            self.refused = build_id
            log.error("index build %s refused: %s", build_id, e)
