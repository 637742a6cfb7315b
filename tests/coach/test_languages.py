"""Answers in the asker's language, from the cards translated into it (issue 12), on the real knowledge base."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from server.cjk import language_of
from server.coach.answer import Answerer
from server.coach.compose import SOURCES_LINE
from server.coach.quality import core
from server.models import Ask, Language, Query
from server.search.lexical import tokenize_in

LABELS = Path(__file__).resolve().parents[2] / "prompts" / "labels.yaml"


def test_every_answer_language_has_every_label() -> None:
    labels = yaml.safe_load(LABELS.read_text(encoding="utf-8"))
    assert set(labels) == {lang.value for lang in Language}

    def keys(node: object, prefix: str = "") -> set[str]:
        if not isinstance(node, dict):
            return {prefix}
        return {k for key, value in node.items() for k in keys(value, f"{prefix}.{key}")}

    english = keys(labels["en"])
    for lang, entry in labels.items():
        assert keys(entry) == english, lang
        assert SOURCES_LINE.match(f"**{entry['sources']}** A card"), lang  # front ends find the sources line


@pytest.mark.parametrize(("question", "lang", "heading"), [
    ("アメリカのプロデューサーに「We'll see」と言われました。これは断られたということですか？", "ja", "**結論：**"),
    ("미국 파트너가 첫 회의에서 바로 결정을 요구합니다. 본사 승인이 필요한데 어떻게 말하죠?", "ko", "**핵심 답변:**"),
    ("美方要求先收回全部宣发费用，再跟我们分账，这合理吗？", "zh", "**简要回答：**"),
])
def test_a_question_in_japanese_korean_or_chinese_is_answered_in_it(kb_answerer: Answerer, question: str,
                                                                     lang: str, heading: str) -> None:
    answer = kb_answerer.answer(Ask(message=question))
    assert answer.lang.value == lang and answer.in_scope
    assert answer.answer_markdown.startswith(heading) or f"\n{heading}" in answer.answer_markdown
    assert language_of(core(answer.answer_markdown)) == lang
    cards = kb_answerer.retriever.index.languages[Language(lang)].cards
    assert answer.sources and all(s.title == cards[s.id].title for s in answer.sources if s.id in cards)
    assert all(language_of(s) == lang for s in answer.suggestions)


def test_the_lang_setting_overrides_the_question_language(kb_answerer: Answerer) -> None:
    english = kb_answerer.answer(Ask(message="Who should have final cut in a Japan-US co-production?", lang="ja"))
    assert english.lang is Language.JA and language_of(core(english.answer_markdown)) == "ja"
    japanese = kb_answerer.answer(Ask(message="日米共同製作で最終編集権は誰が持つべきですか？", lang="en"))
    assert japanese.lang is Language.EN and "**Short answer:**" in japanese.answer_markdown


def test_a_bare_pasted_phrase_is_explained_in_english(kb_answerer: Answerer) -> None:
    """A message that is only the partner's words says nothing about the asker's language; the usual asker who
    pastes a Japanese phrase alone is the American side."""
    answer = kb_answerer.answer(Ask(message="前向きに検討させていただきます"))
    assert answer.lang is Language.EN and answer.decoded


def test_a_card_missing_in_the_answer_language_is_shown_in_english_and_says_so(kb_answerer: Answerer) -> None:
    """A Japan-US card with no Korean translation (考えておきます): a Korean answer from it says so in one line."""
    question = "日本のパートナーに「考えておきます」と言われました。どういう意味ですか？"
    answer = kb_answerer.answer(Ask(message=question, lang="ko"))
    assert answer.lang is Language.KO
    assert "아직 한국어로 번역되지 않아" in answer.answer_markdown


def test_out_of_scope_is_declined_in_the_askers_language(kb_answerer: Answerer) -> None:
    answer = kb_answerer.answer(Ask(message="明日の大阪の天気はどうですか？"))
    assert not answer.in_scope and answer.lang is Language.JA
    assert "範囲外" in answer.answer_markdown


def test_a_japanese_question_meets_the_japanese_triggers(kb_answerer: Answerer) -> None:
    """Retrieval in the question's language: the Japanese BM25 over translated cards finds the card by a
    native phrasing that shares no words with its English text."""
    retriever = kb_answerer.retriever
    hits = retriever.search(Query(text="返事を催促したら失礼にならないでしょうか", lang=Language.JA), k=5)
    english = retriever.search(Query(text="返事を催促したら失礼にならないでしょうか"), k=5)
    assert "american-well-see" in [h.card_id for h in hits[:3]]
    assert [h.card_id for h in hits] != [h.card_id for h in english]


@pytest.mark.parametrize("lang", ["ja", "ko", "zh"])
def test_the_index_keeps_each_translated_cards_words_as_the_analyser_splits_them(kb_answerer: Answerer,
                                                                               lang: str) -> None:
    """Ranking compares a question with these words while serving; the build splits them once (words-<lang>.json),
    so no analyser runs on a card during a request."""
    language = kb_answerer.retriever.index.languages[Language(lang)]
    assert set(language.words) == set(language.cards)
    card = language.cards[sorted(language.cards)[0]]
    words = language.words[card.id]
    assert words.heads[0] == set(tokenize_in(f"{card.title} {card.summary}", lang))
    assert [set(h) for h in words.heads[1:]] == [set(tokenize_in(t, lang)) for t in card.triggers]
    assert set(tokenize_in(card.section("What to do"), lang)) <= words.whole
