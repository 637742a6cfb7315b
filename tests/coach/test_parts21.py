"""Session 19's part rules (parts21): a later part whose own words name no topic that holds in the message's
situation ("how do we close this week?" beside a seal-or-DocuSign dispute) is answered by the situation's card, in
its section, instead of a section of its own from the card its few words find alone (the holidays card for
"close"); a part that names a topic of its own keeps its card. And 「这周就要签，我们该怎么办？」 is one ask, not a
list of two topics.

Examples are written for these tests (not taken from the labelled set)."""

from __future__ import annotations

import numpy as np
import pytest

from server.coach.answer import Answerer
from server.coach.partrank import LEANS, leaning_parts
from server.coach.parts import split_parts
from server.coach.rank import Candidate
from server.coach.understand import partner_text
from server.models import Ask, Culture
from tests.coach.conversation import invented_candidate
from tests.coach.test_rank import few_trees  # noqa: F401 (a fixture)


def _parts(message: str) -> list[str]:
    return split_parts(message, partner_text(message))[0]


def test_what_should_we_do_after_a_clause_is_one_ask() -> None:
    """The generic 怎么办 cut 「我们该」 off as a listed topic beside 「这周就要签」 (three parts, the last two
    words long)."""
    message = "美方要求合同以英文版本为准。我们法务坚持中文版本。谁的要求更合理？这周就要签，我们该怎么办？"
    assert _parts(message) == ["谁的要求更合理？", "这周就要签，我们该怎么办？"]


def test_a_generic_ask_after_a_list_still_splits_the_list() -> None:
    assert len(_parts("分账比例、宣发费用和汇率，我们该怎么办？")) >= 2


def _candidate(card_id: str, probability: float) -> Candidate:
    return invented_candidate(card_id, probability, Culture.KR_US)


def test_a_later_part_whose_card_fades_with_the_situation_leans_on_it() -> None:
    ranked = [[_candidate("seals", 0.98)], [_candidate("seals", 0.96), _candidate("holidays", 0.1)]]
    chosen = [[_candidate("seals", 0.98)], [_candidate("holidays", 0.49), _candidate("seals", 0.0)]]
    assert leaning_parts(("seals", 0), ranked, chosen) == {1}


def test_a_later_part_whose_card_holds_with_the_situation_keeps_it() -> None:
    ranked = [[_candidate("union", 0.91)], [_candidate("union", 0.9), _candidate("overages", LEANS + 0.2)]]
    chosen = [[_candidate("union", 0.91)], [_candidate("overages", 0.5), _candidate("union", 0.1)]]
    assert leaning_parts(("union", 0), ranked, chosen) == set()


def test_no_home_no_leaning() -> None:
    ranked = [[_candidate("seals", 0.98)], [_candidate("seals", 0.96)]]
    assert leaning_parts(None, ranked, ranked) == set()
    assert leaning_parts(("seals", None), ranked, [[_candidate("holidays", 0.5)]] * 2) == set()


@pytest.mark.parametrize("message", [
    "We're a Seoul studio. US partner wants DocuSign, our legal team insists on the seal. Who is right, and how do "
    "we close this week?",
    "美方坚持用DocuSign电子签名，我们法务说必须盖公章。谁说得对？这周就要签，我们该怎么办？",
])
def test_closing_this_week_is_the_seal_disputes_ask(kb_answerer: Answerer, message: str) -> None:
    """ "close" alone found the card on the Asian side's long holidays (a studio closure), under its own heading."""
    sections = kb_answerer.draft(Ask(message=message)).plan.sections
    assert [s.card.id for s in sections] == ["seals-and-e-signatures"]
    assert sections[0].heading is not None and " / " in sections[0].heading


def test_a_cost_ask_keeps_its_own_card(kb_answerer: Answerer) -> None:
    message = ("Our US line producer says the crew must get ten hours of turnaround between shooting days, so we "
               "need two extra days. Is that a real rule, and who pays for the extra days?")
    cards = [s.card.id for s in kb_answerer.draft(Ask(message=message)).plan.sections]
    assert cards[0] == "us-union-rules-overtime-turnaround" and len(cards) == 2


@pytest.mark.usefixtures("few_trees")
def test_a_queries_weight_counts_in_the_card_model() -> None:
    """train.py counts a topicless part ranked alone ("Is that normal?", which serving never ranks alone) at
    TOPICLESS_WEIGHT: the weight reaches the trees."""
    from server.coach.rank import FEATURES
    from server.coach.train import TOPICLESS_WEIGHT, Row, _card_model

    rng = np.random.default_rng(3)
    rows = []
    for n in range(120):
        matrix = rng.normal(size=(5, len(FEATURES)))
        labels = np.zeros(5, dtype=bool)
        labels[n % 5] = True
        matrix[n % 5, 0] += 2.0 if n % 3 else -2.0  # every third query teaches the opposite
        rows.append(Row(matrix, labels, True, f"q-{n}", f"question {n}", [],
                        weight=TOPICLESS_WEIGHT if n % 3 == 0 else 1.0))
    assert 0.0 < TOPICLESS_WEIGHT < 1.0
    assert _card_model(rows) != _card_model([r._replace(weight=1.0) for r in rows])
