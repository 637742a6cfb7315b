"""Language-learning apps, presents for one's own family, home internet and tipping are traps (coach/offtopic.py);
a present for the partner is the coach's business. Examples are written for
these tests, not taken from the labelled set."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.coach.offtopic import off_topic_cue, trap_words
from server.models import Ask


@pytest.mark.parametrize(("question", "kind"), [
    ("Is there a good app to learn basic Japanese?", "language"),
    ("Any language courses you'd suggest for picking up a bit of Mandarin?", "language"),
    ("ソウル出張のあと、家族へのお土産は何が定番ですか？", "personal"),
    ("출장 끝나고 가족 선물로 뭘 사 가면 좋을까요?", "personal"),
    ("从洛杉矶回来给家人带什么礼物好？", "personal"),
    ("Our video calls keep freezing. Should I buy a new router?", "software"),
    ("How much should I tip a taxi driver in New York?", "travel"),
    ("アメリカのレストランでチップはいくら置けばいいですか？", "travel"),
    ("미국 식당 팁은 얼마 정도 줘요?", "travel"),
    ("在美国吃饭小费给多少合适？", "travel"),
    ("Can you drink the tap water in Tokyo?", "travel"),
    ("台湾的自来水能直接喝吗？", "travel"),
    ("I'm thinking about grad school for film in the US. When should I apply?", "career"),
    ("미국 유학 가려면 토플 점수가 얼마나 필요해요?", "career"),
])
def test_apps_for_learning_a_language_and_presents_for_family_are_traps(question: str, kind: str) -> None:
    assert kind in trap_words(question), trap_words(question)
    assert off_topic_cue(question) >= 0.5


@pytest.mark.parametrize("question", [
    "アメリカ側のプロデューサーへの手土産は何がいいですか？",
    "Should I learn a few Korean phrases before the first meeting with the studio?",
])
def test_presents_for_the_partner_and_phrases_for_the_meeting_stay_below_the_cue(question: str) -> None:
    assert off_topic_cue(question) < 0.5, trap_words(question)


def test_a_language_app_asked_beside_the_shoot_is_declined(kb_answerer: Answerer) -> None:
    """The shoot is only the occasion: the trained scope model weighs the weaker cue with the rest."""
    message = "Is there an app to learn basic Japanese before the Tokyo shoot?"
    assert "language" in trap_words(message)
    assert kb_answerer.draft(Ask(message=message)).outcome == "decline"
