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
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from server.cjk import HANGUL, KANA, cjk_share
from server.coach.compose import answer_items
from server.coach.rank import encode_cached
from server.coach.who_pays import asks_who_pays
from server.models import Culture, Language
from server.search.lexical import tokenize_in
from server.search.retrieval import Retriever, cache_key

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
ITEM_MATCH = 0.4  # a shown card's item at least this close to a follow-up answers it (cosine, plus ITEM_LAPSE)
# A follow-up in Japanese, Korean or Chinese, which the embedding model cannot read: the share of its words (each
# weighted by how rare it is among the cards' items in that language) that an item holds, times this and the
# follow-up's share of CJK script (「那如果到时候他们又说做不到呢？」 holds a fifth of its weight in
# 「如果最后发现做不到，…」).
LEXICAL = 2.0
MIN_SHARED = 2  # ... counted only for an item holding at least this many of them: one verb (「入る」) is no match
ITEM_LAPSE = 0.4  # added to an "if nothing comes after …" item when the follow-up asks about time passing
# A lapse of time asked about: "still", "after a month", 「一ヶ月」, 「한 달」, 「两周」 (a span of days, weeks or
# months in Japanese, Korean or Chinese), or how long to wait: "how long should I wait?", 「いつまで待てば」,
# 「언제까지 기다려야」, 「要等多久」.
_NUMBER = r"[一二三四五六七八九十两幾几数\d]+\s*"
_JA_UNIT, _ZH_UNIT = r"(?:ヶ月|か月|カ月|ヵ月|週間|日)", r"(?:个多?月|周|星期|礼拜|天)"
_SPAN = (rf"(?:もう|さらに|あと){_NUMBER}{_JA_UNIT}|{_NUMBER}{_JA_UNIT}(?:たっ|経っ|後|以上|も|過ぎ|待)|"
         rf"(?:再过|又过|过了){_NUMBER}{_ZH_UNIT}|{_NUMBER}{_ZH_UNIT}(?:后|了|以上|还|都|也)|"
         r"(?:한|두|세|네|몇|\d+)\s*(?:달|주|주일|개월|일)\s*(?:동안|째|이나|이 지나|가 지나|후|뒤|더)")
LAPSE_ASKED = re.compile(r"\bstill\b|\b(?:after|in|for|another)\s+(?:a|an|one|two|three|few|\d+)?\s*"
                          r"(?:days?|weeks?|months?)\b|go(?:es)? quiet|\bnothing\b|\bhow long (?:should|do|must|can|"
                          r"will) (?:i|we) (?:wait|give)|"
                          r"\bno (?:answer|reply|news|response)|たって|経って|まだ|返事がな|連絡がな|いつまで待|"
                          r"지나도|아직|연락이 없|답이 없|언제까지\s*기다|얼마나\s*기다|"
                          rf"还是没|仍然|一直没|没消息|没有回复|等多久|等到什么时候|{_SPAN}", re.I)
# A card's step for "if nothing comes of it": "If three or four weeks pass …", "After two follow-ups …",
# "If the alternatives also come back muzukashii …".
LAPSE_ITEM = re.compile(r"\b(?:if|after|when)\b[^.;:]{0,80}\b(?:weeks?|months?|follow-ups|nothing|also|again|"
                         r"still|no (?:answer|reply|questions|news|movement))\b", re.I)
_PAY_ITEM = re.compile(r"\bwho (?:pays|funds|covers|absorbs|bears)\b|\b(?:pays?|paid|funds?|funding|absorbs?|"
                       r"reimburses?|charged?|invoices?) (?:for|the|it|them|any|extra|its|their)\b|\bcosts? "
                       r"(?:is |are )?(?:attributed|allocated|shared|split|borne)\b|\bborne by\b", re.I)
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


def word_share(followup: str, shown: list[str], lang: str, rarity: Mapping[str, float],
               before: str = "") -> NDArray[np.float64]:
    """For each item, the share of the follow-up's own content words (in the items' language `lang`, each weighted
    by its `rarity` among the cards' items; a word no item uses, the most) that it holds; zeros in English. Words of
    what it continues (`before`) are left out: 「控除のお金はいつ入ってくるんですか？」 after a question on the tax
    credit asks about timing and cash, not about the credit every item of the shown card names. An item holding
    fewer than MIN_SHARED of them holds none."""
    asked = _words(followup, lang) - _words(before, lang) if lang != "en" else frozenset()
    weights = {w: rarity.get(w, max(rarity.values(), default=1.0)) for w in asked}
    total = sum(weights.values())
    held = [asked & _words(text, lang) for text in shown]
    return np.array([sum(weights[w] for w in words) / total if len(words) >= MIN_SHARED else 0.0 for words in held])


