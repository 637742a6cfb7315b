"""Follow-ups that ask who pays, how to put what was agreed in writing, or for the reply to be drafted in Japanese,
Korean or Chinese: the readers on their own in four languages, the behaviour on the real engine and knowledge base
(a who-pays follow-up gets the conversation's own cost card, never a card carried by "pays" alone)."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.coach.followup import asks_for_wording, asks_to_record
from server.coach.who_pays import asks_who_pays
from server.models import Ask


@pytest.mark.parametrize("message", [
    "Who pays for that?", "so who pays?", "who eats the standby days?", "who's on the hook for the extra days?",
    "ok but who's covering the extra week?",
    "It's on them, not us. Can we charge them for it?", "can we make the studio pay?",
    "そもそも契約上はどちらが負担するのですか", "その分の費用は誰が払うんですか？", "비용은 누가 내나요?",
    "추가 비용은 누가 부담해요?", "这笔钱谁来出？", "多出来的费用由谁承担？"])
def test_a_followup_asking_who_bears_a_cost_is_recognised(message: str) -> None:
    assert asks_who_pays(message)


@pytest.mark.parametrize("message", [
    "Who decides on the final cut?", "Who is paying attention to the schedule on their side?",
    "How do the payments get out of China?", "予算書はどこまで細かく出すべきですか", "누가 결정하나요?", "谁说了算？"])
def test_other_followups_are_no_who_pays_question(message: str) -> None:
    assert not asks_who_pays(message)


@pytest.mark.parametrize("message", [
    "how do I get whatever we agree down in writing?", "And how should we record it properly?",
    "Do we need the new dates on paper?", "how do I get what he promised into writing?",
    "決まったことは書面で残すべきですか？", "합의한 건 서면으로 남겨야 하나요?",
    "这些要不要落实成书面的东西？"])
def test_a_followup_asking_how_to_put_the_agreement_in_writing_is_recognised(message: str) -> None:
    assert asks_to_record(message)


@pytest.mark.parametrize("message", [
    "Can you put that in writing for me?",  # asks the coach to write the reply: the shown card's wording
    "Should I wait or push?", "Who pays for that?", "書いてもらえますか"])
def test_other_followups_are_no_question_about_recording_the_agreement(message: str) -> None:
    assert not asks_to_record(message)


@pytest.mark.parametrize("message", [
    "先方への返事のメール、下書きしてもらえますか", "返信の下書きをお願いできますか？", "답장 초안 좀 부탁드려요",
    "你能帮我起草一封回复邮件吗？", "ok draft me a note to him then"])
def test_more_ways_to_ask_for_the_reply_to_be_drafted(message: str) -> None:
    assert asks_for_wording(message)


def _conversation(answerer: Answerer, *messages: str) -> list[tuple[bool, str | None, str]]:
    """(in scope, first card, answer) for each message, asked in one conversation."""
    out: list[tuple[bool, str | None, str]] = []
    cid = None
    for message in messages:
        answer = answerer.answer(Ask(message=message, conversation_id=cid))
        cid = answer.conversation_id
        out.append((answer.in_scope, answer.sources[0].id if answer.sources else None, answer.answer_markdown))
    return out


@pytest.mark.slow
def test_who_pays_after_the_extra_deliverables_card_answers_with_its_who_pays_step(kb_answerer: Answerer) -> None:
    turns = _conversation(kb_answerer, "Our Korean partner now wants a making-of featurette and two extra trailer "
                                       "cuts delivered by us. None of that is in our contract.", "Who pays for that?")
    assert [t[1] for t in turns] == ["scope-creep-extra-deliverables"] * 2  # before: the incentive cash-flow card
    assert "pays" in turns[1][2].split("**Sources:**")[0] and turns[1][2] != turns[0][2]  # the step on who pays


APOLOGY = ("Our Tokyo studio delivered the colour grade three weeks late and apologised several times on the call. "
           "Does the apology mean they'll cover what the delay costs us?")


@pytest.mark.slow
def test_who_pays_after_an_apology_gets_the_cost_of_the_slip(kb_answerer: Answerer) -> None:
    turns = _conversation(kb_answerer, APOLOGY, "so who pays?")
    assert turns[0][1] == "apologies-what-they-signal"
    assert turns[1][:2] == (True, "schedule-slip-cost")  # the topic's cost card, not one for the word 'pays'


@pytest.mark.slow
def test_a_who_pays_followup_naming_its_own_cost_gets_the_card_for_it(kb_answerer: Answerer) -> None:
    turns = _conversation(kb_answerer,
                          "アメリカ側から、製作費の予算書を科目ごとにもっと細かく出してほしいと言われました。"
                          "なぜそこまで必要なのでしょうか。",
                          "では、予算を超えてしまった場合はどちらが負担するのが普通ですか？")
    assert turns[0][1] == "budget-breakdown-expectations"
    assert turns[1][:2] == (True, "budget-overages")


@pytest.mark.slow
def test_asking_how_to_get_the_agreement_in_writing_gets_the_card_on_confirming_decisions(
        kb_answerer: Answerer) -> None:
    turns = _conversation(kb_answerer, APOLOGY, "so who pays?",
                          "ok and how do I get whatever we agree down in writing?")
    assert turns[2][:2] == (True, "meeting-minutes-confirm-decisions")  # not the apology card again
    assert len({t[2] for t in turns}) == 3


@pytest.mark.slow
def test_a_japanese_request_for_a_draft_gets_the_shown_cards_wording(kb_answerer: Answerer) -> None:
    turns = _conversation(kb_answerer, "米国の配給会社から、作品のタイトルを米国向けに変えたいと言われました。"
                                       "原作者の了承も必要になります。", "先方への返事のメール、下書きしてもらえますか")
    assert turns[0][1] == turns[1][1] == "title-change-us-market"  # before: a card on fast e-mail replies
    assert turns[1][2] != turns[0][2]
