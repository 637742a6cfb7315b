"""The real knowledge base: lint clean, coverage minimums, and retrieval quality on the development set."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from server.knowledge.cards import lint, load_topics
from server.knowledge.coverage import coverage
from server.search.embedder import LocalEmbedder
from server.search.evaluate import evaluate, read_questions
from server.search.near_duplicates import near_duplicates
from server.search.retrieval import Retriever

from ..conftest import DATA, REAL_KB

DEV = DATA / "dev.jsonl"


def test_the_knowledge_base_lints_clean_and_meets_coverage(embedder: LocalEmbedder,
                                                           tmp_path: Path) -> None:
    cards, problems = lint(REAL_KB)
    assert [str(p) for p in problems] == []
    assert near_duplicates(cards, embedder, tmp_path) == []
    topics = list(load_topics(REAL_KB / "topics.yaml"))
    assert coverage(cards).shortfalls(topics) == []


def test_near_identical_cards_are_found(kb_copy: Path, embedder: LocalEmbedder,
                                        tmp_path: Path) -> None:
    original = (kb_copy / "cards" / "fx-yen.md").read_text(encoding="utf-8")
    copy = original.replace("id: fx-yen", "id: fx-yen-again").replace(
        "the exchange rate moved and our budget is short", "our budget is short after the rate moved").replace(
        "  - currency clause\n", "  - exchange clause\n").replace("  - yen dropped during production\n",
                                                                  "  - the yen fell while we were shooting\n")
    (kb_copy / "cards" / "fx-yen-again.md").write_text(copy, encoding="utf-8")
    cards, problems = lint(kb_copy)
    assert problems == []
    found = [str(p) for p in near_duplicates(cards, embedder, tmp_path)]
    # Cards are read in file-name order, so the later one (fx-yen.md) is reported against the earlier.
    assert len(found) == 1
    assert "fx-yen.md:3: near-identical to card 'fx-yen-again' (cosine 1.00); merge or rewrite" in found[0]


def test_the_development_set_covers_every_topic_and_pair() -> None:
    slugs = set(load_topics(REAL_KB / "topics.yaml")) - {"out-of-scope"}
    questions = read_questions(DEV, slugs)
    assert len(questions) >= 150
    first_topics = Counter(q.topics[0] for q in questions)
    assert {s for s in slugs if first_topics[s] == 0} == set()
    pairs = Counter(q.culture.value for q in questions if q.culture)
    assert min(pairs["jp-us"], pairs["kr-us"], pairs["cn-us"]) >= 25


@pytest.mark.slow
def test_hybrid_retrieval_quality_on_the_development_set(kb_retriever: Retriever) -> None:
    slugs = set(load_topics(REAL_KB / "topics.yaml"))
    report = evaluate(kb_retriever, read_questions(DEV, slugs))
    overall = {mode: by["overall"].as_dict() for mode, by in report.modes.items()}
    print(json.dumps(overall))
    assert overall["hybrid"]["hit@3"] >= 0.90
    assert overall["hybrid"]["mrr"] >= 0.80
    # Fusion must earn its place: never worse than either side alone on hit@3.
    assert overall["hybrid"]["hit@3"] >= max(overall["dense"]["hit@3"], overall["lexical"]["hit@3"]) - 0.01


def test_dev_file_lines_are_unique() -> None:
    lines = [json.loads(x)["question"] for x in DEV.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(lines) == len(set(lines))
