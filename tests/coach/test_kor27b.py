"""Korean companies asking about their American partner (session 27, kor27b, issue 11): five asia-side guide cards
that served only Japanese and Chinese askers (back end, deal memo then long form, US development steps, the detailed
waterfall, the American partner wanting the IP) now serve kr-us too, with a Korean situation in the English body, a
Korean translation and Korean triggers. The showrunner-rewrites card stays jp/cn: korean-writer-us-showrunner already
answers that ask for Korean companies.

Examples are written for these tests (not taken from the labelled set)."""

from __future__ import annotations

from pathlib import Path

import pytest

from server.coach.answer import Answerer
from server.knowledge.cards import say_lines
from server.knowledge.translations import load_translations
from server.models import Culture, Language, Perspective
from tests.coach.conversation import CARDS, first_cards

KNOWLEDGE = Path(__file__).resolve().parents[2] / "knowledge"
OPENED = ["back-end-explained", "deal-memo-then-long-form", "us-development-steps",
          "why-us-wants-detailed-waterfall", "american-partner-wants-the-ip"]


@pytest.mark.parametrize("card_id", OPENED)
def test_the_card_serves_korean_companies_in_korean(card_id: str) -> None:
    card = CARDS[card_id]
    assert Culture.KR_US in card.cultures and card.perspective == Perspective.ASIA_SIDE
    assert "Korea" in card.section("What's going on") or "Korea" in card.section("What to do")
    korean = load_translations(KNOWLEDGE, list(CARDS.values()))[Language.KO][card_id]
    assert any("미국" in t for t in korean.triggers)
    assert [line.side for line in say_lines(korean)] == [line.side for line in say_lines(card)]


def test_the_showrunner_ask_is_already_served_for_korean_companies() -> None:
    assert Culture.KR_US in CARDS["korean-writer-us-showrunner"].cultures
    assert Culture.KR_US not in CARDS["showrunner-rewrites-during-production"].cultures


@pytest.mark.parametrize(("message", "expected"), [
    ("미국 제작사가 주연 배우에게 백엔드 포인트를 준다는데 그게 어떤 돈인가요?", "back-end-explained"),
    ("미국 측이 딜메모에 먼저 사인하자는데 나중에 본계약이 안 되면 어떻게 되나요", "deal-memo-then-long-form"),
    ("미국 프로듀서가 작가 계약을 트리트먼트와 초고 단계로 쪼개자고 합니다", "us-development-steps"),
    ("미국 측은 왜 투자 회수 순서를 단계마다 전부 계약서에 쓰자고 하나요", "why-us-wants-detailed-waterfall"),
    ("미국 스튜디오가 우리 캐릭터 저작권을 전부 자기 소유로 하겠다고 합니다", "american-partner-wants-the-ip"),
])
def test_korean_asks_reach_their_cards(kb_answerer: Answerer, message: str, expected: str) -> None:
    assert expected in first_cards(kb_answerer, message)[:1]
