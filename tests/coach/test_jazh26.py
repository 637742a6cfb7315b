"""jazh26: the asker's description of the partner ("their internal approval takes about a month") is not the
partner's words, so no English rendering is decoded in it, while the partner's own "we need internal approval" still
is; and the Japan-US cards a Chinese-speaking asker on the non-Japanese side asks about (who decides at the Japanese
partner, ringi, head office, nemawashi, the committee's lead company and consent) have Simplified Chinese
translations, current with their English cards, whose triggers ask about 日方 in Chinese; and the Chinese words for
the Japanese partner's process (禀议, 干事公司, 窗口权, 事先沟通, 级别) have their English words for the English-only
model."""

from __future__ import annotations

import pytest

from server.coach.decode import Decoder
from server.coach.glossary import Glossary
from server.knowledge.cards import load_cards
from server.knowledge.translations import lint_translations
from server.models import Language
from server.settings import PROJECT_ROOT
from tests.coach.decoding import decoded

KNOWLEDGE = PROJECT_ROOT / "knowledge"
FOR_CHINESE_ASKERS = ("mapping-who-decides-japan", "ringi-approval-circulation", "head-office-consultation",
                      "nemawashi-before-the-meeting", "committee-lead-company", "committee-rights-consent",
                      "production-committee-basics", "ue-to-soudan", "shanai-chousei-mochikaeri",
                      "reading-silence-in-meetings", "matching-delegation-seniority",
                      "animation-studio-not-rights-holder", "approval-turnaround-times")


@pytest.mark.parametrize("message", [
    "Our Japanese partner said their internal approval takes about a month. Is that normal?",
    "The Tokyo producer told us his internal approval could take until April.",
    "Our Japanese co-producer mentioned that their internal discussion is still going on. How long should we wait?",
])
def test_the_askers_description_of_the_partner_is_not_decoded(decoder: Decoder, message: str) -> None:
    assert "社内で調整が必要です" not in decoded(decoder, message)


@pytest.mark.parametrize("message", [
    "Our Japanese partner wrote: \"We need internal approval before we can answer.\" Is that a no?",
    "The Japanese studio said: 'Internal coordination is required on our side.' What does it mean?",
])
def test_the_partners_own_english_is_still_decoded(decoder: Decoder, message: str) -> None:
    assert "社内で調整が必要です" in decoded(decoder, message)


def test_japan_cards_chinese_askers_need_have_current_chinese_translations() -> None:
    english = {c.id: c for c in load_cards(KNOWLEDGE)}
    found = lint_translations(KNOWLEDGE, english)
    zh = found.of(Language.ZH)
    for card_id in FOR_CHINESE_ASKERS:
        assert card_id in zh, card_id
        assert (Language.ZH, card_id) not in found.stale, card_id
        assert not [p for p in found.problems if f"zh/{card_id}.md" in p.path], card_id
    assert any("日方" in t or "日本" in t for t in zh["mapping-who-decides-japan"].triggers)


def test_chinese_words_for_the_japanese_partners_process_have_their_english_words() -> None:
    glossary = Glossary.load()
    assert "ringi" in glossary.expand("日方说要走禀议，要多久？")
    assert "lead company of the committee" in glossary.expand("委员会的干事公司能代表其他成员签字吗？")
    assert "window rights" in glossary.expand("窗口权是什么意思")
    assert "nemawashi" in glossary.expand("开会前要先和各家事先沟通吗")
    assert "seniority rank" in glossary.expand("日方社长要来，我们派什么级别的人？")
    assert "提前沟通" not in " ".join(t for t, _ in glossary.terms)  # any advance notice, not nemawashi
