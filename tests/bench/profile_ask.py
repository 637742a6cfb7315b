"""Profile /api/ask end to end in process (cProfile): the app on the real knowledge base, new questions each time.

    python -m tests.bench.profile_ask [--requests 100] [--top 25]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import tempfile
from pathlib import Path

from fastapi.testclient import TestClient

from server.app import create_app
from server.search.embedder import load_embedder
from server.search.index import build_index
from server.settings import PROJECT_ROOT, Settings
from tests.bench.load import questions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--index", type=Path, help="an index already built with the configured backend")
    args = parser.parse_args()
    asks = questions()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        index = args.index or tmp / "index"
        if args.index is None:
            build_index(PROJECT_ROOT / "knowledge", index, load_embedder(), tmp / "cache")
        settings = Settings(database_url=f"sqlite:///{tmp}/profile.db", index_dir=index,
                            api_rate_per_minute=0, reload_interval=0, retention_days=0)
        with TestClient(create_app(settings, wait_until_loaded=True)) as client:
            client.post("/api/ask", json={"message": "warm up"}).raise_for_status()
            profile = cProfile.Profile()
            profile.enable()
            for i in range(args.requests):
                client.post("/api/ask", json={"message": f"{asks[i % len(asks)]} ({i})"}).raise_for_status()
            profile.disable()
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out).strip_dirs().sort_stats("cumulative")
    stats.print_stats(args.top)
    print(f"{args.requests} requests to /api/ask, backend {load_embedder().backend}")
    print(out.getvalue())
    out = io.StringIO()
    pstats.Stats(profile, stream=out).strip_dirs().sort_stats("tottime").print_stats(15)
    print(out.getvalue())


if __name__ == "__main__":
    main()
