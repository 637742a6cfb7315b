"""Prometheus metrics for one app: requests and latency by route, answers by outcome, feedback, the index.

The only module that imports prometheus_client. Each app owns its registry (no process-global state), so tests
and several apps in one process do not share counters.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from fastapi import APIRouter
from fastapi.responses import Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, InfoMetricFamily, Metric
from prometheus_client.registry import Collector

if TYPE_CHECKING:
    from server.coach.answer import Draft
    from server.service.runtime import Runtime

OUTCOMES = ("answer", "clarify", "decline")
# Methods outside this set are counted as "other": a label per invented method would let any client grow the
# number of series without bound.
KNOWN_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
OTHER_METHOD = "other"
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


class Metrics:
    """Counters the request middleware and the Answerer feed; the index and feedback are read at scrape time."""

    def __init__(self, runtime: Runtime) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter("coach_http_requests", "HTTP requests by route template, method and status.",
                                ["route", "method", "status"], registry=self.registry)
        self.latency = Histogram("coach_http_request_duration_seconds",
                                 "Time to the last byte of the response, by route template.",
                                 ["route", "method"], buckets=LATENCY_BUCKETS, registry=self.registry)
        self.answers = Counter("coach_answers", "Turns answered, by scope outcome (this worker).", ["outcome"],
                               registry=self.registry)
        for outcome in OUTCOMES:
            self.answers.labels(outcome)
        self.registry.register(_RuntimeCollector(runtime))

    def observe_request(self, route: str, method: str, status: int, seconds: float) -> None:
        method = method if method in KNOWN_METHODS else OTHER_METHOD
        self.requests.labels(route, method, str(status)).inc()
        self.latency.labels(route, method).observe(seconds)

    def observe_outcome(self, draft: Draft) -> None:
        self.answers.labels(draft.outcome).inc()

    def render(self) -> bytes:
        return generate_latest(self.registry)


class _RuntimeCollector(Collector):
    """Readiness, the serving index build and stored feedback, read fresh on every scrape."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime

    def collect(self) -> Iterator[Metric]:
        answerer = self.runtime.answerer
        yield GaugeMetricFamily("coach_ready", "1 once the model and index are loaded.",
                                value=int(answerer is not None))
        if answerer is None:
            return
        manifest = answerer.retriever.index.manifest
        yield InfoMetricFamily("coach_index", "The index build serving answers.",
                               value={"build_id": manifest.build_id, "model": manifest.model,
                                      "built_at": manifest.built_at})
        yield GaugeMetricFamily("coach_index_cards", "Cards in the serving index.",
                                value=len(answerer.retriever.index.cards))
        yield GaugeMetricFamily("coach_index_passages", "Passages in the serving index.",
                                value=len(answerer.retriever.index.passages))
        family = CounterMetricFamily("coach_feedback", "Ratings stored in the database (all workers), by rating "
                                     "and channel.", labels=["rating", "channel"])
        for (rating, channel), count in sorted(answerer.store.feedback_counts().items()):
            family.add_metric(["up" if rating > 0 else "down", channel], count)
        yield family


def metrics_router(metrics: Metrics) -> APIRouter:
    """GET /metrics in the Prometheus text format."""
    router = APIRouter(tags=["health"])

    @router.get("/metrics", response_class=Response)
    def prometheus_metrics() -> Response:
        """Prometheus metrics for this worker."""
        return Response(metrics.render(), media_type=CONTENT_TYPE_LATEST)

    return router
