"""Session 12, round 2: three China-US audit cards took each other's questions because none said who audits whom;
a Japanese asker's "who decides over there, whom do I write to?" missed the Asian-side card; and a Chinese producer
asking why a US contract is so long had no cn-us card that said so."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.knowledge.cards import load_cards
from server.knowledge.translations import load_translations
from server.models import Ask, Card, Language

from ..conftest import REAL_KB

# Each audit card's title, in every language, names the side it is written for and the side being audited.
AUDIT_TITLES = {
    "auditing-china-revenue-us-side": {"en": ("US side", "Chinese partner"), "zh": ("美方", "中方")},
    "us-audit-rights-request-cn": {"en": ("US partner", "Chinese side"), "zh": ("美方", "我们")},
    "reporting-and-audit-rights": {"en": ("your partner sends you",), "zh": ("我方", "美方"),
                                   "ko": ("미국 측",), "ja": ("相手から届く",)},
}


def _versions(card_id: str) -> dict[str, Card]:
    """The English card and its translations, by language code."""
    english = load_cards(REAL_KB)
    translated = load_translations(REAL_KB, english)
    card = next(c for c in english if c.id == card_id)
    return {"en": card} | {lang.value: cards[card_id] for lang, cards in translated.items() if card_id in cards}


@pytest.mark.parametrize("card_id", sorted(AUDIT_TITLES))
def test_audit_card_titles_say_who_audits_whom(card_id: str) -> None:
    versions = _versions(card_id)
    for lang, words in AUDIT_TITLES[card_id].items():
        assert all(w in versions[lang].title for w in words), (lang, versions[lang].title)


def test_the_chinese_contract_card_explains_why_a_us_contract_is_long() -> None:
    versions = _versions("american-contract-first-cn")
    english, chinese = versions["en"], versions[Language.ZH.value]
    assert "so long" in english.title and "Article 510" in english.section("What's going on")
    assert "那么长" in chinese.title and "第五百一十条" in chinese.section("What's going on")


FIRST_CARD = [
    ("美国发行商的收入报表只给几个总数，我们中方想查他们的账，怎么开口？", "reporting-and-audit-rights"),
    ("美方要派会计师来查我们中方的账，老板觉得这是不信任。", "us-audit-rights-request-cn"),
    ("中方说票房都是官方数据，我们美方还有必要审计吗？", "auditing-china-revenue-us-side"),
    ("米国側で実際に決めているのは誰なのか、誰にメールすべきか知りたい。", "who-decides-on-the-american-side"),
    ("我们是北京的制片公司，美方发来九十页的合同草稿。美国合同为什么这么长？", "american-contract-first-cn"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("question", "card_id"), FIRST_CARD)
def test_the_right_card_comes_first(kb_answerer: Answerer, question: str, card_id: str) -> None:
    draft = kb_answerer.draft(Ask(message=question))
    assert draft.outcome == "answer"
    assert draft.cards[0].id == card_id, [c.id for c in draft.cards]
