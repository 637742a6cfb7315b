"""Cards written for questions the knowledge base had no card for (session 10): a shoot split between two countries,
indemnities and E&O insurance, an investor pulling out mid-production, and a conditional China review result.

Each serves every pair from both sides, so it must keep triggers in the askers' own languages and its Japanese,
Korean and Chinese translations; the claims below were checked against the cited sources and must stay as written.
"""

from __future__ import annotations

import re

import pytest

from server.cjk import HAN, HANGUL, KANA
from server.models import Card, Culture, Perspective

from ..conftest import REAL_KB

NEW = ["splitting-the-shoot-across-countries", "indemnity-eo-insurance", "financier-pulls-out-mid-production"]


def _text(card: Card) -> str:
    return " ".join("\n".join(card.sections.values()).split())


@pytest.mark.parametrize("card_id", NEW)
def test_a_new_card_serves_every_pair_and_side_in_the_askers_languages(cards: dict[str, Card], card_id: str) -> None:
    card = cards[card_id]
    assert card.cultures == [Culture.ANY] and card.perspective is Perspective.BOTH
    assert any(KANA.search(t) for t in card.triggers), "no trigger in Japanese"
    assert any(HANGUL.search(t) for t in card.triggers), "no trigger in Korean"
    assert any(HAN.search(t) and not KANA.search(t) and not HANGUL.search(t) for t in card.triggers), \
        "no trigger in Chinese"
    for lang in ("ja", "ko", "zh"):
        assert (REAL_KB / "cards" / lang / f"{card_id}.md").is_file(), f"no {lang} translation"


@pytest.mark.parametrize("card_id", NEW)
def test_a_chinese_translation_of_a_new_card_has_no_japanese_or_korean_script(card_id: str) -> None:
    """A zh answer quoting a Japanese or Korean line would be read as the wrong language (server.cjk.language_of)."""
    text = (REAL_KB / "cards" / "zh" / f"{card_id}.md").read_text(encoding="utf-8")
    assert not KANA.search(text) and not HANGUL.search(text)


def test_eo_insurance_is_not_described_as_covering_accidents_or_equipment(cards: dict[str, Card]) -> None:
    """Wong (IDA) and the E&O sources: E&O covers claims over content; injuries and equipment need other policies."""
    text = _text(cards["indemnity-eo-insurance"])
    assert "E&O does not cover injuries, damaged equipment or broken contracts" in text
    assert "counsel in both countries" in text and "not legal advice" in text


def test_a_completion_guarantee_is_not_said_to_cover_a_financiers_default(cards: dict[str, Card]) -> None:
    text = _text(cards["financier-pulls-out-mid-production"])
    warning = "Assuming a completion guarantee covers a financier's default"
    assert f"{warning}; it usually covers overruns" in text
    text = text.replace(warning, "")  # the warning itself names the mistake; nothing else may make it
    assert not re.search(r"(bond|guarant\w+) (will |would )?(cover|pay)s? (for )?(the |a )?(missing|financier)", text)


def test_china_is_not_listed_as_taking_carnets_for_film_gear_without_a_check(cards: dict[str, Card]) -> None:
    """The carnet pages checked list Japan, South Korea and the USA; China's rules for film gear need a check."""
    text = _text(cards["splitting-the-shoot-across-countries"])
    assert "Japan, Korea and the US take part in the carnet system, and for China ask a customs broker" in text


def test_a_conditional_china_review_result_is_not_read_as_a_pass(cards: dict[str, Card]) -> None:
    card = cards["china-content-review-schedule"]
    assert "基本通过 as not yet passed until the changes are accepted" in card.summary
    assert any("基本通过" in t for t in card.triggers)
