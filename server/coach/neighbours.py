"""The labelled training questions as neighbours: a question much like one a senior producer has labelled is
likely answered by the same card. The cards' own triggers are a few phrasings per card; the training split of
the labelled answer set holds many more, in four languages. `python -m server.coach.train` writes them (the
training split only, never the held-aside one) into neighbours.json beside the ranker's weights, with each
question's words as its language's analyser split them, so no analyser runs on them while serving."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from server.knowledge.passages import dense_text
from server.models import Language
from server.search.embedder import Embedder

EXAMPLES = Path(__file__).with_name("neighbours.json")
NEAREST = 5  # neighbours that vote (5-10 scored alike in cross-validation; 3 lower)
DENSE_SHARE_CJK = 0.5  # the bundled model reads only a CJK question's glossary words: its cosine counts half


@dataclass(frozen=True)
class Vote:
    scores: dict[str, tuple[float, float]]  # card -> (closest neighbour labelled with it, the neighbours' votes)
    nearest: frozenset[str]  # the closest neighbour's cards
    off_topic: float = 0.0  # how much closer the closest out-of-scope question is than the closest in-scope one


@dataclass(frozen=True)
class Example:
    """One labelled query (a question, one of its parts, or a conversation's first turn) as the ranker reads it."""

    text: str
    lang: Language
    cards: tuple[str, ...]  # acceptable cards, best first; none for an out-of-scope question
    words: frozenset[str]  # the text's words in its language (empty for English: the cosine reads English)
    group: str  # the labelled question it comes from


def texts_digest(rows: list[dict[str, Any]]) -> str:
    """Which texts the stored vectors belong to, in order."""
    return hashlib.sha256("\n".join(r["text"] for r in rows).encode("utf-8")).hexdigest()


class Neighbours:
    """The examples' vectors (stored beside them by the trainer) compared with each query."""

    def __init__(self, examples: list[Example], embedder: Embedder, cache_dir: Path | None,
                 vectors: NDArray[Any] | None = None) -> None:
        from server.coach.rank import encode_cached  # rank reads these scores as features

        self.examples = examples
        if vectors is None or len(vectors) != len(examples):
            vectors = encode_cached(embedder, [dense_text(e.text) for e in examples], cache_dir) \
                if examples else np.zeros((0, embedder.dimension), np.float32)
        # stored as float16 (half the file); trained and served on the same rounded vectors
        self.matrix = np.asarray(vectors, dtype=np.float16).astype(np.float32)
        self.model = embedder.name
        self.langs = np.array([e.lang.value for e in examples])
        self.groups = np.array([e.group for e in examples])
        self.sizes = np.array([len(e.words) for e in examples], dtype=np.float64)
        self.off = np.array([not e.cards for e in examples], dtype=bool)  # out-of-scope questions: no card
        self.postings: dict[tuple[str, str], list[int]] = {}  # (language, word) -> the examples using it
        for row, e in enumerate(examples):
            for word in e.words:
                self.postings.setdefault((e.lang.value, word), []).append(row)
        self.skip: str | None = None  # training: a question is no neighbour of itself (or of its own parts)

    @classmethod
    def load(cls, embedder: Embedder, cache_dir: Path | None, path: Path = EXAMPLES) -> Neighbours:
        """The examples, with their vectors from the file beside them when they are the configured model's
        (encoding them takes half a minute: every worker and every reload would pay it)."""
        rows = json.loads(path.read_text(encoding="utf-8")) if path.exists() else []
        vectors = None
        if path.with_suffix(".npz").exists():
            with np.load(path.with_suffix(".npz")) as stored:
                same = str(stored["model"]) == embedder.name and "texts" in stored.files \
                    and str(stored["texts"]) == texts_digest(rows)
                vectors = stored["vectors"] if same else None  # else encoded again: a hand edit is not missed
        return cls([Example(r["text"], Language(r["lang"]), tuple(r["cards"]), frozenset(r["words"]), r["group"])
                    for r in rows], embedder, cache_dir, vectors)

    @contextmanager
    def leaving_out(self, group: str) -> Iterator[None]:
        """Measuring or training on a labelled question: it (and its parts) is no neighbour of itself, as a new
        question is not among them when serving. Not for serving threads: it changes the shared object."""
        self.skip = group
        try:
            yield
        finally:
            self.skip = None

    def save(self, path: Path = EXAMPLES) -> None:
        rows = [json.dumps({"text": e.text, "lang": e.lang.value, "cards": list(e.cards), "words": sorted(e.words),
                            "group": e.group}, ensure_ascii=False) for e in self.examples]
        path.write_text("[\n" + ",\n".join(rows) + "\n]\n", encoding="utf-8")  # one example per line: diffable
        np.savez_compressed(path.with_suffix(".npz"), vectors=self.matrix.astype(np.float16), model=self.model,
                            texts=texts_digest([{"text": e.text} for e in self.examples]))

    def vote(self, vector: NDArray[np.float32], words: set[str], lang: Language) -> Vote:
        """Per card: (the closest neighbour labelled with it, the neighbours' votes, each its closeness divided by
        the card's place in that neighbour's labels), the closest neighbour's cards, and how much closer the closest
        out-of-scope question is than the closest in-scope one (a new near-domain trap, an SRT editor to pick, is
        often nearer to a labelled trap, converting SRT to VTT, than to any question about the partner). A CJK
        query is compared by cosine at half weight plus the overlap (Jaccard) of its words with neighbours in its
        own language."""
        if not (~self.off).any():
            return Vote({}, frozenset())
        close = (self.matrix @ vector.reshape(-1)).astype(np.float64)
        if lang is not Language.EN:
            shared = np.zeros(len(self.examples))
            for word in words:
                shared[self.postings.get((lang.value, word), [])] += 1
            close = DENSE_SHARE_CJK * close + shared / np.maximum(1.0, self.sizes + len(words) - shared)
        if self.skip is not None:
            close = np.where(self.groups == self.skip, -np.inf, close)
        gap = close[self.off].max() - close[~self.off].max() if self.off.any() else 0.0
        close = np.where(self.off, -np.inf, close)  # out-of-scope questions vote for no card
        nearest = np.argsort(-close, kind="stable")[:NEAREST]
        scores: dict[str, tuple[float, float]] = {}
        for row in nearest:
            similarity = float(close[row])
            for place, card in enumerate(self.examples[row].cards):
                best, votes = scores.get(card, (0.0, 0.0))
                scores[card] = (max(best, similarity), votes + similarity / (1 + place))
        return Vote(scores, frozenset(self.examples[int(nearest[0])].cards),
                    float(gap) if np.isfinite(gap) else 0.0)
