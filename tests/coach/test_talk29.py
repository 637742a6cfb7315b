"""Follow-ups of session 29: a continuation that would repeat the shown card, when the follow-up's own words give
that card almost nothing and rank a new card of the asker's pair and side clearly first, answers from that card
(continuation.leaves_shown, choice.new_ask), on the real cards; the real engine: test_talk19 (permits, then
government money)."""

from __future__ import annotations

from server.coach.choice import new_ask
from server.coach.compose import Section
from server.coach.continuation import leaves_shown
from server.coach.plan import Plan
from server.models import Culture, Perspective
from tests.coach.conversation import CARDS, candidates_of


def _continuation(card_id: str, alone: Plan) -> Plan:
    card = CARDS[card_id]
    return Plan(confidence=0.97, outcome="answer", sections=[Section(card=card, heading=None, short="")],
                candidates=candidates_of((card_id, 0.97)), earned=0.5, own=alone.candidates)


def test_own_words_that_leave_the_shown_card_take_their_own_card() -> None:
    alone = Plan(confidence=0.39, outcome="answer", candidates=candidates_of(
        ("meeting-minutes-confirm-decisions", 0.39), ("visit-after-a-year-of-video-calls", 0.09),
        ("consecutive-vs-simultaneous-interpreting", 0.02)))
    chosen = _continuation("consecutive-vs-simultaneous-interpreting", alone)
    shown = {"consecutive-vs-simultaneous-interpreting", "us-asks-for-decision-maker"}
    assert leaves_shown(alone, chosen, alone.candidates[0])
    card = new_ask(alone, chosen, shown, Culture.KR_US, False, Perspective.ASIA_SIDE)
    assert card is not None and card.id == "meeting-minutes-confirm-decisions"
    # a follow-up that names no topic of its own ("Is that normal?") stays with the shown card
    assert new_ask(alone, chosen, shown, Culture.KR_US, False, Perspective.ASIA_SIDE, topicless=True) is None


def test_own_words_that_still_support_the_shown_card_or_lead_little_keep_it() -> None:
    chosen_id = "japan-location-shooting-permits"
    supported = Plan(confidence=0.6, outcome="answer", candidates=candidates_of(
        ("japan-location-incentive", 0.6), (chosen_id, 0.2)))
    assert not leaves_shown(supported, _continuation(chosen_id, supported), supported.candidates[0])
    close = Plan(confidence=0.3, outcome="answer", candidates=candidates_of(
        ("japan-location-incentive", 0.3), ("no-treaty-soft-money", 0.25)))
    assert not leaves_shown(close, _continuation(chosen_id, close), close.candidates[0])
    weak = Plan(confidence=0.2, outcome="decline", candidates=candidates_of(("japan-location-incentive", 0.2)))
    assert not leaves_shown(weak, _continuation(chosen_id, weak), weak.candidates[0])

