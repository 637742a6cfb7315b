"""Find the phrasebook cards' hedging and indirect-refusal expressions in pasted partner text.

Two ways to match: the written form (normalised), and for Japanese, Korean and Chinese the sequence of dictionary
forms from server.morph, so that inflected and politer forms (「少し難しいかもしれません」) still match 難しい.
Callers pass only the partner's words (see coach.understand), never the asker's own question. English renderings
of the Asian expressions (knowledge/renderings.yaml) are read only when the caller says the partner is the Asian side
of a pair, or an Asian partner of no known pair (Culture.ANY: the text itself must then read as one pair's English)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from server.cjk import HAN, HANGUL, KANA, normalise
from server.coach.whose import Whose
from server.errors import CoachError
from server.knowledge.coverage import phrase_language
from server.models import Card, Culture, Phrase
from server.morph import GRAMMAR, LIGHT, Word, content_words, key_lemmas, only_time_words_left
from server.settings import PROJECT_ROOT

RENDERINGS = PROJECT_ROOT / "knowledge" / "renderings.yaml"

_WORDLIKE = re.compile(r"\w")
# "we'll see" hedges only with nothing seen: "we'll see almost nothing" (of the money) is a forecast, not a maybe
_SEES_NOTHING = (r"(?=\s*(?:[.,;:!?…)\]\"'」』]|$|\s(?:how|what|if|whether|about|and|but|so|then|later|after|until|"
                 r"once|when|closer|next|at)\b))")  # "we'll see after Cannes" waits too
_LETS = re.compile(r"^let'?s\s+")
_BUT = ", but"  # "I hear you, but" is said with what is heard in between: "I hear you on the timing, but"
_BETWEEN = r"(?:\s+[\w'-]+){0,5}?\s*,\s*but(?!\w)"
_TRY_A_LITTLE = ("一下儿", "一下")  # jieba keeps 商量一下 as one word; the verb is 商量
# Chinese aspect and modal words that change from one telling to the next (还在走流程, 还得走流程; 我跟领导商量):
# left out of a key of three words or more, and of the text, so the verbs and nouns that carry it are matched.
_ZH_LOOSE = frozenset({"在", "正在", "得", "还得", "也", "都", "就", "先", "我"})
# Kiwi reads the noun 보고 ("a report") before a particle as the verb 보다 (「위에 보고는 해 보겠습니다」): with a
# particle and a verb of reporting after it, it is the noun.
_KO_REPORT = re.compile(r"보고(?=(?:는|도|만|라도)\s*(?:해|하|드리|드립|드려|올리|올려|올립))")
# "Let me push back on that" is said of anything, and softened: "let me push back a little on the indemnity language"
_OBJECT_SLOT = re.compile(r"^(.+) (on|about) (?:that|this|it)$")
_SOFTENER = r"(?:a\s+little(?:\s+bit)?|a\s+bit|slightly|gently)"
_OBJECT = r"(?:that|this|it|(?:the|your|our|their|these|those|this|that)\s+[\w'-]+)"
# An English rendering said of the partner in the third person ("their internal approval takes a month") is the
# asker describing the partner, not the partner's words: the partner writes "our internal approval".
_DESCRIBED = re.compile(r"(?<![\w'])(?:their|his|her)\s+$")
SURE_WORDS = 3  # no pair known: one rendering of this many words says whose English it is ("consider it positively")


_LONG_VOWELS = str.maketrans({"ō": "ou", "ū": "uu", "ā": "aa", "ē": "ee", "ī": "ii"})


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def romanised(phrase: Phrase) -> list[str]:
    """How askers type an Asian expression in Latin letters: 'kentō shimasu' as written, 'kentou shimasu' and
    'kento shimasu', and 'muzukashii' for 'muzukashii desu'; pinyin without tone marks; Korean with spaces for
    hyphens. Short ones ('hai', 'ne') are left out: they would match English words."""
    if phrase.expression.isascii() or not phrase.romanization:
        return []
    written = normalise(phrase.romanization).strip(' "…')
    forms = {written, _plain(written), _plain(written.translate(_LONG_VOWELS))}
    forms |= {f.replace("-", " ") for f in forms}
    forms |= {re.sub(r"\s+desu(?:\s+ne)?$", "", f) for f in forms}  # 'muzukashii' quoted without its copula
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
                    english = phrase.expression.isascii()
                    if len(key) >= 2 or (len(key) == 1 and not key.isascii()):
                        patterns.append((form, self._pattern(key, english), phrase, card.id))
                    rest = _LETS.sub("", key)  # "we'll circle back" is still "let's circle back"
                    if rest != key and len(rest.split()) >= 2:
                        patterns.append((form, self._pattern(rest, english), phrase, card.id))
        # Longest forms first, so 前向きに検討します wins over 検討します inside it.
        self._patterns = sorted(patterns, key=lambda p: -len(p[1].pattern))
        self._forms = [(form, phrase, card) for card in cards for phrase in card.phrases
                       for form in dict.fromkeys([phrase.expression, *phrase.variants])]
        self._keys: dict[str, list[tuple[list[str], str, Phrase, str]]] = {}
        self._renderings = load_renderings(cards, renderings)
        self._whose = Whose.load()

    def _lemma_keys(self, lang: str) -> list[tuple[list[str], str, Phrase, str]]:
        """Each form of that language as its key dictionary forms, longest first (built on first use); a form whose
        key would be a plain time word (「できれば今週中に」 as 今週) is found as written only."""
        if lang not in self._keys:
            keys = [(_stems(key_lemmas(form, lang), lang), form, phrase, card.id)
                    for form, phrase, card in self._forms
                    if phrase_language(card, form) == lang and not only_time_words_left(form, lang)]
            self._keys[lang] = sorted([k for k in keys if k[0]], key=lambda k: -len(k[0]))
        return self._keys[lang]

    @staticmethod
    def _pattern(key: str, english: bool = False) -> re.Pattern[str]:
        """`english`: an American phrase, said by one or for a team ("we hear you, but", "run it by the team")."""
        if key.isascii() and key.endswith(_BUT) and len(key) > len(_BUT):
            head = _plural(re.escape(key[:-len(_BUT)]).replace(r"\ ", r"\s+"), english)
            return re.compile(r"(?<!\w)" + head + _BETWEEN)
        if key.isascii() and (slot := _OBJECT_SLOT.match(key)):
            head = _plural(re.escape(slot.group(1)).replace(r"\ ", r"\s+"), english)
            tail = rf"(?:(?:\s+{_SOFTENER})?\s+{slot.group(2)}\s+{_OBJECT}|\s+{_SOFTENER})"
            return re.compile(rf"(?<!\w){head}{tail}(?!\w)")
        body = _plural(re.escape(key).replace(r"\ ", r"\s*"), english and key.isascii())
        if key.isascii() or len(key) <= 2:
            # Whole words only: 'ok' not inside 'book', 네 not inside 네트워크.
            tail = _SEES_NOTHING if key.isascii() and key.endswith(" see") else ""
            return re.compile(rf"(?<!\w){body}(?!\w){tail}" if _WORDLIKE.match(key[-1]) else rf"(?<!\w){body}")
        return re.compile(body)

    def find(self, text: str, partner: Culture | None = None, every: bool = False) -> list[Found]:
        """Expressions in reading order. Every way of matching proposes its spans, then the longest wins over
        the shorter ones inside its words, whichever way found them: 「긍정적으로 검토해 볼게요」 (read on dictionary
        forms) over 검토해 볼게요 (a written form), while 「ちょっと」 skipped between the words of
        「スケジュール的にちょっと厳しい」 is a signal of its own. Spans of two expressions that only share a word
        both stand: in 「내부적으로 검토해 본 후 다시 연락드리겠습니다」 the internal review and the review-then-reply
        are two signals; of one expression, the longer is its reading. `partner`: the pair whose Asian side wrote
        `text`, whose English renderings are then read too (first, in file order: an earlier, more specific rendering
        wins over any later one on the same words). Each expression once, where it is first found (`every`: each
        place it is found)."""
        haystack = normalise(text)
        if partner is Culture.ANY:
            partner = self._writer(haystack)
        first = [_Match(Found(*m.span(), m.group(0), r.phrase, r.card_id), (m.span(),), True)
                 for r in self._renderings if r.partner is partner for m in r.pattern.finditer(haystack)
                 if not _DESCRIBED.search(haystack[max(0, m.start() - 8):m.start()])]
        rest = [_Match(Found(*m.span(), form, phrase, card_id), (m.span(),), False)
                for form, pattern, phrase, card_id in self._patterns for m in pattern.finditer(haystack)]
        for lang in _languages(haystack):
            words = [w for w in _read(haystack, lang) if w.lemma not in LIGHT and w.lemma not in GRAMMAR
                     and not (lang == "zh" and w.lemma in _ZH_LOOSE)]
            lemmas = [w.lemma for w in words]
            lemmas = [lemma[:-len(t)] if (t := _little(lemma, lang)) else lemma for lemma in lemmas]
            for key, form, phrase, card_id in self._lemma_keys(lang):
                for i in range(len(lemmas) - len(key) + 1):
                    if lemmas[i:i + len(key)] == key and not _honoured(haystack, words[i:i + len(key)], form):
                        start, end = words[i].start, words[i + len(key) - 1].end  # as written: 「検討させて…」
                        cores = tuple((w.start, w.end) for w in words[i:i + len(key)])
                        rest.append(_Match(Found(start, end, haystack[start:end], phrase, card_id), cores, False))
        taken: list[_Match] = []
        for match in first + sorted(rest, key=lambda m: m.found.start - m.found.end):  # stable: longer form first
            if not any(t.swallows(match) for t in taken):
                taken.append(match)
        found = sorted((m.found for m in taken), key=lambda f: f.start)
        return found if every else _first(found)

    def partners(self, message: str, partner_text: list[str], partner: Culture | None = None) -> list[Found]:
        """The expressions in the partner's words quoted, reported or pasted in `message` (coach.understand), less
        those the learned check (coach/whose.py) reads as the asker's own words after all."""
        text = "\n".join(partner_text)
        if not self._whose:
            return self.find(text, partner)
        # each place checked: 「「可能でしょうか」と聞いたところ、「可能であれば…」とのこと」 asks it first
        return _first(self._whose.theirs(message, partner_text, normalise(text), self.find(text, partner, True)))

    def _writer(self, haystack: str) -> Culture | None:
        """Whose English an Asian partner's text of no known pair is: the one pair whose renderings find the most
        expressions in it, if it finds two, or one of SURE_WORDS words or more ("we will consider it positively",
        "our leadership still needs to discuss it"); None when two pairs read it alike ("we will do our best" is
        as Korean as it is Japanese) or when all it has is a short, common English phrase ("for now", "no problem").
        Only a rendering that reads a word no other pair's renderings read counts: "it's a bit hard for us, we will
        review it internally" is as Korean as it is Japanese, whichever pair has more renderings of it, while
        "consider it positively" is Japanese although "we will consider it" is Korean too."""
        spans = [(m.span(), r) for r in self._renderings for m in r.pattern.finditer(haystack)]
        read: dict[Culture, set[int]] = {}
        for (start, end), r in spans:
            read.setdefault(r.partner, set()).update(i for i in range(start, end) if not haystack[i].isspace())
        found: dict[Culture, set[str]] = {}
        longest: dict[Culture, int] = {}
        for (start, end), r in spans:
            others = set().union(*(at for c, at in read.items() if c is not r.partner))
            if read[r.partner].intersection(range(start, end)) <= others:
                continue
            found.setdefault(r.partner, set()).add(r.phrase.expression)
            longest[r.partner] = max(longest.get(r.partner, 0), len(haystack[start:end].split()))
        ranked = sorted(found, key=lambda c: -len(found[c]))
        if not ranked or (len(ranked) > 1 and len(found[ranked[0]]) == len(found[ranked[1]])):
            return None
        best = ranked[0]
        return best if len(found[best]) >= 2 or longest[best] >= SURE_WORDS else None


