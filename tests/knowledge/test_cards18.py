"""Gaps producers asked about (session 16): no card said what a Japanese partner's password-protected zip with the
password in a second e-mail (PPAP) is, for the US side or for the Japanese side asked to drop it; the NDA cards
covered only Japan, not a Korean studio's or webtoon platform's 비밀유지계약서, a Chinese partner's 保密协议, or a US
NDA seen from the Korean or Chinese side.
"""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.knowledge.cards import say_lines
from server.models import Ask, Card, Culture, Perspective

NEW = ["ppap-password-zip-us-side", "ppap-dropping-it-japanese-side", "korean-partner-nda-us-side",
       "chinese-partner-nda-us-side", "us-nda-korean-chinese-side"]


def _text(card: Card) -> str:
    return " ".join([card.summary, *card.sections.values()])


def test_the_ppap_cards_mirror_each_other_and_name_the_2020_decision(cards: dict[str, Card]) -> None:
    us, jp = cards["ppap-password-zip-us-side"], cards["ppap-dropping-it-japanese-side"]
    assert (us.perspective, jp.perspective) == (Perspective.US_SIDE, Perspective.ASIA_SIDE)
    assert us.cultures == jp.cultures == [Culture.JP_US]
    assert jp.id in us.related and us.id in jp.related
    for card in (us, jp):
        for word in ("PPAP", "November 2020", "Cabinet Office", "IT department", "shared"):
            assert word in _text(card), (card.id, word)
    assert "accept the zip" in us.sections["What to do"], "a one-off file is simply opened, not fought over"


def test_the_korean_and_chinese_nda_cards_name_what_differs_from_a_us_form(cards: dict[str, Card]) -> None:
    kr, cn = cards["korean-partner-nda-us-side"], cards["chinese-partner-nda-us-side"]
    assert kr.cultures == [Culture.KR_US] and cn.cultures == [Culture.CN_US]
    assert kr.perspective is cn.perspective is Perspective.US_SIDE
    for word in ("비밀유지계약서", "위약금", "위약벌", "Civil Act", "서울중앙지방법원", "seal"):
        assert word in _text(kr) or word in kr.title, word
    for word in ("保密协议", "以中文版本为准", "non-use", "non-circumvention", "违约金", "chop"):
        assert word in _text(cn), word


def test_the_us_nda_card_for_korea_and_china_speaks_to_both_asian_sides(cards: dict[str, Card]) -> None:
    card = cards["us-nda-korean-chinese-side"]
    assert card.perspective is Perspective.ASIA_SIDE and set(card.cultures) == {Culture.KR_US, Culture.CN_US}
    assert {"korean-partner-nda-us-side", "chinese-partner-nda-us-side", "us-nda-japanese-side"} <= set(card.related)
    assert "residuals" in _text(card) and "New York Convention" in _text(card)
    assert {line.side for line in say_lines(card)} == {Perspective.ASIA_SIDE}


@pytest.mark.slow
@pytest.mark.parametrize(("question", "card_id"), [
    ("Our Korean partner's NDA says 위약벌 of 50 million won per breach. What does that mean for us?",
     "korean-partner-nda-us-side"),
    ("The Japanese side sent the budget file with a password in a separate e-mail. Is that normal?",
     "ppap-password-zip-us-side"),
])
def test_a_question_gets_the_new_card_for_its_pair_and_side(kb_answerer: Answerer, question: str,
                                                                          card_id: str) -> None:
    draft = kb_answerer.draft(Ask(message=question))
    assert draft.cards and draft.cards[0].id == card_id, [c.id for c in draft.cards]
