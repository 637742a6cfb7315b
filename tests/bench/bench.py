"""`make bench`: index build (cold and incremental), query latency and throughput, peak memory.

Timings are printed, never asserted. Run on the real knowledge base and the development set.
"""

from __future__ import annotations

import json
import platform
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from server.models import Query
from server.search.embedder import SentenceTransformerEmbedder
from server.search.index import build_index, load_index
from server.search.retrieval import Retriever
from server.settings import PROJECT_ROOT
from tests.bench.load import encode_floor
from tests.bench.serving import measure

QUERIES = 500


def main() -> None:
    rows: list[tuple[str, str]] = []
    started = time.perf_counter()
    embedder = SentenceTransformerEmbedder()
    rows.append(("model load (s)", f"{time.perf_counter() - started:.2f}"))
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        kb = tmp / "knowledge"
        shutil.copytree(PROJECT_ROOT / "knowledge", kb)
        t0 = time.perf_counter()
        manifest = build_index(kb, tmp / "index", embedder, tmp / "cache")
        rows.append((f"index build, cold ({manifest.card_count} cards, {manifest.passage_count} passages) (s)",
                     f"{time.perf_counter() - t0:.2f}"))
        card = sorted((kb / "cards").glob("*.md"))[0]
        card.write_text(card.read_text(encoding="utf-8") + "\n- One more point to watch.\n", encoding="utf-8")
        t0 = time.perf_counter()
        manifest = build_index(kb, tmp / "index", embedder, tmp / "cache")
        rows.append((f"index build, incremental (1 card edited, {manifest.embedded} passage embedded) (s)",
                     f"{time.perf_counter() - t0:.2f}"))
        retriever = Retriever(load_index(tmp / "index", embedder), embedder)
        questions = [json.loads(line)["question"] for line in
                     (PROJECT_ROOT / "tests" / "data" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
                     if line.strip()]
        latencies = []
        t_all = time.perf_counter()
        for i in range(QUERIES):
            t0 = time.perf_counter()
            retriever.search(Query(text=f"{questions[i % len(questions)]} ({i})"))  # new text: no cache hit
            latencies.append((time.perf_counter() - t0) * 1000)
        elapsed = time.perf_counter() - t_all
        floor = encode_floor()
        serving = measure(tmp / "index", tmp, questions)
    latencies.sort()
    build_cold = float(rows[1][1])
    build_incremental = float(rows[2][1])
    rows += [
        (f"query latency p50, embed + hybrid search, {QUERIES} queries (ms)", f"{statistics.median(latencies):.1f}"),
        ("query latency p95 (ms)", f"{latencies[int(len(latencies) * 0.95) - 1]:.1f}"),
        ("queries per second (one process, sequential)", f"{QUERIES / elapsed:.1f}"),
        ("peak memory, max RSS (MiB)", f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}"),
    ]
    targets = [
        ("query-encode floor, p50 of 200 encodes (ms)", f"{floor:.1f}", "reference"),
        ("/api/ask p50, one client (ms)", f"{serving['p50_ms']:.1f} ({serving['p50_ms'] / floor:.1f}x floor)",
         "<= 2x floor"),
        ("/api/ask p95, one client (ms)", f"{serving['p95_ms']:.1f} ({serving['p95_ms'] / floor:.1f}x floor)",
         "<= 4x floor"),
        ("repeated question, p50 (ms)", f"{serving['repeat_ms']:.1f}", "<= 3 ms"),
        ("ready after `coach serve` starts (s)", f"{serving['ready_s']:.1f}", "<= 10 s"),
        ("resident memory per worker (MiB)", f"{serving['rss_mib']:.0f}", "<= 800 MB"),
        ("full index build (s)", f"{build_cold:.1f}", "<= 30 s"),
        ("incremental build, one card edited (s)", f"{build_incremental:.1f}", "<= 10 s"),
    ]
    target_table = Table(title="Serving targets (issue 7); the 8-client load figures follow from load.py")
    for column in ("measure", "value", "target"):
        target_table.add_column(column)
    for row in targets:
        target_table.add_row(*row)
    table = Table(title=f"Co-Production Coach benchmark on {platform.machine()}, {platform.python_version()}, "
                        f"{_cpus()} CPU(s)")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for row in rows:
        table.add_row(*row)
    Console(width=120).print(table)
    Console(width=120).print(target_table)


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0))


if __name__ == "__main__":
    main()
