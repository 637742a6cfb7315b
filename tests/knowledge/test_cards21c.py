"""Japan-US and Korea-US cards widened to China-US (session 19, issue 11): a Chinese asker whose right card had no
Chinese translation usually missed it, because the ranker saw Chinese words against English-only text and a pair
that did not match. Each widened card now lists cn-us, has a current Chinese translation in Chinese only, carries a
trigger in a Chinese asker's words, and keeps the China facts it was given with their sources.
"""

from __future__ import annotations

import re

import pytest

from server.coach.answer import Answerer
from server.knowledge.translations import lint_translations
from server.models import Ask, Card, Culture, Language

from ..conftest import REAL_KB

# The American partner, seen from the Chinese side (asia-side), and both-side mechanics of a co-production.
WIDENED = ["us-asks-for-decision-maker", "american-push-for-decision-first-meeting", "american-team-progress-reports",
           "showrunner-rewrites-during-production", "us-localization-demands-asia-side", "title-change-us-market",
           "daily-coordination-two-teams", "us-legal-review-time", "who-decides-on-the-american-side",
           "us-greenlight-packaging", "meeting-minutes-confirm-decisions", "cash-vs-in-kind",
           "back-end-explained", "why-us-wants-detailed-waterfall", "deal-memo-then-long-form",
           "american-silence-on-zoom", "us-incentive-credit-asia-side", "interpreter-for-us-negotiation-asia-side",
           "recoupment-waterfall", "subtitles-or-dub-us-release", "us-development-steps",
           "working-in-english-without-interpreter", "american-sounds-great", "american-ballpark-number",
           "american-i-hear-you-but", "american-well-see"]
# Japan- or Korea-specific cards left to their pair: a cn-us card covers the Chinese asker's need instead.
LEFT_ALONE = {"kentou-shimasu": "yanjiu-yanjiu", "mapping-who-decides-japan": "china-decision-at-the-top",
              "hoesik-relationship-building": "china-banquets-and-toasts",
              "notice-of-breach-korea-us": "american-escalation-letters-cn",
              "long-us-contracts": "american-contract-first-cn"}
HAN = re.compile(r"[\u4e00-\u9fff]")
KANA_OR_HANGUL = re.compile(r"[\u3040-\u30ff\uac00-\ud7af]")


def _chinese(text: str) -> bool:
    return bool(HAN.search(text)) and not KANA_OR_HANGUL.search(text)


@pytest.fixture(scope="module")
def chinese(cards: dict[str, Card]) -> dict[str, Card]:
    found = lint_translations(REAL_KB, cards)
    assert [str(p) for p in found.problems] == []
    assert [key for key in found.stale if key[1] in WIDENED] == []
    return found.of(Language.ZH)


@pytest.mark.parametrize("card_id", WIDENED)
def test_a_widened_card_serves_china_us_with_a_chinese_trigger(cards: dict[str, Card], card_id: str) -> None:
    card = cards[card_id]
    assert Culture.CN_US in card.cultures or Culture.ANY in card.cultures
    assert any(_chinese(t) for t in card.triggers), "no trigger in a Chinese asker's words"


@pytest.mark.parametrize("card_id", WIDENED)
def test_its_chinese_translation_is_current_and_quotes_no_japanese_or_korean(chinese: dict[str, Card],
                                                                            card_id: str) -> None:
    card = chinese[card_id]
    text = " ".join([card.title, card.summary, *card.triggers, *card.sections.values()])
    assert not KANA_OR_HANGUL.search(text), "a Chinese answer quoting kana or Hangul reads as another language"


def test_china_facts_added_to_widened_cards_keep_their_sources(cards: dict[str, Card]) -> None:
    cfcc = "China Film Co-Production Corporation (CFCC), cfcc-film.com.cn: script review and finished-film review"
    for card_id in ("showrunner-rewrites-during-production", "us-localization-demands-asia-side"):
        card = cards[card_id]
        assert "CFCC" in card.sections["What's going on"] and cfcc in card.sources, card_id
    in_kind = cards["cash-vs-in-kind"]
    going_on = " ".join(in_kind.sections["What's going on"].split())
    assert "at least a third of the investment (SARFT's 2012 statement)" in going_on
    assert "Chicago Tribune / Variety report on SARFT co-production requirements, 28 August 2012" in in_kind.sources
    assert "WeChat" in cards["daily-coordination-two-teams"].sections["What's going on"]


@pytest.mark.parametrize(("card_id", "cover"), sorted(LEFT_ALONE.items()))
def test_a_japan_or_korea_specific_card_stays_with_its_pair_and_china_has_its_own(cards: dict[str, Card],
                                                                                 card_id: str, cover: str) -> None:
    assert Culture.CN_US not in cards[card_id].cultures and Culture.ANY not in cards[card_id].cultures
    assert Culture.CN_US in cards[cover].cultures


@pytest.mark.slow
@pytest.mark.parametrize(("question", "card_id"), [
    ("美方合作方开会总问谁能拍板，我们这边要董事长批，我只是项目负责人，怎么解释", "us-asks-for-decision-maker"),
    ("美国编剧开机后还在每天改剧本，发来一堆修改页，剧组跟不上", "showrunner-rewrites-during-production"),
    ("美方让我们先签一份 deal memo，长合同以后再谈，这份备忘录有约束力吗", "deal-memo-then-long-form"),
])
def test_a_chinese_question_gets_the_widened_card(kb_answerer: Answerer, question: str, card_id: str) -> None:
    draft = kb_answerer.draft(Ask(message=question))
    assert draft.cards and draft.cards[0].id == card_id, [c.id for c in draft.cards]
