"""Follow-ups of session 19: "who pays?" after a card whose own item says who pays stays on that card's item (a
money card its word "pays" ranks is no better), and after a card on no money topic takes no unrelated money card;
「그럼 뭐라고 연락하면 될까요?」 asks only what to say, so no card on writing to a Korean partner its word 연락 ranks;
a message that, read on its own, is sure of a new card is a new question rather than the shown card again. The
functions on the real cards, then the real engine."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.coach.choice import moves_on
from server.coach.compose import Section
from server.coach.continuation import bare
from server.coach.plan import Plan
from server.coach.who_pays import covering_cards, money_first
from server.models import Perspective
from tests.coach.conversation import CARDS, candidates_of, first_cards


def test_a_shown_card_with_an_item_on_who_pays_covers_the_followup() -> None:
    assert "anime-retakes-quality-control" in covering_cards({"anime-retakes-quality-control"}, CARDS,
                                                             Perspective.US_SIDE)  # "... and who pays for changes"
    assert "us-test-screenings" in covering_cards({"us-test-screenings"}, CARDS, Perspective.ASIA_SIDE)
    assert covering_cards({"meishi-exchange", "reading-an-indirect-no"}, CARDS, Perspective.ASIA_SIDE) \
        == frozenset()  # neither says who pays


def test_who_pays_after_the_retakes_card_takes_its_item_before_the_overages_card() -> None:
    topic = candidates_of(("anime-retakes-quality-control", 0.55), ("kibishii-desu", 0.36),
                          ("budget-overages", 0.29))
    blended = candidates_of(("budget-overages", 0.59), ("kibishii-desu", 0.38),
                            ("anime-retakes-quality-control", 0.28))
    shown = {"anime-retakes-quality-control", "kibishii-desu"}
    covering = covering_cards(shown, CARDS, Perspective.US_SIDE)
    ordered = money_first(blended, topic, 0.28, True, frozenset(), covering)
    assert ordered[0].card.id == "anime-retakes-quality-control" and ordered[0].probability >= 0.28
    # a shown card the topic ranks lower (an earlier turn's) does not cover it: the topic's money order stands
    later = candidates_of(("kibishii-desu", 0.6), ("anime-retakes-quality-control", 0.3), ("budget-overages", 0.29))
    assert money_first(blended, later, 0.28, True, frozenset(), covering)[0].card.id == "kibishii-desu"


@pytest.mark.parametrize("message", ["그럼 뭐라고 연락하면 될까요?", "What do I say to them?",
                                     "じゃあ何と伝えればいいですか？", "那我该怎么跟他们说？",
                                     "What do I say to the new executive?", "뭐라고 메일을 보내면 될까요?"])
def test_what_to_say_to_them_names_no_topic(message: str) -> None:
    assert bare(message)


@pytest.mark.parametrize("message", ["What do I say about the budget overage to the committee?",
                                     "그럼 계약서에는 작가 역할을 어떻게 써야 하나요?", "Who pays the bank charges?"])
def test_an_ask_with_a_topic_of_its_own_is_not_bare(message: str) -> None:
    assert not bare(message)


def _section(card_id: str) -> Section:
    return Section(card=CARDS[card_id], heading=None, short="")


def test_a_message_sure_of_a_new_card_moves_on_from_a_shown_one_more_readily() -> None:
    """"Is there any government money for a shoot like this?" after the permits card: on its own 0.89 for the
    location incentive; as a continuation, the permits card again, which its own words rank at 0.1."""
    alone = Plan(confidence=0.89, outcome="answer", sections=[_section("japan-location-incentive")])
    continuation = Plan(confidence=0.99, outcome="answer", sections=[_section("japan-location-shooting-permits")],
                        candidates=candidates_of(("japan-location-shooting-permits", 0.99)),
                        own=candidates_of(("japan-location-incentive", 0.89),
                                          ("japan-location-shooting-permits", 0.1)))
    assert moves_on(alone, continuation, {"japan-location-shooting-permits"})
    assert not moves_on(alone, continuation)  # a new card in the continuation: ALONE_SURE (0.9) still holds
    unsure = Plan(confidence=0.84, outcome="answer", sections=[_section("japan-location-incentive")])
    assert not moves_on(unsure, continuation, {"japan-location-shooting-permits"})


@pytest.mark.slow
def test_what_to_say_after_a_soft_pass_stays_on_its_card(kb_answerer: Answerer) -> None:
    cards = first_cards(kb_answerer, "미국 파트너가 이미 서명한 공동제작 계약의 수익 배분을 다시 협상하자고 합니다.",
                        "그럼 뭐라고 연락하면 될까요?")
    assert cards[1] in {"korean-contracts-renegotiation", "us-partner-reopens-signed-deal"}  # before: KakaoTalk card


@pytest.mark.slow
def test_who_pays_the_extra_cost_after_retakes_takes_the_retakes_card(kb_answerer: Answerer) -> None:
    cards = first_cards(kb_answerer, "米国の配信会社で働いています。日本のアニメ制作会社に第3話のリテイクをお願いし"
                                     "たら「スケジュール的に厳しいです」と言われました。",
                        "それって断られているということですか？", "その追加費用は誰が払うべきですか？")
    assert cards[2] == "anime-retakes-quality-control"  # before: the card on overages


@pytest.mark.slow
@pytest.mark.xfail(reason="ranker near-tie: read alone, the incentive card is 0.64 and leads kofic-location-incentive "
                   "by 0.18 after session 25's retrain (0.785 and 0.65 before), under both ALONE_OVER_SHOWN and "
                   "ALONE_LEAD, so the permits card is kept", strict=False)
def test_a_new_question_after_the_permits_card_gets_the_incentive_card(kb_answerer: Answerer) -> None:
    """Read alone, the message is under choice.ALONE_OVER_SHOWN (0.77-0.82, as retrains calibrate it) but far ahead
    of its own runner-up (choice.ALONE_LEAD, session 22)."""
    cards = first_cards(kb_answerer, "We're planning three weeks of street shooting in Tokyo next spring. How do "
                                     "permits work there?", "Is there any government money for a shoot like this?")
    assert cards[1] == "japan-location-incentive"  # before: the permits card again
