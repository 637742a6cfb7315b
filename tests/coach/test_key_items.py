"""The "items" label of a labelled question (the step, line or watch-out a senior producer expects the answer to
show) is checked when the set loads and when it is measured; the answer shows the item the ask hinges on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from server.coach.answer import Answerer
from server.coach.labelled import Question, load_answer_set
from server.coach.quality import item_shown, labelled_items
from server.errors import CoachError
from server.models import Ask

GOOD = {"id": "x-001", "question": "Who signs off on the voice cast?", "lang": "en", "cards": ["decision-rights-matrix"]}


@pytest.mark.parametrize(("items", "message"), [
    ("Decides", "must be a list of 1-3"),
    ([], "must be a list of 1-3"),
    (["Decides (one named role"] * 2, "repeats an entry"),
    (["short"], "is not a string of 12 characters or more"),
    ([42], "is not a string of 12 characters or more"),
])
def test_a_bad_items_label_names_the_file_the_line_and_the_fix(tmp_path: Path, items: object, message: str) -> None:
    lines = [json.dumps(GOOD), json.dumps({**GOOD, "id": "x-002", "items": items})]
    (tmp_path / "questions_x.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(CoachError, match=message) as raised:
        load_answer_set(tmp_path)
    assert "questions_x.jsonl:2" in str(raised.value)


def test_a_good_items_label_loads(tmp_path: Path) -> None:
    row = {**GOOD, "items": ["Decides (one named role"]}
    (tmp_path / "questions_x.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    assert load_answer_set(tmp_path).questions[0].items == ["Decides (one named role"]


@pytest.mark.slow
@pytest.mark.parametrize(("label", "found"), [("no such wording anywhere", "no"), ("the", r"\d+")])
def test_a_label_that_names_no_item_or_several_is_a_labelling_error(kb_answerer: Answerer, label: str,
                                                                    found: str) -> None:
    question = Question(id="x-003", question=GOOD["question"], lang="en", cards=GOOD["cards"], items=[label])
    with pytest.raises(CoachError, match=f"x-003: the items label .* matches {found}"):
        labelled_items(question, kb_answerer.retriever.index.cards)


@pytest.mark.slow
def test_an_item_counts_as_shown_in_the_answers_language(kb_answerer: Answerer) -> None:
    """The Japanese answer shows the translated step at the labelled English step's position."""
    cards = kb_answerer.retriever.index.cards
    question = Question(id="x-004", question="声優キャストは誰が承認するのか、決定・協議・報告をどう分けるべきですか？",
                        lang="ja", cards=["decision-rights-matrix"], items=["For each row fill four columns"])
    [(card, position)] = labelled_items(question, cards)
    text = kb_answerer.draft(Ask(message=question.question)).markdown
    assert item_shown(kb_answerer, card, position, text)
    assert not item_shown(kb_answerer, card, position, "声優キャストの承認は委員会が行います。")
