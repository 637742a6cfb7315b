"""A short message that quotes the asker's own planned words is not taken for a bare partner phrase: the
understanding reads the quote as theirs (coach/wording.py), so the decoder must not explain it anyway
(coach/answer.py, Answerer.decode)."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.coach.understand import understand


@pytest.mark.parametrize("message", ["저는 \"검토해 보겠습니다\"라고 보낼 생각이에요.",
                                     "こう返そうと思います：「前向きに検討します」",
                                     "「前向きに検討します」と返信しようと思う"])
def test_a_quote_of_the_askers_own_words_is_not_decoded(kb_answerer: Answerer, message: str) -> None:
    assert kb_answerer.decode(message, understand(message)) == []


@pytest.mark.parametrize("message", ["「前向きに検討します」", "前向きに検討します"])
def test_the_partners_phrase_alone_is_still_decoded(kb_answerer: Answerer, message: str) -> None:
    found = kb_answerer.decode(message, understand(message))
    assert [f.card_id for f in found][:1] == ["maemuki-ni-kentou"]
