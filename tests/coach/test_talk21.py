"""Session 21: the card trees learn from conversations' later turns as serving ranks them (glued to what they
continue, with the cards shown so far), and count them in a cross-validated figure of their own, apart from the
questions' figures and from the scope model. Examples are written for these tests (not taken from the labelled
set)."""

from __future__ import annotations

import numpy as np
import pytest

from server.coach.answer import Answerer
from server.coach.labelled import AnswerSet, Conversation, Question
from server.coach.train import Row, _scope_model, cross_validate, out_of_fold
from server.coach.train_queries import followup_queries
from server.models import Ask
from tests.coach.test_rank import _synthetic, few_trees  # noqa: F401 (a fixture)


def _conversation(*turns: tuple[str, list[str]]) -> AnswerSet:
    return AnswerSet([], [Conversation("t21-conv", [Question(f"t21-conv-{n}", q, "en", cards)
                                                    for n, (q, cards) in enumerate(turns, 1)])], [], [], [])


def test_training_glues_a_followup_to_what_it_continues_as_serving_does(kb_answerer: Answerer) -> None:
    first = "Our Korean co-producer's second instalment is three weeks late. How do I chase it politely?"
    second = "What if they still haven't paid after another month?"
    data = _conversation((first, ["partner-payment-late"]), (second, ["partner-payment-late"]))
    [(text, cards, group, shown, asker)] = followup_queries(kb_answerer, data)
    assert (cards, group, shown) == (["partner-payment-late"], "t21-conv", frozenset({"partner-payment-late"}))
    assert asker.pair is not None and asker.pair.value == "kr-us"  # the follow-up names no country: the first does
    answer = kb_answerer.answer(Ask(message=first))
    kb_answerer.answer(Ask(message=second, conversation_id=answer.conversation_id))
    stored = [t for t in kb_answerer.store.turns(answer.conversation_id) if t.role == "user"]
    assert text == stored[1].resolved_query  # the text the engine ranked for the follow-up
    assert text.startswith(stored[0].resolved_query or "") and text.endswith(second)


@pytest.mark.usefixtures("few_trees")
def test_followup_rows_have_their_own_figure_and_stay_out_of_the_scope_model() -> None:
    rows = _synthetic(80)
    followups = [r._replace(group=f"{r.group}-conv", followup=True) for r in rows if r.inside][:20]
    both = [*rows, *followups]
    held_out = out_of_fold(both)
    assert cross_validate(both, held_out).followups >= 0.9  # learnt: the same separable signal
    assert cross_validate(rows, out_of_fold(rows)).followups == 0.0  # none trained on, none counted
    scope, alone = _scope_model(both, held_out), _scope_model(rows, held_out[:len(rows)])
    assert np.allclose(scope[0], alone[0]) and scope[1:] == alone[1:]  # a continuation is in scope by what it
    # continues: its rows move neither the scope model nor the cut-offs
    assert Row(np.zeros((1, 1)), np.array([True]), True, "g", "t", ["c"]).followup is False
