"""More near-domain traps (festival deadlines, family, jet lag, sound clean-up, slogans), asks in a message with no
word of film dealings, and the decoder on pasted English with no pair named, on 보고는, and on a report with a quote
inside (coach/offtopic.py, coach/understand.py, coach/decode.py). Examples are written for these tests, not taken
from the labelled set."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.coach.offtopic import off_topic_cue, trap_words
from server.coach.understand import partner_text, understand
from server.models import Ask, Culture


@pytest.mark.parametrize(("question", "kind"), [
    ("When is the submission deadline for Sundance shorts?", "trivia"),
    ("東京国際映画祭の応募締切はいつ？", "trivia"),
    ("부천영화제 출품 마감이 며칠이에요?", "trivia"),
    ("北京国际电影节报名截止是什么时候？", "trivia"),
    ("My father-in-law is visiting from Osaka next month. What should we cook for him?", "personal"),
    ("夫の両親と義母の誕生日プレゼント、何がいいと思いますか？", "personal"),
    ("장모님 생신 선물로 뭐가 좋을까요?", "personal"),
    ("丈母娘过生日送什么礼物好？", "personal"),
    ("시차 적응 빨리 하는 방법 있을까요?", "personal"),
    ("每次倒时差都要一周，有办法吗？", "personal"),
    ("How do I remove wind noise from a voice memo?", "software"),
    ("インタビュー音声の風切り音、どう消せばいい？", "software"),
    ("인터뷰 녹음에 잡음이 많은데 어떻게 없애요?", "software"),
    ("手机录的采访杂音很大，怎么降噪？", "software"),
    ("帮我给新开的奶茶店想一句宣传语。", "software"),
])
def test_new_kinds_of_trap_are_recognised(question: str, kind: str) -> None:
    assert kind in trap_words(question), trap_words(question)
    assert off_topic_cue(question) >= 0.5


@pytest.mark.parametrize("question", [
    "長いフライトの後は時差ボケがひどいです。何かいい方法は？",
    "My sister-in-law keeps asking to visit us. Any polite way to say not this month?",
    "去美国回来倒时差特别难受，有什么好办法？",
])
def test_an_ask_in_a_message_with_no_word_of_film_dealings_asks_about_its_situation(question: str) -> None:
    """The trap word is in the sentence before the ask, and nothing in the message is about dealings."""
    assert off_topic_cue(question) >= 0.5, trap_words(question)


@pytest.mark.parametrize("question", [
    "米国からのライセンス料が源泉徴収されていました。確定申告の前に経理が気づきました。租税条約で減らせますか？",
    "Our US partner wants to approve the English tagline on the poster. Who should decide it?",
    "美方要改海报上的宣传语，这个该谁定？",
    "The Japanese producer's wife came to the premiere dinner; should my husband have come too?",
    "His Excel call sheet has the wrong dates. How do I tell him without embarrassing him?",  # face: dealings
    "미국 측 엑셀 일정표가 틀렸는데, 체면 안 상하게 어떻게 말하죠?",
])
def test_dealings_that_share_a_trap_word_stay_below_the_cue_that_declines(question: str) -> None:
    assert off_topic_cue(question) < 0.5, trap_words(question)


def test_kiwis_report_read_as_see_is_put_right(kb_answerer: Answerer) -> None:
    """Kiwi reads 보고는 as 보다 + 고는; before a verb of reporting it is the noun (윗선에 보고드리고)."""
    found = {f.phrase.expression for f in kb_answerer.decoder.find("일단 위에 보고는 해 보겠습니다")}
    assert "윗선에 보고드리고" in found, found
    assert kb_answerer.decoder.find("상황을 보고는 결정하겠습니다") == []  # seeing the situation is no report


@pytest.mark.parametrize(("text", "hedges"), [
    ("the split is on 'net box office' and we'll see almost nothing", False),  # a forecast about the money
    ("we'll see the first cut next week", False),
    ("They said: We'll see.", True),
    ("we'll see how it goes", True),
])
def test_well_see_is_a_hedge_only_with_nothing_seen(kb_answerer: Answerer, text: str, hedges: bool) -> None:
    found = {f.phrase.expression for f in kb_answerer.decoder.find(text)}
    assert ("We'll see" in found) is hedges, found


@pytest.mark.parametrize(("text", "pair", "expression"), [
    ("Dear Tom,\nThank you for the schedule. We will consider it positively.\nKenji", Culture.JP_US,
     "前向きに検討します"),
    ("Hi Rachel,\nOur leadership still needs to discuss it. In principle we agree.\nMei", Culture.CN_US, "原则上可以"),
])
def test_english_of_no_named_pair_is_read_as_the_pair_whose_renderings_it_matches(
        kb_answerer: Answerer, text: str, pair: Culture, expression: str) -> None:
    found = kb_answerer.decoder.find(text, Culture.ANY)
    assert expression in {f.phrase.expression for f in found}, found
    assert all(pair in kb_answerer.retriever.index.cards[f.card_id].cultures for f in found)


@pytest.mark.parametrize("text", [
    "We will do our best to deliver on time.",  # as Japanese as it is Korean
    "No problem, see you Monday.",  # a short, common English phrase says nothing about the writer
    "Understood, thanks.",
])
def test_english_of_no_named_pair_is_not_decoded_when_it_could_be_anyone(kb_answerer: Answerer, text: str) -> None:
    assert kb_answerer.decoder.find(text, Culture.ANY) == []


def test_a_pasted_english_reply_with_no_pair_named_is_decoded_and_answered(kb_answerer: Answerer) -> None:
    message = ("Here is their reply:\n\nDear Tom,\nThank you for the revised budget. We will consider it positively, "
               "but we need to take it back to our team first.\nKenji\n\nIs this a yes?")
    u = understand(message)
    assert u.pair is None and u.asian_partner is Culture.ANY
    found = {f.phrase.expression for f in kb_answerer.decode(message, u)}
    assert {"前向きに検討します", "持ち帰って検討します"} <= found, found
    assert kb_answerer.draft(Ask(message=message)).outcome != "decline"


@pytest.mark.parametrize("message", [
    "以下、米国側からのメールです。\n\nDear Ms. Sato,\nWe will consider it positively.\nBest,\nJohn\n\n"
    "どう返事すべきですか？",
    "Our Japanese partner wrote: \"We will consider it positively.\" Is that a yes?",
    "I told them \"we'll consider it positively\" but I didn't mean it. How do I walk it back?",  # the asker's own
])
def test_a_known_side_or_pair_or_a_bare_quote_is_not_read_as_no_named_pair(message: str) -> None:
    """Only a pasted e-mail or reply is someone else's words for certain; a bare quote may be the asker's own."""
    assert understand(message).asian_partner is not Culture.ANY


def test_words_given_to_them_are_theirs_even_without_a_greeting() -> None:
    message = "Their reply to our notes:\n\n\"We will use them as a reference.\"\n\nWill they make the changes?"
    assert understand(message).asian_partner is Culture.ANY


@pytest.mark.parametrize(("message", "partner", "asker"), [
    ("Their producer told us the new ending is \"a delicate matter\" and that they'd like to wait and see how the "
     "screening goes. What does that mean?", "wait and see", "What does that mean"),
    ("제작사 대표가 \"검토해 볼게요\"라고 하더니 일정은 좀 어렵다고 했어요. 무슨 뜻일까요?", "좀 어렵",
     "무슨 뜻일까요"),
])
def test_a_report_with_a_quote_inside_keeps_a_report_joined_after_it(message: str, partner: str, asker: str) -> None:
    spans = partner_text(message)
    assert any(partner in s for s in spans), spans
    assert not any(asker in s for s in spans), spans


def test_a_quote_followed_by_nothing_of_the_partners_is_only_the_quote() -> None:
    assert partner_text("They told us \"we will review it\" on Monday. Should I wait?") == ["we will review it"]


@pytest.mark.parametrize("message", [
    "I replied \"sounds great\" to their proposal but I meant maybe. How do I fix that?",
    "I said \"no problem\" to the Chinese producer's request and now regret it. Can I walk it back?",
    "先方に「前向きに検討します」と返事してしまいました。アメリカ側はイエスと受け取りますか？",
    "제가 미국 측에 \"검토해 보겠습니다\"라고 답했는데, 그들이 이걸 약속으로 받아들일까요?",
    "我跟美方说了\"我们研究研究\"，他们会不会以为我们同意了？",
])
def test_a_quote_the_asker_said_is_not_the_partners(message: str) -> None:
    """The asker quoting their own reply is asking how it lands: nothing in it is the partner's to decode."""
    assert partner_text(message) == []


@pytest.mark.parametrize(("message", "partner"), [
    ("They replied \"sounds great\". Is that a yes?", "sounds great"),
    ("先方から「前向きに検討します」と返事が来ました。", "前向きに検討します"),
    ("合作方对我们说\"原则上可以\"，但是合同不签。", "原则上可以"),  # said TO us: the partner's words
])
def test_a_quote_said_to_the_asker_is_still_the_partners(message: str, partner: str) -> None:
    assert partner in partner_text(message)


@pytest.mark.parametrize("message", [
    "Hi! Quick question: who approves the dub cast on a Japan-US anime?",
    "Hi team, just checking in: what's a normal MG for a Korean thriller?",
    "Hi, sounds great that you can help. Our Chinese partner wants to reopen the deal. What do we do?",
])
def test_a_one_line_message_opening_with_a_greeting_is_the_askers_own(message: str) -> None:
    """In a chat, "Hi!" opens the asker's own question; an e-mail pasted with its greeting has lines."""
    assert partner_text(message) == []


def test_a_pasted_email_with_its_greeting_line_is_still_the_partners() -> None:
    assert partner_text("Hi Tom,\nSounds great, we will circle back next week.\nBest, Amy\n\nIs this a yes?")
