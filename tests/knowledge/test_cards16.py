"""Gaps fresh questions found (session 14): a Korean or Chinese partner going quiet after an e-mail or proposal got the
KakaoTalk channel card (and its follow-up "what if they still don't answer after a month?" the card's chat lines); an
American partner going quiet mid-deal got the Japan-only e-mail cadence card; WeChat versus e-mail with a Chinese
partner and a US company's submission release (no NDA before a pitch) had no card at all.
"""

from __future__ import annotations

from server.knowledge.cards import say_lines
from server.models import Card, Culture, Perspective

NEW = ["partner-gone-quiet-korea-china", "us-partner-gone-quiet", "wechat-email-chinese-partner",
       "us-submission-release"]


def test_the_quiet_partner_cards_split_by_side_and_cover_every_pair(cards: dict[str, Card]) -> None:
    us, asia = cards["partner-gone-quiet-korea-china"], cards["us-partner-gone-quiet"]
    assert us.perspective is Perspective.US_SIDE and set(us.cultures) == {Culture.KR_US, Culture.CN_US}
    assert asia.perspective is Perspective.ASIA_SIDE
    assert {Culture.JP_US, Culture.KR_US, Culture.CN_US} <= set(asia.cultures)
    for card in (us, asia):
        steps = card.sections["What to do"]
        assert "week" in steps.lower(), "the steps say what to do week by week"
        assert any("haven't heard" in line.text for line in say_lines(card)), "a closing line with a date"


def test_the_us_side_card_names_the_approval_line_and_the_holidays(cards: dict[str, Card]) -> None:
    text = " ".join(cards["partner-gone-quiet-korea-china"].sections.values())
    for word in ("결재", "领导", "Chuseok", "Seollal", "Spring Festival"):
        assert word in text


def test_the_wechat_card_gives_each_side_its_own_line(cards: dict[str, Card]) -> None:
    card = cards["wechat-email-chinese-partner"]
    assert card.perspective is Perspective.BOTH
    assert {Perspective.US_SIDE, Perspective.ASIA_SIDE} <= {line.side for line in say_lines(card)}
