"""Cards widened from Japan-US to every Asian pair (session 9) keep the Korea and China content that justifies it.

A card listed for kr-us and cn-us is ranked for Korean and Chinese askers; if a later edit cut its Korean or Chinese
material, those askers would get a Japan-only card. Two claims a source check corrected must also stay corrected.
"""

from __future__ import annotations

import re

import pytest

from server.cjk import HANGUL
from server.models import Card, Culture

from ..conftest import REAL_KB

WIDENED = ["budget-breakdown-expectations", "pitch-deck-and-lookbook", "american-quick-question",
           "reporting-and-audit-rights", "american-lawyers-in-the-room", "completion-bond-explained",
           "us-union-rules-overtime-turnaround"]
# Words that only a Korea or a China passage uses in these cards (English names or the partner's own terms).
KOREA = re.compile(r"\bKorea\w*|\bKOFIC\b|\bKOCCA\b|\bKOBIS\b")
CHINA = re.compile(r"\bChin\w+|\bShanghai\b|\bBeijing\b|\bWeChat\b")


def _body(card: Card) -> str:
    return "\n".join(card.sections.values())


@pytest.mark.parametrize("card_id", WIDENED)
def test_a_widened_card_serves_all_three_pairs_with_korea_and_china_content(cards: dict[str, Card],
                                                                            card_id: str) -> None:
    card = cards[card_id]
    assert {Culture.JP_US, Culture.KR_US, Culture.CN_US} <= set(card.cultures)
    going_on = card.sections["What's going on"]
    assert KOREA.search(going_on) and CHINA.search(going_on), "the Korea or China paragraph is missing"
    assert HANGUL.search(_body(card)), "no Korean term or line for a Korean asker"
    assert any(HANGUL.search(t) for t in card.triggers) and any(
        re.search(r"[\u4e00-\u9fff]", t) and not re.search(r"[\u3040-\u30ff]", t) and not HANGUL.search(t)
        for t in card.triggers), "no trigger in the Korean or Chinese asker's words"


def test_korean_completion_guarantee_is_not_described_as_a_us_style_bond(cards: dict[str, Card]) -> None:
    """KOCCA's 완성보증 guarantees bank loans (ZDNet Korea, Aju 2013); it has no takeover right like a US bond."""
    text = " ".join(_body(cards["completion-bond-explained"]).split())
    assert re.search(r"KOCCA[^.]*guarantees bank loans", text)
    assert not re.search(r"KOCCA[^.]*(take over|takeover)", text)


def test_the_52_hour_week_is_tied_to_the_shoot_reported_not_to_every_korean_crew(cards: dict[str, Card]) -> None:
    """Dong-A 2019 reports Parasite kept to the 52-hour week; film crews were not all under it at the time."""
    text = " ".join(_body(cards["us-union-rules-overtime-turnaround"]).split())
    assert "within Korea's 52-hour working week" in text
    assert not re.search(r"52-hour week applies", text)


@pytest.mark.parametrize("card_id", WIDENED)
def test_a_chinese_translation_carries_no_korean_or_japanese_script(card_id: str) -> None:
    """server.cjk.language_of reads any Hangul in an answer as Korean: a Chinese answer quoting one Korean word
    (순제작비) would count as answered in the wrong language, so Korean and Japanese terms are romanised here."""
    text = (REAL_KB / "cards" / "zh" / f"{card_id}.md").read_text(encoding="utf-8")
    assert not HANGUL.search(text) and not re.search(r"[\u3040-\u30ff]", text)
