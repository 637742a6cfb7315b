"""Session 13: Japanese committee members ask about committees as often as Americans do, so the two committee cards
speak to both sides; residuals (what hiring American union talent commits a production to after release) had no card,
and a question about them drew the overtime card or nothing."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.knowledge.cards import load_cards, say_lines
from server.knowledge.translations import load_translations
from server.models import Ask, Card, Perspective

from ..conftest import REAL_KB

COMMITTEE_CARDS = ["production-committee-basics", "committee-lead-company"]


def _versions(card_id: str) -> dict[str, Card]:
    """The English card and its translations, by language code."""
    english = load_cards(REAL_KB)
    translated = load_translations(REAL_KB, english)
    card = next(c for c in english if c.id == card_id)
    return {"en": card} | {lang.value: cards[card_id] for lang, cards in translated.items() if card_id in cards}


@pytest.mark.parametrize("card_id", COMMITTEE_CARDS)
def test_committee_cards_have_lines_for_each_side(card_id: str) -> None:
    versions = _versions(card_id)
    assert versions["en"].perspective is Perspective.BOTH
    for lang in ("en", "ja"):
        sides = {line.side for line in say_lines(versions[lang])}
        assert {Perspective.US_SIDE, Perspective.ASIA_SIDE} <= sides, (lang, sides)


FIRST_CARD = [
    ("Our Korean co-producer hired three SAG-AFTRA actors. What are residuals, and does the buyer of the film take "
     "them over?", "us-guild-residuals"),
    ("美方说我们请了美国工会的编剧，以后影片每次在电视或网上播出都要付residuals，这是怎么回事？", "us-guild-residuals"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("question", "card_id"), FIRST_CARD)
def test_the_right_card_comes_first(kb_answerer: Answerer, question: str, card_id: str) -> None:
    draft = kb_answerer.draft(Ask(message=question))
    assert draft.outcome == "answer"
    assert draft.cards[0].id == card_id, [c.id for c in draft.cards]


@pytest.mark.slow
def test_an_uncleared_song_is_not_a_residuals_question(kb_answerer: Answerer) -> None:
    draft = kb_answerer.draft(Ask(message="挿入歌の使用料が予算に入っていなかった。許諾と費用はどちらの責任？"))
    assert draft.cards and draft.cards[0].id != "us-guild-residuals", [c.id for c in draft.cards]
