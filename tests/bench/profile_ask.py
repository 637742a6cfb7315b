"""Profile what /api/ask runs (cProfile): `Answerer.answer` on the real knowledge base, new questions each time.

The route itself only validates the body and hands it to a threadpool (cProfile sees one thread), so the profile
calls the answerer directly, as the route's thread does.

    python -m tests.bench.profile_ask [--requests 100] [--top 25] [--index var/index]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import tempfile
from pathlib import Path

from server.coach.answer import Answerer
from server.coach.compose import prompt_environment
from server.models import Ask
from server.search.embedder import load_embedder
from server.search.index import build_index, load_index
from server.search.retrieval import Retriever
from server.settings import PROJECT_ROOT, Settings
from server.store.conversations import ConversationStore
from tests.bench.load import questions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--index", type=Path, help="an index already built with the configured backend")
    args = parser.parse_args()
    asks = questions()
    embedder = load_embedder()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        index = args.index or tmp / "index"
        cache = Settings().cache_dir if args.index else tmp / "cache"  # as the service runs: items from the cache
        if args.index is None:
            build_index(PROJECT_ROOT / "knowledge", index, embedder, cache)
        answerer = Answerer(Retriever(load_index(index, embedder), embedder),
                            ConversationStore.from_url(f"sqlite:///{tmp}/profile.db"),
                            prompt_environment(PROJECT_ROOT / "prompts"), cache_dir=cache)
        answerer.answer(Ask(message="warm up"))
        profile = cProfile.Profile()
        profile.enable()
        for i in range(args.requests):
            answerer.answer(Ask(message=f"{asks[i % len(asks)]} ({i})"))
        profile.disable()
    print(f"{args.requests} answers, embedding backend {embedder.backend}")
    for order, top in (("cumulative", args.top), ("tottime", 15)):
        out = io.StringIO()
        pstats.Stats(profile, stream=out).strip_dirs().sort_stats(order).print_stats(top)
        print(out.getvalue())


if __name__ == "__main__":
    main()
