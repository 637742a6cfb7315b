"""Session 12 round 2's part rules: a stance ask ("Should I worry?", 「断れますか」) names no topic of its own; a
short ", and the audit rights?" after a question is a second ask; 「…が気になっています。アドバイスをお願いします。」
asks about the topics it lists."""

from __future__ import annotations

import pytest

from server.coach.bare_asks import frame_only, names_no_topic
from server.coach.parts import split_parts


@pytest.mark.parametrize("part", ["Should I worry?", "Should I worry", "And can we push back on that?",
                                  "Can we refuse?", "Should we be concerned about this?", "断れますか？",
                                  "心配すべきですか？", "걱정해야 하나요?", "거절할 수 있나요?", "要担心吗？",
                                  "能拒绝吗？"])
def test_a_stance_ask_names_no_topic(part: str) -> None:
    """Alone, "Can we push back on that?" found the "I hear you, but" card: the situation says what it is about."""
    assert frame_only(part) and names_no_topic(part)


@pytest.mark.parametrize("part", ["Should I worry about the exchange rate?", "Can we push back on the MG amount?",
                                  "Can we refuse the new composer?", "声優の変更を断れますか？",
                                  "MG 금액을 거절할 수 있나요?"])
def test_a_stance_ask_with_its_own_topic_keeps_it(part: str) -> None:
    assert not frame_only(part)


def test_a_short_and_clause_after_a_question_is_its_own_ask() -> None:
    parts, _ = split_parts("We're about to sign with a Tokyo animation studio. Who owns the character designs, and "
                           "the music? And what happens to the rights if the committee never makes a sequel?", [])
    assert parts == ["Who owns the character designs", "the music?",
                     "And what happens to the rights if the committee never makes a sequel?"]


def test_a_statements_and_clause_is_no_ask() -> None:
    """", and the release might slip" ends no question: the message asks one thing."""
    message = "Our partner says the film needs review, and the release might slip. Should I worry?"
    assert len(split_parts(message, [])[0]) == 1


def test_a_japanese_request_for_advice_asks_about_each_listed_topic() -> None:
    parts, _ = split_parts("アメリカ側との共同製作契約で、準拠法、仲裁地、源泉徴収税の扱いが気になっています。"
                           "アドバイスをお願いします。", [])
    assert parts == ["準拠法", "仲裁地", "源泉徴収税の扱い"]


@pytest.mark.parametrize("message", [
    "미국 측과 공동제작 계약서를 검토 중인데, 최종 편집권, 정산 통화, 중재지, 이 세 가지 각각 어떻게 봐야 할까요?",
    "与美方谈合同，最终剪辑权，结算货币，仲裁地，这三点各自怎么看？"])
def test_what_comes_before_a_counted_list_is_no_topic_of_it(message: str) -> None:
    """「…검토 중인데,」 says where the topics sit; 「这三点」 counts three, so the first of four is the setting."""
    assert len(split_parts(message, [])[0]) == 3
    assert split_parts(message, [])[0][0] in ("최종 편집권", "最终剪辑权")
