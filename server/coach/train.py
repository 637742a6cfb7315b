"""Fit the ranker's logistic weights on the training split of the labelled answer set and pick its cut-offs.

Run `python -m server.coach.train` after the cards or the labelled set change; it rewrites server/coach/ranker.json
(deterministic: same cards, same set, same weights). The test split is never read here: the regularisation strength
is chosen by cross-validation inside the training split, folds grouped by question so that a question's parts and
its whole never sit on both sides. Needs scikit-learn (the `dev` extra); serving only reads the JSON.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import NamedTuple

import numpy as np

from server.coach.answer import Answerer
from server.coach.labelled import AnswerSet, load_answer_set
from server.coach.neighbours import EXAMPLES, Example, Neighbours
from server.coach.rank import FEATURES, SCOPE_FEATURES, WEIGHTS, Asker, scope_features
from server.coach.understand import refers_back, understand
from server.models import Language
from server.search.lexical import tokenize_in

IN_SCOPE_KEPT = 0.96  # share of in-scope training questions that must stay above the decline cut-off
ANSWERED = 0.97  # share of in-scope training questions answered outright (the rest get the closest + choices)
STRENGTHS = (0.3, 1.0, 3.0, 10.0)  # inverse regularisation strengths tried; the best in cross-validation is kept
FOLDS = 5
POSITIVE_WEIGHT = 3.0  # an acceptable card counts this much against each of the (many more) others

Row = tuple[np.ndarray, np.ndarray, bool, str]  # candidates' features, which are acceptable, in scope, group id


def _queries(data: AnswerSet) -> list[tuple[str, str, list[str], str]]:
    """(message, the text ranked, acceptable cards, question id) for every labelled query of `data`: questions,
    each labelled part, conversations' first turns and out-of-scope questions (no acceptable card)."""
    queries = [(q.question, q.question, q.cards, q.id) for q in data.questions]
    queries += [(q.question, text, p.cards, q.id) for q in data.questions for n, p in enumerate(q.parts)
                for text in _part_queries(q.question, n, len(q.parts), p.text)]
    queries += [(c.turns[0].question, c.turns[0].question, c.turns[0].cards, c.id) for c in data.conversations]
    return queries + [(q.question, q.question, [], q.id) for q in data.out_of_scope]


def neighbours(answerer: Answerer, data: AnswerSet) -> Neighbours:
    """The in-scope training queries as the ranker reads them (glossary words added), for coach.neighbours."""
    found = []
    for message, text, acceptable, group in _queries(data):
        if acceptable:
            lang = Language(understand(message).language)
            read = answerer.planner.glossary.expand(text)
            words = frozenset(tokenize_in(read, lang.value)) if lang is not Language.EN else frozenset()
            found.append(Example(read, lang, tuple(acceptable), words, group))
    return Neighbours(found, answerer.retriever.embedder, answerer.planner.cache_dir)


def examples(answerer: Answerer, data: AnswerSet) -> list[Row]:
    """Per training query: its candidates' features, which candidates are acceptable, whether it is in scope, and
    the id of the question it comes from (a multi-part question's parts share it). A query's own question is left
    out of its neighbours, as a new question is not among them when serving."""
    out = []
    for message, text, acceptable, group in _queries(data):
        u = understand(message)
        decoded = answerer.decode(message, u)
        asker = Asker(u.pair, u.side, frozenset(f.card_id for f in decoded), Language(u.language))
        # as when serving (coach.plan): a query that is the message, or asks about the partner's words ("is this
        # a no?"), has the decoded phrases' cards among its candidates even when retrieval does not bring them
        extra = asker.decoded_cards if text == message or refers_back(text) else frozenset()
        with answerer.planner.neighbours.leaving_out(group):
            candidates = answerer.planner.rank(answerer.planner.glossary.expand(text), asker, extra)
        if candidates:
            out.append((np.vstack([c.features for c in candidates]),
                        np.array([c.card.id in acceptable for c in candidates]), bool(acceptable), group))
    return out


def _part_queries(message: str, n: int, labelled: int, text: str) -> list[str]:
    """What serving ranks for the n-th labelled part (coach.plan): the engine's n-th part with the message's
    situation, and that part alone, when the engine splits the message into as many parts as were labelled; the
    labelled text otherwise."""
    u = understand(message)
    if len(u.parts) != labelled or labelled < 2:
        return [text]
    return list(dict.fromkeys([u.query(u.parts[n]), u.query(u.parts[n], situation=False)]))


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return np.asarray(1 / (1 + np.exp(-np.clip(z, -50, 50))))


def _card_model(rows: list[Row], strength: float) -> np.ndarray:
    """Logistic weights (bias first) for "this candidate is acceptable", one row per candidate."""
    from sklearn.linear_model import LogisticRegression

    x = np.vstack([m for m, _, _, _ in rows])[:, 1:]  # column 0 is the bias: the model's intercept plays that part
    y = np.concatenate([labels for _, labels, _, _ in rows])
    model = LogisticRegression(C=strength, max_iter=5000, class_weight={False: 1.0, True: POSITIVE_WEIGHT})
    model.fit(x, y)
    return np.concatenate([model.intercept_, model.coef_[0]])


def _fold(group: str) -> int:
    """A question's fold: a salted hash of its id (the unsalted one is what puts it in the training split, so
    it would leave one fold empty)."""
    return int(hashlib.sha256(f"fold:{group}".encode()).hexdigest()[:8], 16) % FOLDS


