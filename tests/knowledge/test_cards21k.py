"""Cards written for Japan-US work whose advice holds for Korea-US work too (session 21, issue 11): a Korean asker's
question whose right card had no Korean translation usually missed. These cards now list kr-us, carry the Korean
facts they rely on (Seoul's time zone, Korean holidays, Korean law), and have a current Korean translation.
"""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.knowledge.translations import load_translations, source_hash
from server.models import Ask, Card, Culture, Language

from ..conftest import REAL_KB

WIDENED = ["schedule-slip-cost", "us-test-screenings", "meeting-minutes-confirm-decisions", "mfn-explained",
           "creative-notes-across-cultures", "american-contract-before-meeting",
           "time-zone-overlap-tokyo-la", "daily-coordination-two-teams", "us-notes-memo-format",
           "net-profits-explained", "american-fast-email-replies", "us-partner-reopens-signed-deal",
           "hollywood-producer-credits", "ip-characters-sequels-derivatives"]
# Japan-specific: a Korean asker's need is met by a kr-us card instead, so these stay jp-us
JAPAN_ONLY = {"meishi-exchange": "korean-first-meeting", "kentou-shimasu": "geomto-hae-bogetseumnida",
              "kangaete-okimasu": "saenggak-hae-bogetseumnida", "dinners-and-gifts": "hoesik-relationship-building",
              # session 23: the Korean asker's decision-maker question is the kr-us card's; the two tied
              "american-decision-maker-in-room": "us-asks-for-decision-maker"}


def _text(card: Card) -> str:
    return " ".join([card.summary, *card.sections.values()])


@pytest.mark.parametrize("card_id", WIDENED)
def test_a_widened_card_covers_korea_and_its_korean_translation_is_current(cards: dict[str, Card],
                                                                           card_id: str) -> None:
    card = cards[card_id]
    assert Culture.KR_US in card.cultures and Culture.JP_US in card.cultures
    korean = load_translations(REAL_KB, list(cards.values()))[Language.KO]
    assert card_id in korean
    assert any("\uac00" <= ch <= "\ud7af" for ch in "".join(korean[card_id].triggers))
    translated_from = (REAL_KB / "cards" / "ko" / f"{card_id}.md").read_text(encoding="utf-8")
    assert f"translated_from: {source_hash(REAL_KB / 'cards' / f'{card_id}.md')}" in translated_from


def test_the_widened_cards_carry_the_korean_facts_they_rely_on(cards: dict[str, Card]) -> None:
    expected = {"time-zone-overlap-tokyo-la": ["Seoul", "Korea Standard Time", "Seollal", "Chuseok"],
                "ip-characters-sequels-derivatives": ["Art. 14", "Art. 9", "Art. 45(2)"],
                "us-partner-reopens-signed-deal": ["Civil Act Art. 2"],
                "hollywood-producer-credits": ["제공·배급", "제작"],
                "schedule-slip-cost": ["KOFIC"],
                "us-test-screenings": ["시사회"]}
    for card_id, words in expected.items():
        for word in words:
            assert word in _text(cards[card_id]), (card_id, word)


@pytest.mark.parametrize(("japan_card", "korea_card"), sorted(JAPAN_ONLY.items()))
def test_japan_only_cards_stay_japan_only_and_korea_has_its_own(cards: dict[str, Card], japan_card: str,
                                                                 korea_card: str) -> None:
    assert Culture.KR_US not in cards[japan_card].cultures
    assert Culture.KR_US in cards[korea_card].cultures


@pytest.mark.slow
@pytest.mark.parametrize(("question", "card_id"), [
    ("MFN 조항이 들어간 투자 계약서를 받았는데 우리한테 불리한 건지 모르겠어요", "mfn-explained"),
    ("미국 방송사에서 12쪽짜리 노트 메모가 왔는데 답변 메모는 어떻게 써야 하나요?", "us-notes-memo-format"),
    ("서울하고 뉴욕 사이 시차 때문에 주간 회의를 몇 시에 잡아야 할지 모르겠어요", "time-zone-overlap-tokyo-la"),
    ("미국 계약서의 net profits가 우리 회계상 순이익이랑 다른 건가요?", "net-profits-explained"),
])
def test_a_korean_question_gets_the_widened_card(kb_answerer: Answerer, question: str, card_id: str) -> None:
    draft = kb_answerer.draft(Ask(message=question))
    assert draft.cards and draft.cards[0].id == card_id, [c.id for c in draft.cards]