_SINGULAR = re.compile(r"(?<![\w'])(i|i'm|i'll|i've|i'd|my|me)(?![\w'])")
_PLURAL = {"i": "(?:i|we)", "i'm": "(?:i'm|we're)", "i'll": "(?:i'll|we'll)", "i've": "(?:i've|we've)",
           "i'd": "(?:i'd|we'd)", "my": "(?:my|our|the)", "me": "(?:me|us)"}


def _plural(escaped: str, english: bool) -> str:
    """An American phrase's pattern with its first person singular said for the team too: "I hear you, but" as
    "we hear you, but", "let me run it by my team" as "… by the team"."""
    return _SINGULAR.sub(lambda m: _PLURAL[m.group(1)], escaped) if english else escaped


def _first(found: list[Found]) -> list[Found]:
    """Each expression once, where it is first found, in reading order."""
    unique: dict[tuple[str, str], Found] = {}
    for item in found:
        unique.setdefault((item.card_id, item.phrase.expression), item)
    return list(unique.values())


@dataclass(frozen=True)
class _Match:
    """A proposed span, the spans of the words that made it (a reading on dictionary forms skips light words), and
    whether an English rendering found it."""

    found: Found
    cores: tuple[tuple[int, int], ...]
    rendering: bool

    def swallows(self, other: _Match) -> bool:
        """Whether `other`, proposed after this match was taken, is part of this reading of the words."""
        a, b = self.found, other.found
        if not (a.start < b.end and b.start < a.end):
            return False
        inside = a.start <= b.start and b.end <= a.end and any(s < b.end and b.start < e for s, e in self.cores)
        return inside or a.phrase == b.phrase or (self.rendering and other.rendering)


