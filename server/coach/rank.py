"""Which card answers this exact ask, and how sure we are: card-level signals combined by a small learned model.

Retrieval proposes candidates by topic-level similarity; here each candidate gets features (its best trigger's
cosine, title and summary cosine, BM25, the fused rank, whether the card is for the asker's pair and side, how many
of the question's key words the card covers and how much of their rarity its triggers and summary cover (the
specific ask rather than the shared topic), the off-topic check) and small gradient-boosted trees trained on the
labelled answer set (`python -m server.coach.train`) turn them into a probability that the card is one a senior
producer would put first. The trees are a JSON file next to this module (each node names its feature), read with
numpy alone: serving needs no scikit-learn.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from server.coach.cardwords import KeyWords as KeyWords  # re-exported: plan.py builds them with the ranker
from server.coach.cardwords import NativeWords as NativeWords
from server.coach.cardwords import card_tokens as card_tokens
from server.coach.cardwords import coverage as coverage
from server.coach.glossary import default_glossary
from server.coach.offtopic import asked_clause, domain_cue, off_topic_cue
from server.knowledge.passages import content_hash, dense_text
from server.models import Card, Culture, Hit, Language, Perspective
from server.search.embedder import Embedder
from server.search.index import EmbeddingCache

WEIGHTS = Path(__file__).with_name("ranker.json")
BASE_FEATURES: tuple[str, ...] = (
            "bias", "fused", "reciprocal_rank", "dense", "trigger", "title_summary", "lexical", "coverage",
            "pair_match", "pair_mismatch", "side_match", "side_mismatch", "scope", "decoded_card",
            "domain_cue", "off_topic_cue", "cjk", "trigger_gap", "dense_gap", "native_trigger", "key_coverage",
            "native_language", "neighbour", "neighbour_vote", "off_topic_neighbour")
# Neighbouring cards score alike on every absolute signal; what tells them apart is how a card compares with its
# rivals in the same list. For each of these signals: its margin over the best rival, whether the card is the best
# on it, and its rank (1/(1+rank)) among the candidates. Filled by `relative_features` once the list is known.
# Each of them again for a question not in English ("_native"), whose signals are not equally reliable.
RELATIVE = ("trigger", "title_summary", "lexical", "coverage", "native_trigger", "dense", "fused", "key_coverage",
            "neighbour", "ask_fit", "topic_coverage")
_COMPARED = tuple(f"{name}_{kind}" for name in RELATIVE for kind in ("margin", "best", "rank"))
# `ask_fit`: how strongly the card's heads make the question's kind of ask (who approves, how much, when, what to
# say, is it normal, what if they still don't act: coach.ask_kind), so that of two cards on one topic the one for
# the ask ranks first.
# `topic_coverage`: key_coverage of the question's words less those that make its kind of ask (coach.ask_kind's
# topic_words): "who pays for the completion bond" is about the bond, and a card on who pays for overages covers
# only the ask.
FEATURES: tuple[str, ...] = (*BASE_FEATURES, "frame_exact", "ask_fit", "topic_coverage", *_COMPARED,
                              *(f"{name}_native" for name in _COMPARED))
# The scope model reads the best candidate's card-level signals and its probability (adding its margins over its
# rivals, with weaker regularisation, declined more training questions in-sample but not more held-out ones in
# cross-validation, and declined more in-scope ones: left out).
# Signals that mean something else where the English words are few (a question in Japanese, Korean or Chinese:
# its scope is read from BM25, its cues from word lists) are read a second time scaled by `cjk` ("_unglossed"), so
# the model can weigh them by how much of the question the bundled model could not read.
SCOPE_BY_SCRIPT = ("scope", "coverage", "key_coverage", "native_trigger", "domain_cue", "off_topic_cue",
                   "top_probability")
SCOPE_FEATURES = (*BASE_FEATURES[1:], "top_probability", *(f"{name}_unglossed" for name in SCOPE_BY_SCRIPT))
_SCOPE_COLUMNS = [FEATURES.index(name) for name in BASE_FEATURES[1:]]
MISSING_DENSE = -1.0  # search/retrieval.py's score for a passage outside the nearest neighbours
OFF_TOPIC_DOMINATES = 0.5  # an off-topic cue this strong (a trap in what is asked, or a task request, with no
# film-business words to explain it) outweighs a decoded phrase: 「フランス語で「ありがとう」は何と言いますか」

@dataclass
class Candidate:
    """One retrieved card with its features and the model's probability."""

    card: Card
    hit: Hit
    features: NDArray[np.float64]
    probability: float = 0.0


