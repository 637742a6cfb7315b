"""The partner's pasted words are found whole and the asker's own are left out (coach/understand.py): the asker's
words are the message less every place of the partner's, whatever order they were found in; a quote asked about
again cuts no pasted e-mail; an e-mail with no sign-off ends before the line that holds the asker's own quote; a
Korean or Chinese signature (「김민수 드림」, 「李明 敬上」) closes an e-mail, on a line of its own or at the end of
the greeting's line, and a name line (「박 대표님께,」, 「王总：」) opens one; a line naming the partner the words came
from ("Message from our Beijing partner:") cues them. A reply the asker announces with an intent
("이렇게 답하려고 하는데요:", "Here's what I'll send:") is theirs."""

from __future__ import annotations

import pytest

from server.coach.decode import Decoder
from server.coach.understand import asker_words_of, partner_text, understand
from server.models import Perspective
from tests.coach.decoding import decoded as _decoded


def test_the_askers_words_leave_out_a_short_quote_and_the_email_it_came_from() -> None:
    message = ("Here is their reply:\nお世話になっております。\n"
               "来月の納品は社内で調整が必要ですので、少しお待ちください。\n"
               "よろしくお願いいたします。\nIs \"社内で調整が必要です\" a polite no?")
    u = understand(message)
    assert u.asker_language == "en" and u.side is Perspective.US_SIDE
    email = message.split("\n", 1)[1].rsplit("\n", 1)[0]
    assert asker_words_of(message, ["調整", email]).split() == ["Here", "is", "their", "reply:", "Is", '"社内で',
                                                               'が必要です"', "a", "polite", "no?"]
    assert asker_words_of("a b a", ["a", "a b"]).split() == []


def test_a_quote_asked_about_again_cuts_no_pasted_email(decoder: Decoder) -> None:
    message = ("Their line producer's note, my question after it.\n\nHi Sam, on the VFX vendor, 좀 어렵습니다. "
               "Let's circle back after the budget lock.\n\nIs \"좀 어렵습니다\" a real no?")
    assert {"좀 어렵습니다", "Let's circle back"} <= _decoded(decoder, message)


def test_an_email_with_no_sign_off_ends_before_the_askers_own_quote(decoder: Decoder) -> None:
    message = ("안녕하세요, 최 PD님.\n말씀하신 추가 회차는 힘들 것 같습니다.\n"
               "저는 \"최선을 다하겠습니다\"라고 답장하려고 해요. 괜찮을까요?")
    assert any("힘들 것 같습니다" in span for span in partner_text(message))
    assert _decoded(decoder, message) == {"힘들 것 같습니다"}


@pytest.mark.parametrize(("message", "words", "asker"), [
    ("박 대표님께,\n추가 촬영은 현재로서는 좀 어렵습니다.\n김민수 올림\n\n이거 거절인가요?", "좀 어렵습니다", "ko"),
    ("안녕하세요, 박 대표님.\n추가 촬영은 현재로서는 좀 어렵습니다.\n김민수 드림\n거절인가요?", "좀 어렵습니다", "ko"),
    ("王总：\n关于排期，这个有难度，我们回去商量一下。\n李明 敬上\n\n他们是不是不想做了？", "有难度", "zh"),
    ("안녕하세요. 추가 촬영은 현재로서는 좀 어렵습니다. 김민수 드림\n거절인가요?", "좀 어렵습니다", "ko"),
    ("お世話になっております。納期の件、持ち帰って検討します。よろしくお願いいたします。 これは断りですか？",
     "持ち帰って検討します", "ja"),
])
def test_a_name_line_opens_an_email_and_a_signature_closes_it_even_inside_a_line(
        decoder: Decoder, message: str, words: str, asker: str) -> None:
    assert words in _decoded(decoder, message)
    assert understand(message).asker_language == asker  # the asker's question is not inside the e-mail


