"""BM25 over passages with a tokenizer that handles English words and CJK text; the only `import bm25s`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from server.cjk import CJK_RANGES

_TOKEN_RE = re.compile(rf"[{CJK_RANGES}]+|[^\W\d_{CJK_RANGES}]+|\d+")
_CJK_RE = re.compile(rf"^[{CJK_RANGES}]+$")
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


class LexicalIndex:
    """Thin wrapper over bm25s: build from texts, score a query against every passage, save and load."""

    def __init__(self, model: Any) -> None:
        self._model = model

    @classmethod
    def build(cls, texts: Sequence[str]) -> LexicalIndex:
        import bm25s

        model = bm25s.BM25()
        model.index([tokenize(t) or [""] for t in texts], show_progress=False)
        return cls(model)

    def scores(self, query: str) -> NDArray[np.float32]:
        """BM25 score of the query against every passage, in index order."""
        tokens = [t for t in tokenize(query) if t in self._model.vocab_dict]
        if not tokens:
            return np.zeros(self._model.scores["num_docs"], dtype=np.float32)
        return np.asarray(self._model.get_scores(tokens), dtype=np.float32)

    def save(self, path: Path) -> None:
        self._model.save(str(path), show_progress=False)

    @classmethod
    def load(cls, path: Path) -> LexicalIndex:
        import bm25s

        return cls(bm25s.BM25.load(str(path), show_progress=False))
