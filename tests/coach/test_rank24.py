"""The ranker's `topic_coverage`: how much of the question's topic, its words less those that make its kind of ask
(coach.ask_kind.topic_words), a card's heads cover."""

from __future__ import annotations

from pathlib import Path

import pytest

from server.coach.ask_kind import topic_words
from server.coach.cardwords import KeyWords
from server.coach.rank import FEATURES, RELATIVE
from server.knowledge.cards import load_cards
from server.models import Language
from server.search.lexical import tokenize

KNOWLEDGE = Path(__file__).resolve().parents[2] / "knowledge"


@pytest.fixture(scope="module")
def keywords() -> KeyWords:
    return KeyWords({c.id: c for c in load_cards(KNOWLEDGE)}, {})


@pytest.mark.parametrize(("question", "ask", "topic"), [
    ("Who pays for the completion bond?", "pays", "completion bond"),
    ("Who should approve the English voice cast?", "approve", "voice cast"),
    ("How long does the content review take?", "How long", "content review"),
    ("完成保証の費用は誰が負担するのですか？", "負担", "完成保証"),
    ("완성보증 수수료는 누가 내나요?", "누가 내", "완성보증"),
    ("完成保函的费用谁承担？", "谁承担", "完成保函"),
])
def test_the_words_of_the_ask_are_left_out_and_the_topic_kept(question: str, ask: str, topic: str) -> None:
    left = topic_words(question)
    assert ask not in left
    assert topic in left


def test_a_question_with_no_kind_of_ask_keeps_all_its_words() -> None:
    assert topic_words("Tell me about the production committee.") == "Tell me about the production committee."


def test_the_card_on_the_topic_covers_it_and_the_card_on_the_ask_does_not(keywords: KeyWords) -> None:
    """'who pays for the completion bond': the budget-overages card ('who pays when the production goes over') covers
    the ask's words; on the topic's words alone, only the completion bond card covers the question."""
    question = "Who pays for the completion bond, us or the Korean co-producer?"
    whole, topic = set(tokenize(question)), set(tokenize(topic_words(question)))
    bond, overages = "completion-bond-explained", "budget-overages"
    assert keywords.coverage(whole, overages, Language.EN) > 0
    assert keywords.coverage(topic, bond, Language.EN) > keywords.coverage(topic, overages, Language.EN)
    # the topic's words set the bond card further ahead of the overages card than the whole question does
    def lead(words: set[str]) -> float:
        return keywords.coverage(words, bond, Language.EN) - keywords.coverage(words, overages, Language.EN)

    assert lead(topic) > lead(whole)


def test_the_ranker_compares_it_with_the_other_candidates() -> None:
    assert "topic_coverage" in RELATIVE
    for name in ("topic_coverage", "topic_coverage_margin", "topic_coverage_best", "topic_coverage_rank",
                 "topic_coverage_margin_native"):
        assert name in FEATURES
