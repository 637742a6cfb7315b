"""Korean follow-ups on cost and decisions (session 25, ko25, issue 11): 「그럼 이건 누가 비용을 내요?」 (who, then
the cost, then the verb) asks who pays, while 「누가 대답해요?」, 「누가 대표예요?」 and 「누가 내일 가요?」 do not; its
words get the English the model reads; "who decides this?" after a card on something else (an overage) goes to the
card on deciding it that the card links (budget sign-off), and after a Japanese phrase card to the Japanese map of
who decides, as sure as an answer; a follow-up in another script than the turn before is ranked on the glued text's
own script (the visit cards link the travel-costs card, so "who pays for this?" after a visit reaches it).

Examples are written for these tests (not taken from the labelled set)."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.coach.continuation import decided_by
from server.coach.glossary import Glossary
from server.coach.who_pays import asks_who_pays, cost_cards
from server.models import Ask, Culture, Perspective
from tests.coach.conversation import CARDS, first_cards


@pytest.mark.parametrize("message", [
    "그럼 이건 누가 비용을 내요?", "누가 돈을 대나요?", "출장비는 누가 부담해요?", "비용은 누가 내나요?",
    "누가 내야 해요?",
])
def test_who_pays_in_korean_word_orders(message: str) -> None:
    assert asks_who_pays(message)


@pytest.mark.parametrize("message", [
    "누가 대답해야 하나요?", "누가 대표인가요?", "누가 내일 회의에 가요?", "누가 내부 승인을 하나요?",
    "그럼 이건 누가 결정해요?",
])
def test_korean_who_questions_that_are_not_about_paying(message: str) -> None:
    assert not asks_who_pays(message)


def test_korean_who_pays_gets_english_words() -> None:
    glossary = Glossary.load()
    assert "who pays" in glossary.expand("그럼 이건 누가 비용을 내요?")
    assert "who pays" not in glossary.expand("누가 내일 가요?")


@pytest.mark.parametrize("message", ["화상회의만 1년 했어요", "방영하면서 촬영한대요"])
def test_korean_written_without_spaces_or_as_airing_gets_its_gloss(message: str) -> None:
    assert Glossary.load().expand(message) != message


def test_the_visit_cards_name_what_a_visit_costs() -> None:
    for visit in ("visit-after-a-year-of-video-calls", "trust-face-to-face-visits"):
        assert "visiting-partner-travel-costs" in cost_cards({visit}, CARDS)


def test_who_decides_this_after_an_overage_is_the_sign_off_card_it_links() -> None:
    found = decided_by("그럼 이건 누가 결정해요?", ["budget-overages"], CARDS, Culture.KR_US, Perspective.ASIA_SIDE)
    assert found is not None and found.id == "budget-sign-off-authority"


def test_who_decides_this_after_a_card_on_deciding_it_stays_with_that_card() -> None:
    found = decided_by("Who decides that?", ["final-cut-korean-director"], CARDS, Culture.KR_US, Perspective.US_SIDE)
    assert found is not None and found.id == "final-cut-korean-director"


def test_no_linked_decision_card_for_who_pays_or_another_pair() -> None:
    assert decided_by("그럼 이건 누가 비용을 내요?", ["budget-overages"], CARDS, Culture.KR_US, None) is None
    assert decided_by("누가 결정권자예요?", ["budget-overages"], CARDS, Culture.KR_US, None) is None  # not "this"


@pytest.mark.parametrize(("turns", "expected"), [
    (["We're thinking of flying to Seoul to see our Korean partner after a year on video calls only.",
      "그럼 이건 누가 비용을 내요?"], "visiting-partner-travel-costs"),
    (["Our Korean co-producer's staff want to join our location scout in Arizona next month.",
      "그럼 이건 누가 비용을 내요?"], "visiting-partner-travel-costs"),
    (["미국 파트너가 예산이 넘으면 초과분을 반씩 나누자고 합니다.", "그럼 이건 누가 결정해요?"],
     "budget-sign-off-authority"),
])
def test_short_korean_followups_on_cost_and_decisions(kb_answerer: Answerer, turns: list[str],
                                                      expected: str) -> None:
    assert first_cards(kb_answerer, *turns)[-1] == expected


def test_who_decides_after_a_japanese_phrase_is_answered_by_the_map(kb_answerer: Answerer) -> None:
    first = kb_answerer.answer(Ask(message="일본 제작사 과장님이 저희 안에 「前向きに検討します」라고 하셨어요."))
    answer = kb_answerer.answer(Ask(message="그럼 이건 누가 결정해요?", conversation_id=first.conversation_id))
    assert answer.sources[0].id == "mapping-who-decides-japan"
    assert answer.confidence >= kb_answerer.planner.ranker.answer_at