@dataclass(frozen=True)
class Asker:
    """What ranking needs to know about the question (see coach.understand)."""

    pair: Culture | None
    side: Perspective | None
    decoded_cards: frozenset[str] = frozenset()
    lang: Language = Language.EN  # the question's language: its translated cards are searched and compared too


class CardVectors:
    """Each card's triggers, and its title with summary, embedded once (cached on disk by content hash)."""

    def __init__(self, cards: dict[str, Card], embedder: Embedder, cache_dir: Path | None) -> None:
        texts: list[str] = []
        self.owner: list[str] = []
        self.is_trigger: list[bool] = []
        for card in cards.values():
            for text, trigger in [(t, True) for t in card.triggers] + [(f"{card.title}. {card.summary}", False)]:
                texts.append(dense_text(text))
                self.owner.append(card.id)
                self.is_trigger.append(trigger)
        self.matrix = encode_cached(embedder, texts, cache_dir)
        self.rows: dict[str, list[int]] = {}
        for row, cid in enumerate(self.owner):
            self.rows.setdefault(cid, []).append(row)

    def similarities(self, vector: NDArray[np.float32], card_id: str) -> tuple[float, float]:
        """(best trigger cosine, title-and-summary cosine) of the query to one card."""
        rows = self.rows.get(card_id, [])
        if not rows:
            return 0.0, 0.0
        scores = self.matrix[rows] @ vector.reshape(-1)
        triggers = [float(s) for s, row in zip(scores, rows, strict=True) if self.is_trigger[row]]
        heads = [float(s) for s, row in zip(scores, rows, strict=True) if not self.is_trigger[row]]
        return max(triggers, default=0.0), max(heads, default=0.0)


def encode_cached(embedder: Embedder, texts: list[str], cache_dir: Path | None) -> NDArray[np.float32]:
    cache = EmbeddingCache(cache_dir, embedder.name, embedder.dimension) if cache_dir else None
    keys = [content_hash(t) for t in texts]
    stored = cache.vectors if cache else {}
    missing = [i for i, k in enumerate(keys) if k not in stored]
    if missing:
        vectors = embedder.encode([texts[i] for i in missing])
        fresh = {keys[i]: v for i, v in zip(missing, vectors, strict=True)}
        if cache:
            cache.vectors.update(fresh)
            cache.save()
        stored = {**stored, **fresh}
    return np.vstack([stored[k] for k in keys]).astype(np.float32) if keys else np.zeros((0, 1), np.float32)


def question_features(text: str, scope: float) -> dict[str, float]:
    """The features that are the same for every candidate of one question. `cjk`: how much of the question the
    English words the bundled model reads leave unsaid (1 with hardly any English words; for a question in Japanese,
    Korean or Chinese with glossary words appended, the share of it those words do not gloss). `english` (no
    feature of its own): whether there are English words enough for the cosines to mean anything."""
    english = len(re.findall(r"[A-Za-z]{2,}", dense_text(text))) >= 3
    return {"scope": scope, "domain_cue": domain_cue(text), "off_topic_cue": off_topic_cue(text),
            "cjk": default_glossary().unglossed(text) if english else 1.0, "english": float(english)}


