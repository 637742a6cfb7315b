"""Candidates for a question in Japanese, Korean or Chinese include the cards not translated into its language: their
English BM25 rank stands in for the native one they cannot have."""

from __future__ import annotations

import pytest

import server.search.retrieval as retrieval
from server.coach.plan import CANDIDATES
from server.models import Language, Query
from server.search.retrieval import Retriever

# final-cut-who-decides has no Korean translation (committee-rights-consent has one since session 24)
FINAL_CUT_IN_KOREAN = "일본 공동제작 영화의 최종 편집권(final cut)은 누가 갖나요?"


def _top(retriever: Retriever, text: str, lang: Language) -> list[str]:
    return [h.card_id for h in retriever.search(Query(text=text, lang=lang), k=CANDIDATES)]


def test_a_card_with_no_translation_in_the_questions_language_is_still_a_candidate(
        kb_retriever: Retriever, monkeypatch: pytest.MonkeyPatch) -> None:
    assert "final-cut-who-decides" not in kb_retriever.index.languages[Language.KO].cards  # English, Japanese
    assert "final-cut-who-decides" in _top(kb_retriever, FINAL_CUT_IN_KOREAN, Language.KO)
    monkeypatch.setattr(retrieval, "UNTRANSLATED_STAND_IN", 0.0)
    # without the stand-in it falls below every native match
    assert "final-cut-who-decides" not in _top(kb_retriever, FINAL_CUT_IN_KOREAN, Language.KO)


def test_the_stand_in_changes_nothing_for_an_english_question(kb_retriever: Retriever,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    question = "What does an MFN clause in the American contract mean for us?"
    with_stand_in = kb_retriever.search(Query(text=question), k=CANDIDATES)
    monkeypatch.setattr(retrieval, "UNTRANSLATED_STAND_IN", 0.0)
    assert kb_retriever.search(Query(text=question), k=CANDIDATES) == with_stand_in
