"""A follow-up that asks who decides one named thing ("who decides the final edit of the film", the suggestion the
soft-no answer offers) is answered by the card on that thing, not by the map of who decides on the partner's side;
"who should I be emailing?" still gets the map (coach/choice.py names_its_topic). Examples are written for these
tests, not taken from the labelled set."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from tests.coach.conversation import first_cards

SOFT_YES = "My Japanese partner said they'd consider it positively. Is that a no?"


@pytest.mark.slow
def test_who_decides_a_named_thing_gets_the_card_on_that_thing(kb_answerer: Answerer) -> None:
    cards = first_cards(kb_answerer, SOFT_YES, "who decides the final edit of the film")
    assert cards == ["maemuki-ni-kentou", "final-cut-who-decides"]


@pytest.mark.slow
def test_whom_to_email_after_it_still_gets_the_map_of_who_decides(kb_answerer: Answerer) -> None:
    cards = first_cards(kb_answerer, SOFT_YES, "who decides the final edit of the film",
                        "Who should I actually be emailing?")
    assert cards[2] in {"mapping-who-decides-japan", "committee-lead-company"}
