"""Find the phrasebook cards' hedging and indirect-refusal expressions in pasted partner text.

Two ways to match: the written form (normalised), and for Japanese, Korean and Chinese the sequence of dictionary
forms from server.morph, so that inflected and politer forms (「少し難しいかもしれません」) still match 難しい.
Callers pass only the partner's words (see coach.understand), never the asker's own question."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from server.cjk import HAN, HANGUL, KANA
from server.knowledge.coverage import phrase_language
from server.models import Card, Phrase
from server.morph import GRAMMAR, LIGHT, content_words, key_lemmas

_WORDLIKE = re.compile(r"\w")
_LETS = re.compile(r"^let'?s\s+")


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
                    rest = _LETS.sub("", key)  # "we'll circle back" is still "let's circle back"
                    if rest != key and len(rest.split()) >= 2:
                        patterns.append((form, self._pattern(rest), phrase, card.id))
        # Longest forms first, so 前向きに検討します wins over 検討します inside it.
        self._patterns = sorted(patterns, key=lambda p: -len(p[1].pattern))
        self._forms = [(form, phrase, card) for card in cards for phrase in card.phrases
                       for form in dict.fromkeys([phrase.expression, *phrase.variants])]
        self._keys: dict[str, list[tuple[list[str], str, Phrase, str]]] = {}

    def _lemma_keys(self, lang: str) -> list[tuple[list[str], str, Phrase, str]]:
        """Each form of that language as its key dictionary forms, longest first (built on first use)."""
        if lang not in self._keys:
            keys = [(key_lemmas(form, lang), form, phrase, card.id) for form, phrase, card in self._forms
                    if phrase_language(card, form) == lang]
            self._keys[lang] = sorted([k for k in keys if k[0]], key=lambda k: -len(k[0]))
        return self._keys[lang]

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
        for lang in _languages(haystack):
            words = [w for w in content_words(haystack, lang) if w.lemma not in LIGHT and w.lemma not in GRAMMAR]
            lemmas = [w.lemma for w in words]
            for key, _form, phrase, card_id in self._lemma_keys(lang):
                for i in range(len(lemmas) - len(key) + 1):
                    if lemmas[i:i + len(key)] != key:
                        continue
                    start, end = words[i].start, words[i + len(key) - 1].end
                    if not any(start < e and s < end for s, e in taken):
                        taken.append((start, end))  # shown as written: 「検討させていただければ」, not the card's form
                        found.append(Found(start, end, haystack[start:end], phrase, card_id))
        unique: dict[tuple[str, str], Found] = {}
        for item in sorted(found, key=lambda f: f.start):
            unique.setdefault((item.card_id, item.phrase.expression), item)
        return list(unique.values())


def _languages(text: str) -> list[str]:
    """The analysers worth running on this text (Han without kana may be Japanese or Chinese)."""
    out = ["ja"] if KANA.search(text) or HAN.search(text) else []
    out += ["ko"] if HANGUL.search(text) else []
    out += ["zh"] if HAN.search(text) and not KANA.search(text) else []
    return out
