"""The Retriever's query vectors: several queries in one encode, a caller's precomputed vector, and the LRU cache
keyed by normalised text. The real model on the fixture index; a counting wrapper records what reaches it."""

from __future__ import annotations

import numpy as np
import pytest

from server.models import Query
from server.search import retrieval
from server.search.index import Index
from server.search.retrieval import Retriever

from ..conftest import CountingEmbedder

QUESTIONS = ["my partner never says no to my face", "who gets to lock the edit of the movie?",
             "the dollar-yen rate moved 15% and we are over budget"]


class BatchCounting(CountingEmbedder):
    """Counts encode calls as well as texts."""

    calls = 0

    def encode(self, texts, progress=None):  # type: ignore[no-untyped-def]
        self.calls += 1
        return super().encode(texts, progress)


@pytest.fixture()
def counted(fixture_index: Index, embedder: object) -> tuple[Retriever, BatchCounting]:
    counting = BatchCounting(embedder)  # type: ignore[arg-type]
    return Retriever(fixture_index, counting), counting


def test_search_many_encodes_every_query_in_one_call_and_matches_search(
        counted: tuple[Retriever, BatchCounting], fixture_retriever: Retriever) -> None:
    retriever, counting = counted
    together = retriever.search_many([Query(text=q) for q in QUESTIONS], k=3)
    assert counting.calls == 1 and counting.texts == QUESTIONS
    alone = [fixture_retriever.search(Query(text=q), k=3) for q in QUESTIONS]
    assert [[h.card_id for h in hits] for hits in together] == [[h.card_id for h in hits] for hits in alone]
    assert [hits[0].card_id for hits in together] == ["fx-soft-no", "fx-final-cut", "fx-yen"]
    assert [h.dense_score for h in together[1]] == pytest.approx([h.dense_score for h in alone[1]], abs=1e-5)


def test_a_precomputed_vector_is_used_without_encoding(counted: tuple[Retriever, BatchCounting]) -> None:
    retriever, counting = counted
    vector = retriever.query_vector(QUESTIONS[1])
    assert vector.shape == (1, counting.dimension) and counting.calls == 1
    hits = retriever.search(Query(text=QUESTIONS[1]), k=2, vector=vector)
    assert counting.calls == 1 and hits[0].card_id == "fx-final-cut"
    # the dense side scores the vector given, not the text: the yen vector with the final-cut text
    yen = retriever.query_vector(QUESTIONS[2])
    mixed = {h.card_id: h.dense_score for h in retriever.search(Query(text=QUESTIONS[1]), k=4, vector=yen)}
    plain = {h.card_id: h.dense_score for h in retriever.search(Query(text=QUESTIONS[2]), k=4)}
    assert mixed == pytest.approx(plain, abs=1e-5)
    assert counting.calls == 2


def test_the_cache_is_keyed_by_normalised_text_and_drops_the_least_recently_used(
        counted: tuple[Retriever, BatchCounting], monkeypatch: pytest.MonkeyPatch) -> None:
    retriever, counting = counted
    monkeypatch.setattr(retriever, "_vectors", retriever._vectors.__class__())
    monkeypatch.setattr(retrieval, "QUERY_CACHE", 2)
    first = retriever.query_vector("who holds  final cut?")
    again = retriever.query_vector("  who holds final\ncut? ")
    assert counting.calls == 1 and np.array_equal(first, again)
    retriever.query_vector("second question")
    retriever.query_vector("who holds final cut?")  # touched: now the most recent
    retriever.query_vector("third question")  # evicts "second question", the least recently used
    assert counting.calls == 3
    retriever.query_vector("who holds final cut?")
    assert counting.calls == 3
    retriever.query_vector("second question")
    assert counting.calls == 4


def test_duplicates_and_cached_texts_in_one_batch_are_encoded_once(counted: tuple[Retriever, BatchCounting]) -> None:
    retriever, counting = counted
    retriever.query_vector(QUESTIONS[0])
    vectors = retriever.query_vectors([QUESTIONS[0], QUESTIONS[1], QUESTIONS[1] + " ", QUESTIONS[2]])
    assert vectors.shape == (4, counting.dimension)
    assert counting.texts == [QUESTIONS[0], QUESTIONS[1], QUESTIONS[2]]
    assert np.array_equal(vectors[1], vectors[2])
    assert retriever.query_vectors([]).shape == (0, counting.dimension)
