"""One translation language on disk: its cards, passages, BM25 and each card's words, written by the index build
and loaded with the index. The embedding model reads English only, so these are what a Japanese, Korean or Chinese
question meets."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from server.knowledge.passages import card_passages
from server.models import Card, Language, Passage
from server.search.lexical import LexicalIndex, tokenize_all


@dataclass(frozen=True)
class CardWords:
    """A translated card's words: all of them, and those of its title with summary and of each trigger."""

    whole: frozenset[str]
    heads: list[frozenset[str]]


@dataclass
class LanguageIndex:
    """One language's translated cards, their passages and BM25 over them (the embedding model reads English only,
    so a Japanese, Korean or Chinese question meets the translations through words, and the English side through
    the glossary's English terms)."""

    passages: list[Passage]
    lexical: LexicalIndex
    cards: dict[str, Card]
    words: dict[str, CardWords]


def write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def write_language(folder: Path, lang: Language, cards: list[Card]) -> None:
    """BM25, passages, words and cards of one language's translated cards, into a build folder."""
    passages = [p for card in cards for p in card_passages(card)]
    tokens = tokenize_all([p.text for p in passages], lang.value)
    LexicalIndex.from_tokens(tokens, lang.value).save(folder / f"bm25-{lang.value}")
    write_json(folder / f"passages-{lang.value}.json", [p.model_dump() for p in passages])
    write_json(folder / f"words-{lang.value}.json", _card_words(cards, passages, tokens, lang.value))
    write_json(folder / f"cards-{lang.value}.json", [c.model_dump(mode="json") for c in cards])


def _card_words(cards: list[Card], passages: list[Passage], tokens: list[list[str]], lang: str) -> dict[str, Any]:
    """Per card: every word of it (the union of its passages' BM25 tokens), and the words of its title with summary
    and of each trigger apart (coach.rank compares a question with these)."""
    whole: dict[str, set[str]] = {}
    for passage, words in zip(passages, tokens, strict=True):
        whole.setdefault(passage.card_id, set()).update(words)
    heads = [[f"{card.title} {card.summary}", *card.triggers] for card in cards]
    flat = tokenize_all([h for texts in heads for h in texts], lang)
    out: dict[str, Any] = {}
    for card, texts in zip(cards, heads, strict=True):
        out[card.id] = {"whole": sorted(whole.get(card.id, ())), "heads": [sorted(w) for w in flat[: len(texts)]]}
        flat = flat[len(texts) :]
    return out


def load_language(root: Path, lang: Language) -> LanguageIndex:
    def read(name: str) -> Any:
        return json.loads((root / f"{name}-{lang.value}.json").read_text("utf-8"))

    passages = [Passage.model_validate(p) for p in read("passages")]
    cards = {c["id"]: Card.model_validate(c) for c in read("cards")}
    words = {cid: CardWords(frozenset(w["whole"]), [frozenset(h) for h in w["heads"]])
             for cid, w in read("words").items()}
    return LanguageIndex(passages, LexicalIndex.load(root / f"bm25-{lang.value}", lang.value), cards, words)
