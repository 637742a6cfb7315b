"""Follow-ups of session 12, round 2: "如果是日本公司呢？" stands in for the last answer's card (in its order), not
the best-ranked shown one; "someone more senior" asks who decides, not how to match a delegation; after a committee
blocking a sale, "who do I need to convince?" gets the committee's lead company; 「書面で残した方がいい？」 asks how to
record what was agreed, and a shown card on writing no longer keeps the card on minutes out. The functions on the
real cards, then the real engine."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.coach.choice import counterpart_for, decisive, record_ask, settle, who_decides
from server.coach.compose import Section
from server.coach.followup import RECORD_FRAME, asks_to_record, asks_who_decides, glossed
from server.coach.plan import Plan
from server.coach.rank import Candidate
from server.models import Card, Culture, Perspective
from tests.coach.conversation import CARDS, candidates_of, first_cards


def _continuation(topic: list[Candidate], own: list[Candidate]) -> Plan:
    card = topic[0].card
    return Plan(confidence=0.9, outcome="answer", sections=[Section(card=card, heading=None, short="")],
                candidates=topic, query="q", earned=0.4, own=own)


def test_a_switch_stands_in_for_the_last_answers_card_not_the_best_ranked_shown_one() -> None:
    """「如果是日本公司呢？」 after 「我能不能越过他…？」 (answered with the card on who decides at the top): the
    question asked again ranks the 领导还要商量 card (shown a turn before) first."""
    plan = Plan(confidence=0.5, outcome="answer",
                candidates=candidates_of(("lingdao-hai-yao-shangliang", 0.6), ("china-decision-at-the-top", 0.4)))
    shown = {"lingdao-hai-yao-shangliang", "china-decision-at-the-top"}
    found = counterpart_for(plan, Culture.JP_US, CARDS, Perspective.US_SIDE, shown, 0.44,
                            ["china-decision-at-the-top", "mianzi-face"])
    assert found is not None and found.id in {"mapping-who-decides-japan", "head-office-consultation"}
    before = counterpart_for(plan, Culture.JP_US, CARDS, Perspective.US_SIDE, shown, 0.44)
    assert before is not None and before.id == "shanai-chousei-mochikaeri"  # the phrase card's counterpart


def test_a_switch_after_a_phrase_card_takes_a_phrase_card_over_a_sure_guide() -> None:
    """"What if it were a Chinese partner saying that instead?" after 持ち帰ります: the question asked again has
    lost the quoted phrase and ranks the guide on choosing a Chinese partner sure."""
    plan = Plan(confidence=0.75, outcome="answer",
                candidates=candidates_of(("choosing-a-chinese-partner", 0.75), ("yanjiu-yanjiu", 0.1)))
    found = counterpart_for(plan, Culture.CN_US, CARDS, Perspective.US_SIDE, {"shanai-chousei-mochikaeri"}, 0.44,
                            ["shanai-chousei-mochikaeri"])
    assert found is not None and found.id == "lingdao-hai-yao-shangliang"
    after_guide = counterpart_for(plan, Culture.CN_US, CARDS, Perspective.US_SIDE, {"mapping-who-decides-japan"},
                                  0.44, ["mapping-who-decides-japan"])
    assert after_guide is None  # after a guide the sure guide answers


def test_someone_more_senior_gets_a_map_of_who_decides_not_the_delegation_card() -> None:
    """"Should I go to someone more senior at the studio?" after the 善処します card: "senior" ranks the card on
    matching delegations first on the follow-up's own words; the topic supports the map of who decides."""
    assert not decisive(CARDS["matching-delegation-seniority"]) and decisive(CARDS["mapping-who-decides-japan"])
    plan = _continuation(candidates_of(("zensho-shimasu", 0.97), ("ue-to-soudan", 0.39),
                                       ("mapping-who-decides-japan", 0.16)),
                         candidates_of(("matching-delegation-seniority", 0.21), ("mapping-who-decides-japan", 0.07)))
    found = who_decides(plan, {"zensho-shimasu"}, Culture.JP_US, Perspective.US_SIDE)
    assert found is not None and found.id == "mapping-who-decides-japan"