class Scores(NamedTuple):
    """Held-out figures of one cross-validation: in-scope queries whose most probable candidate is acceptable
    (hit@1) or among the three most probable (hit@3), out-of-scope ones declined and in-scope ones kept by the
    fold's own scope model and cut-off."""

    hit1: float
    hit3: float
    declined: float
    kept: float

    def line(self) -> str:
        return (f"hit@1 {self.hit1:.3f}, hit@3 {self.hit3:.3f}, out-of-scope declined {self.declined:.3f}, "
                f"in-scope kept {self.kept:.3f}")


def cross_validate(rows: list[Row], strength: float) -> Scores:
    """Both models fitted on four folds and measured on the fifth, over FOLDS folds grouped by question
    (deterministic: the fold is a hash of the question id)."""
    hit1: list[bool] = []
    hit3: list[bool] = []
    declined: list[bool] = []
    kept: list[bool] = []
    for fold in range(FOLDS):
        fitted = [r for r in rows if _fold(r[3]) != fold]
        weights = _card_model(fitted, strength)
        scope, in_scope_at, _ = _scope_model(fitted, weights)
        for matrix, labels, inside, group in rows:
            if _fold(group) != fold:
                continue
            scores = matrix @ weights
            order = np.argsort(-scores, kind="stable")
            if inside:
                hit1.append(bool(labels[order[0]]))
                hit3.append(bool(labels[order[:3]].any()))
            top = int(order[0])
            answered = _in_scope(scope, matrix[top], float(_sigmoid(scores[top:top + 1])[0])) >= in_scope_at
            (kept if inside else declined).append(answered == inside)
    return Scores(*(float(np.mean(v)) if v else 0.0 for v in (hit1, hit3, declined, kept)))


def _keeping(in_scope: np.ndarray) -> float:
    """The cut-off that keeps IN_SCOPE_KEPT of these in-scope questions' scores."""
    return float(np.sort(in_scope)[int((1 - IN_SCOPE_KEPT) * len(in_scope))])


def _in_scope(scope: np.ndarray, features: np.ndarray, probability: float) -> float:
    return float(_sigmoid(np.array([scope[0] + scope_features(features, probability) @ scope[1:]]))[0])


def _scope_model(rows: list[Row], weights: np.ndarray) -> tuple[np.ndarray, float, float]:
    """Whether the question is in scope at all, from its best candidate (weights, bias first), with the cut-off
    that keeps IN_SCOPE_KEPT of in-scope questions and the card probability that ANSWERED of them reach."""
    from sklearn.linear_model import LogisticRegression

    tops = []
    for matrix, _, _, _ in rows:
        probabilities = _sigmoid(matrix @ weights)
        best = int(probabilities.argmax())
        tops.append((scope_features(matrix[best], float(probabilities[best])), float(probabilities[best])))
    x_scope = np.vstack([f for f, _ in tops])
    inside = np.array([i for _, _, i, _ in rows])
    model = LogisticRegression(C=1.0, max_iter=5000).fit(x_scope, inside)
    in_scope_at = _keeping(model.predict_proba(x_scope)[:, 1][inside])
    answer_at = float(np.sort([p for (_, p), i in zip(tops, inside, strict=True) if i])[
        int((1 - ANSWERED) * inside.sum())])
    return np.concatenate([model.intercept_, model.coef_[0]]), in_scope_at, answer_at


def fit(rows: list[Row]) -> dict[str, object]:
    """Two small logistic models: which candidate is acceptable (its regularisation chosen by cross-validation),
    then whether the question is in scope at all (from its best candidate), with the cut-offs that keep
    IN_SCOPE_KEPT of in-scope questions."""
    scores = {c: cross_validate(rows, c) for c in STRENGTHS}
    for c, s in scores.items():
        print(f"cross-validated, C={c:g}: {s.line()}", file=sys.stderr)
    # the best sum of the held-out figures that have floors (a query's worth of hit@1 is no reason to give up
    # out-of-scope declines); ties: the stronger regularisation
    strength = max(STRENGTHS, key=lambda c: (round(scores[c].hit1 + scores[c].hit3 + scores[c].declined, 6), -c))
    print(f"chosen C={strength:g}", file=sys.stderr)
    weights = _card_model(rows, strength)
    scope, in_scope_at, answer_at = _scope_model(rows, weights)
    chosen = scores[strength]
    return {"weights": dict(zip(FEATURES, (round(float(w), 4) for w in weights), strict=True)),
            "scope_weights": dict(zip(("bias", *SCOPE_FEATURES), (round(float(w), 4) for w in scope),
                                      strict=True)),
            "answer_at": round(answer_at, 4), "in_scope_at": round(in_scope_at, 4), "C": strength,
            "cross_validated": {"hit@1": round(chosen.hit1, 4), "hit@3": round(chosen.hit3, 4),
                                "out_of_scope_declined": round(chosen.declined, 4),
                                "in_scope_kept": round(chosen.kept, 4)}}


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
    answerer, data = _answerer(), load_answer_set().only("train")
    answerer.planner.neighbours = neighbours(answerer, data)
    answerer.planner.neighbours.save(EXAMPLES if out == WEIGHTS else out.with_name("neighbours.json"))
    rows = examples(answerer, data)
    result = {"trained_on": f"train split of tests/data/answers: {len(rows)} queries", **fit(rows)}
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return result


if __name__ == "__main__":
    json.dump(main(), sys.stdout, indent=2)
