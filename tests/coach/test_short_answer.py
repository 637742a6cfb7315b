"""Every answer opens with a short answer of at most SHORT_WORDS words, label included, even when the text it comes
from (a translated summary, a long step answering a follow-up) runs longer: it is cut after a whole clause."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from server.coach.compose import SHORT_WORDS, fit_short, load_labels, prompt_environment
from server.coach.understand import word_count
from server.knowledge.cards import load_cards
from server.settings import PROJECT_ROOT

LABELS = load_labels(prompt_environment(PROJECT_ROOT / "prompts"))
LONG_EN = ("A US distributor normally runs its own campaign and gives the producers consultation, not approval; "
           "settle in the contract which items need approval (credits, talent likeness, character art), which only "
           "consultation, and what release the distributor commits to (a date window, a minimum spend or screens), "
           "with a short deadline for each check, so that nobody waits on a committee and nothing is released unseen.")


def _opening(text: str, lang: str) -> int:
    return word_count(f"{LABELS[lang]['short_answer']} {text}")


def test_a_short_text_is_kept_as_it_is() -> None:
    text = "Ask for a release window in writing."
    assert fit_short(text, LABELS["en"]) == text


def test_a_long_text_is_cut_after_a_whole_clause_outside_brackets() -> None:
    assert _opening(LONG_EN, "en") > SHORT_WORDS
    cut = fit_short(LONG_EN, LABELS["en"])
    assert _opening(cut, "en") <= SHORT_WORDS
    assert LONG_EN.startswith(cut[:-1]) and cut.endswith(".")
    assert cut.count("(") == cut.count(")")
    assert "consultation, not approval;" in LONG_EN[: len(cut) + 1]


def test_one_clause_longer_than_the_room_keeps_its_first_words() -> None:
    text = " ".join(["word"] * 90)
    assert _opening(fit_short(text, LABELS["en"]), "en") <= SHORT_WORDS


@pytest.mark.parametrize("lang", ["ja", "ko", "zh"])
def test_a_long_cjk_text_is_cut_within_the_limit(lang: str) -> None:
    text = {"ja": "米国の配給会社は自社で宣伝を組み立て、" * 12, "ko": "미국 배급사는 캠페인을 직접 운영하고, " * 12,
            "zh": "美国发行方通常自行主导宣发，" * 12}[lang]
    cut = fit_short(text, LABELS[lang])
    assert _opening(cut, lang) <= SHORT_WORDS and text.startswith(cut[:-1].rstrip())


def test_every_summary_in_every_language_fits_the_short_answer_as_written() -> None:
    """A card rule: the summary is the short answer's fallback, so it fits whole (`fit_short` is only the net)."""
    knowledge = PROJECT_ROOT / "knowledge"
    too_long = [card.id for card in load_cards(knowledge) if _opening(card.summary, "en") > SHORT_WORDS]
    for lang in ("ja", "ko", "zh"):
        for path in sorted(Path(knowledge / "cards" / lang).glob("*.md")):
            summary = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])["summary"]
            too_long += [f"{lang}/{path.stem}"] if _opening(summary, lang) > SHORT_WORDS else []
    assert too_long == []
