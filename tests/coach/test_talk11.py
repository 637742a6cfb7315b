"""Follow-ups that ask whom to write to or who really decides ("Who should I actually be emailing?", "go over his
head?", 「誰にメールを送るべきですか」) get the guide on who decides for the asker's pair, never a phrase card; ones
in Japanese, Korean or Chinese that ask who decides or how to put the agreement in writing are read with the English
of that frame. The readers on their own, the choice on synthetic candidates, then the real engine."""

from __future__ import annotations

import numpy as np
import pytest

from server.coach.answer import Answerer
from server.coach.choice import DECIDER_TOPIC, record_ask, who_decides
from server.coach.compose import Section
from server.coach.continuation import blend
from server.coach.followup import DECIDER_FRAME, RECORD_FRAME, asks_who_decides, glossed
from server.coach.plan import Plan
from server.coach.rank import Candidate
from server.models import Card, CardKind, Culture, Hit, Perspective
from tests.coach.conversation import first_cards


@pytest.mark.parametrize("message", [
    "Who should I actually be emailing?", "Who am I supposed to be emailing over there?",
    "Who should I be following up with now?", "who do I actually need to convince?",
    "Should I just go over his head?", "Can I speed it up by talking to someone more senior?",
    "Can I talk to the members directly?", "Who really decides over there?",
    "そもそも向こうで実際に決めているのは誰なんでしょう？", "誰にメールを送るべきですか？",
    "누구에게 연락해야 하죠?", "실제로 결정권은 누구한테 있나요?", "我该找谁？", "我能不能越过他直接找老板？",
    "到底谁说了算？"])
def test_a_followup_asking_whom_to_address_or_who_decides_is_recognised(message: str) -> None:
    assert asks_who_decides(message)


@pytest.mark.parametrize("message", [
    "ok draft me a note to him then",  # the coach writes it: the shown card's wording
    "Who pays for that?", "How long does that usually take?", "返信の下書きをお願いできますか？", "这笔钱谁来出？"])
def test_other_followups_ask_no_one_to_address(message: str) -> None:
    assert not asks_who_decides(message)


def test_cjk_followups_asking_who_decides_or_for_it_in_writing_carry_the_english_frame() -> None:
    assert DECIDER_FRAME in glossed("誰にメールを送るべきですか？")
    assert RECORD_FRAME in glossed("合意した内容はどう書面に残せばいいですか？")
    assert RECORD_FRAME in glossed("합의한 내용은 서면으로 어떻게 남기죠?")
    assert glossed("では、それでいきましょう") == "では、それでいきましょう"


def _candidate(card_id: str, probability: float, kind: CardKind = CardKind.GUIDE,
               topics: tuple[str, ...] = (DECIDER_TOPIC,)) -> Candidate:
    card = Card(id=card_id, title=card_id, kind=kind, topics=list(topics), cultures=[Culture.JP_US],
                perspective=Perspective.BOTH, triggers=["t"], summary="s", sources=["https://example.org"],
                sections={})
    hit = Hit(card_id=card_id, title=card_id, passage="", passage_kind="summary", score=0.03, dense_score=0.5,
              topics=card.topics, cultures=["jp-us"], perspective="both")
    return Candidate(card, hit, np.zeros(1), probability)


def _continuation(topic: list[Candidate], own: list[Candidate]) -> Plan:
    card = topic[0].card
    return Plan(confidence=0.9, outcome="answer", sections=[Section(card=card, heading=None, short="")],
                candidates=topic, query="q", earned=0.4, own=own)


def test_who_decides_gets_the_guide_the_blended_ranking_puts_first_never_a_phrase_card() -> None:
    """"Who should I be emailing?" after a phrase card: the phrase card on checking with the boss ranks first on
    the topic, the map of who decides comes next on the topic and on the follow-up's own words."""
    topic = [_candidate("shown-phrase", 0.95, CardKind.PHRASEBOOK, ("indirect-no",)),
             _candidate("boss-phrase", 0.8, CardKind.PHRASEBOOK), _candidate("who-decides", 0.7)]
    own = [_candidate("cadence", 0.6, topics=("written-communication",)), _candidate("who-decides", 0.3)]
    plan = _continuation(topic, own)
    assert [c.card.id for c in blend(plan)][:3] == ["who-decides", "shown-phrase", "boss-phrase"]
    found = who_decides(plan, {"shown-phrase"}, Culture.JP_US, Perspective.US_SIDE)
    assert found is not None and found.id == "who-decides"
    writing = record_ask(plan, {"shown-phrase"}, Culture.JP_US, None)  # "in writing?": the card on writing
    assert writing is not None and writing.id == "cadence"


@pytest.mark.slow
def test_who_to_email_after_a_vague_yes_gets_a_card_on_who_decides(kb_answerer: Answerer) -> None:
    cards = first_cards(kb_answerer, "The line producer at our Japanese studio says the budget increase is 'being "
                                     "considered positively'.", "Three weeks on, still nothing. Do I push?",
                        "Who am I supposed to be emailing at this point?")
    assert cards[0] == "maemuki-ni-kentou"
    # before: the follow-up cadence card; the map of the budget's approvers answers a budget increase too
    assert cards[2] in {"mapping-who-decides-japan", "committee-lead-company", "budget-sign-off-authority"}


@pytest.mark.slow
def test_going_over_his_head_gets_the_guide_not_the_phrase_card_on_checking_upstairs(kb_answerer: Answerer) -> None:
    cards = first_cards(kb_answerer, "For six weeks our contact at the Osaka studio has said he needs to check "
                                     "internally before he can confirm the episode budget.",
                          "Should I go over his head and email his boss?")
    assert cards[1] in {"mapping-who-decides-japan", "head-office-consultation"}  # before: ue-to-soudan, a phrase


@pytest.mark.slow
def test_japanese_followup_asking_how_to_record_the_agreement_gets_the_minutes_card(kb_answerer: Answerer) -> None:
    cards = first_cards(kb_answerer, "アメリカ側から撮影が1週間遅れると連絡がありました。",
                          "その分の費用はどちらが持つのが普通ですか？",
                          "合意したことは、どう書面に残しておけばいいでしょうか？")
    assert cards[2] == "meeting-minutes-confirm-decisions"  # before: the card on the contract as a starting point
