"""Who is asking (coach/asker_frame.py), session 10: production companies and investors saying what they are
(「미국 프로덕션입니다」, 「미국 투자자 입장에서」), and the American side named as a party, not the US as a place,
deciding whether an asker who names the Asian partner in the third person is the American side.

Examples are written for these tests (not taken from the labelled set)."""

from __future__ import annotations

import pytest

from server.coach.asker_frame import detect_side
from server.coach.stage import detect_stage
from server.models import Perspective

US, ASIA = Perspective.US_SIDE, Perspective.ASIA_SIDE


@pytest.mark.parametrize(("message", "language", "side"), [
    # what askers say they are: a production company or an investor
    ("부산에서 촬영할 미국 프로덕션입니다. 현지 스태프 고용은 어떻게 하나요?", "ko", US),
    ("미국 투자자 입장에서 한국 감독님의 편집권 요구가 부담스럽습니다.", "ko", US),
    ("弊社は米国のプロダクションです。東京の制作会社との契約で相談があります。", "ja", US),
    ("弊社は日本側の出資者です。北米の配給会社の経費が多すぎます。", "ja", ASIA),
    ("저희는 한국 투자자입니다. 미국 측 정산서가 너무 간단해요.", "ko", ASIA),
    ("米国のライセンサーとして、日本の配給会社の経費明細をどこまで見られますか。", "ja", US),
    ("저희는 미국 판권사인데 한국 배급사 정산이 늦어요.", "ko", US),
    ("我们是美国的版权方，中方平台的报表一直不给。", "zh", US),
    # the Asian partner in the third person, and the US only as a place: the American side
    ("한국 공동제작사가 원천징수를 하고 보낸다는데, 미국에서 세액공제를 받을 수 있나요?", "ko", US),
    ("日本の制作会社から届いた収支報告を、米国で税理士に見せる必要がありますか。", "ja", US),
    # ... but with the American side named as a party, the asker is the Asian side
    ("미국 측이 한국 제작사를 하나 더 넣자고 하는데 저희 지분이 줄어들까요?", "ko", ASIA),
    ("美方想让另一家中国公司也进来投资，我们的份额会被稀释吗？", "zh", ASIA),
    # an American investor named inside the asker's own description is no statement that the asker is American
    ("我们是美方投资的中方联合出品方，美方的投资款已经到了，但我们付不出去后期费用。", "zh", ASIA),
])
def test_roles_and_parties_decide_the_side(message: str, language: str, side: Perspective) -> None:
    assert detect_side(message, language) is side


@pytest.mark.parametrize("message", [
    "中方拖欠分账款快一年了，要不要起诉？",
    "如果真要打官司，在哪里打？",
])
def test_unpaid_money_and_going_to_court_are_a_dispute(message: str) -> None:
    assert detect_stage(message) == "dispute"
