"""Follow-ups of session 13: "who over there actually makes the call?" and "who should I escalate to over
there?" ask who decides on the partner's side, like "who actually decides?". The functions, then the real
engine."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.coach.followup import asks_who_decides
from tests.coach.conversation import first_cards


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
