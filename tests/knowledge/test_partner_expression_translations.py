"""A Chinese asker pasting a Korean partner's line (or a Korean asker pasting a Chinese one) gets the decoded signal
in their own language: the expression cards of the other partner language are translated, expressions unchanged."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from server.knowledge.cards import load_cards
from server.knowledge.translations import load_translations
from server.models import Card, Language

REAL_KB = Path(__file__).resolve().parents[2] / "knowledge"
HAN = re.compile(r"[\u4e00-\u9fff]")
HANGUL = re.compile(r"[\uac00-\ud7af]")
KOREAN_EXPRESSION_CARDS = ["algetseumnida-ne", "eoryeopseumnida", "noryeok-hae-bogetseumnida",
                           "saenggak-hae-bogetseumnida", "wiseon-bogo-naebu-nonui", "geomto-hae-bogetseumnida"]
CHINESE_EXPRESSION_CARDS = ["bu-tai-fangbian-you-nandu", "lingdao-hai-yao-shangliang", "mei-wenti-chabuduo",
                            "yanjiu-yanjiu", "yuanze-shang-keyi", "zaishuo-ba-later"]


@pytest.fixture(scope="module")
def english() -> dict[str, Card]:
    return {c.id: c for c in load_cards(REAL_KB)}


@pytest.fixture(scope="module")
def translated(english: dict[str, Card]) -> dict[Language, dict[str, Card]]:
    return load_translations(REAL_KB, list(english.values()))


@pytest.mark.parametrize("lang, script, cards", [(Language.ZH, HAN, KOREAN_EXPRESSION_CARDS),
                                                 (Language.KO, HANGUL, CHINESE_EXPRESSION_CARDS)])
def test_the_other_partner_languages_expressions_are_explained_in_the_askers_language(
        english: dict[str, Card], translated: dict[Language, dict[str, Card]], lang: Language,
        script: re.Pattern[str], cards: list[str]) -> None:
    for card_id in cards:
        card = translated[lang].get(card_id)
        assert card is not None, f"knowledge/cards/{lang.value}/{card_id}.md is missing"
        # the partner's own words stay in their language; only what they signal is translated
        assert [p.expression for p in card.phrases] == [p.expression for p in english[card_id].phrases]
        for phrase, original in zip(card.phrases, english[card_id].phrases, strict=True):
            assert script.search(phrase.signal) and script.search(phrase.response), (card_id, phrase.expression)
            assert phrase.signal != original.signal and phrase.response != original.response


@pytest.mark.parametrize("lang", [Language.ZH, Language.KO])
def test_a_literal_meaning_carries_no_label_of_its_own(translated: dict[Language, dict[str, Card]],
                                                       lang: Language) -> None:
    """The answer already introduces the literal meaning; a literal that starts '字面意思' or '직역' showed it twice."""
    labelled = [f"{card.id}: {p.literal}" for card in translated[lang].values() for p in card.phrases
                if re.match(r"\s*(字面意思|字面上|직역|문자 그대로)", p.literal)]
    assert labelled == []