def candidate_features(hit: Hit, rank: int, top_fused: float, top_lexical: float, card: Card, asker: Asker,
                       similarities: tuple[float, float], covered: float, shared: dict[str, float],
                       best: tuple[float, float] = (0.0, 0.0), native_trigger: float = 0.0,
                       key_coverage: float = 0.0, neighbour: tuple[float, float] = (0.0, 0.0),
                       ask_fit: float = 0.0, topic_coverage: float = 0.0) -> NDArray[np.float64]:
    """One candidate's features; `best` is the highest trigger and passage cosine among all the candidates, so the
    model can compare a card with its rivals, not only with a fixed bar; `key_coverage` is KeyWords.coverage;
    `neighbour` is what the labelled questions closest to this one say of the card (coach.neighbours); `ask_fit`
    is coach.ask_kind's CardAsks.fit; `topic_coverage` is KeyWords.coverage of the question's topic words alone."""
    english = shared["english"]  # the bundled model reads English only: without English words, cosines are noise
    # a card found by BM25 alone has no passage among the nearest neighbours (dense_score -1, "missing"): its
    # title-and-summary cosine, computed for every candidate, stands in, so the missing value is no -1 penalty
    dense = hit.dense_score if hit.dense_score > MISSING_DENSE else similarities[1]
    pair_known = asker.pair is not None and asker.pair is not Culture.ANY
    fits_pair = Culture.ANY in card.cultures or (asker.pair in card.cultures if pair_known else True)
    side_known = asker.side is not None and asker.side is not Perspective.BOTH
    opposite = side_known and card.perspective not in (asker.side, Perspective.BOTH)
    values = {
        "bias": 1.0, "fused": hit.score / top_fused if top_fused else 0.0, "reciprocal_rank": 1.0 / (rank + 1),
        "dense": english * dense, "trigger": english * similarities[0],
        "title_summary": english * similarities[1],
        "lexical": hit.lexical_score / top_lexical if top_lexical > 0 else 0.0, "coverage": covered,
        "pair_match": float(pair_known and asker.pair in card.cultures),
        "pair_mismatch": float(pair_known and not fits_pair),
        "side_match": float(side_known and card.perspective == asker.side), "side_mismatch": float(opposite),
        "decoded_card": float(card.id in asker.decoded_cards), **shared,
        "trigger_gap": english * (similarities[0] - best[0]), "dense_gap": english * (dense - best[1]),
        "native_trigger": native_trigger, "key_coverage": key_coverage,
        "native_language": float(asker.lang is not Language.EN),
        "neighbour": neighbour[0], "neighbour_vote": neighbour[1], "ask_fit": ask_fit,
        "topic_coverage": topic_coverage,
        "frame_exact": float(pair_known and side_known and card.cultures == [asker.pair]
                             and card.perspective == asker.side),
    }
    return np.array([values.get(name, 0.0) for name in FEATURES], dtype=np.float64)


def relative_features(matrix: NDArray[np.float64]) -> NDArray[np.float64]:
    """The candidates' features (one row each) with the RELATIVE columns filled in from the rest of the list."""
    out = matrix.copy()
    index = {name: i for i, name in enumerate(FEATURES)}
    for name in RELATIVE:
        values = matrix[:, index[name]]
        top = int(values.argmax())
        first, second = values[top], np.delete(values, top).max() if len(values) > 1 else 0.0
        out[:, index[f"{name}_margin"]] = values - np.where(np.arange(len(values)) == top, second, first)
        out[:, index[f"{name}_best"]] = values >= first
        ahead = (values[None, :] > values[:, None]).sum(axis=1)  # ties share a rank: the list's order is no signal
        out[:, index[f"{name}_rank"]] = 1.0 / (1.0 + ahead)
    native = out[:, index["native_language"]]
    for name in _COMPARED:
        out[:, index[f"{name}_native"]] = out[:, index[name]] * native
    return out


def scope_features(features: NDArray[np.float64], probability: float) -> NDArray[np.float64]:
    """What the scope model reads (SCOPE_FEATURES): some of the best candidate's features and its probability, and
    those of SCOPE_BY_SCRIPT again scaled by its `cjk` feature."""
    plain = np.append(features[_SCOPE_COLUMNS], probability)
    named = dict(zip(SCOPE_FEATURES, plain, strict=False))
    return np.append(plain, [named[name] * named["cjk"] for name in SCOPE_BY_SCRIPT])


