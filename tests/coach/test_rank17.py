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


@pytest.mark.parametrize(("message", "language", "side"), [
    ("我们这边是美国片方，和深圳一家公司合拍的动画片一直没拿到结算单。", "zh", US),
    ("我们这边是成都的影视公司，美方要求先签长合同。", "zh", ASIA),
    ("米国の配信プラットフォームで日本ドラマの買い付けをしています。制作会社と直接契約できますか。", "ja", US),
    ("米国の配信プラットフォームから連絡があり、配信権を買いたいそうです。", "ja", ASIA),
])
def test_what_the_asker_says_they_are(message: str, language: str, side: Perspective) -> None:
    """「我们这边是美国片方」 says who we are as 「我们是」 does; an American platform the asker works at is the
    American side, one that got in touch is the partner."""
    assert detect_side(message, language) is side


def test_held_out_misses_lists_the_wrong_first_cards() -> None:
    """train.py --misses: an in-scope query whose most probable card is not acceptable is listed with its top
    candidates and where the right one stands; a hit and an out-of-scope query are not."""
    import numpy as np

    from server.coach.train import Row, held_out_misses

    rows = [Row(np.zeros((3, 1)), np.array([False, True, False]), True, "q1", "q1 text", ["a", "b", "c"]),
            Row(np.zeros((2, 1)), np.array([True, False]), True, "q2", "q2 text", ["d", "e"]),
            Row(np.zeros((2, 1)), np.array([False, False]), False, "q3", "q3 text", ["f", "g"])]
    held_out = [np.array([0.9, 0.5, 0.1]), np.array([0.8, 0.2]), np.array([0.7, 0.1])]
    assert held_out_misses(rows, held_out) == [
        {"id": "q1", "text": "q1 text", "right_at": 1, "top": [("a", 0.9), ("b", 0.5), ("c", 0.1)]}]
