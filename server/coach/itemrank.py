"""Which of a card's steps, lines and watch-outs answer this ask: closeness in meaning (the English items against
the ask, by the embedding model, which reads English only) blended with the content words they share, read by the
language's morphological analyser (character bigrams of Japanese, Korean or Chinese are mostly particles), each
word weighted by how few of the card's items use it. A line quoting the language of another pair is no wording for
this asker ("준거법은…" for a Japan-US deal)."""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from functools import lru_cache

import numpy as np
from numpy.typing import NDArray

from server.cjk import HANGUL, KANA
from server.models import Culture
from server.search.lexical import tokenize_in

SHARED = 0.5  # weight of the shared-words score (0..1, the card's best item 1) beside the cosine (about 0..0.7)
LENGTH = 0.5  # shared words are divided by the item's word count to this power (long items share more by chance)
ORDER = 0.2  # taken off the card's last item, in proportion before it: a card lists what matters first
OTHER_PAIR = 1.0  # taken off a line quoting another pair's language: below every line of the asker's own
VERDICT = 0.3  # added to an item that says when it is a no (or a yes) when the ask is "Is that a no?"
# "Is that a no?", "does it mean yes?", 「断りですか」, 「거절인가요」, 「是拒绝吗」: the asker wants the verdict ...
_ASKS_VERDICT = re.compile(r"\b(?:a|mean|means|really) (?:no|yes)\b|\b(?:refusal|rejection|turn(?:ed|ing)? (?:us|me) "
                           r"down)\b|断り|ノー|拒否|거절|거부|拒绝|婉拒", re.I)
# ... which the card's step gives: "treat it as a no", "usually means no", "a real yes"
_GIVES_VERDICT = re.compile(r"\b(?:as|means?|mean|is|a (?:soft|polite|real|firm|clear))\s+(?:a\s+)?(?:no|yes)\b", re.I)
ITEMS_LOCK = threading.Lock()  # the planner's item vectors: filled once from the disk cache, by one request at a time
_PINYIN = "áǎàéěèíǐìóǒòúǔùǖǘǚǜ"  # tone marks; not the macrons ā ē ī ō ū, which Japanese romanisation uses too
_SCRIPTS = {Culture.JP_US: KANA, Culture.KR_US: HANGUL}


@lru_cache(maxsize=16384)
def _words(text: str, lang: str) -> frozenset[str]:
    """Content words; in Japanese, Korean or Chinese only the language's own (the English a translated line quotes,
    or the glossary adds to the ask, is read by the embedding model instead)."""
    return frozenset(w for w in tokenize_in(text, lang) if lang == "en" or not w.isascii())


def other_pair(english: str, pair: Culture | None) -> bool:
    """The item quotes Japanese (kana), Korean (hangul) or romanised Chinese (pinyin tone marks) and the asker's pair
    is another one."""
    if pair is None or pair is Culture.ANY:
        return False
    quoted = {culture for culture, script in _SCRIPTS.items() if script.search(english)}
    if any(c in _PINYIN for c in english):
        quoted.add(Culture.CN_US)
    return bool(quoted) and pair not in quoted


def item_scores(english: list[str], shown: list[str], vectors: NDArray[np.float32], asked: NDArray[np.float32],
                weight: float, ask: str, lang: str, pair: Culture | None) -> dict[str, float]:
    """Each item as shown (`shown`, the card in the answer's language `lang`, aligned with `english`) -> how well it
    answers `ask`: `weight` x the mean cosine of its English text (rows of `vectors`) with the rows of `asked` (the
    ask with its situation, and the clause that asks: "Is that a no?"), plus the content words shared with the ask,
    less a little for its place in the card and OTHER_PAIR for a line in another pair's language."""
    dense = weight * (vectors @ asked.reshape(-1, vectors.shape[1]).T).mean(axis=1)
    asked_words = _words(ask, lang)
    words = [_words(text, lang) for text in shown]
    used = Counter(w for ws in words for w in ws)
    shared = [sum(math.log(1 + len(shown) / used[w]) for w in asked_words & ws) / (len(ws) or 1) ** LENGTH
              for ws in words]
    top = max(shared, default=0.0) or 1.0
    verdict = VERDICT if _ASKS_VERDICT.search(ask) else 0.0
    scores: dict[str, float] = {}
    for n, (text, source, cosine, common) in enumerate(zip(shown, english, dense, shared, strict=True)):
        score = float(cosine) + SHARED * common / top - ORDER * n / len(shown) - OTHER_PAIR * other_pair(source, pair) \
            + verdict * bool(_GIVES_VERDICT.search(source))
        scores[text] = max(score, scores.get(text, score))
    return scores
