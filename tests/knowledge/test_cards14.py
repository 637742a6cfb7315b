"""Session 13: Japanese committee members ask about committees as often as Americans do, so the two committee cards
speak to both sides; residuals (what hiring American union talent commits a production to after release) had no card,
and a question about them drew the overtime card or nothing."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.knowledge.cards import say_lines
from server.models import Ask, Perspective

from .versions import card_versions

COMMITTEE_CARDS = ["production-committee-basics", "committee-lead-company"]


@pytest.mark.parametrize("card_id", COMMITTEE_CARDS)
def test_committee_cards_have_lines_for_each_side(card_id: str) -> None:
    versions = card_versions(card_id)
    assert versions["en"].perspective is Perspective.BOTH
    for lang in ("en", "ja"):
        sides = {line.side for line in say_lines(versions[lang])}
        assert {Perspective.US_SIDE, Perspective.ASIA_SIDE} <= sides, (lang, sides)


@pytest.mark.slow
def test_an_uncleared_song_is_not_a_residuals_question(kb_answerer: Answerer) -> None:
    draft = kb_answerer.draft(Ask(message="挿入歌の使用料が予算に入っていなかった。許諾と費用はどちらの責任？"))
    assert draft.cards and draft.cards[0].id != "us-guild-residuals", [c.id for c in draft.cards]
