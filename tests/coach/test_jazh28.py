"""jazh28: a Chinese company on a Japanese partner's project (「我们是一家杭州的动画公司，和日方合作」) is the
partner's other side (us-side of Japan-US), as the Japan cards are written for it, unless an American party it deals
with is named (then it is the Chinese side of a China-US deal); a person's nationality said with their job
(「中国籍员工」) names no partner; the Japanese committee's members (「日本的委员会成员」) are a Japanese partner;
a plain time word (今週, 今回) decodes no phrase card, while 「できれば今週中に」 and 「今回はちょっと…」 are still
found; and words 「…」と言ってくれた are said to the asker by the partner."""

from __future__ import annotations

import pytest

from server.coach.asker_frame import detect_pair, detect_side
from server.coach.decode import Decoder
from server.coach.understand import understand
from server.models import Culture, Perspective
from tests.coach.decoding import decoded


@pytest.mark.parametrize("message", [
    "我们是一家杭州的动画公司，和日本的制片公司合拍一部剧场版。日方总是不表态，怎么办？",
    "我们是中国的发行公司，正在跟日本出版社谈一部小说的影视化，对方的法务一直拖，正常吗？",
    "我们公司是北京的影视公司，日方合作伙伴要求每周开一次进度会，有必要吗？",
])
def test_a_chinese_company_beside_a_japanese_partner_is_the_partners_other_side(message: str) -> None:
    found = understand(message)
    assert found.pair is Culture.JP_US
    assert found.side is Perspective.US_SIDE


@pytest.mark.parametrize("message", [
    "我们是中国公司，美方和日方都投了钱，美方要求北美发行权，我们怎么谈？",
    "我们是一家上海的公司，日方推荐的美国发行公司要我们让出海外版权，怎么回应？",
])
def test_a_chinese_company_dealing_with_an_american_party_stays_the_asian_side(message: str) -> None:
    assert detect_side(message, "zh") is Perspective.ASIA_SIDE


def test_a_chinese_company_about_a_korean_partner_is_not_moved() -> None:
    assert detect_side("我们是中国公司，日本和韩国的合作方都在拖，怎么办？", "zh") is Perspective.ASIA_SIDE


def test_a_nationality_said_with_a_job_names_no_partner() -> None:
    message = "我是美国动画公司的中国籍员工，负责对接日本的动画工作室。他们的“検討します”是什么意思？"
    assert detect_pair(message) is Culture.JP_US
    assert understand(message).side is Perspective.US_SIDE


def test_a_member_of_the_japanese_committee_is_a_japanese_partner() -> None:
    found = understand("日本的委员会成员里有一家迟迟不盖章，续集开发停住了，能绕过它吗？")
    assert (found.pair, found.side) == (Culture.JP_US, Perspective.US_SIDE)


@pytest.mark.parametrize("message", [
    "先方から「今週中にご確認ください」と来ました。どう返せばいいですか。",
    "米国側は今週の会議で結論を出したいそうです。日本側から「今週は難しいです」と返しました。",
    "今回の件で先方から「今回のスケジュールでお願いします」とメールが来ました。",
])
def test_a_plain_time_word_is_no_phrase(decoder: Decoder, message: str) -> None:
    found = decoded(decoder, message)
    assert not found & {"できれば", "可能であれば", "今回はちょっと…", "ちょっと"}, found


@pytest.mark.parametrize(("message", "expression"), [
    ("先方から「できれば今週中にお願いします」と言われました。どういう意味ですか。", "できれば"),
    ("日本側から「今回はちょっと…」と返事がありました。断りですか？", "ちょっと"),
    ("先方の返事は「一応、承知しました」でした。", "一応"),
])
def test_the_expression_around_the_time_word_is_still_found(decoder: Decoder, message: str, expression: str) -> None:
    assert any(expression in e for e in decoded(decoder, message)), decoded(decoder, message)


@pytest.mark.parametrize("message", [
    "米国の配給会社の日本担当です。東京のスタジオが修正について「なんとかします」と言ってくれましたが、信じていいですか。",
    "日本の制作会社が追加の作業を「検討します」と言ってくれたのですが、期待していいのでしょうか。",
])
def test_words_said_to_the_asker_by_the_partner_are_the_partners(decoder: Decoder, message: str) -> None:
    assert decoded(decoder, message)


def test_words_the_asker_asks_someone_to_say_are_not_decoded(decoder: Decoder) -> None:
    assert not decoded(decoder, "上司に「検討します」と言ってくれたらいいのにと思いますが、どう頼めばいいですか。")
