"""Session 12, round 2: three China-US audit cards took each other's questions because none said who audits whom;
a Japanese asker's "who decides over there, whom do I write to?" missed the Asian-side card; and a Chinese producer
asking why a US contract is so long had no cn-us card that said so."""

from __future__ import annotations

import pytest

from server.models import Language

from .versions import card_versions

# Each audit card's title, in every language, names the side it is written for and the side being audited.
AUDIT_TITLES = {
    "auditing-china-revenue-us-side": {"en": ("US side", "Chinese partner"), "zh": ("美方", "中方")},
    "us-audit-rights-request-cn": {"en": ("US partner", "Chinese"), "zh": ("美方", "我们")},
    "reporting-and-audit-rights": {"en": ("your partner sends you",), "zh": ("我方", "美方"),
                                   "ko": ("미국 측",), "ja": ("相手から届く",)},
}


@pytest.mark.parametrize("card_id", sorted(AUDIT_TITLES))
def test_audit_card_titles_say_who_audits_whom(card_id: str) -> None:
    versions = card_versions(card_id)
    for lang, words in AUDIT_TITLES[card_id].items():
        assert all(w in versions[lang].title for w in words), (lang, versions[lang].title)


def test_the_chinese_contract_card_explains_why_a_us_contract_is_long() -> None:
    versions = card_versions("american-contract-first-cn")
    english, chinese = versions["en"], versions[Language.ZH.value]
    assert "so long" in english.title and "Article 510" in english.section("What's going on")
    assert "那么长" in chinese.title and "第五百一十条" in chinese.section("What's going on")
