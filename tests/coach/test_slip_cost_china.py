"""The cost of a schedule slip, and who carries it, is answered for China-US co-productions too (the card was
Japan and Korea only, so a Chinese producer asking who pays for a delay could never reach it), in Chinese from its
translation.

Examples are written for these tests (not taken from the labelled set)."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.models import Ask
from tests.coach.conversation import CARDS

SLIP = "schedule-slip-cost"


def test_the_slip_card_is_for_china_us_as_well() -> None:
    assert "cn-us" in [c.value for c in CARDS[SLIP].cultures]


@pytest.mark.parametrize("message", [
    "合拍片在国内的拍摄比计划晚了五周，多出来的剧组开支应该由中方还是美方承担？",
    "Our shoot in Beijing with the Chinese co-producer is running a month late. Who pays for the extra weeks?",
])
def test_a_china_slip_question_reaches_the_slip_card(kb_answerer: Answerer, message: str) -> None:
    answer = kb_answerer.answer(Ask(message=message))
    assert answer.in_scope and answer.sources[0].id == SLIP, [s.id for s in answer.sources]
