"""Gaps fresh questions found (session 13): a festival premiere (and China's permit before any festival), delivery
schedules and holdbacks, and a payment schedule in tranches had no card, so each question got its nearest neighbour
(the China review card, the deliverables-creep card, the late-instalment card). The completion bond card spoke only to
the Asian side, while American producers ask how to explain the bond to their partner.
"""

from __future__ import annotations

import pytest

from server.cjk import HANGUL, KANA
from server.knowledge.cards import say_lines
from server.models import Card, Culture, Perspective

from ..conftest import REAL_KB

NEW = ["festival-premiere-coproduction", "delivery-schedule-holdbacks", "milestone-payment-schedule"]


@pytest.mark.parametrize("card_id", NEW)
def test_a_new_card_speaks_to_both_sides_in_every_language(cards: dict[str, Card], card_id: str) -> None:
    card = cards[card_id]
    assert card.perspective is Perspective.BOTH
    assert {Perspective.US_SIDE, Perspective.ASIA_SIDE} <= {line.side for line in say_lines(card)}
    for lang in ("ja", "ko", "zh"):
        assert (REAL_KB / "cards" / lang / f"{card_id}.md").is_file(), f"no {lang} translation"
    # server.cjk.language_of reads Hangul as Korean, kana as Japanese: none in a Chinese or Japanese answer
    assert not HANGUL.search((REAL_KB / "cards" / "zh" / f"{card_id}.md").read_text(encoding="utf-8"))
    assert not KANA.search((REAL_KB / "cards" / "zh" / f"{card_id}.md").read_text(encoding="utf-8"))
    assert not HANGUL.search((REAL_KB / "cards" / "ja" / f"{card_id}.md").read_text(encoding="utf-8"))


def test_the_festival_card_states_chinas_permit_and_filing_rule(cards: dict[str, Card]) -> None:
    """China Film Administration, July 2024: permit first, then a filing 20 working days before the festival."""
    card = cards["festival-premiere-coproduction"]
    text = " ".join(" ".join(card.sections.values()).split())
    assert "public screening permit" in text and "20 working days" in text
    assert {Culture.JP_US, Culture.KR_US, Culture.CN_US} <= set(card.cultures)


def test_the_completion_bond_card_gives_the_american_side_a_line_for_its_partner(cards: dict[str, Card]) -> None:
    card = cards["completion-bond-explained"]
    assert card.perspective is Perspective.BOTH
    us_lines = [line.text for line in say_lines(card) if line.side is Perspective.US_SIDE]
    assert any("lenders' condition" in text for text in us_lines)

