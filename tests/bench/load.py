"""Bounded load on loopback: a fixed number of mixed requests (/api/ask JSON and the htmx POST /chat) from
concurrent clients, with a time cap. `make bench` runs it on the real knowledge base; tests/service/test_load.py
reuses it.

    python -m tests.bench.load [--requests 2000] [--clients 8] [--time-cap 300]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from tests.loopback import serve

ROOT = Path(__file__).resolve().parents[2]
OFF_TOPIC = ["what is a good recipe for banana bread?", "will it rain in Lisbon this weekend?"]


@dataclass
class Sample:
    """One finished request."""

    route: str
    question: str
    started: float
    seconds: float
    status: int
    body: Any = None  # the /api/ask JSON


@dataclass
class LoadResult:
    samples: list[Sample] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def percentile(self, q: float) -> float:
        """Latency percentile in milliseconds (nearest rank)."""
        ordered = sorted(s.seconds for s in self.samples)
        return ordered[max(0, min(len(ordered) - 1, round(q / 100 * len(ordered)) - 1))] * 1000

    @property
    def rate(self) -> float:
        return len(self.samples) / self.seconds if self.seconds else 0.0


def questions(limit: int = 60) -> list[str]:
    lines = (ROOT / "tests" / "data" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["question"] for line in lines if line.strip()][:limit] + OFF_TOPIC


async def run_load(base_url: str, total: int, clients: int = 8, time_cap: float = 300.0,
                   asks: list[str] | None = None, chat: bool = True) -> LoadResult:
    """Send `total` requests (alternating /api/ask and /chat when `chat`) from `clients` workers; stop at the cap."""
    asks = asks or questions()
    result = LoadResult()
    counter = itertools.count()
    deadline = time.monotonic() + time_cap

    async def client() -> None:
        async with httpx.AsyncClient(base_url=base_url, timeout=60) as http:
            while (i := next(counter)) < total and time.monotonic() < deadline:
                question = asks[i % len(asks)]
                started = time.monotonic()
                try:
                    if chat and i % 2:
                        route = "/chat"
                        response = await http.post(route, data={"message": question},
                                                   headers={"HX-Request": "true"})
                        body = None
                    else:
                        route = "/api/ask"
                        response = await http.post(route, json={"message": question})
                        body = response.json() if response.status_code == 200 else None
                except httpx.HTTPError as e:
                    result.errors.append(f"{question!r}: {e.__class__.__name__}: {e}")
                    continue
                sample = Sample(route, question, started, time.monotonic() - started, response.status_code, body)
                result.samples.append(sample)
                if response.status_code != 200:
                    result.errors.append(f"{route} {question!r}: HTTP {response.status_code} {response.text[:200]}")

    started = time.monotonic()
    await asyncio.gather(*(client() for _ in range(clients)))
    result.seconds = time.monotonic() - started
    done = len(result.samples) + sum(1 for e in result.errors if "HTTP" not in e)
    if done < total:
        result.errors.append(f"time cap of {time_cap:.0f} s reached after {done} of {total} requests")
    return result


def encode_floor(repeats: int = 200, backend: str | None = "torch") -> float:
    """p50 of one query encode (ms). With the torch backend (sentence-transformers' default) this is the floor
    every /api/ask latency is compared to; other backends are measured the same way to show their gain."""
    from server.search.embedder import load_embedder

    embedder = load_embedder(backend=backend)
    asks = questions()
    times = []
    for i in range(repeats):
        started = time.perf_counter()
        embedder.encode([f"{asks[i % len(asks)]} {i}"])  # never the same text twice: no cache can help
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def report(result: LoadResult, clients: int, floor_ms: float | None, out: Callable[[str], None] = print) -> None:
    rows = [("requests (ok / errors)", f"{len(result.samples)} / {len(result.errors)}"),
            ("seconds", f"{result.seconds:.1f}"), ("requests per second", f"{result.rate:.1f}")]
    for q in (50, 95, 99):
        value = result.percentile(q) if result.samples else float("nan")
        multiple = f" ({value / floor_ms:.1f}x floor)" if floor_ms else ""
        rows.append((f"latency p{q} (ms)", f"{value:.1f}{multiple}"))
    if floor_ms:
        rows.append(("torch floor: one query encode, p50 (ms)", f"{floor_ms:.1f}"))
        rows.append(("target req/s, 1.0 x 1000 / floor", f"{1000 / floor_ms:.1f}"))
    out(f"Load: {clients} concurrent clients, mixed /api/ask and POST /chat on loopback")
    for name, value in rows:
        out(f"  {name:<40} {value:>22}")
    for error in result.errors[:10]:
        out(f"  error: {error}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--time-cap", type=float, default=300.0)
    args = parser.parse_args()
    from server.app import create_app
    from server.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        # api_rate_per_minute=0: no per-client limit (every load client is 127.0.0.1), for /api/ask and /chat alike
        settings = Settings(database_url=f"sqlite:///{tmp}/load.db", api_rate_per_minute=0, reload_interval=0,
                            retention_days=0)
        app = create_app(settings, wait_until_loaded=True)
        floor = encode_floor(backend="torch")
        with serve(app) as url:
            result = asyncio.run(run_load(url, args.requests, args.clients, args.time_cap))
    report(result, args.clients, floor)
    return 1 if result.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
