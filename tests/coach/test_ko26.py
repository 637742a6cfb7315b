"""Korean askers and the cards that answer them (session 26, ko26, issue 11): who really decides on the American side
serves a Korean company too (Korean translation, Korean triggers); the page-script (쪽대본) and webtoon cards hold
lines for the Korean side as well as the American one, so a Korean production's or platform's question reaches them
instead of the writer-and-showrunner card; a Korea-US treaty question reaches the card that says there is none.

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


def test_who_decides_on_the_american_side_serves_korean_companies_in_korean() -> None:
    card = CARDS["who-decides-on-the-american-side"]
    assert Culture.KR_US in card.cultures and card.perspective == Perspective.ASIA_SIDE
    korean = load_translations(KNOWLEDGE, list(CARDS.values()))[Language.KO]["who-decides-on-the-american-side"]
    assert any("결정" in t for t in korean.triggers)
    assert "Tokyo" not in card.section("What's going on")  # the head office at home, not only Tokyo


@pytest.mark.parametrize("card_id", ["korean-live-shoot-schedule", "webtoon-ip-adaptation"])
def test_page_script_and_webtoon_cards_speak_for_both_sides(card_id: str) -> None:
    card = CARDS[card_id]
    assert card.perspective == Perspective.BOTH
    sides = {line.side for line in say_lines(card)}
    assert {Perspective.US_SIDE, Perspective.ASIA_SIDE} <= sides
    korean = load_translations(KNOWLEDGE, list(CARDS.values()))[Language.KO][card_id]
    assert [line.side for line in say_lines(korean)] == [line.side for line in say_lines(card)]


def test_the_treaty_card_leads_with_the_third_country_rule() -> None:
    assert CARDS["korea-china-treaty-third-country"].summary.startswith("A US company cannot join")


@pytest.mark.parametrize(("message", "expected"), [
    ("쪽대본이 계속 나와서 미국 측 승인 절차가 따라가질 못해요", "korean-live-shoot-schedule"),
    ("미국 측이 사전제작으로 하자고 하는데 저희는 방영하면서 찍는 게 익숙해요", "korean-live-shoot-schedule"),
    ("저희 웹툰 작가님이 미국 측 각색 방향을 싫어하세요", "webtoon-ip-adaptation"),
    ("미국 프로듀서가 좋다고 했는데 왜 스튜디오는 다른 말을 하죠", "who-decides-on-the-american-side"),
    ("한미 공동제작 조약이 있나요?", "no-treaty-soft-money"),
])
def test_korean_asks_reach_their_cards(kb_answerer: Answerer, message: str, expected: str) -> None:
    assert first_cards(kb_answerer, message) == [expected]
