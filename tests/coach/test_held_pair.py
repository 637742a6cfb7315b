"""A conversation's pair holds through a turn that names no country: a Korean-speaking producer's follow-up about
a Japanese partner is written in Korean, and its script is no sign the partner became Korean."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.coach.asker_frame import pair_of
from server.coach.understand import understand
from server.models import Culture
from tests.coach.conversation import first_cards


def test_a_turn_naming_no_country_keeps_the_conversations_pair() -> None:
    assert pair_of("그럼 이건 누가 결정해요?", Culture.JP_US) is Culture.JP_US
    assert pair_of("それは誰が決めますか？", Culture.KR_US) is Culture.KR_US
    assert understand("그럼 이건 누가 결정해요?", Culture.JP_US, None, Culture.JP_US).pair is Culture.JP_US


def test_a_turn_naming_a_country_or_opening_a_conversation_reads_its_own() -> None:
    assert pair_of("한국 쪽은 어떤가요?", Culture.JP_US) is Culture.KR_US
    assert pair_of("And with our Chinese partner?", Culture.JP_US) is Culture.CN_US
    assert pair_of("그럼 이건 누가 결정해요?", None) is Culture.KR_US  # no conversation yet: the script says Korean
    assert understand("그럼 이건 누가 결정해요?", Culture.JP_US).pair is Culture.KR_US  # a settings default is no turn


@pytest.mark.slow
def test_a_korean_follow_up_on_a_japanese_partner_gets_the_japanese_map(kb_answerer: Answerer) -> None:
    cards = first_cards(kb_answerer, "일본 파트너가 우리 공동투자 제안에 「前向きに検討します」라고 했어요.",
                        "그럼 이건 누가 결정해요?")
    assert cards[1] == "mapping-who-decides-japan"  # before: korean-escalation-who-decides, a Korea-US card
