"""The asker's own errands, money, legal trouble, free time and household are traps (coach/offtopic.py), also with a
shoot or a studio as the occasion; the same kind of word in dealings stays below the cue. Examples are written for
these tests, not taken from the labelled set."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.coach.offtopic import off_topic_cue, trap_words
from server.models import Ask


@pytest.mark.parametrize(("question", "kind"), [
    ("We wrap in Busan on Friday. Any place that can do a quick haircut near the hotel?", "errands"),
    ("東京滞在中にネイルサロンに行きたいのですが、予約なしで入れるお店はありますか？", "errands"),
    ("시사회 전에 미용실 가고 싶은데 예약 없이 되는 곳 있을까요?", "errands"),
    ("拍摄间隙想去做个美甲，附近有推荐的吗？", "errands"),
    ("Should I move my savings into index funds or keep it in crypto?", "money"),
    ("ボーナスで投資信託を始めたいのですが、何から買えばいいですか？", "money"),
    ("요즘 미국 주식 사도 괜찮을까요?", "money"),
    ("现在炒股还来得及吗？", "money"),
    ("I got a speeding ticket in Atlanta during prep. Does it follow me back to California?", "legal"),
    ("駐車違反の反則金はどこで払えばいいですか？", "legal"),
    ("집주인이 전세 보증금을 안 돌려줘요. 어떻게 해야 해요?", "legal"),
    ("房东不退押金怎么办？", "legal"),
    ("Who's playing in the Super Bowl this year?", "leisure"),
    ("How do I grow my Instagram between jobs?", "leisure"),
    ("マッチングアプリで知り合った人と初めて会います。どこに行けばいいですか？", "leisure"),
    ("이번 주 야구 경기 몇 시에 시작해요?", "leisure"),
    ("想在小红书上涨粉，有什么技巧？", "leisure"),
    ("Is a used car or a new hybrid SUV the smarter buy for LA?", "household"),
    ("息子の中学受験、塾は何年生から通わせるべきですか？", "household"),
    ("초등학생 딸 영어 학원 언제부터 보내야 해요?", "household"),
    ("孩子上幼儿园，公立和私立哪个好？", "household"),
    ("출장 끝나면 헬스장 다니려고 하는데 PT 받는 게 나을까요?", "personal"),
    ("Any idea what to get for my wife's birthday? I land back from Shanghai the day before.", "personal"),
    ("结婚纪念日快到了，给老婆买什么好？", "personal"),
    ("도쿄 출장 가는 김에 아울렛 들를 만한 데 있어요?", "errands"),
    ("免税店的化妆品比国内便宜多少？", "errands"),
])
def test_the_askers_own_errands_money_and_household_are_traps(question: str, kind: str) -> None:
    assert kind in trap_words(question), trap_words(question)
    assert off_topic_cue(question) >= 0.5


@pytest.mark.parametrize("question", [
    "我们美方这边等了两个礼拜，对方合同还没回，要不要催？",  # 礼拜 is a week, not a church service
    "The Korean partner wants to shoot the finale in a church in Jeonju. Who gets the permit, and who pays?",
    "Our US partner's lawyer says the crew's parking tickets on the location are our cost. Is that normal?",
    "Our Japanese co-producer wants a share of the streamer's revenue. Is that normal in a committee deal?",
    "Should I bring something from the duty-free shop for the Korean producer's team?",
    "The studio wants the pitch tailored to the US market and alterations to the deal memo. Do we push back?",
    "Everything is under one roof at the Japanese side's committee: who do we talk to first?",
    "日本側から届いた企画書のサムネイル案、スケジュールのアップデートはどう返せばいいですか？",
    "한국 측이 보낸 썸네일 시안과 일정 업데이트, 어떻게 답하면 좋을까요?",
    "小学馆那边的漫画改编授权，我们该怎么跟对方谈？",
])
def test_dealings_that_share_a_word_of_these_kinds_stay_below_the_cue(question: str) -> None:
    assert off_topic_cue(question) < 0.5, trap_words(question)


def test_a_tailor_asked_beside_the_shoot_is_declined(kb_answerer: Answerer) -> None:
    """The shoot is only the occasion; the trained scope model weighs the cue with the rest."""
    message = "I'm in Tokyo for the shoot next month. Where can I get a suit tailored quickly?"
    assert "errands" in trap_words(message)
    assert kb_answerer.draft(Ask(message=message)).outcome == "decline"
