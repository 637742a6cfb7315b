"""Translated cards speak the asker's language: wording and decoded signals are not another Asian language's lines.

A Chinese answer that pastes a Japanese sentence (or a Korean one) reads as if it were written for someone else; so
does a decoded American expression explained in English inside a Korean answer.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from server.cjk import writable
from server.knowledge.cards import load_cards, say_lines
from server.knowledge.translations import load_translations
from server.models import Card, Language

REAL_KB = Path(__file__).resolve().parents[2] / "knowledge"
KANA = re.compile(r"[\u3040-\u30ff]")
HANGUL = re.compile(r"[\uac00-\ud7af]")
# Expressions of American partners that Chinese and Korean askers paste most (see the labelled decoder set)
AMERICAN_CARDS = ["american-sounds-great", "american-lets-circle-back", "american-quick-question", "american-well-see",
                  "american-i-hear-you-but", "american-ballpark-number", "american-email-phrases-cn"]


@pytest.fixture(scope="module")
def translated() -> dict[Language, dict[str, Card]]:
    return load_translations(REAL_KB, load_cards(REAL_KB))


def test_chinese_what_to_say_lines_quote_no_japanese_or_korean(translated: dict[Language, dict[str, Card]]) -> None:
    foreign = [f"{card.id}: {line.text[:50]}" for card in translated[Language.ZH].values()
               for line in say_lines(card) if KANA.search(line.text) or HANGUL.search(line.text)]
    assert foreign == []


def test_korean_what_to_say_lines_quote_no_japanese(translated: dict[Language, dict[str, Card]]) -> None:
    foreign = [f"{card.id}: {line.text[:50]}" for card in translated[Language.KO].values()
               for line in say_lines(card) if KANA.search(line.text)]
    assert foreign == []


def simplified_only(text: str) -> list[str]:
    """Han characters that Chinese writes and Japanese does not (in GB2312, not in Shift_JIS), e.g. 费 for 費."""
    return [char for char in text if "\u4e00" <= char <= "\u9fff" and writable(char, "gb2312")
            and not writable(char, "cp932")]


def test_simplified_only_finds_chinese_but_not_japanese() -> None:
    assert simplified_only("新的日期和费用周五前确认后发给您") == ["费", "确", "认", "发", "给", "您"]
    assert simplified_only("新しい日程と費用は金曜日までに確定してお送りします。") == []


def test_japanese_what_to_say_lines_quote_no_korean_or_chinese(translated: dict[Language, dict[str, Card]]) -> None:
    foreign = [f"{card.id}: {line.text[:50]}" for card in translated[Language.JA].values()
               for line in say_lines(card) if HANGUL.search(line.text) or simplified_only(line.text)]
    assert foreign == []


@pytest.mark.parametrize("lang, script", [(Language.ZH, re.compile(r"[\u4e00-\u9fff]")), (Language.KO, HANGUL)])
def test_american_expressions_are_explained_in_the_askers_language(
        translated: dict[Language, dict[str, Card]], lang: Language, script: re.Pattern[str]) -> None:
    english = {c.id: c for c in load_cards(REAL_KB)}
    for card_id in AMERICAN_CARDS:
        card = translated[lang][card_id]
        assert [p.expression for p in card.phrases] == [p.expression for p in english[card_id].phrases]
        for phrase, original in zip(card.phrases, english[card_id].phrases, strict=True):
            assert script.search(phrase.signal) and script.search(phrase.response), (card_id, phrase.expression)
            assert phrase.signal != original.signal
