"""The CJK scripts as regular expressions, defined once: cards, search and the coach all tell scripts apart; and text
as the decoder reads it (full-width forms folded)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import opencc

# Han, Hiragana, Katakana (incl. prolonged mark), Hangul syllables and jamo.
CJK_RANGES = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u1100-\u11ff\u3130-\u318f\uff66-\uff9f"
CJK_CHAR = re.compile(rf"[{CJK_RANGES}]")
# Which script, for telling languages apart (Han alone is shared by Japanese and Chinese).
KANA = re.compile(r"[\u3040-\u30ff]")
HANGUL = re.compile(r"[\uac00-\ud7af]")
HAN = re.compile(r"[\u4e00-\u9fff]")


def cjk_share(text: str) -> float:
    """Share of letters in the text that are Chinese, Japanese or Korean script."""
    letters = [c for c in text if c.isalpha()]
    return sum(1 for c in letters if CJK_CHAR.match(c)) / len(letters) if letters else 0.0


KANA_SHARE = 0.15  # Japanese prose is 40-70% kana; Chinese or Korean text quoting a Japanese phrase stays below


def language_of(text: str) -> str:
    """en, ja, ko or zh: the language a message is written in, by its main script (an English question quoting
    「…」 stays en; a Korean or Chinese answer that quotes a Japanese line stays ko or zh)."""
    if cjk_share(text) < 0.3:
        return "en"
    kana, hangul, han = (len(pattern.findall(text)) for pattern in (KANA, HANGUL, HAN))
    if hangul > kana:
        return "ko"
    if kana and kana >= KANA_SHARE * (kana + han):
        return "ja"
    return "zh" if han else "en"


def writable(char: str, encoding: str) -> bool:
    """The character exists in that legacy encoding (GB2312: simplified Chinese; Shift_JIS: Japanese)."""
    try:
        char.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def han_reads_japanese(text: str) -> bool:
    """Han with a character only Japanese writes (純, 応, 書: in Shift_JIS, not in simplified GB2312) and none only
    simplified Chinese writes (领, 说: the reverse): 「純利益」 in an English question is Japanese, not Chinese."""
    chars = set(HAN.findall(text))
    japanese = any(writable(c, "shift_jis") and not writable(c, "gb2312") for c in chars)
    return japanese and not simplified_only(text)


def simplified_only(text: str) -> bool:
    """A Han character only simplified Chinese writes (领, 说: in GB2312, not in Shift_JIS)."""
    return any(writable(c, "gb2312") and not writable(c, "shift_jis") for c in set(HAN.findall(text)))


def han_either(text: str) -> bool:
    """Han alone with no character only simplified Chinese writes (「予算」, 「時期尚早」, not 「领导」): as Japanese as
    it is Chinese, so the words around it decide."""
    return not KANA.search(text) and not HANGUL.search(text) and not simplified_only(text)


def in_context(language: str, texts: list[str]) -> str:
    """The language of the last of `texts` (a conversation's turns, the new message last), read as `language`; Han
    either language writes (han_either) takes the language of the latest earlier turn written in Japanese or Chinese."""
    last = texts[-1] if texts else ""
    if language != "zh" or not han_either(last):
        return language
    return next((lang for text in reversed(texts[:-1]) if (lang := language_of(text)) in ("ja", "zh")), language)


def normalise(text: str) -> str:
    """NFKC (full-width to half-width, … to ...), lower case, straight apostrophes, single spaces."""
    text = unicodedata.normalize("NFKC", text).lower().replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text)


TRADITIONAL_CHANGED = 3  # characters OpenCC changes before a message counts as written in traditional Chinese


@lru_cache(maxsize=1)
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """A message written in traditional Chinese (Taiwan, Hong Kong) in simplified characters, which the cards,
    glossary and word lists use; anything else unchanged. Not a message with kana or hangul, and not a simplified
    one quoting a Japanese kanji word (「検討中」 changes one or two characters, a traditional question many)."""
    if KANA.search(text) or language_of(text) != "zh":  # with no kana, any hangul reads as Korean
        return text
    converted = _to_simplified().convert(text)
    changed = sum(a != b for a, b in zip(text, converted, strict=False)) if len(converted) == len(text) else 99
    return converted if changed >= TRADITIONAL_CHANGED else text
