"""What users feel, asserted on the held-aside test split of the labelled answer set (tests/data/answers/).

The test split (a fifth of every file, chosen by a hash of each id) is never used to train the ranker or to tune
anything. `coach eval-answers --split train` and `--split test` print the same figures for both splits."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.coach.labelled import load_answer_set, split_of
from server.coach.quality import Report, evaluate_answers

# Issue 11's targets on the held-aside split, measured on 2026-12-01 (nineteenth session; the split grew to 556
# questions, 275 parts, 230 out-of-scope, 156 follow-ups and 156 plain questions with the nineteenth session's fresh
# sets, written before any result was seen). Met and asserted as targets: frame 0.95 (0.992), sub-questions 0.85
# (0.876), in-scope answered 0.97 (0.982), out-of-scope declined 0.95 (0.957, 220 of 230), decodes of the asker's
# words 0 (0 of 156), first paragraph <= 60 words (1.0), decoder recall 0.9 (0.934).
# NOT MET (defects to fix, not targets):
# - card hit@1 0.822 against 0.85 and hit@3 0.935 against 0.95 (floor for hit@1 raised 0.81 -> 0.82; hit@3 kept at
#   0.935, LOWERED a session ago from 0.945; 0.857 and 0.960 at the fifteenth session's end). Split by file age only
#   (no item read): the 29 held-aside questions of this session's new files score 0.862 and 0.931, the 527 older
#   ones 0.820 and 0.9355 (0.810 and 0.937 a session ago). Retraining is deterministic since this session (the same
#   cards and set give the same ranker.json whichever one it replaces), so a change in these figures is a change.
# Twenty-second session (774 questions, 339 parts, 260 out-of-scope, 179 follow-ups): hit@1 0.844 (floor raised
# 0.82 -> 0.835), hit@3 0.937 (floor kept at 0.935), out-of-scope declined 0.958, in-scope answered 0.976.
# Twenty-third session (877 questions, 349 parts, 260 out-of-scope, 193 follow-ups; lambdarank trees): hit@1 0.838
# (floor kept at 0.835), hit@3 0.946 (floor raised 0.935 -> 0.94), out-of-scope declined 0.969, answered 0.976.
# Twenty-sixth session (1,033 questions, 409 parts, 260 out-of-scope, 230 follow-ups): hit@1 0.847 (floor raised
# 0.835 -> 0.84), hit@3 0.9535: MET, asserted at the target 0.95 from now on; out-of-scope declined 0.969.
# Follow-ups (turns after the first answered with a card labelled for that turn): no issue target. 0.756 (118 of
# 156) after the nineteenth session (0.75 before): floor kept at 0.75.
HIT1, HIT3, FRAME = 0.84, 0.95, 0.95
PARTS, SHORT_FIRST, ANSWERED = 0.85, 1.0, 0.97
ASKER_DECODES = 0
DECLINED = 0.95
FOLLOWUPS = 0.75
# Issue 12: the questions written in Japanese, Korean and Chinese, each language's card hit@3 and answers in the
# question's language. Measured on the held-aside split since the twenty-sixth session (197 ja, 234 ko, 183 zh, well
# over the 80/40/40): drafting every split's 2,990 CJK questions as well took half the suite's time, and the
# training split is the one tuned on. `coach eval-answers --split train` still reports the training split's figures.
CJK_SIZES, CJK_HIT3 = {"ja": 80, "ko": 40, "zh": 40}, 0.9


@pytest.fixture(scope="module")
def report(kb_answerer: Answerer) -> Report:
    result = evaluate_answers(kb_answerer, load_answer_set().only("test"))
    print("test split:", result.figures, result.counts)
    return result


def test_the_set_is_large_enough_and_a_fifth_is_held_aside() -> None:
    data = load_answer_set()
    assert len(data.questions) + sum(len(c.turns) for c in data.conversations) >= 300
    assert sum(q.lang != "en" for q in data.questions) >= 60
    assert sum(bool(q.parts) for q in data.questions) >= 50
    assert sum(q.side == "asia-side" for q in data.questions) >= 40
    assert len(data.conversations) >= 40 and len(data.out_of_scope) >= 250 and len(data.plain) >= 100
    assert {q.lang for q in data.out_of_scope} == {"en", "ja", "ko", "zh"}
    ids = [q.id for q in data.questions] + [q.id for q in data.out_of_scope]
    assert 0.15 <= sum(split_of(i) == "test" for i in ids) / len(ids) <= 0.25


def test_every_label_names_a_card_that_exists(kb_answerer: Answerer) -> None:
    cards = kb_answerer.retriever.index.cards
    data = load_answer_set()
    labelled = [c for q in data.questions for c in [*q.cards, *(x for p in q.parts for x in p.cards)]]
    labelled += [c for conv in data.conversations for t in conv.turns for c in t.cards]
    assert sorted(set(labelled) - set(cards)) == []


@pytest.mark.slow
def test_the_right_card_comes_first(report: Report) -> None:
    assert report.figures["hit@1"] >= HIT1 and report.figures["hit@3"] >= HIT3


@pytest.mark.slow
def test_answers_fit_the_askers_frame_and_every_sub_question(report: Report) -> None:
    assert report.figures["frame"] >= FRAME
    assert report.figures["sub-questions"] >= PARTS


@pytest.mark.slow
def test_out_of_scope_is_declined_in_every_language_and_in_scope_answered(report: Report) -> None:
    assert report.figures["out-of-scope declined"] >= DECLINED
    assert report.figures["in-scope answered"] >= ANSWERED


@pytest.mark.slow
def test_follow_ups_are_answered_for_what_they_ask_and_never_repeat(report: Report) -> None:
    assert report.counts["conversation turns"] >= 15
    assert report.figures["repeated answers"] == 0
    assert report.figures["repeated suggestions"] == 0
    assert report.figures["follow-ups answered right"] >= FOLLOWUPS


@pytest.mark.slow
def test_the_decoder_explains_only_the_partners_words(report: Report) -> None:
    assert report.figures["decodes of the asker's words"] <= ASKER_DECODES
    assert report.figures["decoder recall"] >= 0.9


@pytest.mark.slow
def test_answers_are_short_and_open_with_the_answer(report: Report) -> None:
    assert report.figures["core words p50"] <= 250
    assert report.figures["first paragraph <= 60 words"] >= SHORT_FIRST


@pytest.mark.slow
def test_each_asian_language_finds_its_cards_and_is_answered_in_it(report: Report) -> None:
    for lang, size in CJK_SIZES.items():
        assert report.counts[f"questions {lang}"] >= size
        assert report.figures[f"hit@3 {lang}"] >= CJK_HIT3, lang
        assert report.figures[f"answered in {lang}"] == 1.0, lang


# The step, line or watch-out a question hinges on ("items" labels; issue 11, item 4): measured on the training
# split's 81 labelled questions at 0.75 (every labelled item in the answer's core) and 0.90 (where the labelled card
# was cited). Floors set below that with a margin for the small held-aside share (9 questions), never measured on it.
KEY_ITEM, KEY_ITEM_CARD_RIGHT = 0.5, 0.65


@pytest.mark.slow
def test_the_answer_shows_the_item_the_ask_hinges_on(report: Report) -> None:
    assert report.counts["item-labelled questions"] >= 9
    assert report.figures["key item shown"] >= KEY_ITEM
    assert report.figures["key item shown, card right"] >= KEY_ITEM_CARD_RIGHT
