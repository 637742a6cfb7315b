"""Questions written in traditional Chinese (Taiwan, Hong Kong) are read in simplified characters, which the cards,
glossary and word lists use, so they reach the same card as the simplified question instead of being read as
Japanese (國, 們 and 數 are also Japanese kanji) and declined; the conversation keeps the asker's own text.
Japanese, Korean and simplified text, and a simplified question quoting a Japanese kanji word, are left unchanged.

Examples are written for these tests (not taken from the labelled set)."""

from __future__ import annotations

import pytest

from server.cjk import simplified
from server.coach.answer import Answerer
from server.models import Ask
from tests.coach.conversation import first_cards


@pytest.mark.parametrize(("traditional", "simple"), [
    ("美國公司說預算要先給他們看，這樣合理嗎？", "美国公司说预算要先给他们看，这样合理吗？"),
    ("美方製片在會議上一直催我們當場決定", "美方制片在会议上一直催我们当场决定"),
])
def test_traditional_chinese_is_read_in_simplified_characters(traditional: str, simple: str) -> None:
    assert simplified(traditional) == simple


@pytest.mark.parametrize("text", [
    "米国側から連絡があり、予算の内訳を求められました。",  # Japanese: 連 and 絡 are traditional Chinese too
    "미국 측이 예산 내역을 요청했습니다.",
    "美方说「検討中」是什么意思？",  # simplified, quoting a Japanese word
    "Our partner said 「検討します」. What does that mean?",
    "美方要求我们提供详细预算，怎么办？",
])
def test_other_text_is_left_as_written(text: str) -> None:
    assert simplified(text) == text


def test_a_traditional_question_finds_the_card_of_its_simplified_twin(kb_answerer: Answerer) -> None:
    traditional = "美國製片人第一次開會就要我們報一個大概的預算數字，可是預算還沒做完，該怎麼回應？"
    twin = simplified(traditional)
    assert twin != traditional
    assert first_cards(kb_answerer, traditional) == first_cards(kb_answerer, twin) != [None]


def test_the_conversation_keeps_the_askers_traditional_text(kb_answerer: Answerer) -> None:
    message = "美方說合約要用電子簽名，我們公司習慣蓋公章，這樣有效嗎？"
    answer = kb_answerer.answer(Ask(message=message))
    turns = kb_answerer.store.turns(answer.conversation_id, last=2)
    assert turns[0].content == message
    assert answer.lang.value == "zh"
