"""Hybrid retrieval: dense (FAISS) and lexical (BM25) ranked per card, fused by reciprocal rank."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from enum import StrEnum

import numpy as np

from server.cjk import cjk_share
from server.knowledge.passages import dense_text
from server.models import Card, Culture, Hit, Language, Passage, Perspective, Query
from server.search.embedder import Embedder
from server.search.index import Index

DENSE_WEIGHT = 0.8  # tuned on tests/data/dev.jsonl: hit@3 0.970 -> 0.979, MRR 0.885 -> 0.894 against 1.0
DENSE_WEIGHT_CJK = 0.25
ENGLISH_LEXICAL_WEIGHT = 0.5  # for a question that also has BM25 over translated cards in its language
# What an untranslated card's English BM25 rank counts for in place of a native one: on the training split's CJK
# questions, 0.5 keeps an acceptable card among 15 candidates for 0.985 of whole questions (0.982 without); 1.0
# puts untranslated cards ahead of better native matches (acceptable card in the top 5: 0.884 -> 0.873)
UNTRANSLATED_STAND_IN = 0.5
QUERY_CACHE = 256


class Mode(StrEnum):
    HYBRID = "hybrid"
    DENSE = "dense"
    LEXICAL = "lexical"


class Retriever:
    """The one search interface every front end uses; holds the loaded index and model."""

    def __init__(self, index: Index, embedder: Embedder, rrf_k: int = 60) -> None:
        self.index = index
        self.embedder = embedder
        self.rrf_k = rrf_k
        self._card_of = np.array([p.card_id for p in index.passages])
        # recent query vectors, least recently used first (eval modes, scope checks, follow-up retries, repeats)
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()  # a worker answers in several threads at once

    def search(self, query: Query, k: int = 5, mode: Mode = Mode.HYBRID, vector: np.ndarray | None = None) -> list[Hit]:
        """Best cards first, one hit per card, each with its best passage.

        `vector` is the query's embedding when the caller already has it (from `query_vectors`), so no re-encode."""
        allowed = {cid for cid, card in self.index.cards.items() if _matches(card, query)}
        if not allowed or not query.text.strip():
            return []
        dense = self._dense_scores(query.text if vector is None else vector)
        lexical = self.index.lexical.scores(query.text)
        dense_best = _best_per_card(dense, self._card_of, allowed)
        lexical_best = _best_per_card(lexical, self._card_of, allowed, positive_only=True)
        native = self._native(query, allowed)

        fused: dict[str, float] = {}
        if mode in (Mode.HYBRID, Mode.DENSE):
            # The bundled model reads English only: for a question written mostly in CJK script its
            # vectors are noise, so the lexical side (CJK bigrams over triggers and phrases) leads.
            weight = 1.0 if mode is Mode.DENSE else DENSE_WEIGHT_CJK if cjk_share(query.text) > 0.5 else DENSE_WEIGHT
            _add_rrf(fused, dense_best, self.rrf_k, weight)
        if mode in (Mode.HYBRID, Mode.LEXICAL):
            # The question's own language meets the translated cards; that BM25 leads, and the English one
            # (CJK bigrams over the phrases quoted in English cards, the glossary's English terms) follows.
            _add_rrf(fused, lexical_best, self.rrf_k, ENGLISH_LEXICAL_WEIGHT if native else 1.0)
            _add_rrf(fused, native, self.rrf_k)
            if native and UNTRANSLATED_STAND_IN:
                # A card with no translation in the question's language has no place in the native list, so even
                # the best English match (the glossary's words) fell below every card the native BM25 found: its
                # English rank stands in for the native one it cannot have (a Korean question about a Japanese
                # committee's 幹事会社 and the committee-lead-company card, in English and Japanese only).
                translated = self.index.languages[query.lang].cards
                _add_rrf(fused, lexical_best, self.rrf_k, UNTRANSLATED_STAND_IN, skip=translated.keys())
        ranked = sorted(fused, key=lambda cid: (-fused[cid], -dense_best.get(cid, (0.0, 0))[0]))[:k]
        return [self._hit(cid, fused[cid], dense_best, lexical_best, native, query.lang) for cid in ranked]

    def _native(self, query: Query, allowed: set[str]) -> dict[str, tuple[float, int]]:
        """Each allowed card's best BM25 score over its translation in the question's language, with that
        passage's position offset past the English passages (see `passage`)."""
        language = self.index.languages.get(query.lang)
        if language is None:
            return {}
        card_of = np.array([p.card_id for p in language.passages])
        best = _best_per_card(language.lexical.scores(query.text), card_of, allowed, positive_only=True)
        offset = len(self.index.passages)
        return {cid: (score, offset + pos) for cid, (score, pos) in best.items()}

    def passage(self, position: int, lang: Language) -> Passage:
        """A passage by position: English ones first, then the language's translated ones."""
        if position < len(self.index.passages):
            return self.index.passages[position]
        return self.index.languages[lang].passages[position - len(self.index.passages)]

    def search_many(self, queries: Sequence[Query], k: int = 5, mode: Mode = Mode.HYBRID) -> list[list[Hit]]:
        """`search` for several queries (a message's sub-questions) with one encode for all of them."""
        vectors = self.query_vectors([q.text for q in queries])
        return [self.search(q, k, mode, vectors[i : i + 1]) for i, q in enumerate(queries)]

    def query_vector(self, text: str) -> np.ndarray:
        """The query's (1, dimension) embedding, from a small LRU cache (scope checks and repeats reuse it)."""
        return self.query_vectors([text])

    def query_vectors(self, texts: Sequence[str]) -> np.ndarray:
        """(n, dimension) embeddings; the texts not in the cache are encoded together in one batch."""
        keys = [cache_key(t) for t in texts]
        with self._lock:
            found = {key: self._vectors[key] for key in keys if key in self._vectors}
            for key in found:
                self._vectors.move_to_end(key)
        missing = list(dict.fromkeys(key for key in keys if key not in found))
        if missing:
            encoded = self.embedder.encode(missing)
            with self._lock:
                for key, row in zip(missing, encoded, strict=True):
                    found[key] = self._vectors[key] = row.reshape(1, -1)
                while len(self._vectors) > QUERY_CACHE:
                    self._vectors.popitem(last=False)
        if not keys:
            return np.zeros((0, self.embedder.dimension), dtype=np.float32)
        return np.vstack([found[key] for key in keys])

    def _dense_scores(self, query: str | np.ndarray) -> np.ndarray:
        """Cosine similarity of the query to every passage (passages missing from an ANN result score -1)."""
        vector = self.query_vector(query) if isinstance(query, str) else query.reshape(1, -1).astype(np.float32)
        total = self.index.vectors.ntotal
        scores, ids = self.index.vectors.search(vector, min(total, 200))
        out = np.full(total, -1.0, dtype=np.float32)
        valid = ids[0] >= 0
        out[ids[0][valid]] = scores[0][valid]
        return out

    def _hit(self, cid: str, score: float, dense: dict[str, tuple[float, int]],
             english: dict[str, tuple[float, int]], native: dict[str, tuple[float, int]], lang: Language) -> Hit:
        """`lexical_score` is the BM25 in the question's language where its cards are translated (one scale for
        every candidate), else the English one."""
        card = self.index.cards[cid]
        passage = self.passage(next(found[cid][1] for found in (dense, native, english) if cid in found), lang)
        lexical = native if native else english
        return Hit(
            card_id=cid, title=card.title, passage=passage.text, passage_kind=passage.kind, score=score,
            dense_score=float(dense[cid][0]) if cid in dense else 0.0,
            lexical_score=float(lexical[cid][0]) if cid in lexical else 0.0,
            topics=card.topics, cultures=[c.value for c in card.cultures], perspective=card.perspective.value,
        )


