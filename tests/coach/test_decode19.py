"""Whose English a partner's message is when the asker writes another Asian language (a Chinese company quoting its
Japanese partner's English reads it with the Japanese renderings, unless an American party is named), a Japanese
asker's 「…」とだけ返信するのは is their own draft, "are they saying no?" reports no words, "our line producer says"
is a person speaking, and a few more English renderings: "consult with our superiors" (上と相談します), a Chinese
partner's "discuss it internally" (回去商量一下) and "not easy to say" (不好说). Also who is asking: a job said with
its verb at a city's studio ("I run development at a Seoul studio") says the asker's side, and going to the top of
the partner's side ("should I contact their CEO directly?") asks who decides."""

from __future__ import annotations

import pytest

from server.coach.asker_frame import other_asian
from server.coach.decode import Decoder
from server.coach.followup import asks_who_decides
from server.coach.understand import partner_text, understand
from server.models import Culture
from tests.coach.decoding import decoded as _decoded


@pytest.mark.parametrize(("message", "pair", "expected"), [
    ("日方制片人用英文回了邮件：\"It may be difficult to keep the June date. We will consult with our management.\" "
     "我们要不要换供应商？", Culture.JP_US, {"難しいです", "上と相談します"}),
    ("中国側のプロデューサーから英語で返事が来ました：\"Changing the poster now is not very convenient for us.\" "
     "どう返せばいいでしょうか。", Culture.CN_US, {"不太方便"}),
])
def test_an_asker_of_another_asian_side_reads_the_partners_english_as_that_sides(
        decoder: Decoder, message: str, pair: Culture, expected: set[str]) -> None:
    u = understand(message)
    assert u.asian_partner is pair
    assert expected <= _decoded(decoder, message)


def test_an_asker_of_the_partners_own_side_or_naming_an_american_party_reads_no_renderings() -> None:
    wrote = ["We will consider it."]
    assert other_asian("ja", "日本の会社です。先方から英語で返事が来ました", wrote) is None
    assert other_asian("zh", "美方和日方都回了邮件", wrote) is None  # an American party named
    assert other_asian("en", "Our Japanese partner wrote back", wrote) is None
    assert other_asian("zh", "对方用英文回复", wrote) is None
    assert other_asian("zh", "日方和韩方都用英文回复了", wrote) is None  # two named: whose is unsure
    assert other_asian("ja", "韓国側から英語でメールが来ました", []) is None  # no partner text
    assert other_asian("ja", "韓国側から英語でメールが来ました", wrote) is Culture.KR_US


@pytest.mark.parametrize("message", [
    "米国の配給会社に「前向きに検討します」とだけ返信するのは不誠実でしょうか。",
    "先方に「社内で調整が必要です」と回答するのは早すぎますか。",
    "アメリカ側に「検討の余地があります」と連絡するのは危険ですか。",
])
def test_a_reply_the_asker_means_to_send_is_no_partner_text(decoder: Decoder, message: str) -> None:
    assert _decoded(decoder, message) == set()


def test_asking_whether_they_are_saying_no_reports_no_words() -> None:
    message = "Our Japanese partner wrote:\n\nDear Ana,\nThe new date is difficult.\nSato\n\nAre they saying no?"
    assert not any("ing no" in span for span in partner_text(message))
    assert partner_text("Is he saying no, or just stalling?") == []


@pytest.mark.parametrize(("message", "expected"), [
    ("Our Beijing co-producer emailed: \"We will talk it over with our team and come back to you.\" Stalling?",
     {"回去商量一下"}),
    ("The Shanghai platform told us: 'The launch month is not easy to say yet.' Should we plan around it?",
     {"不好说"}),
])
def test_a_chinese_partners_english_for_discussing_internally_and_not_easy_to_say(
        decoder: Decoder, message: str, expected: set[str]) -> None:
    assert expected <= _decoded(decoder, message)


def test_an_american_partners_discuss_it_internally_is_not_decoded_as_chinese(decoder: Decoder) -> None:
    message = "Our LA co-producer wrote: \"We will discuss it internally and get back to you.\" Is that a no?"
    assert "回去商量一下" not in _decoded(decoder, message)


def test_a_line_producer_is_a_person_not_the_askers_line(decoder: Decoder) -> None:
    message = "Our Korean line producer says 알겠습니다 to every change and then nothing moves."
    assert partner_text(message) and "알겠습니다" in _decoded(decoder, message)
    assert partner_text("My opening line was 'sounds great, let's circle back'. Too casual?") == []


@pytest.mark.parametrize(("message", "side"), [
    ("I run development at a Seoul studio. The US co-producer wants the bible rewritten. Push back?", "asia-side"),
    ("I head production at a Tokyo animation studio. Why does the LA producer want weekly calls?", "asia-side"),
    ("I'm a producer at a Beijing company; why does the Hollywood side want a completion bond?", "asia-side"),
    ("I run business affairs at a US studio. How long should I wait on the Korean partner?", "us-side"),
    ("I have a meeting at a Seoul studio next week. What should I bring?", "us-side"),
    ("I manage the relationship with a Tokyo studio for our LA company. How often should I call?", "us-side"),
])
def test_a_job_at_a_city_studio_says_the_askers_side(message: str, side: str) -> None:
    u = understand(message)
    assert u.side is not None and u.side.value == side


@pytest.mark.parametrize(("message", "decides"), [
    ("Should I contact their CEO directly?", True),
    ("Can I just email the president?", True),
    ("社長に直接連絡してもいいですか？", True),
    ("대표님께 바로 메일을 보내도 될까요?", True),
    ("要不要直接找他们老板？", True),
    ("I called their CEO yesterday and he agreed.", False),
    ("Should I contact the lawyer about the clause?", False),
])
def test_going_to_the_top_of_their_side_asks_who_decides(message: str, decides: bool) -> None:
    assert asks_who_decides(message) is decides
