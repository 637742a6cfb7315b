"""Follow-ups of session 12: "如果是日本公司呢？" after the 研究研究 card answers with the Japan card that stands in
for it (many Japan cards have no Korean or Chinese translation, so the question asked again ranks none of them);
「その費用はどちらが持つ？」 after the schedule-slip card gets the cost card that card links to; "Who actually makes
that call?" asks who decides. The functions on the real cards, then the real engine."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.coach.choice import counterpart, counterpart_for
from server.coach.continuation import own_or_blend
from server.coach.followup import asks_who_decides, switched_pair
from server.coach.plan import Plan
from server.coach.who_pays import cost_cards, money_first, pays_for_the_topic
from server.models import Culture, Perspective
from tests.coach.conversation import CARDS, candidates_of, first_cards


def test_the_counterpart_of_a_card_for_another_pair_shares_its_topics_kind_and_links() -> None:
    meeting = counterpart(CARDS["korean-first-meeting"], Culture.JP_US, Perspective.US_SIDE, CARDS, {})
    assert meeting is not None and meeting.id == "meishi-exchange"  # linked, same topics: not the dinner card
    toasts = counterpart(CARDS["china-banquets-and-toasts"], Culture.KR_US, Perspective.US_SIDE, CARDS,
                         {"hoesik-relationship-building": 0.1})
    assert toasts is not None and toasts.id == "hoesik-relationship-building"


def test_a_switch_with_no_sure_card_for_the_new_pair_takes_the_shown_cards_counterpart() -> None:
    """"如果是日本公司呢？" after 研究研究: the question asked again ranks the Chinese card first and the generic
    budget card, under the answer threshold, as the only one for Japan."""
    ranked = candidates_of(("yanjiu-yanjiu", 0.56), ("budget-breakdown-expectations", 0.1))
    plan = Plan(confidence=0.95, outcome="answer", candidates=ranked)
    found = counterpart_for(plan, Culture.JP_US, CARDS, Perspective.US_SIDE, {"yanjiu-yanjiu"}, 0.44)
    assert found is not None and Culture.JP_US in found.cultures and found.kind == CARDS["yanjiu-yanjiu"].kind
    sure = candidates_of(("yanjiu-yanjiu", 0.56), ("kentou-shimasu", 0.5))  # the ranking found one: for_pair's
    assert counterpart_for(Plan(confidence=0.9, outcome="answer", candidates=sure), Culture.JP_US, CARDS,
                           Perspective.US_SIDE, {"yanjiu-yanjiu"}, 0.44) is None


def test_a_declined_switch_takes_the_counterpart_of_the_shown_card() -> None:
    """「일본 회사 접대 자리라면 어떻게 다른가요?」 after the 회식 card: no Japan card ranks; it was declined."""
    plan = Plan(confidence=0.22, outcome="decline", candidates=candidates_of(("hoesik-relationship-building", 0.22)))
    found = counterpart_for(plan, Culture.JP_US, CARDS, Perspective.US_SIDE, {"hoesik-relationship-building"}, 0.35)
    assert found is not None and found.id == "dinners-and-gifts"


def test_the_cost_cards_of_a_who_pays_followup_come_from_the_shown_cards_links() -> None:
    assert "schedule-slip-cost" in cost_cards({"schedule-slip"}, CARDS)
    permits = cost_cards({"japan-location-shooting-permits"}, CARDS)  # what a permit delay costs, not the incentive
    assert permits == {"permit-delays-standby-costs"}
    assert cost_cards({"us-test-screenings"}, CARDS) == frozenset()
    topic = candidates_of(("schedule-slip", 0.9), ("permit-delays-standby-costs", 0.32), ("schedule-slip-cost", 0.05))
    ordered = money_first(topic, topic, 0.44, True, cost_cards({"schedule-slip"}, CARDS))
    assert ordered[0].card.id == "schedule-slip-cost" and ordered[0].probability >= 0.44  # before: permit delays
    own_cost = money_first(topic, topic, 0.44, False, cost_cards({"schedule-slip"}, CARDS))  # names its own cost
    assert own_cost[0].card.id == "permit-delays-standby-costs"


def test_a_bare_who_pays_asks_about_the_cost_of_what_it_follows() -> None:
    assert pays_for_the_topic("so who pays?") and pays_for_the_topic("who pays for that?")
    assert not pays_for_the_topic("If the VFX budget goes over next month, who pays the overage?")
    assert not pays_for_the_topic("审计费用一般谁出？")  # the audit's fee: a cost of its own


def test_who_decides_ranks_a_guide_its_own_words_rank_above_the_floor() -> None:
    """"Who am I supposed to be emailing?" after the 前向きに検討 card: the committee's lead company ranks on the
    follow-up's own words, not on the earlier question's; the mean of the two alone leaves it under the floor."""
    topic = candidates_of(("maemuki-ni-kentou", 0.58), ("email-follow-up-cadence", 0.9))
    own = candidates_of(("email-follow-up-cadence", 0.85), ("committee-lead-company", 0.28))
    plan = Plan(confidence=0.9, outcome="answer", candidates=topic, own=own)
    lead = next(c for c in own_or_blend(plan) if c.card.id == "committee-lead-company")
    assert lead.probability == pytest.approx(0.28)


@pytest.mark.parametrize("message", ["Who actually makes that call at a company like theirs?",
                                     "who makes these decisions over there?"])
def test_who_makes_that_call_asks_who_decides(message: str) -> None:
    assert asks_who_decides(message)


def test_a_longer_korean_switch_still_names_the_new_pair() -> None:
    assert switched_pair("일본 회사와 첫 미팅이라면 뭐가 다른가요?", Culture.KR_US) is Culture.JP_US


@pytest.mark.slow
def test_a_chinese_switch_to_japan_gets_a_japan_phrase_card(kb_answerer: Answerer) -> None:
    cards = first_cards(kb_answerer, "我在美国制片公司负责这个项目。中方合作伙伴对我们的预算调整一直说'研究研究'，"
                                     "已经一个多月了。", "如果是日本公司呢？")
    assert cards[0] == "yanjiu-yanjiu"
    assert cards[1] in {"kentou-shimasu", "maemuki-ni-kentou", "shanai-chousei-mochikaeri"}  # before: budget card


@pytest.mark.slow
def test_who_pays_after_a_schedule_slip_gets_the_slip_cost_card(kb_answerer: Answerer) -> None:
    cards = first_cards(kb_answerer, "日本側の制作会社です。アメリカとの共同製作で、台風でロケが4日止まり、撮影"
                                     "スケジュールが押しています。米国側にはどう伝えればいいですか。",
                        "その費用はどちらが持つことになるんでしょう？")
    assert cards[1] == "schedule-slip-cost"  # before: the card on permit delays


@pytest.mark.slow
def test_an_english_followup_asking_whom_to_email_gets_the_map_of_who_decides(kb_answerer: Answerer) -> None:
    """Read with the English of the frame (who really decides, whom to write to), as a CJK follow-up is."""
    cards = first_cards(kb_answerer, "The line producer at our Japanese studio says the budget increase is 'being "
                                     "considered positively'.", "Three weeks on, still nothing. Do I push?",
                        "Who am I supposed to be emailing at this point?")
    # before: the committee's lead company (or the cadence card); the budget's approvers answer it too (the ask is
    # about a budget increase)
    assert cards[2] in {"mapping-who-decides-japan", "budget-sign-off-authority"}
