"""Who is asking (coach/asker_frame.py, coach/understand.py), session 20: a message written in Korean about a
Japanese or Chinese partner that never names Korea is Korean-speaking staff on a Japan-US or China-US production
(most often of the American side), not a Korean company; one that names Korea, or a Korean-Chinese (한중)
production, stays Korea-US.

Examples are written for these tests (not taken from the labelled set)."""

from __future__ import annotations

import pytest

from server.coach.understand import understand
from server.models import Culture, Perspective


@pytest.mark.parametrize(("message", "pair"), [
    ("일본 측 프로듀서가 계속 \"검토해 보겠습니다\"라고만 합니다. 언제까지 기다려야 하나요?", Culture.JP_US),
    ("도쿄의 제작위원회가 예고편 승인을 한 달째 안 해 줍니다. 어떻게 재촉하죠?", Culture.JP_US),
    ("중국 파트너가 심의 일정을 알려 주지 않습니다. 개봉일을 어떻게 잡아야 하나요?", Culture.CN_US),
])
def test_korean_about_japan_or_china_is_that_pair_from_the_american_side(message: str, pair: Culture) -> None:
    u = understand(message)
    assert (u.pair, u.side) == (pair, Perspective.US_SIDE)


@pytest.mark.parametrize("message", [
    "미국 파트너가 일본 판권도 달라고 합니다. 한국 제작사로서 받아들여도 될까요?",
    "중국 제작사와 한중 합작을 하는데 미국 투자사가 들어오려고 합니다. 지분은 어떻게 나누나요?",
    "미국 측이 최종 편집권을 달라고 합니다.",
])
def test_korean_naming_korea_or_no_country_stays_a_korean_asker(message: str) -> None:
    u = understand(message)
    assert (u.pair, u.side) == (Culture.KR_US, Perspective.ASIA_SIDE)
