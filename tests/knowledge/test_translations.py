"""Translated cards (knowledge/cards/<lang>/<id>.md): full coverage, parity with the English card, staleness, and a
clear path:line message for every way a translation can go wrong."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from server.errors import CardError
from server.knowledge.cards import load_cards
from server.knowledge.translations import (
    PARTNER_LANGUAGES,
    lint_translations,
    load_translations,
    source_hash,
    wanted,
)
from server.models import Language

REAL_KB = Path(__file__).resolve().parents[2] / "knowledge"
CARD = "american-well-see"  # a jp-us asia-side phrasebook card with a Japanese translation


def test_every_card_of_each_pair_is_translated_and_current() -> None:
    cards = load_cards(REAL_KB)
    found = lint_translations(REAL_KB, {c.id: c for c in cards})
    assert [str(p) for p in found.problems] == []
    assert [str(p) for p in found.stale.values()] == []
    for lang in PARTNER_LANGUAGES:
        missing = sorted(c.id for c in cards if wanted(c, lang) and c.id not in found.of(lang))
        assert missing == [], f"{lang.value}: {len(missing)} cards without a translation"


def test_a_translation_keeps_the_english_cards_id_frame_and_sources_with_its_own_words() -> None:
    cards = {c.id: c for c in load_cards(REAL_KB)}
    translated = load_translations(REAL_KB, list(cards.values()))[Language.JA][CARD]
    english = cards[CARD]
    assert translated.lang is Language.JA and english.lang is Language.EN
    assert (translated.cultures, translated.perspective, translated.sources, translated.related) == \
        (english.cultures, english.perspective, english.sources, english.related)
    assert translated.title != english.title and translated.summary != english.summary
    assert [p.expression for p in translated.phrases] == [p.expression for p in english.phrases]
    assert all(p.signal != e.signal for p, e in zip(translated.phrases, english.phrases, strict=True))


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    """A copy of one English card (its links to absent cards removed) and its Japanese translation, current."""
    shutil.copy(REAL_KB / "topics.yaml", tmp_path / "topics.yaml")
    (tmp_path / "cards" / "ja").mkdir(parents=True)
    english = tmp_path / "cards" / f"{CARD}.md"
    text = (REAL_KB / "cards" / f"{CARD}.md").read_text(encoding="utf-8")
    english.write_text(re.sub(r"(?m)^related: .*$", "related: []", text), encoding="utf-8")
    translation = (REAL_KB / "cards" / "ja" / f"{CARD}.md").read_text(encoding="utf-8")
    translation = re.sub(r"(?m)^translated_from: .*$", f'translated_from: "{source_hash(english)}"', translation)
    (tmp_path / "cards" / "ja" / f"{CARD}.md").write_text(translation, encoding="utf-8")
    return tmp_path


def _problems(kb: Path) -> list[str]:
    found = lint_translations(kb, {c.id: c for c in load_cards(kb)})
    return [str(p) for p in found.problems]


def _edit(kb: Path, old: str, new: str, lang: str = "ja") -> None:
    path = kb / "cards" / lang / f"{CARD}.md"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_copied_translation_is_clean(kb: Path) -> None:
    assert _problems(kb) == []


def test_a_missing_step_is_named_with_both_counts(kb: Path) -> None:
    _edit(kb, "\n5. ", "\n")
    [problem] = _problems(kb)
    assert f"cards/ja/{CARD}.md:" in problem and "'## What to do' has 4 items, the English card 5 items" in problem


def test_side_marks_must_follow_the_english_order(kb: Path) -> None:
    _edit(kb, "- [asia-side] 「もちろんです", "- [us-side] 「もちろんです")
    assert any("'## What to say' has side marks [us-side, asia-side" in p for p in _problems(kb))


def test_a_paragraph_left_in_english_is_caught_but_english_to_paste_in_quotes_is_not(kb: Path) -> None:
    _edit(kb, "## Watch out for\n", "## Watch out for\n- Waiting forever out of politeness, since silence is rare.\n")
    problems = _problems(kb)
    assert any("left in English?" in p and "Waiting forever" in p for p in problems)
    assert not any("Of course. Could I check back" in p for p in problems)  # the quoted English to send


def test_phrases_must_keep_the_english_expressions_in_order(kb: Path) -> None:
    _edit(kb, '- expression: "We\'ll see"', '- expression: "We will see"')
    assert any("phrases must list the English card's expressions" in p for p in _problems(kb))


def test_a_translation_without_an_english_card_or_in_the_wrong_folder_is_refused(kb: Path) -> None:
    shutil.copy(kb / "cards" / "ja" / f"{CARD}.md", kb / "cards" / "ja" / "no-such-card.md")
    (kb / "cards" / "fr").mkdir()
    problems = _problems(kb)
    assert any("no English card 'no-such-card'" in p for p in problems)
    assert any("unknown language folder 'fr'" in p for p in problems)


def test_the_language_must_match_the_folder_and_the_hash_must_look_like_one(kb: Path) -> None:
    _edit(kb, "lang: ja", "lang: ko")
    assert any("lang 'ko' must match the folder 'cards/ja'" in p for p in _problems(kb))
    _edit(kb, "lang: ko", "lang: ja")
    text = (kb / "cards" / "ja" / f"{CARD}.md").read_text(encoding="utf-8")
    written = next(line for line in text.splitlines() if line.startswith("translated_from:"))
    _edit(kb, written, "translated_from: not-a-hash")
    assert any("translated_from" in p for p in _problems(kb))


def test_an_all_digit_hash_that_yaml_reads_as_a_number_still_counts(kb: Path) -> None:
    text = (kb / "cards" / "ja" / f"{CARD}.md").read_text(encoding="utf-8")
    written = next(line for line in text.splitlines() if line.startswith("translated_from:"))
    _edit(kb, written, "translated_from: 123456789012")
    found = lint_translations(kb, {c.id: c for c in load_cards(kb)})
    assert found.problems == [] and (Language.JA, CARD) in found.stale  # parsed, and stale (the hash differs)


def test_an_edited_english_card_makes_its_translation_stale_but_still_served(kb: Path) -> None:
    english = kb / "cards" / f"{CARD}.md"
    english.write_text(english.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    found = lint_translations(kb, {c.id: c for c in load_cards(kb)})
    warning = str(found.stale[(Language.JA, CARD)])
    assert "stale" in warning and f"translated_from: {source_hash(english)}" in warning
    assert CARD in load_translations(kb, load_cards(kb))[Language.JA]


def test_loading_refuses_a_broken_translation_and_names_it(kb: Path) -> None:
    _edit(kb, "## Watch out for", "## Watch for")
    with pytest.raises(CardError) as caught:
        load_translations(kb, load_cards(kb))
    assert f"cards/ja/{CARD}.md" in str(caught.value)