def answering_item(english: list[str], shown: list[str], vectors: NDArray[np.float32], asked: NDArray[np.float32],
                   weight: float, followup: str, lang: str = "en", rarity: Mapping[str, float] | None = None,
                   before: str = "") -> str | None:
    """The item of a card already shown (`shown`, in `lang`, aligned with `english`) that answers a follow-up: the
    one closest in meaning (`weight` x the cosine of its English row of `vectors` with `asked`; for a follow-up in
    Japanese, Korean or Chinese, plus the share of its rarer words, less those of `before`, that the item holds),
    with a lapse of time asked about ("still nothing after a month?", 「1か月たっても」) leaning to the step for "if
    nothing comes after …" and "who pays?" to the step that says who pays; None when none is close."""
    scores = weight * (vectors @ asked.reshape(-1))
    if rarity is not None:
        scores = scores + LEXICAL * cjk_share(followup) * word_share(followup, shown, lang, rarity, before)
    if LAPSE_ASKED.search(followup):
        scores = scores + np.array([ITEM_LAPSE * bool(LAPSE_ITEM.search(i)) for i in english])
    if asks_who_pays(followup):
        scores = scores + np.array([ITEM_LAPSE * bool(_PAY_ITEM.search(i)) for i in english])
    best = int(np.argmax(scores))
    return shown[best] if scores[best] >= ITEM_MATCH else None


class ItemVectors:
    """The cards' items embedded, one row each. On first use, every card's items at once, from the embedding cache
    on disk (encoded once per content, like the cards' triggers), so that ranking a card's items for an answer
    costs no model run; without a cache directory, each card's items the first time it is answered from. A card's
    items are fixed for the index's lifetime, so a follow-up encodes only itself."""

    def __init__(self, retriever: Retriever, cache_dir: Path | None) -> None:
        self.retriever = retriever
        self.cache_dir = cache_dir
        self.vectors: dict[str, NDArray[np.float32]] = {}
        self.rarities: dict[str, dict[str, float]] = {}
        self._lock = threading.Lock()  # concurrent requests: one fills the vectors (and the disk cache), others wait

    def __call__(self, items: list[str]) -> NDArray[np.float32]:
        with self._lock:
            if not self.vectors and self.cache_dir is not None:
                every = list(dict.fromkeys(i for card in self.retriever.index.cards.values()
                                           for i in answer_items(card, None)))
                matrix = encode_cached(self.retriever.embedder, [cache_key(i) for i in every], self.cache_dir)
                self.vectors.update(zip(every, matrix, strict=True))
            missing = [i for i in dict.fromkeys(items) if i not in self.vectors]
            if missing:
                for text, row in zip(missing, self.retriever.query_vectors(missing), strict=True):
                    self.vectors[text] = row.reshape(-1)
            return np.vstack([self.vectors[i] for i in items])

    def rarity(self, lang: str) -> dict[str, float]:
        """Each content word of the cards' items in `lang` (ja, ko, zh) -> log(1 + items / items using it): 「如果」
        or 「ない」 say little of which item answers, 「做不到」 much. Empty for English or a language not indexed."""
        with self._lock:
            if lang not in self.rarities:
                language = self.retriever.index.languages.get(Language(lang)) if lang != "en" else None
                texts = {i for card in (language.cards.values() if language else []) for i in answer_items(card, None)}
                used = Counter(w for text in texts for w in _words(text, lang))
                self.rarities[lang] = {w: math.log(1 + len(texts) / n) for w, n in used.items()}
            return self.rarities[lang]


def english_weight(text: str, glossed: str) -> float:
    """How far the embedding model, which reads English only, can judge the text: fully when the glossary added
    English words for its terms, else by the share of it that is not Japanese, Korean or Chinese."""
    return 1.0 if glossed != text else 1.0 - cjk_share(text)
