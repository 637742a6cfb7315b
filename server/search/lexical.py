"""BM25 over passages, with a tokenizer per language; the only `import bm25s`.

English passages: stemmed words, and CJK runs as character bigrams (the phrases quoted in English cards). Japanese,
Korean and Chinese passages (translated cards): dictionary forms of content words from `server.morph` (SudachiPy,
Kiwi, jieba), so 「検討させていただきます」 and 「検討します」 share 検討, plus the English words among them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from server.cjk import CJK_RANGES
from server.morph import search_terms_many

_TOKEN_RE = re.compile(rf"[{CJK_RANGES}]+|[^\W\d_{CJK_RANGES}]+|\d+")
_CJK_RE = re.compile(rf"^[{CJK_RANGES}]+$")
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z'-]*")
_STOPWORDS = frozenset(
    "a an and are as at be but by do does for from has have how i if in is it its me my of on or our so that the "
    "their them they this to was we what when who will with you your s t".split()
)


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import Stemmer

    return Stemmer.Stemmer("english")


def tokenize(text: str) -> list[str]:
    """English words stemmed without stopwords; CJK runs as overlapping character bigrams (single chars kept)."""
    tokens: list[str] = []
    words: list[str] = []
    for match in _TOKEN_RE.finditer(text.lower()):
        run = match.group(0)
        if _CJK_RE.match(run):
            if len(run) == 1:
                tokens.append(run)
            else:
                tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
        elif run not in _STOPWORDS:
            words.append(run)
    return tokens + list(_stemmer().stemWords(words))


def tokenize_in(text: str, lang: str) -> list[str]:
    """Tokens of `text` written in `lang`: `tokenize` for English, content-word lemmas (and any English words)
    for Japanese, Korean and Chinese."""
    return tokenize_all([text], lang)[0]


def tokenize_all(texts: Sequence[str], lang: str) -> list[list[str]]:
    """`tokenize_in` for many texts at once (the analysers work faster on a batch)."""
    if lang == "en":
        return [tokenize(text) for text in texts]
    out = []
    for text, lemmas in zip(texts, search_terms_many(list(texts), lang), strict=True):
        latin = " ".join(_LATIN_RUN.findall(text))
        out.append([t for t in lemmas if not _LATIN_RUN.fullmatch(t)] + (tokenize(latin) if latin else []))
    return out


class LexicalIndex:
    """Thin wrapper over bm25s: build from tokenised texts of one language, score a query, save, load."""

    def __init__(self, model: Any, lang: str = "en") -> None:
        self._model = model
        self.lang = lang

    @classmethod
    def from_tokens(cls, tokens: Sequence[list[str]], lang: str = "en") -> LexicalIndex:
        """From texts split by `tokenize_all` (the index build reuses the tokens for each card's words)."""
        import bm25s

        model = bm25s.BM25()
        model.index([t or [""] for t in tokens], show_progress=False)
        return cls(model, lang)

    def scores(self, query: str) -> NDArray[np.float32]:
        """BM25 score of the query against every passage, in index order."""
        tokens = [t for t in tokenize_in(query, self.lang) if t in self._model.vocab_dict]
        if not tokens:
            return np.zeros(self._model.scores["num_docs"], dtype=np.float32)
        return np.asarray(self._model.get_scores(tokens), dtype=np.float32)

    def save(self, path: Path) -> None:
        self._model.save(str(path), show_progress=False)

    @classmethod
    def load(cls, path: Path, lang: str = "en") -> LexicalIndex:
        import bm25s

        return cls(bm25s.BM25.load(str(path), show_progress=False), lang)
