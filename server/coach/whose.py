"""A small learned check of whose words an expression the decoder found is: the partner's (quoted from their
e-mail, reported, pasted) or the asker's own (a reply planned or weighed, the own boss's line). The rules of
coach/speaker.py and coach/wording.py choose the partner text, and fit the wordings they were written for; this
logistic regression reads the words around each found expression (the clause before and after it or its quote,
whether it is quoted, asked about, in another language than the asker's) and vetoes the ones it reads as the asker's.
Trained on the labelled train split by `python -m server.coach.whose_train`; the weights are whose.json, a feature
table read here in plain Python (no scikit-learn at run time)."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol, TypeVar

from server.cjk import han_either, language_of, normalise
from server.coach.parts import is_question
from server.coach.sides import OWN, SENTENCE_END, THEIR_SIDE
from server.coach.speaker import FIRST_PERSON, source_named
from server.coach.understand import pasted_text, quote_spans

WEIGHTS = Path(__file__).with_name("whose.json")
BEFORE, AFTER, NEAR = 36, 20, 4  # characters of context read before and after, and right next to the words
_LATIN_WORD = re.compile(r"[a-z']+")
_QUOTE_MARKS = "「」『』“”\"' "
WORDS = 8  # Latin words read before the words, in their sentence ("my draft to the Korean studio:")
SENTENCE = 80  # characters of the sentence before the words read for who is named in it


# the asker's intent around the words, in any of the four languages: "I'll", "planning", 「返そうと思います」,
# 「つもり」, 「답하려고」, 「보낼까 해요」, 「准备」, 「打算」, 「合适吗」 (a plan weighed or announced)
_INTENT = re.compile(r"\b(?:i|we)(?:'ll|'d| will| would| plan to| intend to| want to|'m going to| am going to)\b|"
                     r"\b(?:planning|thinking of|about to|draft)\b|[こそろおよけせてれ]うと(?:思|考)|つもり|予定|"
                     r"려고|려는|까 해|까 하|할 생각|할 예정|해도 될까|准备|打算|计划|要不要|合适吗|可以吗|行吗", re.I)
# words that came to the asker: "said", "came back with", 「と言われ」, 「とのこと」, 「라고 하셨」, 「说了」, 「来信」
_HEARD = re.compile(r"\b(?:said|says|wrote|writes|replied|answered|responded|told (?:us|me)|came back with|sent us)\b|"
                    r"と言われ|とのこと|と(?:返事|返信|回答|連絡)が|(?:라고|다고)\s*(?:했|하셨|하더|답했|답장)|"
                    r"(?:이)?라는\s*(?:답|회신)|说了|回复了|回了一句|来信", re.I)


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


F = TypeVar("F", bound=_Span)


def _grams(text: str, tag: str, sizes: Sequence[int] = (1, 2, 3)) -> list[str]:
    return [f"{tag}{n}:{text[i:i + n]}" for n in sizes for i in range(len(text) - n + 1)]


def features(message: str, start: int, end: int) -> list[str]:
    """What the words at message[start:end] are read by: the clause before and after them (before and after their
    quote, when quoted), as character n-grams and Latin words, whether they are quoted, open their quote, sit in a
    question or a message of several lines, and whether they are in another language than the words around them."""
    unit = next(((s, e) for s, e in _quotes(message) if s <= start and end <= e), (start, end))
    before = SENTENCE_END.split(normalise(message[max(0, unit[0] - 2 * BEFORE):unit[0]]))[-1][-BEFORE:]
    rest = normalise(message[unit[1]:unit[1] + 2 * AFTER])
    cut = SENTENCE_END.search(rest)
    after = (rest[:cut.end()] if cut else rest)[:AFTER]
    sentence = SENTENCE_END.split(normalise(message[max(0, unit[0] - SENTENCE):unit[0]]))[-1]
    block = "pasted" if _in_pasted(message, start, end) else QUOTED if unit != (start, end) else "bare"
    out = [block]
    out += _grams(before, "b") + _grams(after, "a") + _grams(before[-NEAR:], "B") + _grams(after[:NEAR], "A")
    out += [f"w:{w}" for w in _LATIN_WORD.findall(sentence)[-WORDS:]]
    out += [f"v:{w}" for w in _LATIN_WORD.findall(after)[:3]]
    if unit != (start, end) and not message[unit[0]:start].strip(_QUOTE_MARKS):
        out.append("opens-quote")
    if unit != (start, end) and source_named(message, *unit):
        out.append(SOURCE)
    sentence_end = SENTENCE_END.search(message, unit[1])
    if is_question(message[unit[0]:sentence_end.end() if sentence_end else len(message)]):
        out.append("asked")
    out += [f"{block}:{name}-{where}" for where, text in (("before", sentence), ("after", after))
            for name, pattern in (("theirs", THEIR_SIDE), ("own", OWN), ("i", FIRST_PERSON)) if pattern.search(text)]
    out += [f"{name}-{where}" for where, text in (("before", sentence), ("after", after))
            for name, pattern in (("plan", _INTENT), ("heard", _HEARD)) if pattern.search(text)]
    lines = sum(bool(line.strip()) for line in message.splitlines())
    out.append(f"lines:{min(lines, 3)}")
    around = message[:unit[0]] + " " + message[unit[1]:]
    out.append(f"lang:{_language(message)}")
    out.append("other-language" if _span_language(message[start:end], around) != _language(around)
               else "same-language")
    return sorted(set(out))


@lru_cache(maxsize=256)
def _quotes(message: str) -> tuple[tuple[int, int], ...]:
    """The message's quotes (read once per message: a message has a handful of found expressions)."""
    return tuple(quote_spans(message))


