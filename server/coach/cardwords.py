"""Per-card words the ranker compares a question with: each card's English words, its translations' words (as the
index build split them), and how rare each word is among the cards' heads (triggers, title, summary)."""

from __future__ import annotations

import math
from collections.abc import Set as AbstractSet

from server.models import Card, Language
from server.search.languages import CardWords, LanguageIndex
from server.search.lexical import tokenize

BROAD_SHARE = 0.08  # a word in this share of the cards' heads names a broad topic ("budget" is in 28 of 265)


class NativeWords:
    """The words of translated cards, per language, as the index build split them (words-<lang>.json), so no
    analyser runs on a card while serving."""

    def __init__(self, languages: dict[Language, LanguageIndex]) -> None:
        self.languages = languages

    def _words(self, lang: Language, card_id: str) -> CardWords | None:
        language = self.languages.get(lang)
        return language.words.get(card_id) if language is not None else None

    def coverage(self, asked: set[str], card_id: str, lang: Language) -> float:
        """Share of the question's words (in its language) that the card's translation uses; 0 without one."""
        words = self._words(lang, card_id)
        return coverage(asked, words.whole) if words else 0.0

    def trigger(self, asked: set[str], card_id: str, lang: Language) -> float:
        """The best word overlap (cosine over word sets) of the question with one translated trigger or the
        title and summary: what the trigger cosine is for English, which the bundled model cannot give here."""
        words = self._words(lang, card_id)
        if not words or not asked:
            return 0.0
        return max((len(asked & h) / math.sqrt(len(asked) * len(h)) for h in words.heads if h), default=0.0)


class KeyWords:
    """How rare each word is among the cards' triggers, titles and summaries, per language: covering a question's
    rare words (its specific ask) counts for more than covering its common ones (the broad topic that many cards
    share). Built from the cards only."""

    def __init__(self, cards: dict[str, Card], languages: dict[Language, LanguageIndex]) -> None:
        self.heads = {Language.EN: {cid: frozenset(tokenize(" ".join([c.title, c.summary, *c.triggers])))
                                    for cid, c in cards.items()}}
        for lang, index in languages.items():
            self.heads[lang] = {cid: frozenset().union(*w.heads) for cid, w in index.words.items()}
        self.idf = {lang: _idf(list(heads.values())) for lang, heads in self.heads.items()}

    def coverage(self, asked: AbstractSet[str], card_id: str, lang: Language) -> float:
        """Share of the rarity (IDF) of the question's words that the card's heads use; words no card uses do
        not count."""
        idf, heads = self.idf.get(lang, {}), self.heads.get(lang, {}).get(card_id)
        known = sorted(w for w in asked if w in idf)  # a fixed order: the sum is the same in every process
        total = math.fsum(idf[w] for w in known)
        return math.fsum(idf[w] for w in known if w in heads) / total if heads is not None and total else 0.0

    def broad(self, asked: AbstractSet[str], lang: Language) -> bool:
        """Every word the cards know is one that many cards share: "budget" alone names a topic, not an ask."""
        heads = self.heads.get(lang, {})
        known = [n for n in (sum(w in h for h in heads.values()) for w in asked) if n]
        return bool(known) and min(known) >= BROAD_SHARE * len(heads)


def _idf(documents: list[frozenset[str]]) -> dict[str, float]:
    counts: dict[str, int] = {}
    for words in documents:
        for word in words:
            counts[word] = counts.get(word, 0) + 1
    return {w: math.log((len(documents) + 1) / (n + 0.5)) for w, n in counts.items()}


def card_tokens(card: Card) -> set[str]:
    return set(tokenize(" ".join([card.title, card.summary, *card.triggers, *card.sections.values()])))


def coverage(question_tokens: AbstractSet[str], tokens: AbstractSet[str]) -> float:
    """Share of the question's key words that the card uses."""
    return len(question_tokens & tokens) / len(question_tokens) if question_tokens else 0.0
