"""Find cards whose text is nearly identical, with the embedding model (part of `coach kb lint`)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from server.knowledge.card_file import Problem
from server.knowledge.cards import line_of
from server.knowledge.passages import content_hash, dense_text
from server.models import Card
from server.search.embedder import Embedder
from server.search.index import EmbeddingCache

NEAR_IDENTICAL = 0.95


def card_text(card: Card) -> str:
    return dense_text("\n".join([card.title, card.summary, *card.sections.values()]))


def near_duplicates(cards: list[Card], embedder: Embedder, cache_dir: Path,
                    threshold: float = NEAR_IDENTICAL) -> list[Problem]:
    """One problem per pair of cards whose whole-card embeddings have cosine >= threshold."""
    if len(cards) < 2:
        return []
    cache = EmbeddingCache(cache_dir, embedder.name, embedder.dimension)
    texts = {c.id: card_text(c) for c in cards}
    keys = {cid: content_hash("card\0" + text) for cid, text in texts.items()}
    missing = [cid for cid in texts if keys[cid] not in cache.vectors]
    if missing:
        cache.vectors.update(zip((keys[c] for c in missing), embedder.encode([texts[c] for c in missing]),
                                 strict=True))
        cache.save()
    matrix = np.vstack([cache.vectors[keys[c.id]] for c in cards])
    similarity = matrix @ matrix.T
    problems = []
    for i, j in zip(*np.where(np.triu(similarity, k=1) >= threshold), strict=True):
        a, b = cards[int(i)], cards[int(j)]
        problems.append(Problem(b.path, line_of(b, "title"),
                                f"near-identical to card '{a.id}' (cosine {similarity[i, j]:.2f}); merge or rewrite"))
    return problems
