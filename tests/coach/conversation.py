"""A conversation asked through the real engine, for the follow-up tests."""

from __future__ import annotations

from server.coach.answer import Answerer
from server.models import Ask


def first_cards(answerer: Answerer, *messages: str) -> list[str | None]:
    """The first card of each answer (None when declined or without sources), asked in one conversation."""
    cards: list[str | None] = []
    cid = None
    for message in messages:
        answer = answerer.answer(Ask(message=message, conversation_id=cid))
        cid = answer.conversation_id
        cards.append(answer.sources[0].id if answer.in_scope and answer.sources else None)
    return cards
