"""The decoder on the real phrasebook: inflected and polite forms through the morphological analysers."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.coach.understand import understand


@pytest.mark.parametrize(("partner", "expression"), [
    ("少し難しいかもしれません", "難しいです"),
    ("前向きに検討させていただければと存じます", "前向きに検討します"),
    ("今回は見送らせていただくことになりました", "今回は見送らせていただきます"),
    ("조금 어려울 것 같습니다", "좀 어렵습니다"),
    ("검토해 보도록 하겠습니다", "검토해 보겠습니다"),
    ("我们研究研究", "研究研究"),
])
def test_inflected_and_polite_forms_are_decoded(kb_answerer: Answerer, partner: str, expression: str) -> None:
    found = {f.phrase.expression for f in kb_answerer.decoder.find(partner)}
    assert expression in found, found


@pytest.mark.parametrize("question", [
    "どうすればいいですか", "Quick question: who approves the voice cast?", "これは難しい問題ですか？",
    "Sounds great so far, but who signs off on the budget?",
])
def test_the_askers_own_words_are_never_decoded(kb_answerer: Answerer, question: str) -> None:
    assert kb_answerer.decode(question, understand(question)) == []


def test_a_bare_pasted_phrase_is_decoded(kb_answerer: Answerer) -> None:
    found = kb_answerer.decode("前向きに検討します", understand("前向きに検討します"))
    assert [f.card_id for f in found] == ["maemuki-ni-kentou"]
