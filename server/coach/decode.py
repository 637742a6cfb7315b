"""Find the phrasebook cards' hedging and indirect-refusal expressions in pasted partner text."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from server.models import Card, Phrase

_WORDLIKE = re.compile(r"\w")


def normalise(text: str) -> str:
    """NFKC (full-width to half-width, … to ...), lower case, straight apostrophes, single spaces."""
    text = unicodedata.normalize("NFKC", text).lower().replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text)


@dataclass(frozen=True)
class Found:
    """One expression found in the text: where, which form, and the card phrase that explains it."""

    start: int
    end: int
    form: str
    phrase: Phrase
    card_id: str


class Decoder:
    """Built once from the index's phrasebook cards; `find` is pure and never raises on any text."""

    def __init__(self, cards: list[Card]) -> None:
        patterns: list[tuple[str, re.Pattern[str], Phrase, str]] = []
        for card in cards:
            for phrase in card.phrases:
                for form in dict.fromkeys([phrase.expression, *phrase.variants]):
                    key = normalise(form).strip(" .…、。,!?「」")
                    if len(key) >= 2 or (len(key) == 1 and not key.isascii()):
                        patterns.append((form, self._pattern(key), phrase, card.id))
        # Longest forms first, so 前向きに検討します wins over 検討します inside it.
        self._patterns = sorted(patterns, key=lambda p: -len(p[1].pattern))

    @staticmethod
    def _pattern(key: str) -> re.Pattern[str]:
        body = re.escape(key).replace(r"\ ", r"\s*")
        if key.isascii() or len(key) <= 2:
            # Whole words only: 'ok' not inside 'book', 네 not inside 네트워크.
            return re.compile(rf"(?<!\w){body}(?!\w)" if _WORDLIKE.match(key[-1]) else rf"(?<!\w){body}")
        return re.compile(body)

    def find(self, text: str) -> list[Found]:
        """Non-overlapping expressions in reading order; longer forms win over the shorter forms inside them."""
        haystack = normalise(text)
        taken: list[tuple[int, int]] = []
        found: list[Found] = []
        for form, pattern, phrase, card_id in self._patterns:
            for match in pattern.finditer(haystack):
                start, end = match.span()
                if any(start < e and s < end for s, e in taken):
                    continue
                taken.append((start, end))
                found.append(Found(start, end, form, phrase, card_id))
        unique: dict[tuple[str, str], Found] = {}
        for item in sorted(found, key=lambda f: f.start):
            unique.setdefault((item.card_id, item.phrase.expression), item)
        return list(unique.values())
