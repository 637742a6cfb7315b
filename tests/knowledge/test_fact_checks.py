"""Claims a fact-check found wrong (issue 15) must not come back into any card. Each rule names its source."""

from __future__ import annotations

import re

import pytest

from server.knowledge.cards import load_cards, say_lines
from server.models import Card, Perspective

from ..conftest import REAL_KB


def _text(card: Card) -> str:
    return " ".join("\n".join([card.title, card.summary, *card.triggers, *card.sections.values()]).split())


@pytest.fixture(scope="module")
def cards() -> list[Card]:
    return load_cards(REAL_KB)


# (what must not be said, pattern). Sources: Variety 2012 ("DMG came in for a small piece"; SARFT singled out
# Looper and Cloud Atlas); olffi.com treaty 285 (third-country rule); Civil Code Arts. 250 and 674; KOFIC's
# guideline page (no late-application rate); ANN 2021 and Nerdbot 2018 (Crunchyroll co-produces in committees).
FORBIDDEN = [
    ("Looper as a film that qualified as a China co-production",
     r"Looper\b[^.?]{0,120}\b(qualif\w*|opened in China as a co-production|(got|received|won) official)"),
    ("a US company joining a Korea-China treaty film as a third-country co-producer",
     r"(US|American) (company|partner|producer)[^.]{0,80}\bmay join\b|third-country co-producer, such as a US"),
    ("a lower KOFIC rate for late applicants",
     r"(lower|reduced) rate for projects that apply late|late-application rate"),
    ("streamers as a group never joining committees",
     r"streamers?\s+(generally |usually |typically )?(do not|don't|never|rarely) (join|invest in)"),
]


@pytest.mark.parametrize(("claim", "pattern"), FORBIDDEN, ids=[c for c, _ in FORBIDDEN])
def test_no_card_repeats_a_corrected_claim(cards: list[Card], claim: str, pattern: str) -> None:
    offenders = [c.id for c in cards if re.search(pattern, _text(c), re.IGNORECASE)]
    assert offenders == [], f"{claim}: {offenders}"


def test_a_card_naming_the_third_country_rule_states_its_treaty_condition(cards: list[Card]) -> None:
    for card in cards:
        text = _text(card)
        if re.search(r"third-country co-producer", text, re.IGNORECASE):
            assert re.search(r"treaty with China or (with )?Korea", text), card.id


def test_civil_code_250_is_never_cited_without_674(cards: list[Card]) -> None:
    """Art. 250 (equal co-ownership shares) alone misstates a committee's default: as a partnership, profit and
    loss follow contributions (Art. 674)."""
    for card in cards:
        text = _text(card) + " ".join(card.sources)
        if re.search(r"Art(icle|\.)?s? 250\b|Articles? [^.]*\b250\b", text):
            assert "674" in text, card.id


def test_no_line_for_the_asian_side_proposes_that_the_english_text_controls(cards: list[Card]) -> None:
    english_controls = re.compile(
        r"正本は英語|英語版を正本|영문[^.」\"]{0,20}우선한다"
        r"|English (text|version)[^.?]{0,30}(controls|prevails|be the original)",
        re.IGNORECASE)
    for card in cards:
        for line in say_lines(card):
            if line.side is not Perspective.US_SIDE:
                assert not english_controls.search(line.text), (card.id, line.text)