def cache_key(text: str) -> str:
    """What the model reads, with runs of white space made one: the same question asked again hits the cache."""
    return " ".join(dense_text(text).split())


def _matches(card: Card, query: Query) -> bool:
    if query.cultures and Culture.ANY not in card.cultures and not set(card.cultures) & set(query.cultures):
        return False
    if query.topics and not set(card.topics) & set(query.topics):
        return False
    if query.perspective and card.perspective not in (query.perspective, Perspective.BOTH):
        return False
    return True


def _best_per_card(scores: np.ndarray, card_of: np.ndarray, allowed: set[str],
                   positive_only: bool = False) -> dict[str, tuple[float, int]]:
    """Each allowed card's best passage score and that passage's position, best first (vectorised: a Python loop
    over every passage took about a tenth of an answer)."""
    order = np.argsort(-scores)
    if positive_only:
        order = order[scores[order] > 0]
    cards = card_of[order]
    _, first = np.unique(cards, return_index=True)  # each card's first, so best, place in `order`
    best: dict[str, tuple[float, int]] = {}
    for place in np.sort(first):
        cid = str(cards[place])
        if cid in allowed:
            best[cid] = (float(scores[order[place]]), int(order[place]))
    return best


def _add_rrf(fused: dict[str, float], best: dict[str, tuple[float, int]], k: int, weight: float = 1.0,
             skip: AbstractSet[str] = frozenset()) -> None:
    """Reciprocal-rank fusion of one ranked list into `fused`; the cards in `skip` keep their places in the ranking
    but get nothing."""
    ranked: Iterable[str] = sorted(best, key=lambda cid: -best[cid][0])
    for rank, cid in enumerate(ranked, start=1):
        if cid not in skip:
            fused[cid] = fused.get(cid, 0.0) + weight / (k + rank)
