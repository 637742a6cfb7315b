"""Split a card into retrievable passages, each with a content hash for the embedding cache."""

from __future__ import annotations

import hashlib

from server.models import SECTION_TITLES, Card, Passage

SUMMARY = "summary"


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def card_passages(card: Card) -> list[Passage]:
    """The summary with title and triggers (what users type), then each body section prefixed by the title."""
    phrases = [p.expression for p in card.phrases] + [v for p in card.phrases for v in p.variants]
    head = "\n".join([card.title, card.summary, *card.triggers, *phrases])
    texts = [(SUMMARY, head)]
    texts += [(title, f"{card.title}. {title}:\n{card.section(title)}") for title in SECTION_TITLES]
    return [Passage(card_id=card.id, kind=kind, text=text, hash=content_hash(text)) for kind, text in texts]
