"""Session 12's part rules: a part's own words outweigh the message's situation when the two disagree about as much,
and a first part whose own card the situation rates nearly as high as its own card is that card's home."""

from __future__ import annotations

from server.coach.bare_asks import names_no_topic
from server.coach.partrank import situation_card, with_part_alone
from tests.coach.test_parts_lists import _candidate


def test_the_parts_own_words_decide_when_they_and_the_situation_disagree_about_as_much() -> None:
    """With the situation the currency card leads by 0.3; alone, the part's words rank the governing-law card ahead
    by 0.28: the part is the ask its own words name (a plain mean would keep the situation's card)."""
    together = [_candidate("currency", 0.8), _candidate("law", 0.5)]
    alone = [_candidate("law", 0.78), _candidate("currency", 0.5)]
    assert with_part_alone(together, alone, [], False, weak_relative=True)[0].card.id == "law"
    # a follow-up glued to what it continues ("what if they still don't answer?") weighs the two alike
    assert with_part_alone(together, alone, [], False)[0].card.id == "currency"


def test_a_first_part_whose_card_the_situation_nearly_matches_is_that_cards_home() -> None:
    """"We're meeting the lead company of an Osaka committee. Should we bring our CEO, and who on their side signs
    off?": the lead-company card tops both parts with the situation, but the first part's own card, the delegation
    card, is rated with the situation nearly as high (0.667 to 0.695): the first part is the delegation card's."""
    ranked = [[_candidate("lead", 0.695), _candidate("delegation", 0.667)],
              [_candidate("lead", 0.972), _candidate("approvers", 0.949)]]
    alone = [[_candidate("delegation", 0.699)], [_candidate("approvers", 0.85), _candidate("lead", 0.12)]]
    parts = ["Should we bring our CEO", "who on their side actually signs off?"]
    shared = situation_card(ranked, alone, parts)
    assert shared == ("lead", 1)
    first = with_part_alone(ranked[0], alone[0], [], False, (shared[0], False))
    assert first[0].card.id == "delegation"


def test_a_first_part_whose_card_the_situation_rates_far_lower_stays_the_situations() -> None:
    """"…only on video calls and it feels distant now. Should we go to LA, and what should we do there?": alone "LA"
    finds the time-zone card (0.6), which the situation rates far under the visit card (0.6 to 0.99)."""
    ranked = [[_candidate("visit", 0.987), _candidate("timezone", 0.603)],
              [_candidate("visit", 0.985), _candidate("timezone", 0.264)]]
    alone = [[_candidate("timezone", 0.602)], [_candidate("visit", 0.245), _candidate("governance", 0.105)]]
    assert situation_card(ranked, alone, ["Should we go to LA", "what should we do there?"]) == ("visit", 0)


def test_a_first_part_that_points_back_but_names_a_card_that_holds_is_that_cards() -> None:
    """"We co-own a Korean horror film …; they want to sell the remake rights to a studio we're suing. Can we block
    it?": "it" points back, but alone the part names the blocking card (0.96), which holds with the situation (0.67):
    the remake card, the situation's, is no home of the first part (「①その費用は…」's own card fades instead)."""
    ranked = [[_candidate("remake", 0.971), _candidate("blocking", 0.671)],
              [_candidate("remake", 0.977), _candidate("blocking", 0.279)]]
    alone = [[_candidate("blocking", 0.955)], [_candidate("escalation", 0.369)]]
    parts = ["Can we block it?", "And if the relationship is finished, how do we get out of the partnership cleanly?"]
    shared = situation_card(ranked, alone, parts)
    assert shared == ("remake", None)
    assert with_part_alone(ranked[0], alone[0], [], False, (shared[0], False))[0].card.id == "blocking"


def test_a_short_ask_of_how_long_names_its_own_topic() -> None:
    """"And how long does that usually take?" asks the timeline (ranked alone: the approval-time cards), not whether
    "that" is usual; "Is that usual?" and 「이게 얼마나 심각한 건가요?」 still name no topic of their own."""
    assert not names_no_topic("And how long does that usually take?")
    assert names_no_topic("Is that usual?")
    assert names_no_topic("이게 얼마나 심각한 건가요?")
