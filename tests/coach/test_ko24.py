"""Korean, Chinese and Japanese understanding gaps (session 24, ko24, issue 11): short follow-ups that point back
with a demonstrative (「그럼 이건 누가 결정해요?」, 「それって普通ですか？」, 「这个一般要多久？」), while 那 alone is
"then", not "that" (「那超支了谁来付？」 names a cost of its own); "who decides this?" after a card on who decides that
very thing (final cut) stays with that card, while "who decides over there?" gets the map of who decides; holidays
named in Japanese and Chinese (感謝祭, お盆, 圣诞节, 春节) get the English words the cards use; a partner who wants
its review tool used (Frame.io, Slack) is a dealing to settle, while asking how to set the tool up is not; and the
committee-consent and approval-turnaround cards read in Korean.

Examples are written for these tests (not taken from the labelled set)."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.coach.continuation import decides_it
from server.coach.glossary import Glossary
from server.coach.offtopic import off_topic_cue
from server.coach.understand import refers_back
from server.knowledge.cards import load_cards
from server.knowledge.translations import load_translations, source_hash
from server.models import Language
from tests.coach.conversation import first_cards
from tests.conftest import REAL_KB


@pytest.mark.parametrize("message", [
    "이거 얼마나 걸려요?", "이건 계약서에 넣어야 하나요?", "그게 일반적인 건가요?", "그건 누가 정하나요?",
    "저거 무슨 뜻이에요?", "왜 그런 건가요?", "이걸 어떻게 전하죠?",
    "あれって普通ですか？", "あの件はどうなりましたか？", "そういう場合は誰が払うんですか？",
    "这个一般要多久？", "那个条款谁定？", "那是什么意思？", "这样正常吗？",
])
def test_a_demonstrative_points_back(message: str) -> None:
    assert refers_back(message)


@pytest.mark.parametrize("message", [
    "화면이 잘 보이게 자막을 키워 달래요",  # 보이게 is no 이게
    "그런데 예산은 누가 승인하나요?",  # 그런데 is "but"
    "可能であれば来週までに返事をください",  # であれば is "if"
    "那超支了谁来付？",  # 那 alone is "then"
    "那如果他们一月还不回呢？",
])
def test_words_that_only_look_like_a_demonstrative_do_not(message: str) -> None:
    assert not refers_back(message)


@pytest.mark.parametrize(("message", "expected"), [
    ("그럼 이건 누가 결정해요?", True), ("그건 누가 최종 결정하나요?", True), ("それは誰が決めるんですか？", True),
    ("这个由谁决定？", True), ("Who decides that?", True),
    # who decides on the partner's side is the map of who decides there
    ("그쪽에서는 이건 누가 결정해요?", False), ("他们那边这个谁说了算？", False),
    ("Who on their side decides that?", False), ("누가 결정권자예요?", False),
])
def test_who_decides_the_thing_just_discussed(message: str, expected: bool) -> None:
    assert decides_it(message) is expected


@pytest.mark.parametrize(("message", "english"), [
    ("美方说圣诞节到新年期间整个团队都休假", ["Christmas", "New Year"]),
    ("美方说感恩节以后就没人回邮件了", ["Thanksgiving"]),
    ("我们公司春节放假两周，要提前告诉美方吗？", ["Spring Festival", "long holidays"]),
    ("国庆节前能不能交片？", ["National Day"]),
    ("アメリカ側は感謝祭の前に決めたいそうです", ["Thanksgiving"]),
    ("弊社はお盆とゴールデンウィークに休みます", ["Obon", "Golden Week"]),
    ("年末年始の休みをアメリカ側にどう伝えればいい？", ["year end"]),
    ("추석이 국경일이라 일주일 쉽니다", ["Chuseok", "public holidays"]),
])
def test_holidays_in_japanese_and_chinese_get_their_english_words(message: str, english: list[str]) -> None:
    expanded = Glossary.load().expand(message)
    assert all(word in expanded for word in english), expanded


def test_a_year_end_tax_adjustment_is_no_holiday() -> None:
    assert Glossary.load().expand("年末調整の書類はいつまでに出せばいい？") == "年末調整の書類はいつまでに出せばいい？"


@pytest.mark.parametrize(("dealing", "tool_use"), [
    ("미국 쪽에서 자꾸 Frame.io랑 Slack으로 작업하자고 합니다. 저희는 카톡이랑 메일로 해 왔는데 어떻게 맞추죠?",
     "미국 쪽이 리뷰는 Frame.io로 하자는데 Frame.io 계정은 어떻게 설정하나요?"),
    ("美方要用Frame.io审片，但国内打不开，怎么沟通？", "美方要用Frame.io审片，Frame.io的权限怎么设置？"),
])
def test_a_partner_wanting_its_tool_is_a_dealing_while_setting_it_up_is_not(dealing: str, tool_use: str) -> None:
    assert off_topic_cue(dealing) < 0.2
    assert off_topic_cue(tool_use) >= 0.5


@pytest.mark.parametrize("card_id", ["committee-rights-consent", "approval-turnaround-times"])
def test_the_japan_approval_cards_read_in_korean(card_id: str) -> None:
    cards = load_cards(REAL_KB)
    korean = load_translations(REAL_KB, cards)[Language.KO]
    assert card_id in korean
    text = (REAL_KB / "cards" / "ko" / f"{card_id}.md").read_text(encoding="utf-8")
    assert f'translated_from: "{source_hash(REAL_KB / "cards" / f"{card_id}.md")}"' in text
    assert any("일본" in t for t in korean[card_id].triggers)


@pytest.mark.parametrize(("turns", "expected"), [
    # 「이건」 is the final cut just discussed: the final-cut card answers who decides it
    (["미국 파트너가 최종 편집권을 달라고 합니다. 감독님은 반대하세요.", "그럼 이건 누가 결정해요?"],
     "final-cut-korean-director"),
    # 「那」 is "then": the overrun is a cost of its own, not the breakdown's
    (["美方要求我们提供逐项预算，每一笔都要说明。", "那超支了谁来付？"], "budget-overages"),
])
def test_short_cjk_followups(kb_answerer: Answerer, turns: list[str], expected: str) -> None:
    assert first_cards(kb_answerer, *turns)[-1] == expected
