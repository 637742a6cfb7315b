"""What the asker asks and what the partner said: quoted lines followed by a particle, listed topics asked about one
by one, coordinated question words that ask one thing, and an off-topic ask beside an in-scope one."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.coach.understand import partner_text, understand
from server.models import Ask


@pytest.mark.parametrize(("message", "quote"), [
    ("부장님께 조건을 보냈더니 '검토해 보겠습니다'라고 하시고는 답이 없습니다. 거절인가요?", "검토해 보겠습니다"),
    ("대표님이 '좀 어렵습니다'라며 웃으셨어요. 안 된다는 뜻인가요?", "좀 어렵습니다"),
    ("팀장님께 '생각해 보겠습니다'라는 답만 받았습니다. 얼마나 기다려야 하나요?", "생각해 보겠습니다"),
    ("본부장님이 '내부적으로 논의해 보겠습니다'이라고 하셨어요. 누가 결정하나요?", "내부적으로 논의해 보겠습니다"),
    ("プロデューサーに打診したら「前向きに検討します」と言われました。OKという意味ですか。", "前向きに検討します"),
    ("中方老板只回了一句“原则上可以”。这算同意吗？", "原则上可以"),
    ("中方导演每次都“没问题”地答应下来，可样片里一条都没改。这是什么意思？", "没问题"),
    ("美方律师来信说“we reserve all rights”，这是要起诉我们吗？", "we reserve all rights"),
    ("Our Chinese partner told us '领导还要商量' about the release date. Does the boss know?", "领导还要商量"),
])
def test_the_quote_is_the_partners_words_and_the_clause_around_it_is_not(message: str, quote: str) -> None:
    assert partner_text(message) == [quote]


def test_an_apostrophe_is_no_quote_and_a_conjunction_is_no_reply() -> None:
    assert partner_text("Our partner's producer didn't reply and the studio's lawyer won't say why.") == []
    assert partner_text("これはOKという意味なのか、それと返事はいつ頃催促していいのか教えてください。") == []


@pytest.mark.parametrize(("message", "parts"), [
    ("서울에서 현지 팀과 일하게 됐습니다. 회식이랑 나이에 따른 서열 문제, 각각 어떻게 대처하면 좋을까요?",
     ["회식", "나이에 따른 서열 문제"]),
    ("米国のスタジオと交渉中です。準拠法と、ライセンス料の源泉徴収税の扱い、それぞれどう考えればいいですか。",
     ["準拠法", "ライセンス料の源泉徴収税の扱い"]),
    ("契約書を詰めていますが、準拠法と仲裁地、それから為替の条項で揉めています。それぞれどう考えればいいですか。",
     ["準拠法と仲裁地", "為替の条項"]),
    ("Two things I keep getting wrong in Tokyo: the business card exchange and the after-work dinners. "
     "What's expected for each?", ["the business card exchange", "the after-work dinners"]),
    ("对方提出的最低保底和营销费用先扣这两点，各自要注意什么？", ["对方提出的最低保底", "营销费用先扣"]),
])
def test_topics_listed_and_asked_about_one_by_one_are_parts(message: str, parts: list[str]) -> None:
    assert understand(message).parts == parts


def test_topics_named_after_especially_are_parts_beside_the_question() -> None:
    message = ("미국 프로듀서가 서울에 4개월 머물게 됐어요. 미리 알려줘야 할 게 있을까요? "
               "특히 회식 문화랑 호칭 문제가 걱정입니다.")
    assert understand(message).parts[1:] == ["회식 문화", "호칭 문제"]


@pytest.mark.parametrize("message", [
    "How do I handle the toasts and the seating at the banquet with our Chinese partner?",
    "準拠法と仲裁地はどう決めればいいですか。",
    "Should we release with subtitles and a dub in the US?",
    "Which currency and which exchange-rate date should the Korean distributor's statements use?",
    "Who pays and who decides when the Tokyo permit is late and the crew waits?",
])
def test_one_ask_about_two_things_stays_one_question(message: str) -> None:
    assert understand(message).parts == [message]


def test_korean_sentences_ending_with_a_full_stop_are_sentences() -> None:
    u = understand("LA 제작사 PD입니다. 대표님이 '좀 어렵습니다'라며 웃으셨어요. 이게 안 된다는 뜻인지, "
                   "그리고 다음 미팅에서 어떻게 다시 꺼내야 할지 알고 싶습니다.")
    assert u.parts[0] == "이게 안 된다는 뜻인지"
    assert "LA 제작사 PD입니다." in u.context


def test_a_listed_topic_is_answered_not_met_with_a_clarifying_choice(kb_answerer: Answerer) -> None:
    answer = kb_answerer.answer(Ask(message="Our Japanese partner keeps bringing up two things: the business card "
                                            "exchange and the after-work dinners. What's expected for each?"))
    assert {"meishi-exchange", "dinners-and-gifts"} <= {s.id for s in answer.sources}


def test_coordinated_question_words_are_answered_not_met_with_a_clarifying_choice(kb_answerer: Answerer) -> None:
    answer = kb_answerer.answer(Ask(message="Which currency and which exchange-rate date should the statements "
                                            "from our Japanese distributor use?"))
    assert answer.sources and answer.sources[0].id in {"currency-of-revenue-statements", "currency-clause-outline"}


def test_an_off_topic_ask_beside_the_situation_is_declined(kb_answerer: Answerer) -> None:
    answer = kb_answerer.answer(Ask(message="We're visiting our Kyoto co-producer next month. Which shops near Kyoto "
                                            "Station sell the nicest wagashi gift boxes, and what are their opening "
                                            "hours on Sundays?"))
    assert not answer.in_scope and answer.sources == []


def test_an_off_topic_ask_beside_an_in_scope_one_is_left_out(kb_answerer: Answerer) -> None:
    answer = kb_answerer.answer(Ask(message="The Japanese committee keeps asking for a far more detailed budget "
                                            "breakdown than we're used to. Why do they need that, and which sushi "
                                            "restaurant in Ginza should we take them to afterwards?"))
    assert answer.in_scope and [s.id for s in answer.sources] == ["budget-breakdown-expectations"]
    assert "sushi" not in answer.answer_markdown.lower()
