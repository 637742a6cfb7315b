"""Follow-ups of session 13: "who over there actually makes the call?" and "who should I escalate to over
there?" ask who decides on the partner's side, like "who actually decides?"; a request to record the agreement
takes the card on minutes, and a follow-up that names a new topic moves on to its card, at the trees' lower
probabilities for a follow-up's own words. The functions, then the real engine."""

from __future__ import annotations

from dataclasses import replace

import pytest

from server.coach.answer import Answerer
from server.coach.choice import carried_over, record_ask, settle
from server.coach.compose import Section
from server.coach.followup import asks_who_decides
from server.coach.plan import Plan
from server.models import Card, Culture, Perspective
from tests.coach.conversation import CARDS, candidates_of, first_cards


@pytest.mark.parametrize("message", ["So who over there actually makes the call?",
                                     "Who on their side really makes the decisions?",
                                     "Who should I escalate to over there if it keeps slipping?",
                                     "who do we escalate to at their company?"])
def test_who_over_there_decides_and_whom_to_escalate_to_ask_who_decides(message: str) -> None:
    assert asks_who_decides(message)


@pytest.mark.parametrize("message", ["Who is over there for the shoot?", "Can you draft the email to whoever decides?",
                                     "Should I escalate it now?"])
def test_other_follow_ups_ask_no_map_of_who_decides(message: str) -> None:
    assert not asks_who_decides(message)


def test_who_over_there_makes_the_call_gets_the_map_of_who_decides(kb_answerer: Answerer) -> None:
    """After "let's circle back on the budget" from the American exec, the follow-up's own words rank a card on
    silence on Zoom first and the topic ranks the circle-back card (shown) first: the map of who decides answers."""
    cards = first_cards(kb_answerer, "We're a Tokyo animation studio. The exec at our US partner has said 'let's "
                                     "circle back on the budget' in three meetings in a row.",
                        "So who over there actually makes the call?")
    assert cards == ["american-lets-circle-back", "who-decides-on-the-american-side"]


def test_a_request_to_record_the_agreement_takes_the_minutes_card_its_own_words_rank_fourth() -> None:
    """「話し合いで決まったことを、あとで揉めないように書面で残すにはどうすればいいですか？」 after the budget overage:
    the trees rate the few words low, the card on minutes fourth at 0.13 (under the old floor of 0.15)."""
    own = candidates_of(("yen-moves-mid-schedule", 0.72), ("decision-rights-matrix", 0.235),
                        ("american-lawyer-letter-escalation", 0.185), ("meeting-minutes-confirm-decisions", 0.134),
                        ("contract-as-starting-point", 0.12))
    topic = candidates_of(("budget-overages", 0.94), ("who-decides-on-the-american-side", 0.29))
    chosen = Plan(confidence=0.94, outcome="answer", sections=[Section(card=CARDS["budget-overages"], heading=None,
                                                                       short="")],
                  candidates=topic, query="q", earned=0.47, own=own)
    found = record_ask(chosen, {"budget-overages", "budget-sign-off-authority"}, Culture.JP_US, Perspective.ASIA_SIDE)
    assert found is not None and found.id == "meeting-minutes-confirm-decisions"


def test_a_follow_up_that_names_a_new_topic_moves_on_though_the_trees_rate_its_words_low() -> None:
    """"What should the clause say next time so we don't end up here?" after the card on the yen moving: the topic
    (the follow-up glued to the question) ranks the shown card first, the currency clause second; the follow-up's
    own words support the clause at 0.2, low for the trees but no card carried by the earlier words alone."""
    topic = candidates_of(("yen-moves-mid-schedule", 0.95), ("currency-clause-outline", 0.4))
    own = candidates_of(("currency-clause-outline", 0.2), ("yen-moves-mid-schedule", 0.05))
    clause = Section(card=CARDS["currency-clause-outline"], heading=None, short="")
    alone = Plan(confidence=0.2, outcome="clarify", candidates=own)
    continuation = Plan(confidence=0.95, outcome="answer", sections=[clause], candidates=topic, query="q",
                        earned=0.3, own=own)

    def rebuild(card: Card, chosen: Plan, alone: Plan) -> Plan:
        return replace(chosen, sections=[Section(card=card, heading=None, short="")])

    plan = settle([alone, continuation], "What should the clause say next time so we don't end up here?",
                  {"yen-moves-mid-schedule"}, Culture.JP_US, False, None, 0.36, rebuild, Perspective.US_SIDE)
    assert [c.id for c in plan.cards] == ["currency-clause-outline"]
    assert carried_over(continuation, {"yen-moves-mid-schedule"}, 0.36) is not None  # the old floor kept the yen card


def test_who_signs_off_on_that_is_answered_with_the_map_of_who_decides_when_the_topic_is_unsure() -> None:
    """"And who on their side actually signs off on that?" after the cost of a slip: glued to the earlier question
    the words rank every card under the answer threshold (a clarifying choice); its own words rank the map of who
    decides at 0.82."""
    topic = candidates_of(("us-union-rules-overtime-turnaround", 0.34), ("mapping-who-decides-japan", 0.13),
                          ("budget-sign-off-authority", 0.08))
    own = candidates_of(("mapping-who-decides-japan", 0.82), ("committee-lead-company", 0.27),
                        ("decision-rights-matrix", 0.15))
    unsure = Plan(confidence=0.34, outcome="clarify", candidates=topic, query="q", own=own)

    def rebuild(card: Card, chosen: Plan, alone: Plan) -> Plan:
        return Plan(confidence=0.82, outcome="answer", sections=[Section(card=card, heading=None, short="")])

    plan = settle([unsure], "And who on their side actually signs off on that?",
                  {"schedule-slip-cost", "when-problems-get-reported"}, Culture.JP_US, False, None, 0.36, rebuild,
                  Perspective.US_SIDE)
    assert plan.outcome == "answer" and [c.id for c in plan.cards] == ["mapping-who-decides-japan"]
