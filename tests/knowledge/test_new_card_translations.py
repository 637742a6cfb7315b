"""Each card written since session 14 is translated for its pairs (Japanese for every card, Korean for Korea-US,
Chinese for China-US) with no script of another answer language in it: server.cjk.language_of reads Hangul as
Korean and kana as Japanese, so a stray one could answer in the wrong language. Twenty older translations quote a
Korean or Japanese term (a Japanese translation citing 마케팅비 beside 宣伝費), so the check covers new cards only."""

from __future__ import annotations

import pytest

from server.cjk import HANGUL, KANA
from server.models import Card, Culture

from ..conftest import REAL_KB
from .test_cards16 import NEW as CARDS16
from .test_cards17 import NEW as CARDS17
from .test_cards18 import NEW as CARDS18
from .test_cards20 import NEW as CARDS20


def needed_languages(card: Card) -> set[str]:
    """The translations a card needs: Japanese for every card, Korean for Korea-US, Chinese for China-US."""
    return {"ja"} | ({"ko"} if Culture.KR_US in card.cultures else set()) | (
        {"zh"} if Culture.CN_US in card.cultures else set())


@pytest.mark.parametrize("card_id", CARDS16 + CARDS17 + CARDS18 + CARDS20)
def test_a_new_card_is_translated_for_its_pairs_without_another_script(cards: dict[str, Card], card_id: str) -> None:
    for lang in needed_languages(cards[card_id]):
        text = (REAL_KB / "cards" / lang / f"{card_id}.md").read_text(encoding="utf-8")
        assert lang == "ko" or not HANGUL.search(text), f"Hangul in {lang}/{card_id}"
        assert lang != "zh" or not KANA.search(text), f"kana in zh/{card_id}"
