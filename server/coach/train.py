"""Fit the ranker's logistic weights on the training split of the labelled answer set and pick its cut-offs.

Run `python -m server.coach.train` after the cards or the labelled set change; it rewrites server/coach/ranker.json
(deterministic: same cards, same set, same weights). The test split is never read here. Needs scikit-learn (the
`dev` extra); serving only reads the JSON.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

from server.coach.answer import Answerer
from server.coach.labelled import AnswerSet, load_answer_set
from server.coach.rank import FEATURES, SCOPE_FEATURES, WEIGHTS, Asker, scope_features
from server.coach.understand import understand
from server.models import Language

IN_SCOPE_KEPT = 0.96  # share of in-scope training questions that must stay above the decline cut-off
ANSWERED = 0.97  # share of in-scope training questions answered outright (the rest get the closest + choices)


def examples(answerer: Answerer, data: AnswerSet) -> list[tuple[np.ndarray, np.ndarray, bool]]:
    """Per training query: its candidates' features, which candidates are acceptable, and whether it is in scope."""
    queries = [(q.question, q.question, q.cards) for q in data.questions]
    queries += [(q.question, p.text, p.cards) for q in data.questions for p in q.parts]
    queries += [(c.turns[0].question, c.turns[0].question, c.turns[0].cards) for c in data.conversations]
    queries += [(q.question, q.question, []) for q in data.out_of_scope]
    out = []
    for message, text, acceptable in queries:
        u = understand(message)
        decoded = answerer.decode(message, u)
        asker = Asker(u.pair, u.side, frozenset(f.card_id for f in decoded), Language(u.language))
        candidates = answerer.planner.rank(answerer.planner.glossary.expand(text), asker)
        if candidates:
            out.append((np.vstack([c.features for c in candidates]),
                        np.array([c.card.id in acceptable for c in candidates]), bool(acceptable)))
    return out


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return np.asarray(1 / (1 + np.exp(-np.clip(z, -50, 50))))


def fit(rows: list[tuple[np.ndarray, np.ndarray, bool]]) -> dict[str, object]:
    """Two small logistic models: which candidate is acceptable, then whether the question is in scope at all
    (from its best candidate), with the cut-offs that keep IN_SCOPE_KEPT of in-scope questions."""
    from sklearn.linear_model import LogisticRegression

    x = np.vstack([m for m, _, _ in rows])[:, 1:]  # column 0 is the bias: the model's intercept plays that part
    y = np.concatenate([labels for _, labels, _ in rows])
    cards = LogisticRegression(C=1.0, max_iter=2000, class_weight={False: 1.0, True: 3.0}).fit(x, y)
    weights = np.concatenate([cards.intercept_, cards.coef_[0]])
    tops = []
    for matrix, _, _ in rows:
        probabilities = _sigmoid(matrix @ weights)
        best = int(probabilities.argmax())
        tops.append((scope_features(matrix[best], float(probabilities[best])), float(probabilities[best])))
    inside = np.array([i for _, _, i in rows])
    scope = LogisticRegression(C=1.0, max_iter=2000).fit(np.vstack([f for f, _ in tops]), inside)
    in_scope = scope.predict_proba(np.vstack([f for f, _ in tops]))[:, 1]
    kept = np.sort(in_scope[inside])
    in_scope_at = float(kept[int((1 - IN_SCOPE_KEPT) * len(kept))])
    answer_at = float(np.sort([p for (_, p), i in zip(tops, inside, strict=True) if i])[
        int((1 - ANSWERED) * inside.sum())])
    print(f"cut-offs: in scope {in_scope_at:.4f}, answer {answer_at:.4f}; out-of-scope declined on train "
          f"{float((in_scope[~inside] < in_scope_at).mean()):.3f}", file=sys.stderr)
    return {"weights": dict(zip(FEATURES, (round(float(w), 4) for w in weights), strict=True)),
            "scope_weights": dict(zip(("bias", *SCOPE_FEATURES), (round(float(w), 4) for w in
                                                                  [scope.intercept_[0], *scope.coef_[0]]),
                                      strict=True)),
            "answer_at": round(answer_at, 4), "in_scope_at": round(in_scope_at, 4)}


def _answerer() -> Answerer:
    from server.coach.compose import prompt_environment
    from server.search.embedder import load_embedder
    from server.search.index import load_index
    from server.search.retrieval import Retriever
    from server.settings import PROJECT_ROOT, Settings
    from server.store.conversations import ConversationStore

    settings = Settings()
    embedder = load_embedder(settings.embed_model, backend=settings.embed_backend,
                             export_dir=settings.model_export_dir)
    retriever = Retriever(load_index(settings.index_dir, embedder), embedder, settings.rrf_k)
    return Answerer(retriever, ConversationStore.from_url("sqlite://"), prompt_environment(PROJECT_ROOT / "prompts"),
                    cache_dir=settings.cache_dir)


def main(out: Path = WEIGHTS) -> dict[str, object]:
    rows = examples(_answerer(), load_answer_set().only("train"))
    result = {"trained_on": f"train split of tests/data/answers: {len(rows)} queries", **fit(rows)}
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return result


if __name__ == "__main__":
    json.dump(main(), sys.stdout, indent=2)
