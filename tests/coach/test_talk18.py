"""Follow-ups of session 16: a follow-up in Japanese, Korean or Chinese is matched against the shown card's items
in its own language (the embedding model reads English only, so 「那如果到时候他们又说做不到呢？」 matched no item
and moved to the next card); a span of time in those languages (「一ヶ月」, 「한 달 동안」, 「再过一个月」) or "how long
should I wait?" asks about a lapse of time; a lapse moves to a new card only when nothing comes ("still dodge it"
does not) and never to the last answer's card written for the other side; a follow-up ranks the cards shown even
when the words it is glued to miss them. The functions on the real cards, then the real engine."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.coach.compose import Section, answer_items
from server.coach.continuation import lapse_card
from server.coach.itemrank import LAPSE_ASKED, word_share
from server.coach.plan import Plan
from server.models import Culture, Language, Perspective
from tests.coach.conversation import CARDS, candidates_of, first_cards


def _plan(card: str, topic: list[tuple[str, float]], own: list[tuple[str, float]] | tuple[()] = ()) -> Plan:
    return Plan(confidence=0.9, outcome="answer", sections=[Section(card=CARDS[card], heading=None, short="")],
                candidates=candidates_of(*topic), query="q", earned=0.5, own=candidates_of(*own))


@pytest.mark.parametrize(("message", "lapse"), [
    ("それでも一ヶ月返事がなければ？", True), ("要是再过一个月还不到账呢？", True),
    ("그래도 한 달 동안 답이 없으면요?", True), ("結局いつまで待てばいいんでしょうか？", True),
    ("How long should we wait before we chase?", True), ("要是一个月还没回音呢？", True),
    ("두 주 뒤에도 확답이 없으면요?", True), ("もう一度聞いてもいいですか？", False),
    ("那如果到时候他们又说做不到呢？", False), ("日本の3ヶ月の撮影期間は長い？", False), ("还不错吧？", False),
    ("한 명만 데려가도 될까요?", False)])
def test_a_span_of_time_asks_about_a_lapse(message: str, lapse: bool) -> None:
    assert bool(LAPSE_ASKED.search(message)) is lapse


def test_word_share_weights_the_follow_ups_rarer_words() -> None:
    """「做不到」 is rare among the items, 「如果」 common: the plan-B line holds more of the follow-up than a line
    sharing 「如果」 and 「说」; one shared word is no match; English has no share."""
    items = ["如果最后发现做不到，我们的备选方案应该是什么？", "如果对方说同意，就发会议纪要。", "如果要把细节过一遍。"]
    rarity = {"如果": 0.5, "说": 0.5, "做": 1.0, "不到": 3.0, "备选": 3.0}
    shares = word_share("那如果到时候他们又说做不到呢？", items, "zh", rarity)
    assert shares[0] > shares[1] > shares[2] == 0.0
    assert not word_share("what if they can't?", ["what if they can't"], "en", rarity).any()


def test_a_lapse_takes_no_last_card_written_for_the_other_side() -> None:
    """「それでも一ヶ月返事がなければ？」 from the Japanese side after the committee card (no step for when nothing
    comes), whose answer also cited the US-side 社内調整 phrase card: the Japanese side's card on an American partner
    gone quiet, which the follow-up's own words support, not the US side's step."""
    plan = _plan("committee-lead-company", [("committee-lead-company", 0.9), ("shanai-chousei-mochikaeri", 0.4)],
                 [("us-partner-gone-quiet", 0.45), ("shanai-chousei-mochikaeri", 0.3)])
    shown = {"committee-lead-company", "shanai-chousei-mochikaeri"}
    found = lapse_card(plan, "それでも一ヶ月返事がなければ？", shown, sorted(shown), CARDS, Culture.JP_US,
                       Perspective.ASIA_SIDE)
    assert found is not None and found.id == "us-partner-gone-quiet"


def test_a_lapse_with_no_silence_stays_off_the_quiet_partner_card() -> None:
    """"what if they still dodge it next month?" after 再说吧 (no step for a lapse): the partner is not silent, so the
    card on a partner gone quiet is no answer, however the topic ranks it; "still no reply" is."""
    plan = _plan("zaishuo-ba-later", [("zaishuo-ba-later", 0.9), ("partner-gone-quiet-korea-china", 0.4)])
    args = ({"zaishuo-ba-later"}, ["zaishuo-ba-later"], CARDS, Culture.CN_US, Perspective.US_SIDE)
    assert lapse_card(plan, "what if they still dodge it next month?", *args) is None
    for silent in ("what if there's still no reply next month?", "what if they still don't answer after a month?"):
        found = lapse_card(plan, silent, *args)
        assert found is not None and found.id == "partner-gone-quiet-korea-china"


@pytest.mark.slow
def test_a_chinese_follow_up_is_matched_to_the_shown_cards_item_by_its_words(kb_answerer: Answerer) -> None:
    planner = kb_answerer.planner
    card = kb_answerer.retriever.index.cards["yuanze-shang-keyi"]
    localised = planner.localised(card, Language.ZH)
    item = planner._answering_item(card, localised, "那如果到时候他们又说做不到呢？", Perspective.US_SIDE)
    assert item is not None and "做不到" in item and item in answer_items(localised, Perspective.US_SIDE)


@pytest.mark.slow
def test_cjk_follow_ups_stay_with_the_shown_card(kb_answerer: Answerer) -> None:
    cards = first_cards(kb_answerer, "我是美方的项目经理，问中方能不能把交片日期提前两周，"
                                     "对方说\"原则上可以，我们尽量\"。", "那如果到时候他们又说做不到呢？")
    assert cards == ["yuanze-shang-keyi", "yuanze-shang-keyi"]
    cards = first_cards(kb_answerer, "我们是美方出品公司，中方第二期投资款已经晚了一个月，对方财务说\"在走流程\"。",
                        "要是再过一个月还不到账呢？")
    assert cards == ["partner-payment-late", "partner-payment-late"]


@pytest.mark.slow
def test_is_that_normal_ranks_the_card_shown_with_a_decoded_phrase(kb_answerer: Answerer) -> None:
    cards = first_cards(kb_answerer, "Every time I raise the delivery date with our Korean line producer he says "
                                     "알겠습니다 and then nothing changes.", "Is that normal in Korea?")
    assert cards == ["algetseumnida-ne", "algetseumnida-ne"]