@pytest.mark.parametrize("message", [
    "Message from our Shanghai partner on WeChat:\n这个问题不大，应该可以月底签。\nCan I take that as a yes?",
    "Text from their line producer at Toho:\nそれはちょっと難しいです。\nWhat now?",
])
def test_a_line_naming_the_partner_the_words_came_from_cues_them(message: str) -> None:
    assert partner_text(message)


@pytest.mark.parametrize("message", [
    "Message from my boss:\nJust say we'll see.\nIs that OK?",
    "Notes from our legal team:\nWe'll keep you posted.\nAny thoughts?",
    "先方から届いたメールの件です。\n社内で調整が必要なので少し待ってもらおうと思います。\nどう伝えればいいですか？",
])
def test_words_from_the_asker_or_their_own_side_are_no_cue(message: str) -> None:
    assert partner_text(message) == []


@pytest.mark.parametrize("message", [
    "이렇게 회신하려고 합니다: \"좀 어렵습니다. 검토해 보겠습니다\" 괜찮을까요?",
    "미국 측에 이렇게 보낼까 해요: \"생각해 보겠습니다\" 너무 애매한가요?",
    "다음과 같이 답장할 예정입니다: \"내부적으로 논의해 보겠습니다\" 어떤가요?",
    "Here's what I'll send: \"We'll keep you posted\". Too vague?",
])
def test_a_reply_the_asker_announces_is_theirs(message: str) -> None:
    assert partner_text(message) == []


def test_a_reply_the_partner_announced_stays_theirs() -> None:
    assert partner_text("미국 측이 이렇게 답했어요: \"Let's park that\" 무슨 뜻인가요?")


@pytest.mark.parametrize("message", [
    "米国側への返事、こう返そうと思います：「持ち帰って検討します」。失礼でしょうか？",
    "「前向きに検討します」と私が言ったら、米国側はどう受け取りますか？",
    "「今回は見送らせていただきます」という説明を使ってもいいでしょうか？",
    "배급사 담당자한테 \"힘들 것 같습니다\"라고만 보내 놨는데 괜찮을까요?",
    "我发给美方的回复：“这个有难度，我们尽量。”会不会太软？",
    "周五开会时如果我们回一句“以后再说”，美方会不高兴吗？",
    "我想在邮件最后加一句“我们尽量”，合适吗？",
    "Is \"Just checking in\" too casual for a chaser to the Seoul studio?",
])
def test_the_askers_own_planned_or_sent_words_are_no_partner_text(message: str) -> None:
    assert partner_text(message) == []


@pytest.mark.parametrize("message", [
    "「前向きに検討します」と先方が言ったら、どう返せばいいですか？",
    "배급사 담당자가 \"힘들 것 같습니다\"라고 보냈는데 무슨 뜻인가요?",
    "美方发给我们的回复：“Let's park that for now.” 什么意思？",
])
def test_the_partners_words_in_the_same_frames_stay_theirs(message: str) -> None:
    assert partner_text(message)


@pytest.mark.parametrize(("message", "words", "feature"), [
    ("我准备这么回“我们研究研究”，可以吗？", "研究研究", "plan-before"),
    ("답장은 \"검토해 보겠습니다\"로 보내려고 하는데 괜찮을까요?", "검토해 보겠습니다", "plan-after"),
    ("先方から「検討します」と言われました。", "検討します", "heard-after"),
    ("The Toho producer said \"we'll see\" twice.", "we'll see", "heard-before"),
])
def test_the_learned_check_reads_a_plan_or_a_report_in_any_language(message: str, words: str,
                                                                     feature: str) -> None:
    from server.coach.whose import features

    at = message.index(words)
    assert feature in features(message, at, at + len(words))


def test_regards_inside_an_email_line_closes_nothing(decoder: Decoder) -> None:
    message = "Dear Tom, with regards to the MG, we'll see after Cannes. Best,\nAnna\nIs that a no?"
    assert "We'll see" in _decoded(decoder, message)
