"""The "items" label of a labelled question (the step, line or watch-out a senior producer expects the answer to
show) is checked when the set loads and when it is measured; the answer shows the item the ask hinges on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from server.coach.answer import Answerer
from server.coach.compose import _STEP_START, answer_items, build_section, load_labels, prompt_environment, say_items
from server.coach.itemrank import item_scores, other_pair
from server.coach.labelled import Question, load_answer_set
from server.coach.quality import item_shown, labelled_items
from server.errors import CoachError
from server.knowledge.cards import items
from server.models import Card, Culture, Language, Perspective
from server.settings import PROJECT_ROOT

Scores = dict[str, float]
GOOD = {"id": "x-001", "question": "Who signs off on the voice cast?", "lang": "en",
        "cards": ["decision-rights-matrix"]}


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
    """A Japanese answer shows the translated step at the labelled English step's position; another step, or the
    labelled step's words scattered, do not count."""
    cards = kb_answerer.retriever.index.cards
    question = Question(id="x-004", question="承認の表をどう作る？", lang="ja", cards=["decision-rights-matrix"],
                        items=["For each row fill four columns"])
    [(card, position)] = labelled_items(question, cards)
    shown = answer_items(kb_answerer.planner.localised(card, Language.JA), None)
    assert shown[position] != answer_items(card, None)[position]  # the card is translated
    assert item_shown(kb_answerer, card, position, f"**結論：** …\n\n### やること\n1. {shown[position]}\n")
    assert not item_shown(kb_answerer, card, position, f"### やること\n1. {shown[position + 1]}\n")
    assert item_shown(kb_answerer, card, position, f"1. {answer_items(card, None)[position]}")  # English answer


def _scores(kb_answerer: Answerer, card_id: str, ask: str, lang: Language, pair: Culture) -> tuple[Card, Scores]:
    """The card in `lang` and how well each of its items answers `ask`, as the planner scores them."""
    planner = kb_answerer.planner
    card = kb_answerer.retriever.index.cards[card_id]
    local = planner.localised(card, lang)
    english = answer_items(card, None)
    glossed = planner.glossary.expand(ask)
    weight = 1.0 if glossed != ask or lang is Language.EN else 0.0
    return local, item_scores(english, answer_items(local, None), planner.items(english),
                              kb_answerer.retriever.query_vector(glossed), weight, glossed, local.lang.value, pair)


@pytest.mark.slow
def test_the_step_a_japanese_ask_hinges_on_is_shown(kb_answerer: Answerer) -> None:
    """Who approves the voice cast hinges on the step that splits each row into decides, consulted and informed
    (picked by shared character bigrams, mostly particles, the answer showed steps 1, 4 and 5 instead)."""
    ask = "声優のキャスティングは誰が承認するのか、項目ごとに決定・協議・報告を分けておきたいです。"
    card, scores = _scores(kb_answerer, "decision-rights-matrix", ask, Language.JA, Culture.JP_US)
    env = prompt_environment(PROJECT_ROOT / "prompts")
    section = build_section(card, ask, None, Perspective.ASIA_SIDE, Culture.JP_US, None, 230, [],
                            words=load_labels(env)["ja"], lang=Language.JA, scores=scores)
    step = items(card.section("What to do"), _STEP_START)[1]
    assert step in section.steps or step in section.short
    assert section.steps == [s for s in items(card.section("What to do"), _STEP_START) if s in section.steps]


@pytest.mark.slow
def test_the_line_for_the_side_receiving_a_request_to_reopen_comes_first(kb_answerer: Answerer) -> None:
    """A Korean company whose US partner asks to reopen a signed deal gets the line for receiving that request
    before the older line written for the side that asks."""
    ask = "We're the Korean studio. Our US partner wants to reopen the profit split we signed in the spring."
    card, scores = _scores(kb_answerer, "korean-contracts-renegotiation", ask, Language.EN, Culture.KR_US)
    lines = say_items(card, Perspective.ASIA_SIDE)
    receiving = next(line for line in lines if "asks to reopen a signed deal" in line)
    assert max(lines, key=lambda line: scores[line]) == receiving


def test_a_line_in_another_pairs_language_is_marked_for_this_asker() -> None:
    japanese = "「準拠法と仲裁地を分けて考え」 (junkyohō to chūsaichi o wakete kangae)"
    korean = '"준거법은 양보하더라도" (jungeobeob-eun yangbohadeorado)'
    chinese = "对账 (duìzhàng, \"reconcile the accounts\")"
    assert other_pair(japanese, Culture.KR_US) and other_pair(korean, Culture.JP_US)
    assert other_pair(chinese, Culture.JP_US) and not other_pair(chinese, Culture.CN_US)
    assert not other_pair(japanese, Culture.JP_US) and not other_pair(korean, None)
    assert not other_pair("Could we agree one page?", Culture.KR_US)
    assert not other_pair(korean, Culture.ANY)
    assert not other_pair('only "hikitsuzuki kentō-chū desu" (still considering)', Culture.JP_US)  # macrons: Hepburn


@pytest.mark.slow
def test_a_line_for_another_countrys_team_never_outranks_the_askers_own(kb_answerer: Answerer) -> None:
    """In Japanese, the completion-bond card's line for a Chinese team shares the ask's words (完成保証, 保証会社)
    and was the one line a Japanese studio saw; any line in the asker's own language or in English ranks above it."""
    ask = "アメリカ側から完成保証を付けるように言われました。完成保証って何ですか？"
    card, scores = _scores(kb_answerer, "completion-bond-explained", ask, Language.JA, Culture.JP_US)
    lines = say_items(card, Perspective.ASIA_SIDE)
    chinese, korean = (next(line for line in lines if team in line) for team in ("中国のチーム", "韓国のチーム"))
    others = [line for line in lines if line not in (chinese, korean)]
    assert others and min(scores[line] for line in others) > max(scores[chinese], scores[korean])
