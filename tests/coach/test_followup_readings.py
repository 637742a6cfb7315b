"""A message in a conversation is read both on its own and as continuing the last answered question, on the real
knowledge base: a longer follow-up with no cue words ("Should I ask them why they passed?") is answered from
what it continues, a new question is answered on its own, and an off-topic message is still declined."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.models import Ask

PASSED = ("Got 今回は見送らせていただきます back on our co-pro proposal. Is it dead or can we revise and resend next "
          "month?")
KENTOU = ("Sent the Japanese distributor's producer our revised delivery schedule last Tuesday. He replied 'kentou "
          "shimasu' and nothing since. Is that a no or do I just wait?")


def _conversation(answerer: Answerer, *messages: str) -> list[tuple[str, str | None]]:
    """(outcome, first card) for each message, asked in one conversation."""
    out: list[tuple[str, str | None]] = []
    cid = None
    for message in messages:
        draft = answerer.draft(Ask(message=message, conversation_id=cid))
        answerer.finish(draft, draft.markdown)
        cid = draft.conversation_id
        out.append((draft.outcome, draft.cards[0].id if draft.cards else None))
    return out


@pytest.mark.slow
def test_a_followup_without_cue_words_is_answered_from_what_it_continues(kb_answerer: Answerer) -> None:
    # on its own, "Should I ask them why they passed?" names no topic: it was declined before it was read as
    # continuing the question about 見送らせていただきます
    turns = _conversation(kb_answerer, PASSED, "Should I ask them why they passed?")
    assert turns == [("answer", "miokuri-pass-this-time"), ("answer", "miokuri-pass-this-time")]


@pytest.mark.slow
def test_a_short_followup_is_ranked_on_the_partners_words_it_continues(kb_answerer: Answerer) -> None:
    # "kentou shimasu" is decoded in the first message; the follow-up is ranked as if asked with it
    # how to follow up after it (the e-mail cadence card) answers "wait or push?" as well as the phrase's own card
    # does; the labelled conversation (conv-001) accepts both. A card of another topic would mean it was not.
    draft_turns = _conversation(kb_answerer, KENTOU, "should I wait or push?")
    assert draft_turns[1] in {("answer", "kentou-shimasu"), ("answer", "email-follow-up-cadence")}


@pytest.mark.slow
def test_a_new_question_in_a_conversation_is_answered_on_its_own(kb_answerer: Answerer) -> None:
    turns = _conversation(kb_answerer, PASSED, "Who should have final cut in a Japan-US co-production?")
    assert turns[1] == ("answer", "final-cut-who-decides")


@pytest.mark.slow
@pytest.mark.parametrize("off_topic", ["Can you recommend a good hotel near Shinjuku station for the crew?",
                                       "what about the weather?", "新宿駅の近くでおすすめのホテルを教えてください"])
def test_an_off_topic_message_in_a_conversation_is_still_declined(kb_answerer: Answerer, off_topic: str) -> None:
    assert _conversation(kb_answerer, PASSED, off_topic)[1] == ("decline", None)


@pytest.mark.slow
@pytest.mark.parametrize(("thanks", "welcome"), [
    ("thanks!", "You're welcome."), ("Thank you so much.", "You're welcome."),
    ("ありがとうございます。", "どういたしまして。"), ("감사합니다!", "천만에요."), ("谢谢", "不客气。")])
def test_thanks_gets_a_welcome_not_more_coaching(kb_answerer: Answerer, thanks: str, welcome: str) -> None:
    for history in ([], [PASSED]):  # alone, and after an answer
        cid = None
        for message in history:
            cid = kb_answerer.answer(Ask(message=message)).conversation_id
        answer = kb_answerer.answer(Ask(message=thanks, conversation_id=cid))
        assert not answer.in_scope and not answer.sources
        assert answer.answer_markdown.startswith(welcome) and "outside" not in answer.answer_markdown


GEOMTO = ("The head of production at the Korean studio said '검토해 보겠습니다' about our proposed episode count. How "
          "should I read that?")
KIBISHII = ("Our Japanese line producer said the extra location day next week is 'kibishii' because of the calendar. "
            "Does that mean no?")
GEORGIA = ("We're a Seoul production company. Our American partner wants to shoot the US scenes in Georgia for the tax "
           "credit. What does that mean for us?")


@pytest.mark.slow
@pytest.mark.parametrize(("first", "followup", "card"), [
    # glued to the question it continues, the earlier card's words won: the follow-up's own words now count too
    (GEOMTO, "Should I message her on KakaoTalk or stick to email?", "korean-email-kakaotalk"),
    (KIBISHII, "and how do I confirm whatever we agree in writing?", "meeting-minutes-confirm-decisions"),
    # a step of the card shown before no longer answers when a new card answers the new ask with confidence
    # ... and a message sure of its own new card, whose words barely support the shown one, is a new question
    (GEORGIA, "The credit only pays after we spend. How do we cover the cash until then?", "incentive-cashflow-gap"),
])
def test_a_followup_that_asks_something_new_gets_the_card_for_it(kb_answerer: Answerer, first: str, followup: str,
                                                                 card: str) -> None:
    turns = _conversation(kb_answerer, first, followup)
    assert turns[0][0] == "answer" and turns[0][1] != card
    assert turns[1] == ("answer", card)
