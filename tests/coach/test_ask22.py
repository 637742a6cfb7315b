"""Asks of session 22: a message that quotes the partner but asks something else is answered for its ask after the
decode (coach/quoted_ask.py); a follow-up that asks about going over the contact's head ("is it OK to phone his
manager?") gets the map of who decides; a follow-up answered under the answer threshold says that it is the
closest guidance; and a message sure of a new card by its lead over its own runner-up moves on from a shown card.
The functions on the real cards, then the real engine."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.coach.choice import moves_on
from server.coach.compose import Section
from server.coach.followup import asks_who_decides, brings_people, goes_up
from server.coach.plan import Plan
from server.coach.quoted_ask import about_their_words, mean_ranking, own_ask, said_closest
from server.models import Ask
from tests.coach.conversation import CARDS, candidates_of, first_cards

WORDS = {"closest_part": "Nothing in the guidance answers exactly this; this is the closest."}


def _section(card_id: str) -> Section:
    return Section(card=CARDS[card_id], heading=None, short="")


def test_the_askers_own_sentences_are_those_that_quote_nothing() -> None:
    assert own_ask("They said 「難しいです」 about the dub. Who pays if the date slips?", ["難しいです"]) \
        == "Who pays if the date slips?"
    assert own_ask("美方回了一句 \"Let me think about it\"，然后要审计。这正常吗？", ["Let me think about it"]) \
        == "这正常吗？"
    assert own_ask("They said 「検討します」.", ["検討します"]) == ""  # nothing asked beyond the quote


def test_asks_about_the_words_are_told_from_other_asks() -> None:
    for ask in ["Is that a no?", "Should I wait or chase them?", "How should I reply?", "どう返せばいいですか？",
                "거절인가요?", "这算是被否了吗？", "How do I get a firm commitment?"]:
        assert about_their_words(ask), ask
    for ask in ["Who pays for the extra weeks?", "How is merch revenue split in a committee?",  # not "commit"
                "Should I switch to KakaoTalk?", "能用DocuSign签吗？", "向こうで最終的に決めるのは誰ですか？"]:
        assert not about_their_words(ask), ask


def test_the_mean_ranking_counts_a_card_one_reading_misses_as_zero() -> None:
    together = candidates_of(("muzukashii-desu", 0.74), ("schedule-slip-cost", 0.9))
    alone = candidates_of(("schedule-slip-cost", 1.0), ("budget-overages", 0.4))
    ranked = [(c.card.id, round(c.probability, 2)) for c in mean_ranking(together, alone)]
    assert ranked == [("schedule-slip-cost", 0.95), ("muzukashii-desu", 0.37), ("budget-overages", 0.2)]


def test_going_over_the_contacts_head_is_an_ask_about_who_decides() -> None:
    for message in ["Is it OK to phone his manager in Osaka?", "Can I ring their CEO directly?",
                    "Should I go over his head?", "頭越しに部長へ連絡してもいいですか？",
                    "더 윗분께 직접 연락드려도 될까요?", "能不能越过他直接找他们老板？"]:
        assert goes_up(message) and asks_who_decides(message), message
    assert brings_people("Should I email her supervisor?", "They said 検討します. Is that a no?")
    assert not goes_up("Who decides the final edit?")  # who decides one thing: its card, not escalation
    assert not goes_up("Our production manager wants a weekly report")


def test_a_message_far_ahead_of_its_runner_up_moves_on_from_a_shown_card() -> None:
    """"Is there any government money for a shoot like this?" after the permits card: 0.785 on its own, under
    ALONE_OVER_SHOWN, but 0.65 ahead of its next card; the permits card's own support is 0.13."""
    continuation = Plan(confidence=0.97, outcome="answer", sections=[_section("japan-location-shooting-permits")],
                        candidates=candidates_of(("japan-location-shooting-permits", 0.97)),
                        own=candidates_of(("japan-location-incentive", 0.78),
                                          ("japan-location-shooting-permits", 0.13)))
    ahead = Plan(confidence=0.785, outcome="answer", sections=[_section("japan-location-incentive")],
                 candidates=candidates_of(("japan-location-incentive", 0.785), ("us-state-incentives", 0.13)))
    close = Plan(confidence=0.785, outcome="answer", sections=[_section("japan-location-incentive")],
                 candidates=candidates_of(("japan-location-incentive", 0.785), ("us-state-incentives", 0.5)))
    shown = {"japan-location-shooting-permits"}
    assert moves_on(ahead, continuation, shown)
    assert not moves_on(close, continuation, shown)  # a runner-up this close: the shown card's topic may hold
    assert not moves_on(ahead, continuation)  # no shown card repeated: ALONE_SURE (0.9) still holds


def test_an_answer_under_the_threshold_says_it_is_the_closest() -> None:
    weak = Plan(confidence=0.21, outcome="answer", sections=[_section("head-office-consultation")])
    noted = said_closest(weak, 0.32, WORDS)
    assert noted.sections[0].notes[0] == WORDS["closest_part"]
    assert said_closest(noted, 0.32, WORDS).sections[0].notes.count(WORDS["closest_part"]) == 1
    sure = Plan(confidence=0.8, outcome="answer", sections=[_section("head-office-consultation")])
    assert said_closest(sure, 0.32, WORDS).sections[0].notes == []


@pytest.mark.slow
def test_a_quote_with_another_ask_is_answered_for_the_ask_after_the_decode(kb_answerer: Answerer) -> None:
    answer = kb_answerer.answer(Ask(message="The studio told us 「難しいです」 about the June delivery. If it slips "
                                            "anyway, who covers the extra weeks of crew costs?"))
    assert answer.sources[0].id == "schedule-slip-cost"  # before: the 難しいです card at 0.95
    assert [d.expression for d in answer.decoded] == ["難しいです"]  # the quote is still explained
    assert "muzukashii-desu" in [s.id for s in answer.sources]


@pytest.mark.slow
def test_a_quote_with_an_ask_about_the_words_keeps_the_phrase_card(kb_answerer: Answerer) -> None:
    answer = kb_answerer.answer(Ask(message="The studio told us 「難しいです」 about the June delivery. Is that a no?"))
    assert answer.sources[0].id == "muzukashii-desu"


@pytest.mark.slow
def test_phoning_the_contacts_manager_after_a_decode_gets_who_decides(kb_answerer: Answerer) -> None:
    cards = first_cards(kb_answerer, "Our Japanese distributor said 「検討します」 about the festival cut.",
                        "Two weeks and nothing. Is it OK to ring his manager directly?")
    assert cards[1] in {"mapping-who-decides-japan", "matching-delegation-seniority", "escalation-ladder-deadlock"}
