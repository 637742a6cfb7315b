"""Who is asking (coach/asker_frame.py), session 12: a production committee with no country named is Japanese;
American staff saying what they do in Japanese, Korean and Chinese; the partner's own studio named in English; a
long follow-up that names no side keeps the conversation's. And the glossary words that read money, payments and
time differences right (knowledge/glossary.yaml).

Examples are written for these tests (not taken from the labelled set)."""

from __future__ import annotations

import pytest

from server.coach.asker_frame import detect_pair, detect_side
from server.coach.glossary import Glossary
from server.coach.understand import understand
from server.models import Culture, Perspective

US, ASIA = Perspective.US_SIDE, Perspective.ASIA_SIDE


@pytest.mark.parametrize("message", [
    "The production committee wants to approve the key art as well. Is that normal?",
    "The lead company sent our statement with a 控除 line for P&A. What is that?",
    "Two committee members still haven't signed off on the streaming deal.",
])
def test_a_committee_is_japanese(message: str) -> None:
    assert detect_pair(message) is Culture.JP_US


def test_a_steering_committee_names_no_country() -> None:
    assert detect_pair("Our steering committee meets monthly. Who should sit on it?") is None


def test_chinese_naming_korea_is_no_korean_asker() -> None:
    """Written in Chinese, the script's country counts too, as kana and hangul do: not read as Korea-US."""
    assert detect_pair("一家韩国公司想和我们一起找美国公司合拍，这条路能走通吗？") is not Culture.KR_US


@pytest.mark.parametrize(("message", "language", "side"), [
    # American staff saying what they do
    ("ハリウッドのスタジオで日本のアニメ案件を担当しています。主題歌の許諾は誰に取ればいいですか。", "ja", US),
    ("米国の配給会社で日本映画の買い付けをしています。先方から一か月返事がありません。", "ja", US),
    ("한국 방송사와 드라마를 공동제작하는 미국 회사 직원입니다. 답이 없어요.", "ko", US),
    ("미국 제작사 쪽 투자 담당입니다. 한국 투자사가 답을 안 줍니다.", "ko", US),
    ("저는 미국 스트리머 서울 지사에서 일합니다. 한국 제작사가 일정이 밀렸다고 합니다.", "ko", US),
    ("부산에서 촬영할 미국 프로덕션입니다. 현지 스태프는 어떻게 구하나요?", "ko", US),
    ("中方导演一直跟我们说没问题，结果拍摄许可还没批下来。美方剧组在等，费用谁出？", "zh", US),
    # the partner's person, not the asker's job
    ("アメリカのスタジオの担当者が「We'll circle back」と言ったきり、連絡がありません。", "ja", ASIA),
    # the partner's studio or the asker's own, in English
    ("Our Korean studio licensed a series to a US platform and the payment came in short. Why?", "en", ASIA),
    ("Our Osaka animation studio says episode 6 is 'muzukashii' by the 20th. What now?", "en", US),
    ("The studio on the LA side wants its own composer on our anime. Do we have to agree?", "en", ASIA),
    ("One of our investors in Seoul thinks our series with an LA company counts as Korean. Does it?", "en", ASIA),
    ("Our China co-pro got script notes that cut a subplot. The US financiers are nervous.", "en", US),
    ("We're the lead company of the production committee. The US streamer wants to know who decides.", "en",
     ASIA),
    ("The committee says the trailer needs another round of internal review. How long is normal?", "en", US),
])
def test_what_the_asker_does_decides_the_side(message: str, language: str, side: Perspective) -> None:
    assert detect_side(message, language) is side


def test_a_long_follow_up_naming_no_side_keeps_the_conversations() -> None:
    """「그럼 누구에게 직접 연락해야…」 after an American's first turn is still the American asking; alone, a
    Korean question is the Korean side's."""
    follow_up = "그럼 누구에게 직접 연락해야 하나요? 대표님께 바로 메일을 보내도 될까요?"
    assert understand(follow_up, Culture.KR_US, US).side is US
    assert understand(follow_up).side is ASIA


@pytest.mark.parametrize(("question", "wanted", "unwanted"), [
    ("支払いが遅れた場合の為替差損は誰が負担するのでしょうか", ["payment is late", "exchange rate"],
     ["schedule delay"]),
    ("정산금 지급을 미루는 바람에 환차손이 생겼습니다", ["exchange rate"], []),
    ("入金の遅れで汇兑损失が出ました", ["payment is late", "exchange rate"], ["schedule delay"]),
    ("東京とLAは16時間の時差があるので会議が組めません", ["time difference"], ["overtime"]),
    ("時差が14時間あるので、朝の会議がつらい", ["time difference"], ["overtime"]),
    ("서울과 LA는 17시간 시차가 있어요", ["time difference"], ["overtime"]),
    ("我们和洛杉矶相差15个小时，每天还要拍14个小时", ["time difference", "overtime"], []),
])
def test_payments_losses_and_time_differences_read_right(question: str, wanted: list[str],
                                                         unwanted: list[str]) -> None:
    glossed = Glossary.load().expand(question)
    assert all(w in glossed for w in wanted), glossed
    assert not any(u in glossed for u in unwanted), glossed
