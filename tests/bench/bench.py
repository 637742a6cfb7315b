"""`make bench`: the targets of issue 14 as ratios to the torch floor measured in the same run, for the ONNX
backend (the default) with the torch backend alongside, plus 1 vs 2 workers and the int8 encoder's floor.

The torch floor is the p50 of one query encode with sentence-transformers on torch. Timings are printed, never
asserted. Run on the real knowledge base and the development set:

    python -m tests.bench.bench [--load-requests 2000] [--backends onnx,torch]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from server.settings import PROJECT_ROOT
from tests.bench.causes import analyser_memory, cause_rows, model_tokens
from tests.bench.load import encode_floor
from tests.bench.serving import measure


def timed_build(kb: Path, root: Path, backend: str) -> tuple[float, float, dict[str, Any]]:
    """Cold then incremental `coach index build` in a fresh process each (what a user runs), with no cache; the
    cold build's manifest."""
    env = {**os.environ, "COACH_KNOWLEDGE_DIR": str(kb), "COACH_INDEX_DIR": str(root / "index"),
           "COACH_CACHE_DIR": str(root / "cache"), "COACH_EMBED_BACKEND": backend}
    seconds = []
    for step in ("cold", "incremental"):
        if step == "incremental":
            card = sorted((kb / "cards").glob("*.md"))[0]
            original = card.read_text(encoding="utf-8")
            # one more sentence in the last watch-out: a new bullet would break parity with the translations
            card.write_text(original.rstrip("\n") + " One more point to watch.\n", encoding="utf-8")
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "server", "index", "build", "--force"], env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seconds.append(time.perf_counter() - t0)
        if step == "cold":
            manifest = json.loads((root / "index" / "manifest.json").read_text(encoding="utf-8"))
        else:
            card.write_text(original, encoding="utf-8")
    return seconds[0], seconds[1], manifest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--load-requests", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=200, help="sequential /api/ask requests, one client")
    parser.add_argument("--backends", default="onnx,torch")
    args = parser.parse_args()
    backends = args.backends.split(",")
    questions = [json.loads(line)["question"] for line in
                 (PROJECT_ROOT / "tests" / "data" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
                 if line.strip()]
    floors = {b: encode_floor(backend=b) for b in ("torch", "onnx", "onnx-int8")}
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        kb = tmp / "knowledge"
        shutil.copytree(PROJECT_ROOT / "knowledge", kb)
        for backend in backends:
            root = tmp / backend
            cold, incremental, manifest = timed_build(kb, root, backend)
            figures = measure(root / "index", root, questions, backend, 1, args.requests, args.load_requests)
            results[backend] = figures | {"cold_s": cold, "incremental_s": incremental,
                                          "embed_s": manifest.get("embed_seconds", 0.0),
                                          "passages": manifest["passage_count"], "cards": manifest["card_count"]}
        if args.load_requests:
            two = measure(tmp / backends[0] / "index", tmp, questions, backends[0], 2, 20, args.load_requests)
            results[f"{backends[0]}, 2 workers"] = two
        tokens = model_tokens(kb)
    print_tables(results, floors, backends)
    console = Console(width=160)
    console.print("Where it goes, measured in this run:")
    analysers = analyser_memory()
    for backend in backends:
        for line in cause_rows(results[backend], floors[backend], tokens, analysers):
            console.print(f"  {backend}: {line}", markup=False)


def _row(label: str, key: str, target: str, results: dict[str, dict[str, float]], columns: list[str],
         floor: float, unit: str = "ms", ratio: bool = True) -> list[str]:
    cells = [label, target]
    for column in columns:
        value = results.get(column, {}).get(key)
        if value is None:
            cells.append("-")
        elif ratio and unit == "req/s":
            cells.append(f"{value:.1f} ({value / (1000 / floor):.2f}x)")
        elif ratio:
            cells.append(f"{value:.1f} ({value / floor:.2f}x)")
        else:
            cells.append(f"{value:.1f}")
    return cells


def print_tables(results: dict[str, dict[str, float]], floors: dict[str, float], backends: list[str]) -> None:
    floor = floors["torch"]
    columns = list(results)
    first = results[backends[0]]
    table = Table(title=f"Issue 14 targets on {platform.machine()}, Python {platform.python_version()}, "
                        f"{len(os.sched_getaffinity(0))} CPU(s); ratios to the torch floor of {floor:.1f} ms; "
                        f"{first.get('cards', 0):.0f} cards / {first.get('passages', 0):.0f} passages")
    for column in ["measure", "target", *columns]:
        table.add_column(column, justify="left" if column in ("measure", "target") else "right")
    rows = [
        _row("/api/ask p50, one client, new questions (ms)", "p50_ms", "<= 1.0x", results, columns, floor),
        _row("/api/ask p95 (ms)", "p95_ms", "<= 2.0x", results, columns, floor),
        _row("8 clients, mixed /api/ask + POST /chat (req/s)", "load_rps", ">= 1.0x of 1000/floor", results,
             columns, floor, "req/s"),
        _row("   errors in that load", "load_errors", "0", results, columns, floor, ratio=False),
        _row("   load latency p95 (ms)", "load_p95_ms", "-", results, columns, floor),
        _row("repeated question p50 (ms)", "repeat_ms", "<= 0.3x", results, columns, floor),
        _row("cold `coach index build`, fresh process (s)", "cold_s", "<= 15 s", results, columns, floor,
             ratio=False),
        _row("incremental build, 1 card edited (s)", "incremental_s", "-", results, columns, floor, ratio=False),
        _row("ready after `coach serve` (s)", "ready_s", "<= 6 s", results, columns, floor, ratio=False),
        _row("resident memory per worker (MiB)", "rss_mib", "<= 500 MiB", results, columns, floor, ratio=False),
    ]
    for row in rows:
        table.add_row(*row)
    console = Console(width=160)
    console.print(table)
    encodes = Table(title="One query encode, p50 of 200 in process (ms)")
    for name in ("backend", "p50 (ms)", "x torch floor"):
        encodes.add_column(name)
    for name, value in floors.items():
        encodes.add_row(name, f"{value:.2f}", f"{value / floor:.2f}x")
    console.print(encodes)


if __name__ == "__main__":
    main()
