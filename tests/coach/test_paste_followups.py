"""Pasted partner text and follow-ups on the real knowledge base: the asker's side from role statements in four
languages, a pasted e-mail's decoded cards reaching the part that asks about them, replies to the e-mail's
requests, follow-ups answered from a shown card's item, and follow-ups with nothing to follow."""

from __future__ import annotations

from pathlib import Path

import pytest

from server.coach.answer import Answerer
from server.coach.compose import load_labels, prompt_environment, reply_lines
from server.coach.followup import dangling
from server.coach.understand import Request, detect_side, partner_requests, understand
from server.models import Ask, Card, Culture, Language, Perspective

LABELS = load_labels(prompt_environment(Path("prompts")))


@pytest.mark.parametrize(("message", "side"), [
    ("替美国老板跟一家上海影视公司谈后期预算，对方说要“研究研究”。这是同意还是拒绝？", Perspective.US_SIDE),
    ("我们美国公司想跟一家国企背景的影视集团合作，要注意什么？", Perspective.US_SIDE),
    ("中方制片人说档期“我们尽量”，美方投资人要我们确认开机日期。能当真吗？", Perspective.US_SIDE),
    ("미국 제작사 한국 지사에서 일하고 있습니다. 팀장님이 \"검토해 보겠습니다\"라고만 합니다.", Perspective.US_SIDE),
    ("미국 프로덕션 소속 코디네이터입니다. LA 본사에 어떻게 보고하죠?", Perspective.US_SIDE),
    ("米国の配給会社の東京オフィスで働いています。幹事会社に「社内で調整が必要です」と言われました。",
     Perspective.US_SIDE),
    ("米国プロデューサーのアシスタントをしています。ボスが作画監督に直接ダメ出しをしたいそうです。",
     Perspective.US_SIDE),
    ("Our US director starts shooting in Kyoto next month. How many interpreters do we need?", Perspective.US_SIDE),
    ("Can our US company apply for Japan's location grant ourselves?", Perspective.US_SIDE),
    ("Our Korean VFX team will miss delivery by two weeks. How do we tell the US producers?",
     Perspective.ASIA_SIDE),
    # the draft came FROM the American company: the asker is the Korean side
    ("미국 제작사에서 공동제작 계약서 초안이 왔는데 70페이지가 넘어요. 뭘 먼저 봐야 하나요?", Perspective.ASIA_SIDE),
    ("米国の配給会社から「宣伝費はすべて先に回収する」と言われました。上限は求められますか。", Perspective.ASIA_SIDE),
])
def test_role_statements_set_the_askers_side_in_four_languages(message: str, side: Perspective) -> None:
    assert understand(message).side is side


def test_a_short_cjk_message_that_names_no_side_keeps_the_conversations_side() -> None:
    assert detect_side("1か月たっても返事がなかったら？", "ja") is None
    assert understand("1か月たっても返事がなかったら？", Culture.JP_US, Perspective.US_SIDE).side \
        is Perspective.US_SIDE
    assert understand("한 달이 지나도 연락이 없으면요?").side is Perspective.ASIA_SIDE  # no conversation: as before


def test_an_english_question_about_korean_words_is_the_us_side() -> None:
    u = understand("KakaoTalk from their producer:\n\n\"8월 납품은 최선을 다하겠습니다.\"\n\nCan I promise August?")
    assert u.side is Perspective.US_SIDE and u.pair is Culture.KR_US


def test_an_email_signed_by_a_korean_partner_sets_pair_and_side() -> None:
    u = understand("Email we just got:\n\n\"Dear Tom, Thank you for the season 3 proposal. Unfortunately the "
                   "schedule is quite difficult for us. Best regards, Ji-woo Lee\"\n\nIs this a no?")
    assert (u.pair, u.side) == (Culture.KR_US, Perspective.US_SIDE)


@pytest.mark.parametrize(("pasted", "requests"), [
    ("Thank you for the schedule. Also, could you send us the final music cue sheet by Friday? Please let us "
     "know if you have any questions. Best regards, Tanaka",
     [("could you send us the final music cue sheet", "Friday")]),
    ("We will deliver on the 14th. Please confirm the number of dub languages.",
     [("Please confirm the number of dub languages", None)]),
    ("金曜日までに予算表をお送りいただけますか。よろしくお願いします。", [("予算表をお送りいただけますか", "金曜日")]),
    ("8월 납품은 최선을 다하겠습니다. 더빙 언어 수는 다음 주 수요일까지 확정해 주실 수 있을까요?",
     [("확정해 주실 수 있을까요", "다음 주 수요일")]),
    ("请在周五之前提供预算明细。谢谢！", [("提供预算明细", "周五")]),
    ("We have reviewed it internally. Unfortunately the budget level is quite difficult for us.", []),
])
def test_a_pasted_emails_concrete_requests_are_found_with_their_deadline(
        pasted: str, requests: list[tuple[str, str | None]]) -> None:
    found = partner_requests([pasted])
    assert len(found) == len(requests)
    for request, (words, deadline) in zip(found, requests, strict=True):
        assert words in request.text and request.deadline == deadline


