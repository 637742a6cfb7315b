"""Fixtures shared by the card content tests."""

from __future__ import annotations

import pytest

from server.knowledge.cards import load_cards
from server.models import Card

from ..conftest import REAL_KB


@pytest.fixture(scope="session")
def cards() -> dict[str, Card]:
    """The real cards by id."""
    return {card.id: card for card in load_cards(REAL_KB)}
