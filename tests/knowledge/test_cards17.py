"""Gaps producers asked about (session 15): no card gave the partner's holiday calendar (Golden Week, Obon, year end,
Seollal, Chuseok, Spring Festival, National Day) or the US Thanksgiving-to-New-Year slowdown; none said what a Chinese
框架协议, 意向书 or 备忘录 binds; none covered a Japanese publisher's NDA for a US producer, or a US NDA for a Japanese
company.
"""

from __future__ import annotations

from server.knowledge.cards import say_lines
from server.models import Card, Culture, Perspective

NEW = ["holiday-calendar-asia-partner", "us-holiday-season-asia-side", "china-framework-agreement-mou",
       "japanese-publisher-nda-us-side", "us-nda-japanese-side"]
ALL_PAIRS = {Culture.JP_US, Culture.KR_US, Culture.CN_US}


def _text(card: Card) -> str:
    return " ".join([card.summary, *card.sections.values()])


def test_the_holiday_cards_split_by_side_and_cover_every_pair(cards: dict[str, Card]) -> None:
    us, asia = cards["holiday-calendar-asia-partner"], cards["us-holiday-season-asia-side"]
    assert us.perspective is Perspective.US_SIDE and asia.perspective is Perspective.ASIA_SIDE
    assert set(us.cultures) == ALL_PAIRS and set(asia.cultures) == ALL_PAIRS
    for word in ("Golden Week", "Obon", "29 December", "Seollal", "Chuseok", "Spring Festival", "调休", "1 October"):
        assert word in _text(us), word
    for word in ("Thanksgiving", "fourth Thursday", "cut-off", "second week of January"):
        assert word in _text(asia), word
    assert "us-holiday-season-asia-side" in us.related and "holiday-calendar-asia-partner" in asia.related


def test_the_framework_card_says_the_title_decides_little_and_speaks_to_both_sides(cards: dict[str, Card]) -> None:
    card = cards["china-framework-agreement-mou"]
    assert card.perspective is Perspective.BOTH and card.cultures == [Culture.CN_US]
    text = _text(card)
    for word in ("框架协议", "意向书", "备忘录", "Article 495", "Article 500", "预约合同"):
        assert word in text, word
    assert {Perspective.US_SIDE, Perspective.ASIA_SIDE} <= {line.side for line in say_lines(card)}
    assert "definitive" in card.sections["What to do"], "the step to the definitive contract"


def test_the_nda_cards_mirror_each_other(cards: dict[str, Card]) -> None:
    us, asia = cards["japanese-publisher-nda-us-side"], cards["us-nda-japanese-side"]
    assert (us.perspective, asia.perspective) == (Perspective.US_SIDE, Perspective.ASIA_SIDE)
    assert us.cultures == asia.cultures == [Culture.JP_US]
    assert asia.id in us.related and us.id in asia.related
    assert "秘密保持契約" in us.title and "residuals" in _text(asia).lower()
    assert "independent" in us.sections["What to do"], "the independent-development exception protects the producer"
