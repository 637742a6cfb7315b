"""Personal currency exchange, packing for a trip and personal health insurance are traps (coach/traps.py); a
company's currency conversion and a crew's insurance stay below the cue. Examples are written for these tests, not
taken from the labelled set."""

from __future__ import annotations

import pytest

from server.coach.offtopic import off_topic_cue, trap_words


@pytest.mark.parametrize(("question", "kind"), [
    ("부산 출장 전에 환전은 어디서 하는 게 수수료가 싸요?", "travel"),
    ("成田空港の両替所と市内の銀行、どっちがレートいいですか？", "travel"),
    ("去首尔之前在哪儿换钱划算？", "travel"),
    ("Where's the best place to change some cash before a trip to Tokyo?", "travel"),
    ("What should I pack for ten days in Hokkaido in February?", "travel"),
    ("在美国工作一年，医保怎么买？", "paperwork"),
])
def test_personal_money_packing_and_insurance_are_traps(question: str, kind: str) -> None:
    assert kind in trap_words(question), trap_words(question)
    assert off_topic_cue(question) >= 0.5


@pytest.mark.parametrize("question", [
    "合拍片的美元收入换汇回国，要走什么审批流程？",
    "Our US partner wants the budget converted at a fixed exchange rate. Is that normal in a co-production?",
    "The Korean partner says the crew's insurance is our cost. Who usually pays in a Korea-US deal?",
])
def test_company_money_and_crew_insurance_stay_below_the_cue(question: str) -> None:
    assert off_topic_cue(question) < 0.5, trap_words(question)
