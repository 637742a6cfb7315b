"""Session 25 (en28) part rules: a sentence that tells what happened ("… just joined and wants …") before "What do
we do?" is one situation, not two listed asks; numbered asks written "(1) …, and (2) …" inside one sentence."""

from __future__ import annotations

from server.coach.part_lists import joined_wants, numbered_asks
from server.coach.parts import split_parts


def test_a_clause_that_tells_what_happened_and_a_want_are_one_situation() -> None:
    message = ("Our LA partner's new head of sales just started and wants to lower the minimum guarantee we agreed. "
               "What do we do?")
    parts, _ = split_parts(message, [])
    assert parts == [message]


def test_two_wants_each_with_its_verb_still_split() -> None:
    assert joined_wants("The studio wants final cut and they also want the sequel rights") == [
        "The studio wants final cut", "they also want the sequel rights"]
    assert joined_wants("The new executive joined in May and wants to revisit the budget") == []


def test_numbers_in_brackets_inside_one_sentence_are_numbered_asks() -> None:
    text = ("We're shooting in Seoul in April: (1) who files for the location rebate, and (2) can the crew work "
            "six-day weeks?")
    assert numbered_asks(text) == ["(1) who files for the location rebate", "(2) can the crew work six-day weeks?"]
    parts, context = split_parts(text, [])
    assert len(parts) == 2 and context.startswith("We're shooting in Seoul")


def test_one_bracketed_number_is_no_list() -> None:
    assert numbered_asks("The budget has two options (1) and we have not chosen.") == []
