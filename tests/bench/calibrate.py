"""Print the confidence signal for the development set and the out-of-scope set, to choose the thresholds.

Usage: .venv/bin/python tests/bench/calibrate.py  (uses the index in var/index)
"""

from __future__ import annotations

import json

import numpy as np

from server.answer import confidence
from server.embedder import SentenceTransformerEmbedder
from server.index import load_index
from server.models import Query
from server.retrieval import Retriever
from server.settings import PROJECT_ROOT, Settings


def main() -> None:
    settings = Settings()
    embedder = SentenceTransformerEmbedder(settings.embed_model)
    retriever = Retriever(load_index(settings.index_dir, embedder), embedder)
    data = PROJECT_ROOT / "tests" / "data"
    for name in ("dev.jsonl", "out_of_scope.jsonl"):
        rows = [json.loads(x) for x in (data / name).read_text(encoding="utf-8").splitlines() if x.strip()]
        conf = []
        for row in rows:
            hit = retriever.search(Query(text=row["question"]), k=1)[0]
            conf.append(confidence(hit))
            print(f"{name[:3]} {confidence(hit):.3f} cos={hit.dense_score:.3f} lex={hit.lexical_score:5.1f} "
                  f"{hit.card_id[:30]:30} {row['question'][:70]}")
        c = np.array(conf)
        print(name, "percentiles 5/10/50/90/95:", np.percentile(c, [5, 10, 50, 90, 95]).round(3))


if __name__ == "__main__":
    main()
