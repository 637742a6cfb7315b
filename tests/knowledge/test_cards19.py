"""Gaps producers asked about (session 17): no card said who pays the visiting team's flights, hotels and per diems
(negotiation trips, scouts, production visits) on either side; the minimum-guarantee card covered only Japan, so a
Korean or Chinese partner asking whether an MG is paid on signing or on delivery got the Korean profit-split card;
the glossary read 拒绝 ("refuse") as an indirect no.
"""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.coach.glossary import Glossary
from server.knowledge.cards import say_lines
from server.knowledge.translations import load_translations
from server.models import Ask, Card, Culture, Language, Perspective

from ..conftest import REAL_KB

ALL_PAIRS = {Culture.JP_US, Culture.KR_US, Culture.CN_US}


def _text(card: Card) -> str:
    return " ".join([card.summary, *card.sections.values()])


def test_the_travel_card_speaks_to_both_sides_of_every_pair(cards: dict[str, Card]) -> None:
    card = cards["visiting-partner-travel-costs"]
    assert card.perspective is Perspective.BOTH and set(card.cultures) == ALL_PAIRS
    sides = [line.side for line in say_lines(card)]
    assert Perspective.US_SIDE in sides and Perspective.ASIA_SIDE in sides
    text = _text(card)
    for word in ("term sheet", "per diem", "hotel", "budget", "invitation", "日当", "일비", "Improper Solicitation"):
        assert word in text or word in " ".join(card.sources), word
    say = card.sections["What to say"]
    assert "予算" in say and "예산" in say and "预算" in say, "a line the US side can use in each partner's language"
    assert {"trust-face-to-face-visits", "dinners-and-gifts"} <= set(card.related)


def test_the_minimum_guarantee_card_now_covers_korea_and_china(cards: dict[str, Card]) -> None:
    card = cards["minimum-guarantee"]
    assert set(card.cultures) == ALL_PAIRS
    text = _text(card)
    for word in ("保底", "保底发行", "content review", "long-stop", "Korean sales companies"):
        assert word in text, word
    assert any("MG를" in t for t in card.triggers) and any("保底" in t for t in card.triggers)


@pytest.mark.parametrize("card_id", ["visiting-partner-travel-costs", "minimum-guarantee"])
def test_both_cards_have_a_current_translation_in_each_partner_language(cards: dict[str, Card], card_id: str) -> None:
    translations = load_translations(REAL_KB, list(cards.values()))
    for lang in (Language.JA, Language.KO, Language.ZH):
        assert card_id in translations[lang], (lang, card_id)


def test_refuse_is_glossed_as_a_refusal_and_only_tactful_wording_as_indirect() -> None:
    glossary = Glossary.load()
    plain = glossary.expand("美方拒绝了我们的方案。")
    assert "refusal" in plain and "indirect" not in plain
    assert "indirect no" in glossary.expand("대표님이 돌려서 거절하셨어요.")
    assert "indirect" in glossary.expand("美方说得很委婉。")
    assert "per diem" in glossary.expand("美方希望我们承担每日补贴。")


@pytest.mark.slow
@pytest.mark.parametrize(("question", "card_id"), [
    ("Our Korean co-producer wants the production budget to cover three of their staff flying to Atlanta for the "
     "shoot, per diems included. Is that standard?", "visiting-partner-travel-costs"),
    ("미국 배급사가 MG를 계약 시 20%, 나머지는 납품 후에 주겠다고 하는데, 계약할 때 더 받을 수 있을까요?",
     "minimum-guarantee"),
])
def test_a_question_gets_the_new_card(kb_answerer: Answerer, question: str, card_id: str) -> None:
    draft = kb_answerer.draft(Ask(message=question))
    assert draft.cards and draft.cards[0].id == card_id, [c.id for c in draft.cards]
