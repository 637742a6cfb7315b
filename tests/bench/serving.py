"""Serving figures for `make bench`: time to ready, resident memory per worker, single-client /api/ask latency, a
repeated question, and the 8-client mixed load, all from a real `coach serve` process on loopback with the given
encoder backend and worker count. Printed against the targets of issue 14, never asserted."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

from server.cjk import cjk_share
from tests.bench.causes import tail_shares
from tests.bench.load import run_load


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _worker_pids(pid: int) -> list[int]:
    """The serving processes: uvicorn's workers when it forked some, else the process itself."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    found = [int(c) for c in children.read_text().split()] if children.exists() else []
    # uvicorn's multiprocess supervisor also starts a resource tracker; workers are the ones that loaded the model
    workers = [c for c in found if _rss_mib(c) > 100]
    return workers or [pid]


def measure(index_dir: Path, tmp: Path, questions: list[str], backend: str = "onnx", workers: int = 1,
            requests: int = 200, load_requests: int = 2000, clients: int = 8) -> dict[str, float]:
    """Start `coach serve`, wait for /readyz, ask `requests` new questions one at a time, then a repeated one, then
    run the mixed load (`load_requests` from `clients` concurrent clients, alternating /api/ask and POST /chat)."""
    port = _free_port()
    env = {**os.environ, "COACH_INDEX_DIR": str(index_dir), "COACH_DATABASE_URL": f"sqlite:///{tmp}/serve-{backend}"
           f"-{workers}.db", "COACH_API_RATE_PER_MINUTE": "0", "COACH_RELOAD_INTERVAL": "0",
           "COACH_EMBED_BACKEND": backend}
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "server", "serve", "--port", str(port), "--log-level", "warning",
                             "--workers", str(workers)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=url, timeout=60) as client:
            while True:
                try:
                    if client.get("/readyz").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if proc.poll() is not None or time.perf_counter() - started > 180:
                    raise RuntimeError(f"coach serve ({backend}) did not become ready")
                time.sleep(0.05)
            ready = time.perf_counter() - started
            rss_ready = max(_rss_mib(pid) for pid in _worker_pids(proc.pid))
            round_trips = []  # the HTTP floor: a route that does no work, over the same client and server
            for _ in range(50):
                t0 = time.perf_counter()
                client.get("/healthz").raise_for_status()
                round_trips.append((time.perf_counter() - t0) * 1000)
            latencies = []
            for i in range(requests):
                # A new text each time (no cache may help): the question plus a counter.
                body = {"message": f"{questions[i % len(questions)]} ({i})"}
                t0 = time.perf_counter()
                client.post("/api/ask", json=body).raise_for_status()
                latencies.append((time.perf_counter() - t0) * 1000)
            repeat = questions[0]
            client.post("/api/ask", json={"message": repeat})
            repeated = []
            for _ in range(20):
                t0 = time.perf_counter()
                client.post("/api/ask", json={"message": repeat})
                repeated.append((time.perf_counter() - t0) * 1000)
        load = asyncio.run(run_load(url, load_requests, clients, time_cap=300)) if load_requests else None
        rss = [_rss_mib(pid) for pid in _worker_pids(proc.pid)]
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    asked = [questions[i % len(questions)] for i in range(len(latencies))]
    has_cjk = [cjk_share(text) > 0 for text in asked]
    tail = tail_shares(asked, latencies)
    by_script = {"p50_en_ms": [t for t, cjk in zip(latencies, has_cjk, strict=True) if not cjk],
                 "p50_cjk_ms": [t for t, cjk in zip(latencies, has_cjk, strict=True) if cjk]}
    latencies.sort()
    figures = {"ready_s": ready, "rss_mib": max(rss), "rss_ready_mib": rss_ready,
               "http_floor_ms": statistics.median(round_trips),
               **{key: statistics.median(values) for key, values in by_script.items() if values},
               **tail, "p50_ms": statistics.median(latencies),
               "p95_ms": latencies[int(len(latencies) * 0.95) - 1], "repeat_ms": statistics.median(repeated)}
    if load is not None:
        figures |= {"load_rps": load.rate, "load_errors": float(len(load.errors)), "load_ok": float(len(load.samples)),
                    "load_p50_ms": load.percentile(50), "load_p95_ms": load.percentile(95)}
    return figures


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]), Path(sys.argv[2]), ["who should hold final cut?"],
                             backend=sys.argv[3] if len(sys.argv) > 3 else "onnx", load_requests=0)))
