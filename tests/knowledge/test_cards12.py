"""Session 12: on-screen credits for Korean and Chinese investors had no card; a theme-song question, a long shooting
day written as a number of hours and a report-upward reply (「대표님께 보고는 드리겠습니다」) lacked the words that find
their cards; and a few summaries of cards written for both sides told one side to "notify the Asian partner"."""

from __future__ import annotations

import re

import pytest

from server.coach.answer import Answerer
from server.coach.glossary import Glossary
from server.knowledge.cards import load_cards
from server.models import Perspective

from ..conftest import REAL_KB


def gloss(question: str) -> str:
    """Only the English words the glossary appends to a question."""
    return Glossary.load().expand(question)[len(question):]


@pytest.mark.parametrize("question", [
    "미국 촬영팀은 하루 14시간 찍는 게 안 된다고 하던데요.",
    "美方剧组每天拍满14小时就收工。",
    "我们剧组习惯每天拍16个小时。",
    "アメリカでは1日13時間を超えると何が問題になるんですか？",
    "한국 현장처럼 하루 15시간 찍으면 안 되나요?",
])
def test_a_long_day_written_in_hours_is_glossed_as_overtime(question: str) -> None:
    assert "overtime" in gloss(question)


@pytest.mark.parametrize("question", [
    "日米の時差が14時間あるので、会議の時間をどう決めればいいですか？",
    "시차가 14시간이라 회의 잡기가 어렵습니다.",
    "时差有13个小时，开会很难。",
    "2時間の会議で何を決めればいいですか？",
])
def test_a_time_difference_or_a_short_meeting_is_no_overtime(question: str) -> None:
    assert "overtime" not in gloss(question)


@pytest.mark.parametrize(("question", "meant"), [
    ("主題歌の権利は音楽出版社とレコード会社のどちらにありますか？", "music publisher"),
    ("アニメのOP主題歌を予告編で使いたい。", "theme song"),
    ("투자사 대표님들 이름을 오프닝에 올려 달라고 하세요.", "credit"),
    ("我们的联合出品署名被放到了片尾。", "credit"),
    ("撮影中の事故に備えた保険証書を出してほしいと言われた。", "insurance"),
    ("美方平台说角色造型有种族刻板印象。", "stereotype"),
])
def test_askers_words_for_songs_credits_insurance_and_stereotypes_have_english_words(question: str,
                                                                                         meant: str) -> None:
    assert meant in gloss(question)


@pytest.mark.parametrize("reply", [
    "대표님께 보고는 드리겠습니다.",
    "본부장님께 보고드리고 다시 연락드리겠습니다.",
    "일단 상부에 보고드리겠습니다.",
])
def test_report_upward_replies_are_decoded(kb_answerer: Answerer, reply: str) -> None:
    found = {f.card_id for f in kb_answerer.decoder.find(reply)}
    assert "wiseon-bogo-naebu-nonui" in found, found


ONE_SIDE = re.compile(r"\b(?:the|your) (?:Asian|American|US|Japanese|Korean|Chinese) (?:partner|side)\b|"
                      r"アジア側のパートナー|아시아 측 파트너|亚洲方合作伙伴")


def test_summaries_of_cards_for_both_sides_do_not_address_one_side_as_a_third_party() -> None:
    """"Give the Asian partner early warning" reads oddly to the Asian asker it is shown to."""
    cards = [c for c in load_cards(REAL_KB) if c.perspective == Perspective.BOTH]
    for card_id in ("budget-overages", "japan-location-incentive"):
        card = next(c for c in cards if c.id == card_id)
        assert not ONE_SIDE.search(card.summary), card.summary
