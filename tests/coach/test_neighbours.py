"""The labelled training questions as neighbours (coach/neighbours.py): with the real embedding model, the
committed examples, and the real engine. No test-split item is read: the committed file is checked to hold none."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from server.coach.answer import Answerer
from server.coach.labelled import load_answer_set, split_of
from server.coach.neighbours import EXAMPLES, Example, Neighbours
from server.coach.train import neighbours
from server.models import Language
from server.search.embedder import LocalEmbedder
from server.search.lexical import tokenize_in

EXAMPLE_SET = [
    Example("Who pays when the shoot runs three weeks over?", Language.EN, ("schedule-slip-cost", "budget-overages"),
            frozenset(), "a"),
    Example("Our partner never says no directly. How do I read it?", Language.EN, ("reading-an-indirect-no",),
            frozenset(), "b"),
    Example("後期はどちらの国でやるべきですか", Language.JA, ("post-production-split",),
            frozenset(tokenize_in("後期はどちらの国でやるべきですか", "ja")), "c"),
]


@pytest.fixture(scope="module")
def near(embedder: LocalEmbedder) -> Neighbours:
    return Neighbours(EXAMPLE_SET, embedder, None)


def test_the_closest_labelled_question_vouches_for_its_cards_best_first(near: Neighbours,
                                                                      embedder: LocalEmbedder) -> None:
    vector = embedder.encode(["The shoot is three weeks over schedule: who pays for it?"])[0]
    vote = near.vote(vector, set(), Language.EN)
    assert max(vote.scores, key=lambda c: vote.scores[c][0]) == "schedule-slip-cost"
    # the second label gets half the vote of the first from the same neighbour
    assert vote.scores["budget-overages"][1] == pytest.approx(vote.scores["schedule-slip-cost"][1] / 2)
    assert vote.nearest == {"schedule-slip-cost", "budget-overages"}


def test_a_question_is_no_neighbour_of_itself_while_measured(near: Neighbours, embedder: LocalEmbedder) -> None:
    vector = embedder.encode([EXAMPLE_SET[0].text])[0]
    with near.leaving_out("a"):
        assert "schedule-slip-cost" not in near.vote(vector, set(), Language.EN).nearest
    assert near.skip is None
    assert "schedule-slip-cost" in near.vote(vector, set(), Language.EN).nearest


def test_a_cjk_question_is_compared_by_its_words_with_questions_in_its_language(near: Neighbours,
                                                                              embedder: LocalEmbedder) -> None:
    question = "後期はどこでやるのが普通ですか"
    vector = embedder.encode([question])[0]
    words = set(tokenize_in(question, "ja"))
    scores = near.vote(vector, words, Language.JA).scores
    assert max(scores, key=lambda c: scores[c][0]) == "post-production-split"
    overlap = len(words & EXAMPLE_SET[2].words) / len(words | EXAMPLE_SET[2].words)
    assert scores["post-production-split"][0] == pytest.approx(0.5 * float(vector @ near.matrix[2]) + overlap)
    # the same words read as Korean share no language with the Japanese example: its overlap does not count
    assert near.vote(vector, words, Language.KO).scores["post-production-split"][0] \
        == pytest.approx(0.5 * float(vector @ near.matrix[2]))


def test_an_out_of_scope_neighbour_votes_for_no_card_and_says_how_much_closer_it_is(embedder: LocalEmbedder) -> None:
    trap = Example("How do I convert an SRT subtitle file to VTT?", Language.EN, (), frozenset(), "t")
    near = Neighbours([*EXAMPLE_SET, trap], embedder, None)
    vectors = embedder.encode(["Which free editor converts SRT files to VTT?",
                               "The shoot is three weeks over schedule: who pays for it?"])
    assert near.vote(vectors[0], set(), Language.EN).off_topic > 0 > near.vote(vectors[1], set(), Language.EN).off_topic
    assert "" not in near.vote(vectors[0], set(), Language.EN).scores  # the trap is never the nearest card list
    assert near.vote(vectors[0], set(), Language.EN).nearest
    with near.leaving_out("t"):  # measured on the trap itself: only in-scope neighbours are left
        assert near.vote(vectors[0], set(), Language.EN).off_topic == 0.0
    assert Neighbours(EXAMPLE_SET, embedder, None).vote(vectors[0], set(), Language.EN).off_topic == 0.0


def test_saved_examples_load_back_the_same(near: Neighbours, embedder: LocalEmbedder, tmp_path: Path) -> None:
    near.save(tmp_path / "neighbours.json")
    assert Neighbours.load(embedder, None, tmp_path / "neighbours.json").examples == EXAMPLE_SET
    assert Neighbours.load(embedder, None, tmp_path / "missing.json").vote(
        embedder.encode(["anything"])[0], set(), Language.EN).scores == {}


def test_stored_vectors_of_other_texts_are_not_used(near: Neighbours, embedder: LocalEmbedder,
                                                    tmp_path: Path) -> None:
    """A hand edit of the examples' text (same count, same model) is encoded again, not paired with old vectors."""
    path = tmp_path / "neighbours.json"
    near.save(path)
    path.write_text(path.read_text(encoding="utf-8").replace("three weeks over", "a month late"), encoding="utf-8")
    edited = Neighbours.load(embedder, None, path)
    assert edited.examples[0].text == "Who pays when the shoot runs a month late?"
    assert float(edited.matrix[0] @ near.matrix[0]) < 0.99  # its own vector, not the stored one
    assert float(edited.matrix[1] @ near.matrix[1]) > 0.999


def test_the_committed_examples_are_the_training_split_only() -> None:
    """The held-aside split is never a neighbour: its figures would measure memory, not the engine."""
    groups = {row["group"] for row in json.loads(EXAMPLES.read_text(encoding="utf-8"))}
    data = load_answer_set()
    labelled = {q.id for q in data.questions} | {c.id for c in data.conversations} | {q.id for q in data.out_of_scope}
    assert groups and groups <= labelled
    assert all(split_of(group) == "train" for group in groups)


@pytest.mark.slow
def test_training_reads_each_labelled_query_as_serving_does(kb_answerer: Answerer) -> None:
    """What train.py stores: the glossary's words added, as Planner.rank reads a query; out-of-scope questions
    with no card."""
    data = dataclasses.replace(load_answer_set().only("train", "lead11"),
                               out_of_scope=load_answer_set().only("train", "oos9-ja").out_of_scope)
    assert data.out_of_scope
    built = neighbours(kb_answerer, data)
    assert {e.group for e in built.examples} == {q.id for q in data.questions} | {q.id for q in data.out_of_scope}
    assert all(not e.cards for e in built.examples if e.group in {q.id for q in data.out_of_scope})
    first = next(q for q in data.questions if q.lang == "zh")
    example = next(e for e in built.examples if e.group == first.id)
    assert example.text == kb_answerer.planner.glossary.expand(first.question)
    assert example.words and example.cards == tuple(first.cards)
