"""Split a card into retrievable passages, each with a content hash for the embedding cache."""

from __future__ import annotations

import hashlib
import re

from server.cjk import CJK_CHAR
from server.knowledge.cards import SAY_SECTION, strip_say_marks
from server.models import SECTION_TITLES, Card, Passage

SUMMARY = "summary"


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_CJK_RUN = re.compile(CJK_CHAR.pattern + r"+[」』）】]?")
_EMPTY_QUOTES = re.compile(r"[「『（【]\s*[」』）】]?|\(\s*\)")


def dense_text(text: str) -> str:
    """What the embedding model sees: CJK script removed, because the bundled English model turns it into noise
    that drowns the English around it. The lexical index keeps the full text, so CJK still matches there.
    Text that is all CJK is returned unchanged."""
    stripped = _EMPTY_QUOTES.sub(" ", _CJK_RUN.sub(" ", text))
    stripped = re.sub(r"[ \t]+", " ", stripped).strip()
    return stripped if re.search(r"[A-Za-z]{2}", stripped) else text


def section_text(card: Card, title: str) -> str:
    """A section as readers see it: What-to-say side marks are for the answer engine, not for display or search."""
    text = card.section(title)
    return strip_say_marks(text) if title == SAY_SECTION else text


def card_passages(card: Card) -> list[Passage]:
    """The summary with title and triggers (what users type), then each body section prefixed by the title."""
    phrases = [p.expression for p in card.phrases] + [v for p in card.phrases for v in p.variants]
    head = "\n".join([card.title, card.summary, *card.triggers, *phrases])
    texts = [(SUMMARY, head)]
    texts += [(title, f"{card.title}. {title}:\n{section_text(card, title)}") for title in SECTION_TITLES]
    return [Passage(card_id=card.id, kind=kind, text=text, hash=content_hash(text)) for kind, text in texts]
