"""Fonts, video-call settings and passwords are software traps, a personal money transfer a paperwork trap, a
restaurant to take a visitor to is a food trap (coach/traps.py), even when the question names the co-production; an
in-person visit after a year of video calls and a subtitle file's delivery are answered. Examples are written for
these tests, not taken from the labelled set."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.coach.offtopic import off_topic_cue, trap_words
from server.models import Ask


@pytest.mark.parametrize(("question", "kind"), [
    ("What typeface should we use for the title card of our Japan-US co-production?", "software"),
    ("韓国との共同製作のポスター、英語タイトルに合うフォントは？", "software"),
    ("미국 파트너랑 회의할 때 줌 배경 흐림은 어디서 켜는 법이 있나요?", "software"),
    ("合拍片预告片的片名用什么字体比较大气？", "software"),
    ("Our Korean partners are in town. How do I turn on auto captions in our Zoom settings for them?", "software"),
    ("美方团队来上海考察，晚上请他们去哪家馆子比较体面？", "food"),
    ("일본 제작위원회 사람들이 서울에 오는데 회식은 어느 고깃집이 좋아요?", "food"),
    ("Our studio Slack keeps asking for a new password. How do I reset it?", "software"),
    ("怎么用支付宝给朋友转账？", "paperwork"),
    ("下个月去东京见日方制片，从羽田到新宿坐地铁还是打车方便？", "travel"),
    ("시사회 전에 프리미어에서 자막 파일 불러오는 방법 좀 알려주세요.", "software"),
])
def test_fonts_call_settings_and_restaurants_are_declined(kb_answerer: Answerer, question: str, kind: str) -> None:
    assert kind in trap_words(question), trap_words(question)
    assert kb_answerer.draft(Ask(message=question)).outcome == "decline"


@pytest.mark.parametrize("question", [
    "After a year of Zoom calls with our Seoul co-producer things feel cold. Is flying out worth it?",
    "The American side wants our subtitle files in their own template. Who should pay for the conversion?",
    "美方要求我们把合同里的字眼改得更宽泛，这样签有风险吗？",
    "美方的首期款一直没转账，合同里写的是签约后三十天，怎么催比较好？",
    "The Japanese side asked us to send the budget file with a password in a separate email. Is that normal?",
])
def test_visits_and_deliverables_are_answered(kb_answerer: Answerer, question: str) -> None:
    assert off_topic_cue(question) < 0.5, trap_words(question)
    assert kb_answerer.draft(Ask(message=question)).outcome != "decline"


@pytest.mark.parametrize("question", [
    "日米合作の打ち上げパーティー、ビンゴの景品は何がいいと思いますか？",  # the ask after the comma only asks
    "합작 영화 쫑파티 빙고 경품, 뭐가 좋을까요?",
    "英語が話せる俳優を教えてください。韓国との共同製作のキャスティングの参考にしたいです。",
    "Which directors from Korea have worked on Hollywood co-productions? Just curious.",
])
def test_a_topic_before_a_bare_ask_and_lists_of_people_are_declined(kb_answerer: Answerer, question: str) -> None:
    assert trap_words(question), question
    assert kb_answerer.draft(Ask(message=question)).outcome == "decline"


def test_a_bare_ask_after_a_co_production_topic_is_answered(kb_answerer: Answerer) -> None:
    question = "アメリカ側が提案してきた収益分配の比率、どう思いますか？"
    assert kb_answerer.draft(Ask(message=question)).outcome != "decline"