def test_a_reply_line_uses_the_cards_wording_only_when_it_fits_the_request() -> None:
    card = Card(id="c", title="C", topics=["indirect-no"], cultures=[Culture.JP_US], perspective="both",
                triggers=["a b c", "d e f", "g h i"], summary="S.", sources=["x"],
                sections={"What's going on": "C.", "What to do": "1. Step.", "Watch out for": "- W.",
                          "What to say": '- [us-side] "The revised budget top sheet goes to you on Friday."\n'
                                         '- [asia-side] "We will send two alternatives by Friday."'})
    budget = Request("Could you send us the revised budget top sheet by Friday?", "Friday")
    cue_sheet = Request("Could you send us the final music cue sheet by Friday?", "Friday")
    words = LABELS["en"]
    assert reply_lines([budget, cue_sheet], card, Perspective.US_SIDE, words, Language.EN) == [
        (budget.text, '"The revised budget top sheet goes to you on Friday."'),
        (cue_sheet.text, words["reply_dated"].format(deadline="Friday"))]  # "send … Friday" alone is no fit
    friday = [Request("金曜日までにご確認いただけますか。", "金曜日")]
    # a Japanese date is not put into an English line
    assert reply_lines(friday, None, None, LABELS["en"], Language.EN)[0][1] == LABELS["en"]["reply_open"]
    assert "金曜日" in reply_lines(friday, None, None, LABELS["ja"], Language.JA)[0][1]
    greeting = card.model_copy(update={"sections": {**card.sections, "What to say": "- [both] 「いつもお世話になって"
                                                   "おります」：メールの定番の書き出しです。"}})
    # two-character fragments shared with a card's Japanese line are no fit: the plain template answers
    assert reply_lines(friday, greeting, None, LABELS["ja"], Language.JA)[0][1] == \
        LABELS["ja"]["reply_dated"].format(deadline="金曜日")


@pytest.mark.parametrize(("message", "expected"), [
    ("what if they still refuse?", True), ("and in writing?", True), ("それでもダメなら？", True),
    ("그럼 한 달 뒤에도 답이 없으면요?", True),
    ("What if the yen drops 20% before delivery?", False), ("Who should have final cut?", False),
])
def test_a_followup_with_nothing_to_follow_is_recognised(message: str, expected: bool) -> None:
    assert dangling(message) is expected


@pytest.mark.slow
def test_a_standalone_vague_followup_gets_a_clarifying_choice(kb_answerer: Answerer) -> None:
    for message in ["what if they still refuse?", "and in writing?"]:
        answer = kb_answerer.answer(Ask(message=message))
        assert not answer.sources and "Which of these is closest" in answer.answer_markdown, message


@pytest.mark.slow
def test_a_followup_answered_by_a_shown_step_says_the_last_answer_covers_it(kb_answerer: Answerer) -> None:
    first = kb_answerer.answer(Ask(message="My Japanese partner said 「前向きに検討します」 about co-financing the "
                                           "pilot. Is that a no?"))
    assert first.sources[0].id == "maemuki-ni-kentou"
    second = kb_answerer.answer(Ask(message="what if they still don't answer after a month?",
                                    conversation_id=first.conversation_id))
    assert second.sources and second.sources[0].id == "maemuki-ni-kentou"
    short = second.answer_markdown.split("\n")[0]
    assert short.startswith("**Short answer:** The last answer covers this:") and "weeks" in short
    assert "three or four weeks" in first.answer_markdown  # the line quoted is the one shown before
    assert second.answer_markdown.split("**Sources:**")[0] != first.answer_markdown.split("**Sources:**")[0]


@pytest.mark.slow
def test_a_cjk_followup_is_answered_from_the_cards_lapse_step(kb_answerer: Answerer) -> None:
    first = kb_answerer.answer(Ask(message="我替一家美国制片公司跟上海的合作方谈后期预算，对方说要“研究研究”。"
                                           "这是同意还是拒绝？"))
    assert first.sources[0].id == "yanjiu-yanjiu"
    second = kb_answerer.answer(Ask(message="如果一个月后还是没消息呢？", conversation_id=first.conversation_id))
    assert second.sources and second.sources[0].id == "yanjiu-yanjiu"
    assert "还在研究" in second.answer_markdown.split("\n")[0]  # step 4: "if two follow-ups bring only 还在研究 …"


@pytest.mark.slow
def test_a_multi_part_pasted_email_answers_its_first_part_from_the_decoded_card(kb_answerer: Answerer) -> None:
    answer = kb_answerer.answer(Ask(message=(
        "Email from the Seoul studio this morning:\n\n\"Dear Tom, Thank you for the season 3 proposal. We have "
        "reviewed it internally. Unfortunately the schedule is quite difficult for us at this moment. Best "
        "regards, Ji-woo Lee\"\n\nIs this a no? And what would a smaller offer look like?")))
    assert answer.sources[0].id == "eoryeopseumnida"


@pytest.mark.slow
def test_a_pasted_email_with_a_request_gets_a_reply_line(kb_answerer: Answerer) -> None:
    answer = kb_answerer.answer(Ask(message=(
        "Got this from the studio's producer:\n\n\"Dear Ms. Lopez, Thank you for the updated schedule. Moving the "
        "mix forward is a little difficult for us at this time. Also, could you send us the final music cue sheet "
        "by Friday? Best regards, Tanaka\"\n\nIs the mix date a no?")))
    assert answer.sources[0].id == "muzukashii-desu"
    markdown = answer.answer_markdown
    replies = markdown.split("## Replying to their requests")[1].split("**Sources:**")[0]
    assert "cue sheet by Friday?" in replies and "aiming for Friday" in replies
    assert len(markdown.split("**Sources:**")[0].split()) <= 300


@pytest.mark.slow
def test_is_this_a_no_is_answered_by_the_decoded_card_even_when_another_card_ties(kb_answerer: Answerer) -> None:
    # the e-mail card scores as high as the decoded one (the message says "Email from ..."), but the part asks
    # what the partner's expression means
    answer = kb_answerer.answer(Ask(message=(
        "Email from our Tokyo co-producer this morning:\n\n\"Dear Sam, Thank you for the revised budget. We will "
        "consider it internally and reply. Could you send us the updated cash-flow schedule by Thursday? Best "
        "regards, Kenji Sato\"\n\nIs this a no? And who on their side actually decides?")))
    assert answer.sources[0].id == "shanai-chousei-mochikaeri"
