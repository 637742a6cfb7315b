"""Dictionary forms of Japanese (SudachiPy), Korean (Kiwi) and Chinese (jieba) words, with their offsets.

The decoder matches phrasebook expressions on these, so that 「少し難しいかもしれません」 finds 難しい and
「検討させていただければ」 finds 検討します without a regular expression per inflection. Each analyser loads its
packaged dictionary on first use (Kiwi and jieba take about 1.5 s), so English-only workers never pay for them.
"""

from __future__ import annotations

import functools
import logging
import re
import threading
from dataclasses import dataclass
from typing import Any

# Words too common to identify an expression on their own ("do", "be", "become"; humble いたす and おる are する and
# いる: 「社内で調整いたします」 is 「社内で調整します」).
LIGHT = frozenset({"する", "ある", "いる", "なる", "できる", "いう", "いたす", "致す", "おる", "하다", "하", "있다",
                   "되다", "이다", "것", "수", "要", "还", "还要", "一下", "跟", "和", "再", "我们", "会", "的", "了"})
# Verbs that only add politeness or aspect (「〜ください」「〜ておく」「〜かもしれない」).
GRAMMAR = frozenset({"くださる", "いただく", "いただける", "おく", "しれる", "みる", "しまう", "いく", "くる", "頂く",
                     "같다", "보다", "주다", "드리다"})
_JA_CONTENT = ("名詞", "動詞", "形容詞", "形状詞", "代名詞", "接頭辞", "連体詞")
_KO_CONTENT = ("NNG", "NNP", "VV", "VA", "XR", "XSV", "XSA")


# The analysers are not safe to call from several threads at once (Sudachi's tokenizer raises "Already borrowed"),
# and web workers answer in a thread pool: one lock per language.
_LOCKS = {"ja": threading.Lock(), "ko": threading.Lock(), "zh": threading.Lock()}


@dataclass(frozen=True)
class Word:
    lemma: str
    start: int
    end: int


@functools.cache
def _sudachi() -> Any:
    from sudachipy import dictionary

    return dictionary.Dictionary(dict="core").tokenizer(mode="C")


@functools.cache
def _kiwi() -> Any:
    from kiwipiepy import Kiwi

    # Without the typo, multi-word and default (proper-noun) dictionaries Kiwi takes about 210 MiB instead of 490
    # (kiwipiepy 0.24). Of 2,655 Korean lines in our cards and labelled questions, 33 split differently without the
    # proper nouns, mostly compounds now split into their words (제작위원회 -> 제작, 위원회), which BM25 matches better.
    return Kiwi(load_typo_dict=False, load_multi_dict=False, load_default_dict=False)


@functools.cache
def _jieba() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def content_words(text: str, lang: str) -> list[Word]:
    """The content words of `text` in dictionary form (particles, endings and auxiliaries dropped); [] for en."""
    if lang not in _LOCKS:
        return []
    with _LOCKS[lang]:
        return _analyse(text, lang)


def _analyse(text: str, lang: str) -> list[Word]:
    if lang == "ja":
        return [Word(m.dictionary_form(), m.begin(), m.end()) for m in _sudachi().tokenize(text)
                if m.part_of_speech()[0] in _JA_CONTENT]
    if lang == "ko":
        return _korean_words(_kiwi().tokenize(text))
    return [Word(w, s, e) for w, s, e in _jieba().tokenize(text) if w.strip() and not _is_punct(w)]


def _korean_words(tokens: Any) -> list[Word]:
    return [Word(getattr(t, "lemma", "") or t.form, t.start, t.start + t.len)
            for t in tokens if t.tag.split("-")[0] in _KO_CONTENT]


def search_terms(text: str, lang: str) -> list[str]:
    """Words for BM25 in `lang`, split finer than `content_words` so that compounds meet their parts: Sudachi's
    middle split (B) for Japanese, jieba's search mode (compounds and their words) for Chinese, Kiwi for Korean;
    dictionary forms, light words dropped."""
    return search_terms_many([text], lang)[0]


def search_terms_many(texts: list[str], lang: str) -> list[list[str]]:
    """`search_terms` for many texts (an index build): Kiwi analyses a batch about twice as fast as one by one."""
    if lang not in _LOCKS:
        return [[] for _ in texts]
    with _LOCKS[lang]:
        if lang == "ja":
            from sudachipy import tokenizer

            mode = tokenizer.Tokenizer.SplitMode.B
            found = [[m.dictionary_form() for m in _sudachi().tokenize(text, mode)
                      if m.part_of_speech()[0] in _JA_CONTENT] for text in texts]
        elif lang == "zh":
            found = [[w for w in _jieba().cut_for_search(text) if w.strip() and not _is_punct(w)] for text in texts]
        else:
            found = [[w.lemma for w in _korean_words(tokens)] for tokens in _kiwi().tokenize(texts)]
    return [[w.lower() for w in words if w not in LIGHT] for words in found]


def _is_punct(word: str) -> bool:
    return all(not c.isalnum() for c in word)


def key_lemmas(text: str, lang: str) -> list[str]:
    """The words that identify an expression: content words without light and grammatical verbs."""
    return [w.lemma for w in content_words(text, lang) if w.lemma not in LIGHT and w.lemma not in GRAMMAR]


def only_time_words_left(text: str, lang: str) -> bool:
    """Japanese `text` whose key words (`key_lemmas`) are only nouns used as adverbs of time or occasion (今週,
    今回), while the expression itself lives in the words they leave out: 「できれば今週中に」 keys on 今週 alone,
    「今回はちょっと…」 on 今回. Such a key would find the time word in any sentence; 「一応」, all of whose text the
    key keeps, is an expression of its own."""
    if lang != "ja":
        return False
    with _LOCKS[lang]:
        kept = [m for m in _sudachi().tokenize(text) if m.part_of_speech()[0] in _JA_CONTENT
                and m.dictionary_form() not in LIGHT and m.dictionary_form() not in GRAMMAR]
    return bool(kept) and all(m.part_of_speech()[2] == "副詞可能" for m in kept) \
        and len("".join(m.surface() for m in kept)) < len(re.sub(r"[\W_]", "", text))


def ends_a_korean_clause(text: str) -> bool:
    """Whether Korean `text` ends with a verb's sentence or connective ending (「…없어요」, 「…제작사인데」): a
    clause that tells something, not a topic (「배급 수익을 나누는 방식」 ends with a noun)."""
    with _LOCKS["ko"]:
        tokens = _kiwi().tokenize(text)
    return bool(tokens) and tokens[-1].tag in ("EF", "EC")


def conjunctive_ends(text: str) -> list[int]:
    """Offsets just after each Japanese conjunctive particle し (「分からないし、…」: one clause ends, another
    begins); the verb し of 「検討し、」 is not one, which is why this asks Sudachi rather than a pattern."""
    with _LOCKS["ja"]:
        return [m.end() for m in _sudachi().tokenize(text)
                if m.surface() == "し" and m.part_of_speech()[:2] == ("助詞", "接続助詞")]
