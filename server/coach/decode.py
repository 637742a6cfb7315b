"""Find the phrasebook cards' hedging and indirect-refusal expressions in pasted partner text.

Two ways to match: the written form (normalised), and for Japanese, Korean and Chinese the sequence of dictionary
forms from server.morph, so that inflected and politer forms (「少し難しいかもしれません」) still match 難しい.
Callers pass only the partner's words (see coach.understand), never the asker's own question. English renderings
of the Asian expressions (knowledge/renderings.yaml) are read only when the caller says the partner is the Asian side
of a pair."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from server.cjk import HAN, HANGUL, KANA
from server.errors import CoachError
from server.knowledge.coverage import phrase_language
from server.models import Card, Culture, Phrase
from server.morph import GRAMMAR, LIGHT, content_words, key_lemmas
from server.settings import PROJECT_ROOT

RENDERINGS = PROJECT_ROOT / "knowledge" / "renderings.yaml"

_WORDLIKE = re.compile(r"\w")
_LETS = re.compile(r"^let'?s\s+")


def normalise(text: str) -> str:
    """NFKC (full-width to half-width, … to ...), lower case, straight apostrophes, single spaces."""
    text = unicodedata.normalize("NFKC", text).lower().replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text)


_LONG_VOWELS = str.maketrans({"ō": "ou", "ū": "uu", "ā": "aa", "ē": "ee", "ī": "ii"})


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def romanised(phrase: Phrase) -> list[str]:
    """How askers type an Asian expression in Latin letters: 'kentō shimasu' as written, 'kentou shimasu' and
    'kento shimasu'; pinyin without tone marks; Korean with spaces for hyphens. Short ones ('hai', 'ne') are left
    out: they would match English words."""
    if phrase.expression.isascii() or not phrase.romanization:
        return []
    written = normalise(phrase.romanization).strip(' "…')
    forms = {written, _plain(written), _plain(written.translate(_LONG_VOWELS))}
    forms |= {f.replace("-", " ") for f in forms}
    return sorted(f for f in forms if len(re.sub(r"[^a-z]", "", _plain(f))) >= 5)


@dataclass(frozen=True)
class Found:
    """One expression found in the text: where, which form, and the card phrase that explains it."""

    start: int
    end: int
    form: str
    phrase: Phrase
    card_id: str


@dataclass(frozen=True)
class Rendering:
    """An English rendering of a phrasebook expression, read only in the text of a partner of `partner`."""

    pattern: re.Pattern[str]
    partner: Culture
    phrase: Phrase
    card_id: str


def load_renderings(cards: list[Card], path: Path = RENDERINGS) -> list[Rendering]:
    """The renderings of the phrasebook cards in `cards`, in file order. An entry for a card the index does not hold
    is left out (a test index holds a few cards); any other problem is an error that names the entry."""
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError) as e:
        raise CoachError(f"{path}: cannot read the English renderings ({e}); fix the file") from e
    by_id = {card.id: card for card in cards}
    out = []
    for number, entry in enumerate(entries, start=1):
        where = f"{path.name}, entry {number}"
        if not isinstance(entry, dict) or not {"card", "expression", "partner", "english"} <= entry.keys():
            raise CoachError(f"{where}: needs card, expression, partner and a list under english")
        if entry["card"] not in by_id:
            continue
        phrase = next((p for p in by_id[entry["card"]].phrases if p.expression == entry["expression"]), None)
        if phrase is None:
            raise CoachError(f"{where}: card {entry['card']} has no phrase {entry['expression']!r}; use the "
                             "expression exactly as the card's front matter writes it")
        if entry["partner"] not in {c.value for c in Culture} - {Culture.ANY.value}:
            raise CoachError(f"{where}: partner must be jp-us, kr-us or cn-us, not {entry['partner']!r}")
        for english in entry["english"]:
            try:
                out.append(Rendering(re.compile(english), Culture(entry["partner"]), phrase, entry["card"]))
            except re.error as e:
                raise CoachError(f"{where}: {english!r} is not a valid regular expression ({e})") from e
    return out


class Decoder:
    """Built once from the index's phrasebook cards; `find` is pure and never raises on any text."""

    def __init__(self, cards: list[Card], renderings: Path = RENDERINGS) -> None:
        patterns: list[tuple[str, re.Pattern[str], Phrase, str]] = []
        for card in cards:
            for phrase in card.phrases:
                for form in dict.fromkeys([phrase.expression, *phrase.variants, *romanised(phrase)]):
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
        self._renderings = load_renderings(cards, renderings)

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

    def find(self, text: str, partner: Culture | None = None) -> list[Found]:
        """Non-overlapping expressions in reading order; longer forms win over the shorter forms inside them.
        `partner`: the pair whose Asian side wrote `text`, whose English renderings are then read too (first)."""
        haystack = normalise(text)
        taken: list[tuple[int, int]] = []
        found: list[Found] = []
        for rendering in (r for r in self._renderings if r.partner is partner):
            for match in rendering.pattern.finditer(haystack):
                start, end = match.span()
                if not any(start < e and s < end for s, e in taken):
                    taken.append((start, end))
                    found.append(Found(start, end, haystack[start:end], rendering.phrase, rendering.card_id))
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