@dataclass(frozen=True)
class Trees:
    """Gradient-boosted trees (LightGBM's lambdarank, exported by coach/train.py with its calibration folded in) as
    padded arrays, one row per tree: a candidate goes left where its feature is <= the node's threshold, and its
    log-odds are the baseline plus the value of the leaf it reaches in each tree. Trees read interactions a
    logistic model cannot (a strong trigger counts for less when the neighbours vote for another card):
    cross-validated hit@1 0.832 -> 0.845 on the same features, and ranking a question's candidates together
    (lambdarank) over scoring each alone 0.847 -> 0.852."""

    baseline: float
    feature: NDArray[np.int64]  # per tree and node: the column of FEATURES it splits on (0 for a leaf)
    threshold: NDArray[np.float64]
    left: NDArray[np.int64]
    right: NDArray[np.int64]
    value: NDArray[np.float64]  # a leaf's log-odds contribution (0 for a split)
    leaf: NDArray[np.bool_]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Trees:
        """Padded to the widest tree with leaves worth nothing; an unknown feature name is a stale file."""
        trees = data["trees"]
        width = max(len(t["value"]) for t in trees)

        def padded(key: str, fill: object, convert: Any = float) -> NDArray[Any]:
            return np.array([[convert(v) for v in t[key]] + [fill] * (width - len(t[key])) for t in trees])

        if unknown := {name for t in trees for name in t["feature"] if name and name not in FEATURES}:
            raise ValueError(f"ranker.json splits on unknown features {sorted(unknown)}: "
                             "run `python -m server.coach.train`")
        return cls(float(data["baseline"]), padded("feature", 0, lambda n: FEATURES.index(n) if n else 0),
                   padded("threshold", 0.0), padded("left", 0, int), padded("right", 0, int),
                   padded("value", 0.0), padded("leaf", True, bool))

    def log_odds(self, matrix: NDArray[np.float64]) -> NDArray[np.float64]:
        """Every candidate (row of `matrix`) through every tree at once, one level per step."""
        trees = np.arange(len(self.value))[:, None]
        node = np.zeros((len(self.value), len(matrix)), dtype=np.int64)
        for _ in range(self.value.shape[1]):
            done = self.leaf[trees, node]
            if done.all():
                break
            left = matrix[np.arange(len(matrix))[None, :], self.feature[trees, node]] <= self.threshold[trees, node]
            node = np.where(done, node, np.where(left, self.left[trees, node], self.right[trees, node]))
        return np.asarray(self.baseline + self.value[trees, node].sum(axis=0))


@dataclass(frozen=True)
class Ranker:
    """Two models trained on the labelled set (see coach/train.py) and their cut-offs.

    `probabilities`: that each candidate is a card a senior producer would put first (the answer's confidence).
    `in_scope`: that the question is one the coach covers at all, read from its best candidate (logistic)."""

    trees: Trees
    scope_weights: NDArray[np.float64]  # bias first, then SCOPE_FEATURES
    answer_at: float  # best candidate at or above: answer; below (but in scope): the closest guidance + choices
    in_scope_at: float  # in_scope below this: decline politely

    @classmethod
    def load(cls, path: Path = WEIGHTS) -> Ranker:
        data = json.loads(path.read_text(encoding="utf-8"))
        scope = np.array([float(data["scope_weights"].get(n, 0.0)) for n in ("bias", *SCOPE_FEATURES)])
        return cls(Trees.from_json(data["card_model"]), scope, float(data["answer_at"]), float(data["in_scope_at"]))

    def with_cutoffs(self, answer_at: float | None, in_scope_at: float | None) -> Ranker:
        """The operator's thresholds (COACH_CLARIFY_THRESHOLD, COACH_SCOPE_THRESHOLD) where set."""
        return replace(self, answer_at=self.answer_at if answer_at is None else answer_at,
                       in_scope_at=self.in_scope_at if in_scope_at is None else in_scope_at)

    def probabilities(self, matrix: NDArray[np.float64]) -> NDArray[np.float64]:
        return np.asarray(1.0 / (1.0 + np.exp(-np.clip(self.trees.log_odds(matrix), -50.0, 50.0))))

    def in_scope(self, best: Candidate) -> float:
        z = self.scope_weights[0] + scope_features(best.features, best.probability) @ self.scope_weights[1:]
        return float(1.0 / (1.0 + np.exp(-np.clip(z, -50.0, 50.0))))

    @staticmethod
    def decoded_in_scope(asks: list[str]) -> float:
        """What decoded partner phrases say about scope, read from the message's asks (coach.understand's parts):
        1.0 (a question about the partner's words is the coach's business) unless the off-topic cue or a task
        request dominates what any of them asks (「フランス語で「ありがとう」は何と言いますか」, "which shop sells the
        best wagashi, and what are its hours?"), in which case the phrases say nothing (0.0) and the scope model
        decides. Words pasted around the ask (a partner's e-mail) are not what is asked."""
        return 1.0 if asks and all(off_topic_cue(asked_clause(a)) < OFF_TOPIC_DOMINATES for a in asks) else 0.0
