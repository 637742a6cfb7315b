"""Choose the scope constants: print how the development and out-of-scope sets fall for a grid of cut-offs.

Usage: .venv/bin/python -m tests.bench.calibrate  (uses the index in var/index; run `coach index build` first)
"""

from __future__ import annotations

import json

import numpy as np

from server.cjk import cjk_share
from server.coach.scope import ScopeModel
from server.models import Query
from server.search.embedder import load_embedder
from server.search.index import load_index
from server.search.retrieval import Retriever
from server.settings import PROJECT_ROOT, Settings


def features(name: str, retriever: Retriever, scope: ScopeModel) -> list[tuple[bool, float, float, float]]:
    rows = [json.loads(x) for x in (PROJECT_ROOT / "tests" / "data" / name).read_text("utf-8").splitlines() if x]
    out = []
    for row in rows:
        text = row["question"]
        hit = retriever.search(Query(text=text), k=1)[0]
        off_topic = float((scope.prototypes @ retriever.query_vector(text).reshape(-1)).max())
        out.append((cjk_share(text) > 0.5, hit.dense_score, hit.dense_score - off_topic, hit.lexical_score))
    return out


def main() -> None:
    settings = Settings()
    embedder = load_embedder(settings.embed_model)
    retriever = Retriever(load_index(settings.index_dir, embedder), embedder)
    scope = ScopeModel(embedder)
    dev, oos = features("dev.jsonl", retriever, scope), features("out_of_scope.jsonl", retriever, scope)
    print("English: (min cosine, min margin) -> out-of-scope declined, development declined")
    for cos in np.arange(0.26, 0.40, 0.02):
        for margin in np.arange(0.0, 0.16, 0.02):
            def declined(rows: list[tuple[bool, float, float, float]], cos: float = cos,
                         margin: float = margin) -> float:
                en = [r for r in rows if not r[0]]
                return sum(r[1] < cos or r[2] < margin for r in en) / len(en)
            print(f"  {cos:.2f} {margin:.2f} -> {declined(oos):.3f} {declined(dev):.3f}")
    print("CJK lexical scores, development:", sorted(round(r[3], 1) for r in dev if r[0])[:10])
    print("CJK lexical scores, out of scope:", sorted(round(r[3], 1) for r in oos if r[0]))


if __name__ == "__main__":
    main()
