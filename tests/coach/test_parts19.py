"""Session 17's part rules: "so" points back only as "Why so?", "Is that so?" or "if so", never as a degree word
("Why is the contract so long" names its own topic), and an ask led by a pronoun of up to ten words ("Is that workable
for a US streamer?") asks about the statement before it, which it borrows."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.coach.bare_asks import POINTS_BACK, names_no_topic, pronoun_ask
from server.coach.parts import split_parts
from server.coach.understand import partner_text
from server.models import Ask

LIVE = ("Our Korean writer doesn't want our showrunner rewriting her scripts. Who gets to rewrite? Also, the Korean "
        "team wants to shoot live like a Korean drama. Is that workable for a US streamer?")
LONG = ("We are the Japanese publisher. The US studio sent us an 80-page contract and also wants us to sign their NDA, "
        "which has a residuals clause. Why is the contract so long, and is the residuals clause normal?")


@pytest.mark.parametrize("part", ["Why is the contract so long", "Why are there so many approvals?",
                                  "Why does legal review take so long?", "So, who pays?"])
def test_so_as_a_degree_word_points_at_nothing(part: str) -> None:
    """parts19-015: "Why is the contract so long" was taken for "Why so?" and ranked with the situation only (the
    NDA card the message also names), never on its own words (the long-contracts card)."""
    assert not POINTS_BACK.search(part)
    assert not names_no_topic(part)


@pytest.mark.parametrize("part", ["Why so?", "Is that so?", "And if so, who decides?", "Do you think so?"])
def test_so_for_what_was_said_points_back(part: str) -> None:
    assert POINTS_BACK.search(part)


def test_why_so_still_names_no_topic() -> None:
    assert names_no_topic("Why so?")


@pytest.mark.parametrize("part", ["Is that workable for a US streamer?", "Does that mean we lose the sequel rights?",
                                  "Is that paid upfront?"])
def test_a_pronoun_led_ask_of_up_to_ten_words_asks_about_the_sentence_before(part: str) -> None:
    assert pronoun_ask(part)


@pytest.mark.parametrize("part", ["Is that clause in the Korean version of the contract also binding for us or not?",
                                  "Who gets to rewrite?", "What does the Georgia credit mean for us?"])
def test_a_longer_or_pronoun_free_ask_is_no_pronoun_ask(part: str) -> None:
    assert not pronoun_ask(part)


def test_a_pronoun_ask_after_a_statement_between_two_asks_borrows_it() -> None:
    """parts19-020: "Is that workable for a US streamer?" alone found the streamer-deal card; "that" is the live
    shoot the sentence before it names."""
    parts, _ = split_parts(LIVE, partner_text(LIVE))
    assert parts == ["Who gets to rewrite?", "Also, the Korean team wants to shoot live like a Korean drama. Is that "
                     "workable for a US streamer?"]


def test_an_ask_with_so_as_a_degree_word_is_split_as_before() -> None:
    assert split_parts(LONG, partner_text(LONG))[0] == ["Why is the contract so long",
                                                        "is the residuals clause normal?"]


@pytest.mark.slow
def test_each_part_gets_its_own_card(kb_answerer: Answerer) -> None:
    live = [s.card.id for s in kb_answerer.draft(Ask(message=LIVE)).plan.sections]
    assert live == ["korean-writer-us-showrunner", "korean-live-shoot-schedule"]
    long = [s.card.id for s in kb_answerer.draft(Ask(message=LONG)).plan.sections]
    assert long == ["long-us-contracts", "us-nda-japanese-side"]
