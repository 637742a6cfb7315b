"""Session 28's conversation and part rules: a sentence after "Or" that asks with a verb of its own is a second
ask ("Is there a treaty? Or could we join their treaty with China?"), not the other choice; a Korean 「…건지」
clause asks; an attributive "our usual shooting hours" judges nothing (the follow-up names hours); a follow-up whose
own words' best card is written for the other side is answered by their best card for the asker's side; a Chinese
asker's own nationality said with their job names no partner; a card on who decides stays in the conversation's
pair."""

from __future__ import annotations

import numpy as np
import pytest

from server.coach.asker_frame import detect_pair
from server.coach.bare_asks import names_no_topic
from server.coach.choice import DECIDER_TOPIC, unasked_card, who_decides
from server.coach.compose import Section
from server.coach.parts import split_parts
from server.coach.plan import Plan
from server.coach.rank import Candidate
from server.models import Card, CardKind, Culture, Hit, Perspective

ANSWER_AT = 0.37
US, ASIA = Perspective.US_SIDE, Perspective.ASIA_SIDE


@pytest.mark.parametrize(("message", "second"), [
    ("Is there a co-production treaty between Korea and the US? Or would we need a Chinese partner to qualify?",
     "Would we need a Chinese partner to qualify?"),
    ("Does Japan have a film treaty with the US? Or can we use the Japan-China treaty somehow?",
     "Can we use the Japan-China treaty somehow?"),
])
def test_or_with_a_verb_of_its_own_asks_again(message: str, second: str) -> None:
    parts, _ = split_parts(message, [])
    assert len(parts) == 2 and parts[1] == second  # headed without the "Or"


@pytest.mark.parametrize("message", [
    "Should I wait? Or should I push them harder this week?",  # the same verb: the other choice
    "Is this normal for Korean studios? Or is it something about our deal specifically?",
    "Should we call them? Or would it be better to just send another email this week?",  # the asker's two moves
    "Is that a no? Or are they busy?",  # too short to ask on its own
])
def test_or_giving_the_other_choice_stays_one_question(message: str) -> None:
    assert len(split_parts(message, [])[0]) == 1


def test_a_korean_geonji_clause_asks() -> None:
    message = ("미국 측이 조지아에서 촬영하자고 하는데, 그게 저희한테도 도움이 되는 건지, 그리고 저희 스태프도 미국 "
               "노조 규정을 따라야 하는지 궁금합니다.")
    parts, _ = split_parts(message, [])
    assert len(parts) == 2 and parts[0].endswith("건지")


def test_an_attributive_judging_word_names_a_topic() -> None:
    assert not names_no_topic("Can those actors work our usual Korean shooting hours?")
    assert not names_no_topic("Does that cover their standard delivery list items?")
    assert names_no_topic("Is that their usual approach?")
    assert names_no_topic("Is this their standard way of doing things?")
    assert names_no_topic("Is that normal?")


def _candidate(card_id: str, probability: float, side: Perspective) -> Candidate:
    card = Card(id=card_id, title=card_id, kind=CardKind.GUIDE, topics=["t"], cultures=[Culture.CN_US],
                perspective=side, triggers=["t"], summary="s", sources=["https://example.org"], sections={})
    hit = Hit(card_id=card_id, title=card_id, passage="", passage_kind="summary", score=0.03, dense_score=0.5,
              topics=card.topics, cultures=["cn-us"], perspective=side.value)
    return Candidate(card, hit, np.zeros(1), probability)


def _continuation(topic: list[Candidate], own: list[Candidate]) -> Plan:
    section = Section(card=own[0].card, heading=None, short="")
    return Plan(confidence=0.77, outcome="answer", sections=[section], candidates=topic, query="q", earned=0.39,
                own=own)


def test_a_follow_up_takes_its_own_words_card_for_the_askers_side() -> None:
    """「要不要安排一次饭局来推动？」 from an American after 再说吧: not the shown 再说吧 card again, nor the card that
    explains dinner talk to a Chinese company, but the one on banquets with a Chinese partner."""
    shown = _candidate("zaishuo", 0.77, US)
    topic = [shown, _candidate("travel", 0.1, Perspective.BOTH)]
    own = [_candidate("dinner-talk-for-chinese-side", 0.78, ASIA), _candidate("banquets", 0.63, US),
           _candidate("visit", 0.06, Perspective.BOTH)]
    found = unasked_card(_continuation(topic, own), {"zaishuo"}, ANSWER_AT, side=US)
    assert found is not None and found[0].id == "banquets"


def test_without_a_sure_card_for_the_askers_side_the_shown_card_stays() -> None:
    shown = _candidate("zaishuo", 0.77, US)
    own = [_candidate("dinner-talk-for-chinese-side", 0.78, ASIA), _candidate("banquets", 0.2, US)]
    found = unasked_card(_continuation([shown], own), {"zaishuo"}, ANSWER_AT, side=US)
    assert found is not None and found[0].id == "zaishuo"


def test_a_chinese_askers_own_nationality_with_their_job_names_no_partner() -> None:
    """「我是美国公司驻东京的中方员工」: a Chinese employee of a US company's Tokyo office asks about the Japanese
    side (日方), not about China; 「中方员工不愿意加班」 still names the Chinese side."""
    assert detect_pair("我是美国公司驻东京的中方员工。日方说要回去“社内調整”，这是拒绝吗？") is Culture.JP_US
    assert detect_pair("我是美国制片公司的中国籍员工，负责和日本合作方对接。") is Culture.JP_US
    assert detect_pair("中方员工不愿意加班，美方很不满。") is Culture.CN_US
    assert detect_pair("What happens if the bond company takes over our Korean-American feature?") is Culture.KR_US


def test_a_card_on_who_decides_is_kept_only_in_the_conversations_pair() -> None:
    def deciding(card_id: str, culture: Culture) -> Candidate:
        card = Card(id=card_id, title=card_id, kind=CardKind.GUIDE, topics=[DECIDER_TOPIC], cultures=[culture],
                    perspective=US, triggers=["t"], summary="s", sources=["https://example.org"], sections={})
        hit = Hit(card_id=card_id, title=card_id, passage="", passage_kind="summary", score=0.03, dense_score=0.5,
                  topics=card.topics, cultures=[culture.value], perspective="us-side")
        return Candidate(card, hit, np.zeros(1), 0.9)

    china, japan = deciding("china-decides", Culture.CN_US), deciding("japan-decides", Culture.JP_US)
    chosen = Plan(confidence=0.9, outcome="answer", sections=[Section(card=china.card, heading=None, short="")],
                  candidates=[china, japan], query="q", own=[china, japan])
    assert who_decides(chosen, set(), Culture.CN_US, US) is china.card
    found = who_decides(chosen, set(), Culture.JP_US, US)
    assert found is not None and found.id == "japan-decides"
