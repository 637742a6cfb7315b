"""The English card and its translations, for tests that check every language of one card."""

from __future__ import annotations

from server.knowledge.cards import load_cards
from server.knowledge.translations import load_translations
from server.models import Card

from ..conftest import REAL_KB


def card_versions(card_id: str) -> dict[str, Card]:
    """The English card and its translations, by language code."""
    english = load_cards(REAL_KB)
    translated = load_translations(REAL_KB, english)
    card = next(c for c in english if c.id == card_id)
    return {"en": card} | {lang.value: cards[card_id] for lang, cards in translated.items() if card_id in cards}
