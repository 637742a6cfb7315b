"""Coverage counts of the knowledge base (`coach kb lint --stats`) and the minimums the product promises."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from server.cjk import HAN, HANGUL, KANA
from server.models import Card, CardKind, Culture, Perspective

MIN_CARDS = 150
MIN_PER_PAIR = {Culture.JP_US: 100, Culture.KR_US: 25, Culture.CN_US: 25}
MIN_PER_TOPIC = 5
MIN_ASIA_SIDE = 30
MIN_PHRASES = {"ja": 30, "ko": 12, "zh": 12}



def phrase_language(card: Card, expression: str) -> str:
    """ja, ko, zh or en, from the script (Han-only text goes by the card's culture pair)."""
    if KANA.search(expression):
        return "ja"
    if HANGUL.search(expression):
        return "ko"
    if HAN.search(expression):
        return "ja" if Culture.JP_US in card.cultures else "zh"
    return "en"


@dataclass
class Coverage:
    cards: int = 0
    per_pair: Counter[str] = field(default_factory=Counter)
    per_perspective: Counter[str] = field(default_factory=Counter)
    per_kind: Counter[str] = field(default_factory=Counter)
    per_topic: Counter[str] = field(default_factory=Counter)
    per_topic_jp: Counter[str] = field(default_factory=Counter)
    phrases: Counter[str] = field(default_factory=Counter)

    def shortfalls(self, topics: list[str]) -> list[str]:
        """What falls short of the promised minimums, in words; empty when all hold."""
        out = []
        if self.cards < MIN_CARDS:
            out.append(f"{self.cards} cards (need {MIN_CARDS})")
        for pair, need in MIN_PER_PAIR.items():
            if self.per_pair[pair.value] < need:
                out.append(f"{self.per_pair[pair.value]} {pair.value} cards (need {need})")
        if self.per_perspective[Perspective.ASIA_SIDE.value] < MIN_ASIA_SIDE:
            out.append(f"{self.per_perspective['asia-side']} asia-side cards (need {MIN_ASIA_SIDE})")
        for slug in topics:
            if slug == "out-of-scope":
                continue
            if self.per_topic[slug] < MIN_PER_TOPIC:
                out.append(f"topic {slug} on {self.per_topic[slug]} cards (need {MIN_PER_TOPIC})")
            if self.per_topic_jp[slug] < 1:
                out.append(f"topic {slug} has no jp-us card")
        for lang, need in MIN_PHRASES.items():
            if self.phrases[lang] < need:
                out.append(f"{self.phrases[lang]} {lang} phrasebook expressions (need {need})")
        return out


def coverage(cards: list[Card]) -> Coverage:
    cov = Coverage(cards=len(cards))
    for card in cards:
        cov.per_pair.update(c.value for c in card.cultures)
        cov.per_perspective[card.perspective.value] += 1
        cov.per_kind[card.kind.value] += 1
        cov.per_topic.update(card.topics)
        if Culture.JP_US in card.cultures:
            cov.per_topic_jp.update(card.topics)
        if card.kind is CardKind.PHRASEBOOK:
            cov.phrases.update(phrase_language(card, p.expression) for p in card.phrases)
    return cov
