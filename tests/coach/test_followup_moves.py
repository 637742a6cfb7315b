"""Follow-ups that move the conversation: one that names the first part of a two-part question continues that part,
"and in Korea?" asks the last question about Korea, "can you draft the reply?" gets the wording of the card just
shown, and a follow-up that brings in someone new ("Should our CEO call their chairman?") gets the card for that.
The readers are checked on their own in four languages; the behaviour on the real engine and knowledge base."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from server.cjk import language_of
from server.coach.answer import Answerer
from server.coach.compose import say_items
from server.coach.draft_reply import utterance
from server.coach.followup import (
    asked_again,
    asks_for_wording,
    brings_people,
    glossed,
    named_part,
    swap_pair,
    switched_pair,
)
from server.models import Ask, Culture, Turn

LABELS = yaml.safe_load((Path(__file__).resolve().parents[2] / "prompts" / "labels.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("message", [
    "Can you draft the email I should send back to her?", "Draft the reply for me.",
    "ok can you put that in writing? I need the actual email", "Write me a reply that pins down a date.",
    "確認のメールの文面を英語で書いてもらえますか？", "그럼 답장 초안을 좀 써 주실 수 있나요?", "帮我起草一封回信吧。"])
def test_a_request_to_write_the_reply_is_recognised(message: str) -> None:
    assert asks_for_wording(message)


@pytest.mark.parametrize("message", [
    "and how do I put it in writing afterwards?",  # how to confirm something: not a request to write the reply
    "How do I write to a Korean partner?", "Who writes the script, us or them?",
    "Can you write me a cover letter for my visa application?",  # writing, but off-topic
    "Write me a Python script to rename the subtitle files"])
def test_other_messages_about_writing_are_not_a_request_for_the_reply(message: str) -> None:
    assert not asks_for_wording(message)


@pytest.mark.parametrize(("message", "part"), [
    ("Going back to the first question, what if they refuse?", 0), ("On the second point, how long?", 1),
    ("最初の件ですが、費用は誰が負担しますか？", 0), ("二つ目の点はどうですか？", 1), ("첫 번째 문제로 돌아가서요", 0),
    ("回到第一个问题，多久一次？", 0), ("About the last question, is that normal?", -1),
    ("What is the first thing to do?", None), ("Before our first meeting, what should I read?", None)])
def test_the_part_a_followup_names(message: str, part: int | None) -> None:
    assert named_part(message) == part


@pytest.mark.parametrize(("message", "before", "after"), [
    ("and in Korea?", Culture.JP_US, Culture.KR_US), ("What about China?", Culture.KR_US, Culture.CN_US),
    ("韓国では？", Culture.JP_US, Culture.KR_US), ("중국은요?", Culture.KR_US, Culture.CN_US),
    ("那在韩国呢？", Culture.CN_US, Culture.KR_US), ("and in Japan?", Culture.JP_US, None),  # the same pair
    ("and in Korea?", None, None),  # nothing to switch from
    ("What about our Japanese partner's office in Korea?", Culture.JP_US, None),  # two countries named
    ("We are now also talking to a studio in Korea about the sequel and the remake.", Culture.JP_US, None)])
def test_a_short_followup_naming_another_country_switches_the_pair(message: str, before: Culture | None,
                                                                    after: Culture | None) -> None:
    assert switched_pair(message, before) == after


def test_the_question_asked_again_for_another_pair() -> None:
    assert swap_pair("Our Japanese partner in Tokyo: is Japan's grant open?", Culture.JP_US, Culture.KR_US, "en") \
        == "Our Korean partner in Seoul: is Korea's grant open?"
    assert swap_pair("日本のパートナーが東京で", Culture.JP_US, Culture.CN_US, "ja") == "中国のパートナーが北京で"
    previous = Turn(role="user", content="Our Japanese partner keeps saying 'muzukashii' about the date. Is that a no?",
                    created_at="2026-11-30T00:00:00+00:00")
    again = asked_again(previous, "and in Korea?", Culture.JP_US)
    assert again is not None and "Korean partner" in again and "muzukashii" not in again  # their words: Japanese
    assert asked_again(previous, "and what if they still refuse?", Culture.JP_US) is None
    unnamed = Turn(role="user", content="미국 프로듀서가 '결정권자가 누구냐'고 묻습니다.",
                   created_at=previous.created_at)
    again = asked_again(unnamed, "일본 회사라면 어떨까요?", Culture.KR_US)  # nothing to swap: the follow-up stays
    # ... and the partner's words as the asker put them in their own language
    assert again == "미국 프로듀서가 '결정권자가 누구냐'고 묻습니다. 일본 회사라면 어떨까요?"


@pytest.mark.parametrize(("message", "before", "new"), [
    ("Should our CEO call their chairman directly?", "They said 研究研究 about the spring shoot.", True),
    ("Who should I bring to the next meeting?", "Is the Tokyo trip worth it?", True),
    ("社長も同行すべきですか？", "東京出張は行く価値がありますか？", True),
    ("Should our CEO come too?", "Our CEO wants to fly to Tokyo. Is the trip worth it?", False),  # named before
    ("What if they still say nothing?", "They said 研究研究 about the spring shoot.", False)])
def test_a_followup_that_brings_in_someone_new(message: str, before: str, new: bool) -> None:
    assert brings_people(message, before) is new


@pytest.mark.parametrize(("message", "frame"), [
    ("こちらから催促してもいいですか？それとも待つべきですか？", True), ("我应该继续等，还是催一下？", True),
    ("계속 기다려야 할까요, 아니면 재촉할까요?", True), ("その保証の費用は普通どちらが負担するんですか？", False),
    ("审计费用一般谁出？", False)])
def test_a_cjk_followup_asking_wait_or_push_is_read_in_english_too(message: str, frame: bool) -> None:
    assert glossed(message).startswith(message)
    assert ("should I wait or push" in glossed(message)) is frame
    assert glossed(message) == message or frame


@pytest.mark.parametrize("message", ["それでも先方が何も言ってこなかったら？", "그래도 아무 연락이 없으면요?",
                                     "如果他们还是没有回复呢？"])
def test_a_cjk_followup_asking_what_if_still_nothing_is_read_in_english_too(message: str) -> None:
    assert glossed(message) == f"{message} what if they still say nothing"


def _conversation(answerer: Answerer, *messages: str) -> list[tuple[str, str | None, str]]:
    """(outcome, first card, answer) for each message, asked in one conversation."""
    out: list[tuple[str, str | None, str]] = []
    cid = None
    for message in messages:
        answer = answerer.answer(Ask(message=message, conversation_id=cid))
        cid = answer.conversation_id
        outcome = "answer" if answer.in_scope and answer.sources else "other"
        out.append((outcome, answer.sources[0].id if answer.sources else None, answer.answer_markdown))
    return out


TWO_PARTS = ("Two things from our Tokyo partner: they want a detailed line-by-line budget breakdown from us, and they "
             "hint the animation schedule will slip by a month. How do I handle both?")


@pytest.mark.slow
@pytest.mark.parametrize("followup", ["On the first point, how detailed does it really need to be?",
                                      "Going back to the first question: how much detail is normal for them?"])
def test_a_followup_naming_the_first_part_gets_that_parts_card(kb_answerer: Answerer, followup: str) -> None:
    turns = _conversation(kb_answerer, TWO_PARTS, followup)
    assert turns[0][1] == "budget-breakdown-expectations"
    assert turns[1][:2] == ("answer", "budget-breakdown-expectations")  # not the schedule slip, the last part
    assert turns[1][2] != turns[0][2]


@pytest.mark.slow
def test_and_in_korea_asks_the_last_question_about_korea(kb_answerer: Answerer) -> None:
    turns = _conversation(kb_answerer, "We're a US producer planning to shoot part of our series in Japan. Is there "
                                       "a location incentive we can apply for?", "and in Korea?")
    assert turns[0][1] == "japan-location-incentive"
    assert turns[1][:2] == ("answer", "kofic-location-incentive")


@pytest.mark.slow
@pytest.mark.parametrize(("first", "card"), [
    ("The Korean line producer said '노력해 보겠습니다' when I asked for the VFX shots by March.",
     "noryeok-hae-bogetseumnida"),
    ("We're the Japanese studio. Our American partner's lawyer just sent a letter about the late delivery "
     "'reserving all rights'. How serious is this?", "american-lawyer-letter-escalation")])
def test_a_request_to_draft_the_reply_gets_the_shown_cards_wording(kb_answerer: Answerer, first: str,
                                                                    card: str) -> None:
    turns = _conversation(kb_answerer, first, "Can you draft the reply for me?", "Draft the reply for me.")
    assert [t[:2] for t in turns] == [("answer", card)] * 3  # on its own, "draft the reply" was declined
    said = [u for u in map(utterance, say_items(kb_answerer.retriever.index.cards[card], None)) if u]
    email = [line[2:] for line in turns[1][2].splitlines() if line.startswith("> ")]
    draft = LABELS["en"]["draft"]
    assert f"### {draft['heading']}" in turns[1][2] and turns[1][2].startswith(f"**Short answer:** {draft['lead']}")
    assert email[0] == draft["greeting"] and email[-1] == draft["sign_off"]  # a short e-mail, ours only its frame
    assert email[1] in said  # ... its body the card's own sentences
    assert len({t[2] for t in turns}) == 3  # asked twice, still never the same answer


@pytest.mark.slow
def test_a_drafted_reply_is_written_in_the_askers_language(kb_answerer: Answerer) -> None:
    turns = _conversation(kb_answerer, "アメリカの配給会社から、宣伝費を先に全部回収してから分配すると言われました。"
                                       "受け入れるべきですか？", "返信の文面を作ってもらえますか？")
    assert turns[0][1] == turns[1][1] == "marketing-costs-off-the-top"
    email = [line[2:] for line in turns[1][2].splitlines() if line.startswith("> ")]
    assert email[0] == LABELS["ja"]["draft"]["greeting"] and email[-1] == LABELS["ja"]["draft"]["sign_off"]
    assert all(language_of(line) == "ja" for line in email)


@pytest.mark.slow
@pytest.mark.parametrize(("first", "switch"), [
    ("How does the profit split usually work with a Korean producer? They opened with 40% for their side.",
     "And in Japan?"),
    ("미국 프로듀서가 회의 때마다 '결정권자가 누구냐'고 묻습니다. 저희는 팀장이 참석하고 있는데요.",
     "일본 회사라면 어떨까요?")])
def test_and_in_japan_never_answers_with_a_card_for_korea_alone(kb_answerer: Answerer, first: str,
                                                                switch: str) -> None:
    turns = _conversation(kb_answerer, first, switch)
    cards = kb_answerer.retriever.index.cards
    assert turns[0][0] == "answer" and Culture.KR_US in cards[str(turns[0][1])].cultures
    assert turns[1][1] is None or Culture.JP_US in cards[turns[1][1]].cultures \
        or Culture.ANY in cards[turns[1][1]].cultures, turns[1][1]


@pytest.mark.slow
def test_an_off_topic_writing_request_in_a_conversation_is_still_declined(kb_answerer: Answerer) -> None:
    turns = _conversation(kb_answerer, "The Korean line producer said '노력해 보겠습니다' when I asked for the VFX "
                                       "shots by March.", "Can you write me a cover letter for my visa application?")
    assert turns[1][:2] == ("other", None)


@pytest.mark.slow
def test_a_followup_bringing_in_the_ceo_gets_the_card_for_who_decides(kb_answerer: Answerer) -> None:
    turns = _conversation(kb_answerer, "I proposed moving the shoot to spring and our Beijing partner said "
                                       "'研究研究'. What happens now?", "Should our CEO just phone their chairman?")
    assert turns[0][1] == "yanjiu-yanjiu"
    assert turns[1][:2] == ("answer", "china-decision-at-the-top")  # not yanjiu-yanjiu again at 0.99
