"""Sibling cards that lost to a neighbour in cross-validation (session 25, issue 11).

The MG cards (what an MG is and when it is paid, MG against back end for either side, the same choice made by the
Japanese, Korean or Chinese rights holder), the committee cards (who speaks for it, whose consent a new use needs,
who decides inside a Japanese company), gifts and hosting (the Asian company's side, and the American side's per
pair) and budget overruns against the bond and extra-work cards: each card's title and triggers now say whose
situation it is and which ask it answers, in English and in its translations.
"""

from __future__ import annotations

import re

import pytest

from server.coach.glossary import Glossary
from server.knowledge.cards import load_cards
from server.knowledge.translations import source_hash
from server.models import Card

from ..conftest import REAL_KB

EDITED = ["minimum-guarantee", "minimum-guarantee-vs-backend", "minimum-guarantee-vs-backend-asia-side",
          "budget-overages", "completion-bond-explained", "scope-creep-extra-deliverables",
          "gifts-between-asian-and-us-partners", "china-banquets-and-toasts", "hoesik-relationship-building",
          "dinners-and-gifts", "us-audit-rights-request-cn", "committee-rights-consent",
          "partner-gone-quiet-korea-china", "incentive-cashflow-gap", "korean-live-shoot-schedule",
          "decision-rights-matrix", "counsel-in-both-countries", "review-and-file-tools-across-partners"]


@pytest.fixture(scope="module")
def cards() -> dict[str, Card]:
    return {card.id: card for card in load_cards(REAL_KB)}


def _triggers(card_id: str, lang: str) -> list[str]:
    text = (REAL_KB / "cards" / lang / f"{card_id}.md").read_text(encoding="utf-8")
    block = text.split("triggers:\n", 1)[1]
    return [line[4:].strip('"') for line in block.splitlines() if line.startswith("  - ")]


@pytest.mark.parametrize(("card_id", "own"), [
    ("minimum-guarantee-vs-backend-asia-side", "Japanese, Korean or Chinese rights holder"),
    ("minimum-guarantee-vs-backend", "one territory"),
    ("gifts-between-asian-and-us-partners", "Japanese, Korean or Chinese company"),
    ("committee-rights-consent", "every member"),
    ("partner-gone-quiet-korea-china", "American side"),
    ("budget-overages", "over budget"),
])
def test_each_sibling_title_names_whose_situation_or_which_ask(cards: dict[str, Card], card_id: str,
                                                                own: str) -> None:
    assert own in cards[card_id].title


def test_the_us_side_who_decides_map_has_no_japanese_side_triggers_in_japanese() -> None:
    """A Japanese company explaining its own approvals to the Americans is american-decision-maker-in-room's ask."""
    japanese = _triggers("mapping-who-decides-japan", "ja")
    assert not [t for t in japanese if "どう答え" in t or "どう説明" in t or "うちの" in t]
    assert any("決裁" in t for t in _triggers("american-decision-maker-in-room", "ja"))


def test_a_committee_member_contacted_directly_is_the_lead_company_card_in_japanese() -> None:
    assert not [t for t in _triggers("committee-rights-consent", "ja") if "直接連絡" in t]
    assert [t for t in _triggers("committee-lead-company", "ja") if "直接連絡" in t]


@pytest.mark.parametrize("lang", ["ja", "ko"])
def test_a_partners_review_tool_against_an_in_house_spreadsheet_has_native_triggers(lang: str) -> None:
    spreadsheet = {"ja": ("Excel", "エクセル"), "ko": ("엑셀",)}[lang]
    triggers = _triggers("review-and-file-tools-across-partners", lang)
    assert [t for t in triggers if "ShotGrid" in t and any(word in t for word in spreadsheet)]


@pytest.mark.parametrize("word", ["押印", "捺印", "実印"])
def test_a_japanese_seal_word_reads_as_a_company_seal(word: str) -> None:
    assert "company seal stamp" in Glossary.load().expand(f"契約書への{word}が必要だと言われました")


@pytest.mark.parametrize("card_id", EDITED)
def test_the_edited_cards_translations_are_current(card_id: str) -> None:
    english = source_hash(REAL_KB / "cards" / f"{card_id}.md")
    for path in sorted((REAL_KB / "cards").glob(f"*/{card_id}.md")):
        assert re.search(rf'^translated_from: "?{english}"?$', path.read_text(encoding="utf-8"), re.M), path