def _honoured(haystack: str, words: list[Word], form: str) -> bool:
    """A word of the expression carries the honorific ご or 御 the card's form does not (「ご検討のほどよろしくお願い
    いたします」, 「前向きにご検討いただければ」): the act is the reader's, asked of them, not the writer's hedge."""
    return not any(h in form for h in _HONORIFIC) and any(haystack[w.start - 1:w.start] in _HONORIFIC
                                                          for w in words if w.start)


_HONORIFIC = ("ご", "御")


def _little(lemma: str, lang: str) -> str:
    """The trailing 一下 ("a little") written onto a Chinese verb, if any."""
    return next((t for t in _TRY_A_LITTLE if lang == "zh" and lemma.endswith(t) and len(lemma) > len(t)), "")


def _stems(key: list[str], lang: str) -> list[str]:
    """A key's dictionary forms as the text's are read: 一下 off the verb, loose Chinese words left out of a key that
    keeps two words or more without them."""
    key = [lemma[:-len(t)] if (t := _little(lemma, lang)) else lemma for lemma in key]
    firm = [lemma for lemma in key if lemma not in _ZH_LOOSE] if lang == "zh" else key
    return firm if len(firm) >= 2 else key


def _read(text: str, lang: str) -> list[Word]:
    """The text's content words, with the noun 보고 that Kiwi took for the verb 보다 put right."""
    words = content_words(text, lang)
    if lang != "ko":
        return words
    reports = {m.start() for m in _KO_REPORT.finditer(text)}
    return [Word("보고", w.start, w.start + 2) if w.lemma == "보다" and w.start in reports else w for w in words]


def _languages(text: str) -> list[str]:
    """The analysers worth running on this text: Han without kana is Chinese (a Japanese sentence has kana), so a
    Chinese partner's 「可能要几周」 is not read as the Japanese 可能であれば."""
    out = ["ja"] if KANA.search(text) else []
    out += ["ko"] if HANGUL.search(text) else []
    out += ["zh"] if HAN.search(text) and not KANA.search(text) else []
    return out
