"""Session 15 (rank17): an American company's Asian office named in Korean is the American side; a pasted reply
is not silence. Examples are written for these tests (not taken from the labelled set)."""

from __future__ import annotations

import pytest

from server.coach.asker_frame import detect_side
from server.models import Perspective

US, ASIA = Perspective.US_SIDE, Perspective.ASIA_SIDE


@pytest.mark.parametrize(("message", "side"), [
    # the asker works at the American company's Seoul (or Tokyo) office
    ("미국 제작사 서울 지사에서 일하고 있습니다. 한국 파트너가 수정안을 2주째 안 보내요.", US),
    ("미국 스튜디오의 서울 사무소에서 근무합니다. 한국 제작사가 답이 없어요.", US),
    ("LA 배급사 도쿄 지사 직원입니다. 한국 투자사와 미팅이 있어요.", US),
    # the American company's office is the partner, named by a Korean company
    ("미국 스트리머 한국 지사 담당자가 계약서를 보냈는데 조항이 너무 많아요.", ASIA),
    ("한국 제작사입니다. 미국 스트리머 한국 법인과 계약했어요.", ASIA),
])
def test_an_american_companys_asian_office(message: str, side: Perspective) -> None:
    assert detect_side(message, "ko") is side
