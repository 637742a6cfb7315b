"""Helpers of the follow-up tests: a conversation asked through the real engine, and candidates of the real cards
with chosen probabilities."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from server.coach.answer import Answerer
from server.coach.rank import Candidate
from server.knowledge.cards import lint
from server.models import Ask, Card, CardKind, Culture, Hit, Perspective

CARDS: dict[str, Card] = {c.id: c for c in lint(Path(__file__).resolve().parents[2] / "knowledge")[0]}


def candidates_of(*pairs: tuple[str, float]) -> list[Candidate]:
    """Candidates of the real cards (id, probability), in the order given."""
    return [Candidate(CARDS[i], Hit(card_id=i, title=i, passage="", passage_kind="summary", score=1.0,
                                    dense_score=1.0, topics=[], cultures=[], perspective="both"), np.zeros(1),
                      probability=p) for i, p in pairs]


def invented_candidate(card_id: str, probability: float, culture: Culture = Culture.JP_US) -> Candidate:
    """A candidate of a made-up guide card for both sides of `culture` (any id), with a chosen probability."""
    card = Card(id=card_id, title=card_id, topics=["legal"], cultures=[culture], perspective=Perspective.BOTH,
                triggers=["t"], summary="s", sources=["https://example.org"], sections={}, kind=CardKind.GUIDE)
    hit = Hit(card_id=card_id, title=card_id, passage="", passage_kind="summary", score=0.03, dense_score=0.5,
              topics=card.topics, cultures=[culture.value], perspective="both")
    return Candidate(card, hit, np.zeros(1), probability)


def first_cards(answerer: Answerer, *messages: str) -> list[str | None]:
    """The first card of each answer (None when declined or without sources), asked in one conversation."""
    cards: list[str | None] = []
    cid = None
    for message in messages:
        answer = answerer.answer(Ask(message=message, conversation_id=cid))
        cid = answer.conversation_id
        cards.append(answer.sources[0].id if answer.in_scope and answer.sources else None)
    return cards
