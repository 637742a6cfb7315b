"""Japanese askers about an American partner, and Korean askers about a Japanese partner (session 22, issue 11).

A Korean speaker working with a Japanese partner (at a US company's Korean desk, or a Korean-American producer in Los
Angeles) asked about ringi, 検討します or the production committee and got a Korea card or a decline: the Japan
cards had no Korean text to match. They now have Korean translations, and stay Japan-only (a Korean partner's
「검토해 보겠습니다」 keeps its own card). A Japanese producer asking why the US side will not greenlight before cast
and director are attached found no Japan card; the packaging card now covers Japan. A committee member explaining
to its US partner why every member must consent now finds the consent card, which has a line for that side.
"""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.coach.glossary import Glossary
from server.knowledge.cards import say_lines
from server.knowledge.translations import load_translations, source_hash
from server.models import Ask, Card, Culture, Language, Perspective

from ..conftest import REAL_KB

KOREAN_FOR_JAPAN = ["ringi-approval-circulation", "ue-to-soudan", "animation-studio-not-rights-holder",
                    "japan-location-incentive", "anime-music-theme-song-rights", "yen-moves-mid-schedule",
                    "kentou-shimasu", "production-committee-basics", "when-problems-get-reported",
                    "committee-lead-company", "maemuki-ni-kentou", "dinners-and-gifts",
                    "japan-location-shooting-permits", "character-model-sheet-approvals", "hou-ren-sou-reporting",
                    "mapping-who-decides-japan", "muzukashii-desu", "nemawashi-before-the-meeting"]


def _current(lang: str, card_id: str) -> bool:
    text = (REAL_KB / "cards" / lang / f"{card_id}.md").read_text(encoding="utf-8")
    return f'translated_from: "{source_hash(REAL_KB / "cards" / f"{card_id}.md")}"' in text


@pytest.mark.parametrize("card_id", KOREAN_FOR_JAPAN)
def test_a_japan_card_has_a_current_korean_translation_and_stays_japan_only(cards: dict[str, Card],
                                                                            card_id: str) -> None:
    assert cards[card_id].cultures == [Culture.JP_US]
    korean = load_translations(REAL_KB, list(cards.values()))[Language.KO]
    assert card_id in korean and _current("ko", card_id)
    # its triggers are a Korean speaker's questions about a Japanese partner or Japanese practice
    assert all(any("\uac00" <= ch <= "\ud7af" for ch in t) for t in korean[card_id].triggers)
    assert any("일본" in t for t in korean[card_id].triggers) or card_id in {"ue-to-soudan", "kentou-shimasu"}


def test_the_packaging_card_covers_japan_with_a_current_japanese_translation(cards: dict[str, Card]) -> None:
    card = cards["us-greenlight-packaging"]
    assert {Culture.JP_US, Culture.KR_US, Culture.CN_US} <= set(card.cultures)
    assert "Japanese production" in card.sections["What's going on"]
    assert "Japan's location grant" in card.sections["What to do"]
    for lang in ("ja", "ko", "zh"):
        assert _current(lang, "us-greenlight-packaging"), lang


def test_the_committee_consent_card_speaks_to_a_member_explaining_it_to_the_us_side(cards: dict[str, Card]) -> None:
    card = cards["committee-rights-consent"]
    assert card.perspective is Perspective.BOTH
    asia = [line.text for line in say_lines(card) if line.side is Perspective.ASIA_SIDE]
    assert asia and "every co-owner" in asia[0]
    assert _current("ja", "committee-rights-consent")


@pytest.mark.parametrize(("question", "present", "absent"), [
    ("キャスティングは誰が決めるの？", "casting", "voice casting"),  # casting in general, not the dub's
    ("일본 제작위원회 작품의 판권은 위원회의 어느 회사가 갖고 있나요?", "production committee", "internal approval"),
    ("제작위원회의 판권 구조가 궁금해요", "production committee", "meeting"),  # 위원회의 is "the committee's"
    ("사내 품의가 3주째 돌고 있어요", "internal approval circulation", "meeting"),
    ("엔화가 크게 움직였어요", "exchange rate", "budget"),
    ("일본 측이 윗사람과 상의하겠다고 해요", "check with superiors", "head office"),
])
def test_glossary_reads_these_terms_for_what_they_mean(question: str, present: str, absent: str) -> None:
    expanded = Glossary.load().expand(question)
    assert present in expanded and absent not in expanded, expanded


@pytest.mark.slow
@pytest.mark.parametrize(("question", "card_id"), [
    ("アメリカ側は、主演と監督が決まらないと出資が確定しないと言って、なかなかゴーサインを出してくれません。",
     "us-greenlight-packaging"),
])
def test_a_japanese_question_gets_the_card(kb_answerer: Answerer, question: str, card_id: str) -> None:
    draft = kb_answerer.draft(Ask(message=question))
    assert draft.cards and draft.cards[0].id == card_id, [c.id for c in draft.cards]
