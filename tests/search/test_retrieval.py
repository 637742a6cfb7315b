"""Hybrid retrieval on the fixture index: CJK lexical match, filters, one hit per card, and the three modes."""

from __future__ import annotations

import pytest

from server.models import Culture, Perspective, Query
from server.search.lexical import tokenize
from server.search.retrieval import Mode, Retriever


def test_tokenizer_makes_cjk_bigrams_and_stems_english() -> None:
    assert tokenize("前向きに検討") == ["前向", "向き", "きに", "に検", "検討"]
    assert tokenize("검토해") == ["검토", "토해"]
    assert tokenize("The partners were negotiating") == ["partner", "were", "negoti"]
    assert tokenize("研") == ["研"]
    assert tokenize("  ,.!? ") == []


def test_pasted_japanese_finds_the_phrasebook_card_lexically(fixture_retriever: Retriever) -> None:
    hits = fixture_retriever.search(Query(text="「前向きに検討させていただきます」と言われました"), mode=Mode.LEXICAL)
    assert hits[0].card_id == "fx-soft-no"
    assert len(hits) == 1  # only that card shares any bigram with the message


def test_korean_trigger_matches(fixture_retriever: Retriever) -> None:
    assert fixture_retriever.search(Query(text="회의에서 눈치 없다고 들었어요"), k=1)[0].card_id == "fx-nunchi"


@pytest.mark.parametrize(("text", "expected"), [
    ("my partner never says no to my face", "fx-soft-no"),
    ("who gets to lock the edit of the movie?", "fx-final-cut"),
    ("the dollar-yen rate moved 15% and we are over budget", "fx-yen"),
])
def test_hybrid_ranks_the_right_card_first(fixture_retriever: Retriever, text: str, expected: str) -> None:
    hits = fixture_retriever.search(Query(text=text), k=4)
    assert hits[0].card_id == expected
    assert len({h.card_id for h in hits}) == len(hits) == 4  # one hit per card
    assert hits == sorted(hits, key=lambda h: -h.score)


def test_filters_restrict_by_culture_topic_and_perspective(fixture_retriever: Retriever) -> None:
    korea = fixture_retriever.search(Query(text="budget", cultures=[Culture.KR_US]), k=10)
    assert {h.card_id for h in korea} == {"fx-nunchi", "fx-yen"}  # 'any' cards match every pair
    topic = fixture_retriever.search(Query(text="budget", topics=["decision-rights"]), k=10)
    assert [h.card_id for h in topic] == ["fx-final-cut"]
    asia = fixture_retriever.search(Query(text="budget", perspective=Perspective.ASIA_SIDE), k=10)
    assert {h.card_id for h in asia} == {"fx-final-cut", "fx-yen"}  # 'both' cards serve either side


def test_modes_differ_and_empty_queries_return_nothing(fixture_retriever: Retriever) -> None:
    dense = fixture_retriever.search(Query(text="reading the room"), mode=Mode.DENSE, k=4)
    lexical = fixture_retriever.search(Query(text="zzzz qqqq"), mode=Mode.LEXICAL, k=4)
    assert len(dense) == 4 and lexical == []
    assert fixture_retriever.search(Query(text="   ")) == []
    hit = fixture_retriever.search(Query(text="currency clause"), k=1)[0]
    assert hit.card_id == "fx-yen" and hit.passage_kind in {"summary", "What's going on"} and 0 < hit.dense_score <= 1
