"""Serving figures for `make bench`: time to ready, resident memory, single-client /api/ask latency and a repeated
question, from a real `coach serve` process on loopback. Printed against the targets of issue 7, never asserted."""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure(index_dir: Path, tmp: Path, questions: list[str], requests: int = 200) -> dict[str, float]:
    """Start `coach serve`, wait for /readyz, then ask `requests` questions one at a time."""
    port = _free_port()
    env = {**os.environ, "COACH_INDEX_DIR": str(index_dir), "COACH_DATABASE_URL": f"sqlite:///{tmp}/serve.db",
           "COACH_API_RATE_PER_MINUTE": "0", "COACH_RELOAD_INTERVAL": "0"}
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "server", "serve", "--port", str(port), "--log-level", "warning"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=url, timeout=30) as client:
            while True:
                try:
                    if client.get("/readyz").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if proc.poll() is not None or time.perf_counter() - started > 120:
                    raise RuntimeError("coach serve did not become ready")
                time.sleep(0.05)
            ready = time.perf_counter() - started
            latencies = []
            for i in range(requests):
                # A new text each time (the query-vector cache must not help): the question plus a counter.
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
            rss = _rss_mib(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    latencies.sort()
    return {"ready_s": ready, "rss_mib": rss, "p50_ms": statistics.median(latencies),
            "p95_ms": latencies[int(len(latencies) * 0.95) - 1], "repeat_ms": statistics.median(repeated)}


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]), Path(sys.argv[2]), ["who should hold final cut?"])))
