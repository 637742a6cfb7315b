"""Session 14's part rules: an ask that is only a frame ("Should we agree", 「それでいいですか」,
「받아들여도 될까요?」, 「可以吗？」, 「能不能催？」) names no topic of its own; as the first ask of a sentence
that asks two things it borrows the statement before it; a short one is kept."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.coach.bare_asks import consent_only, frame_only, names_no_topic, stance_only
from server.coach.partrank import claim_order, part_heading
from server.coach.parts import split_parts
from server.coach.understand import partner_text
from server.models import Ask

DUB = ("We are the Japanese studio. Our US partner wants the English version of the contract to control. Should we "
       "agree, and who should approve the voice cast for the English dub?")


@pytest.mark.parametrize("part", ["Should we agree", "Can we live with that?", "Should we accept it?",
                                  "Can we chase them?", "それでいいですか？", "受け入れてもいいですか",
                                  "그래도 괜찮을까요?", "받아들여도 될까요?", "可以吗？", "这样行不行？",
                                  "那我们能不能催？", "能不能催？"])
def test_an_ask_that_only_agrees_or_chases_names_no_topic(part: str) -> None:
    assert consent_only(part) and frame_only(part) and names_no_topic(part)
    assert not stance_only(part)  # not whether to worry: a first ask to agree claims its card first (claim_order)


@pytest.mark.parametrize("part", ["Should we agree to a two-year holdback?", "MG를 받아들여도 될까요?",
                                  "可以用美元结算吗？", "最終カットを向こうに渡してもいいですか"])
def test_an_ask_that_names_what_to_agree_to_keeps_its_topic(part: str) -> None:
    assert not frame_only(part)


def test_is_that_right_points_back() -> None:
    assert names_no_topic("Is that right?") and not names_no_topic("Do we keep the rights?")


def test_a_frame_only_first_ask_of_a_sentence_borrows_the_statement_before_it() -> None:
    """Before: "Should we agree" was retrieved alone and found the dubbing card (headed 'Should we agree')."""
    parts, context = split_parts(DUB, partner_text(DUB))
    assert parts == ["Our US partner wants the English version of the contract to control. Should we agree",
                     "who should approve the voice cast for the English dub?"]
    assert "English version" in context  # the statement stays the situation too


def test_a_short_chase_ask_between_two_asks_is_kept() -> None:
    """parts14b-008: 「能不能催？」 was dropped as too short."""
    message = ("美方说他们的律师审合同至少要六到八周，我们这边的开机时间已经定了。"
               "为什么要这么久？能不能催？该怎么跟他们说？")
    assert split_parts(message, partner_text(message))[0] == ["为什么要这么久？", "能不能催？", "该怎么跟他们说？"]


def test_a_reported_line_that_opens_the_message_is_no_quoted_line() -> None:
    """The partner's wish reported at the very start (no quote mark before it) was taken for a quoted line, so the
    ask after it stayed bare: 「それでいいですか？」 alone was declined."""
    message = ("米国側がエンディングテーマを米国のアーティストの曲に差し替えたいと言ってきました。それでいいですか？"
               "原曲の権利者にはどう話を通せばいいでしょうか。")
    parts, _ = split_parts(message, partner_text(message))
    assert parts[0].startswith("米国側がエンディングテーマを") and parts[0].endswith("それでいいですか？")


def test_a_heading_keeps_a_borrowed_ask_whole() -> None:
    head = ("They told us the Korean director wants six-day weeks with fourteen-hour days for the whole last month of "
            "the shoot. Is that normal over there?")
    assert part_heading(head).endswith("… Is that normal over there?")
    assert part_heading("how do we answer?") == "How do we answer?"


@pytest.mark.slow
@pytest.mark.xfail(reason="after the 23rd session's lambdarank retrain the first part's own ranking puts "
                   "dubbing-and-subtitling ('English version') over counsel-in-both-countries, which the whole message "
                   "still ranks first (0.93 to 0.81)", strict=False)
def test_should_we_agree_gets_the_card_of_what_it_agrees_to(kb_answerer: Answerer) -> None:
    sections = kb_answerer.draft(Ask(message=DUB)).plan.sections
    assert [s.card.id for s in sections] == ["counsel-in-both-countries", "voice-casting-approval"]
    assert sections[0].heading is not None and "English version" in sections[0].heading


def test_whether_to_worry_or_a_judging_ask_beside_a_second_ask_stays_bare() -> None:
    """lead10-024 with the partner's 'don't worry' before it: borrowed, the part was ranked on that line alone (the
    coordinator card) and lost the situation's card to the clause ask; it stays bare, as before."""
    message = ("Exchange rate question: our budget is in dollars but 70% of the spend is in won. The Korean producer "
               "says 'don't worry'. Should I worry, and what clause protects us?")
    assert split_parts(message, partner_text(message))[0] == ["Should I worry", "what clause protects us?"]
    judged = ("Our US showrunner rewrote episode 4 without asking the writer. The Korean producer called it a serious "
              "breach of trust. Is this really a big deal, and how do we fix it?")  # kr4-016: not the breach card
    assert split_parts(judged, partner_text(judged))[0] == ["Is this really a big deal", "how do we fix it?"]
    assert claim_order(["Our US partner wants the English version to control. Should we agree", "who casts?"]) == [0, 1]