def _in_pasted(message: str, start: int, end: int) -> bool:
    """The words are in a pasted e-mail or reply, where 「社内」 and "our team" are the writer's, the partner's."""
    return any(at <= start and end <= at + len(block) for at, block in _pasted(message))


@lru_cache(maxsize=256)
def _pasted(message: str) -> tuple[tuple[int, str], ...]:
    return tuple((message.find(block), block) for block in pasted_text(message) if block in message)


@lru_cache(maxsize=1024)
def _language(text: str) -> str:
    return language_of(text)


def _span_language(span: str, around: str) -> str:
    """The found words' language: Han either language writes (cjk.han_either) is read as Japanese in Japanese words."""
    lang = _language(span)
    if lang == "zh" and _language(around) == "ja" and han_either(span):
        return "ja"
    return lang


def place(message: str, spans: list[str], text: str) -> tuple[int, int] | None:
    """Where in `message` the decoder's normalised `text` found in one of the partner `spans` is, or None."""
    for span in spans:
        at = message.find(span)
        if at < 0:
            continue
        normal, index = _normal_map(span)
        hit = normal.find(text)
        if hit >= 0 and text:
            return at + index[hit], at + index[hit + len(text) - 1] + 1
    return None


@lru_cache(maxsize=256)
def _normal_map(text: str) -> tuple[str, tuple[int, ...]]:
    """`text` normalised character by character, with the index in `text` each normalised character came from."""
    out: list[str] = []
    index: list[int] = []
    for i, char in enumerate(text):
        normal = " " if char.isspace() else char.lower() if char.isascii() else normalise(char)
        for c in normal:
            if c == " " and out and out[-1] == " ":
                continue
            out.append(c)
            index.append(i)
    return "".join(out), tuple(index)


QUOTED = "quoted"  # the feature of words in a quote (not in a pasted e-mail)
SOURCE = "source-named"  # the feature of a quote whose source, the partner, is named right beside it
REPORTED = 0.05  # the veto's threshold for words outside quotes: a pasted e-mail, or a line the rules read as reported
# by the partner named before it ("对方说：…", 「대표님이 … 라고 했어요」), where the check is surer less often


@dataclass(frozen=True)
class Whose:
    """The trained weights: the probability that words are the partner's, and the thresholds below which they are
    vetoed as the asker's own: `threshold` for quoted words (the fresh wordings the rules misread are quotes: a plan,
    a draft, the own boss's line), `reported` for words outside quotes (pasted, or reported with their writer
    named)."""

    weights: dict[str, float]
    bias: float
    threshold: float
    reported: float = REPORTED

    @classmethod
    def load(cls, path: Path = WEIGHTS) -> Whose | None:
        """The committed weights, or None (no veto) when the file is missing."""
        if not path.exists():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["weights"], data["bias"], data["threshold"], data.get("reported", REPORTED))

    def probability(self, feats: list[str]) -> float:
        """The probability that words with these features are the partner's."""
        z = self.bias + sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def keeps(self, feats: list[str]) -> bool:
        """Whether words with these features are kept as the partner's: at or above the threshold of their block
        (never above `threshold`: 0 turns the check off); a quote whose source, the partner, is named beside it is
        kept: the rules took it for the partner's, and the words say whose it is."""
        if SOURCE in feats:
            return True
        cut = self.threshold if QUOTED in feats else min(self.reported, self.threshold)
        return self.probability(feats) >= cut

    def partners(self, message: str, start: int, end: int) -> float:
        """The probability that message[start:end] are the partner's words."""
        return self.probability(features(message, start, end))

    def theirs(self, message: str, spans: list[str], haystack: str, found: list[F]) -> list[F]:
        """The found expressions (offsets into `haystack`, the normalised partner text) not read as the asker's
        own; one that cannot be placed in the message is kept. Threshold 0: the check is off (the trainer writes it
        when the check decodes more plain questions than the rules alone in cross-validation)."""
        if self.threshold <= 0.0:
            return found
        kept = []
        for item in found:
            where = place(message, spans, haystack[item.start:item.end])
            if where is None or self.keeps(features(message, *where)):
                kept.append(item)
        return kept
