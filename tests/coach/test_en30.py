"""Session 27 (en30): a look-up of today's rate is a task only when it is what is asked. A deal term reported in the
situation ("the partner wants our share converted at today's rate") with an ask about the contract stays a coaching
question. Examples are written for these tests, not taken from the labelled set."""

from __future__ import annotations

import pytest

from server.coach.offtopic import asks_for_task, off_topic_cue

LOOKUPS = [
    "What's the yen at today's rate?",
    "How much is 80 million won at today's rate?",
    "Convert 2 million dollars to yen at today's rate.",
    "今日のドル円レートはいくらですか？",
    "오늘 원달러 환율 알려줄래?",
    "今天人民币对美元汇率是多少？",
]
DEAL_TERMS = [
    "The American studio wants our contribution fixed in dollars at today's rate for the whole shoot. Which currency "
    "terms should we push for?",
    "我们的出资是人民币，美方想按今天的汇率换成美元并固定下来。合同里的汇率条款应该怎么写？",
    "우리 출자금은 원화인데 미국 측이 오늘 환율로 달러 고정하자고 합니다. 어떤 환율 조항을 제안해야 하나요?",
]


@pytest.mark.parametrize("text", LOOKUPS)
def test_a_rate_look_up_is_a_task(text: str) -> None:
    assert asks_for_task(text)


@pytest.mark.parametrize("text", DEAL_TERMS)
def test_a_rate_in_the_deal_is_no_task(text: str) -> None:
    assert not asks_for_task(text)
    assert off_topic_cue(text) < 0.2