def test_who_to_convince_about_a_committee_gets_its_lead_company() -> None:
    """"who do I actually need to convince?" after a committee member blocks a sale: the lead company ranks on what
    it continues, the general map of who decides only on its own words."""
    plan = _continuation(candidates_of(("blocking-co-owned-rights-sale", 0.7), ("committee-rights-consent", 0.55),
                                 ("committee-lead-company", 0.53)),
                         candidates_of(("mapping-who-decides-japan", 0.39), ("china-decision-at-the-top", 0.21)))
    found = who_decides(plan, {"blocking-co-owned-rights-sale"}, Culture.JP_US, Perspective.US_SIDE)
    assert found is not None and found.id == "committee-lead-company"


def test_a_shown_card_on_writing_does_not_keep_the_minutes_card_out() -> None:
    """「決まったことは書面で残した方がいい？」 when the continuation would answer with the cadence card again."""
    plan = _continuation(candidates_of(("email-follow-up-cadence", 0.8), ("maemuki-ni-kentou", 0.6)),
                         candidates_of(("meeting-minutes-confirm-decisions", 0.4), ("email-follow-up-cadence", 0.3)))
    found = record_ask(plan, {"email-follow-up-cadence"}, Culture.JP_US, Perspective.US_SIDE)
    assert found is not None and found.id == "meeting-minutes-confirm-decisions"
    assert record_ask(plan, set(), Culture.JP_US, Perspective.US_SIDE) is None  # a new card on writing answers


def test_a_first_question_that_mentions_a_letter_in_writing_keeps_its_card() -> None:
    """「…書面が届きました。…どう返事すればいいですか？」 as a conversation's first message: no record ask (its own
    ranking is the only one, and a card on writing in it is no reason to leave the lawyer-letter card)."""
    first = Plan(confidence=0.9, outcome="answer", sections=[Section(card=CARDS["american-lawyer-letter-escalation"],
                                                                     heading=None, short="")],
                 candidates=candidates_of(("american-lawyer-letter-escalation", 0.9),
                                    ("reporting-schedule-slip-to-us-side", 0.6)))

    def rebuild(card: Card, chosen: Plan, alone: Plan) -> Plan:
        raise AssertionError(f"answered from {card.id} instead")

    message = "弁護士から書面が届きました。どう返事すればいいですか？"
    assert settle([first], message, set(), Culture.JP_US, False, None, 0.44, rebuild, Perspective.ASIA_SIDE,
                  CARDS).cards[0].id == "american-lawyer-letter-escalation"


@pytest.mark.parametrize("message", ["Next time, who on their side should we actually be talking to?",
                                     "더 윗분께 직접 연락드려도 될까요?",
                                     "もっと上の立場の方にお願いした方がいいでしょうか？"])
def test_more_ways_to_ask_who_decides(message: str) -> None:
    assert asks_who_decides(message)


def test_asking_whether_to_put_it_in_writing_carries_the_record_frame() -> None:
    assert RECORD_FRAME in glossed("決まったことは書面で残しておいた方がいいですか？")
    assert RECORD_FRAME in glossed("要不要把会上谈好的内容写成书面确认发给他们？")
    assert RECORD_FRAME in glossed("and how do I get what he said at dinner into writing?")
    assert RECORD_FRAME not in glossed("书面记录没有，还算数吗？")  # whether it counts, not how to record
    to_them = "and how do I put that in writing to the lead company?"  # what to write them: the topic's card
    assert RECORD_FRAME not in glossed(to_them) and not asks_to_record(to_them)


@pytest.mark.slow
def test_how_to_record_it_read_on_its_own_still_gets_the_minutes_card(kb_answerer: Answerer) -> None:
    """The follow-up's own reading is chosen (it names a date of its own): the card on minutes it ranks counts."""
    cards = first_cards(kb_answerer, "We signed last month and now the Tokyo studio wants to 'discuss' the delivery "
                                     "schedule again.", "If we agree a new date, how do we record it properly?")
    assert cards[1] in {"meeting-minutes-confirm-decisions", "contract-as-starting-point"}


@pytest.mark.slow
def test_someone_more_senior_after_a_phrase_card_gets_the_map_of_who_decides(kb_answerer: Answerer) -> None:
    cards = first_cards(kb_answerer, "Our Japanese studio's producer answered our request to redo the opening "
                                     "titles with 'zensho shimasu'.",
                          "Should I take it to someone more senior over there?")
    assert cards[1] in {"mapping-who-decides-japan", "escalation-ladder-deadlock"}  # before: delegation seniority
