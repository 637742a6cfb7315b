"""Follow-ups of session 27 (talk30): "who do we negotiate with?" asks whom to address, like "who do we talk to?";
and a message read on its own moves on from a shown card when its best card leads the next card of the
conversation's pair by choice.ALONE_LEAD (a runner-up for another country is no other reading of the question)."""

from __future__ import annotations

import pytest

from server.coach.choice import moves_on
from server.coach.compose import Section
from server.coach.followup import asks_who_decides
from server.coach.plan import Plan
from server.models import Culture
from tests.coach.conversation import CARDS, candidates_of


@pytest.mark.parametrize("message", ["So who do we actually negotiate with?", "Who should I be dealing with there?",
                                     "じゃあ委員会では誰と交渉すればいいですか？", "그럼 누구와 협상해야 하나요?",
                                     "那我们应该跟谁谈？"])
def test_whom_to_negotiate_with_asks_who_decides(message: str) -> None:
    assert asks_who_decides(message)


@pytest.mark.parametrize("message", ["How do we negotiate the fee?", "How should we deal with the overage?",
                                     "その条件はどう交渉すればいいですか？"])
def test_how_to_negotiate_something_asks_no_one(message: str) -> None:
    assert not asks_who_decides(message)


def _section(card_id: str) -> Section:
    return Section(card=CARDS[card_id], heading=None, short="")


def test_a_runner_up_for_another_country_does_not_hold_a_new_question_back() -> None:
    """"Is there any government money for a shoot like this?" after the Tokyo permits card: on its own 0.64 for
    Japan's location incentive, 0.46 for Korea's (0.18 behind, under ALONE_LEAD), the next Japan card far below."""
    alone = Plan(confidence=0.64, outcome="answer", sections=[_section("japan-location-incentive")],
                 candidates=candidates_of(("japan-location-incentive", 0.64), ("kofic-location-incentive", 0.46),
                                          ("no-treaty-soft-money", 0.1)))
    continuation = Plan(confidence=0.99, outcome="answer", sections=[_section("japan-location-shooting-permits")],
                        candidates=candidates_of(("japan-location-shooting-permits", 0.99)),
                        own=candidates_of(("japan-location-incentive", 0.64),
                                          ("japan-location-shooting-permits", 0.1)))
    shown = {"japan-location-shooting-permits"}
    assert moves_on(alone, continuation, shown, Culture.JP_US)
    assert not moves_on(alone, continuation, shown)  # the pair unknown: the Korean card is a real runner-up
    assert not moves_on(alone, continuation, shown, Culture.KR_US)  # for Korea, the Korean card is the runner-up
