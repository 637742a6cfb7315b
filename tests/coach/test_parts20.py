"""Session 18's part rules (parts20): a count of asks that opens their sentence ("Two questions: …", "A few things:
…") is no part of the first ask (a topic before the colon, "Exchange rate question:", is kept); a part that points
only at the partner ("Can we audit them?") does not ask what their decoded words mean; and the glossary reads 尾款 as
the final payment, not as currency controls, and 声優 as the voice cast apart from the dub itself; and a phrasebook card
whose expression nobody wrote gives way, in a part of a message that asks two or three things, to a close card of
the part's topic.

Examples are written for these tests (not taken from the labelled set)."""

from __future__ import annotations

import numpy as np
import pytest

from server.coach.decode import Found
from server.coach.glossary import Glossary
from server.coach.partrank import asks_about_their_words, unsaid_phrases_last
from server.coach.parts import split_parts
from server.coach.rank import Candidate
from server.coach.understand import partner_text
from server.models import Card, CardKind, Culture, Hit, Perspective, Phrase


def _parts(message: str) -> list[str]:
    return split_parts(message, partner_text(message))[0]


@pytest.mark.parametrize("message", [
    "We're shooting in Osaka next spring. Three questions: how long does a road permit take, who handles the "
    "neighbours, and can we shoot at night?",
    "We're shooting in Osaka next spring. A few things: how long does a road permit take, who handles the "
    "neighbours, and can we shoot at night?",
])
def test_a_count_of_asks_before_a_colon_is_no_part_of_the_first_ask(message: str) -> None:
    """The count hid the first ask's question word, so the asks after the commas stayed one part."""
    assert _parts(message) == ["how long does a road permit take", "who handles the neighbours",
                               "can we shoot at night?"]


def test_a_colon_after_a_topic_is_kept() -> None:
    """ "Two questions about the MG:" names the topic of both asks: it stays."""
    parts = _parts("Two questions about the MG: is it paid upfront, and who holds it until delivery?")
    assert parts[0].startswith("Two questions about the MG")


@pytest.mark.parametrize("message", [
    "Exchange rate question: our budget is in dollars but the spend is in won. Should I worry, and what clause "
    "protects us?",
    "Budget issues: who approves overages, and who pays them?",
])
def test_a_topic_before_the_colon_is_kept(message: str) -> None:
    """"Exchange rate question:" names the topic of the asks after it: only a count of asks is dropped."""
    assert message.split(":")[0] in " ".join(_parts(message)) + split_parts(message, [])[1]


@pytest.mark.parametrize("message", [
    "美方要改片名，还要剪十分钟。两个问题：片名谁说了算？剪片子我们有没有否决权？",
    "배급 조건을 협상 중입니다. 질문 두 가지: MG는 언제 받나요? 그리고 감사권은 필요한가요?",
])
def test_a_count_of_asks_is_dropped_in_chinese_and_korean(message: str) -> None:
    parts = _parts(message)
    assert len(parts) == 2 and not any(word in parts[0] for word in ("问题", "질문"))


def _found(card_id: str = "kentou-shimasu") -> list[Found]:
    phrase = Phrase(expression="検討します", signal="often a soft no", response="ask what would make it work")
    return [Found(start=0, end=5, form="検討します", phrase=phrase, card_id=card_id)]


@pytest.mark.parametrize("part", ["Is this a no?", "What do they mean?", "Are they saying no?", "How firm is that?",
                                  "これは断りですか？"])
def test_a_part_pointing_at_their_words_asks_what_they_mean(part: str) -> None:
    assert asks_about_their_words(part, _found())


@pytest.mark.parametrize("part", ["Can we audit them?", "How do I get a real commitment out of them?",
                                  "Should we fly out to meet them?"])
def test_a_part_pointing_only_at_the_partner_asks_what_to_do(part: str) -> None:
    """ "Can we audit them?" put the decoded 'almost done' card before the audit card its own words name."""
    assert not asks_about_their_words(part, _found())


def test_no_decoded_words_no_question_about_them() -> None:
    assert not asks_about_their_words("Is this a no?", [])


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return Glossary.load()


@pytest.mark.parametrize("question", ["尾款什么时候付比较合理？", "잔금은 납품 후에 받기로 했어요."])
def test_the_final_payment_is_no_currency_control(glossary: Glossary, question: str) -> None:
    expanded = glossary.expand(question)
    assert "final payment" in expanded and "foreign exchange" not in expanded


def test_voice_actors_are_the_cast_and_the_dub_is_the_version(glossary: Glossary) -> None:
    assert "voice cast" in glossary.expand("声優は誰が選びますか？")
    assert "voice" not in glossary.expand("吹替版を作るべきですか？")


def _candidate(card_id: str, probability: float, expression: str | None = None) -> Candidate:
    phrases = [] if expression is None else [Phrase(expression=expression, signal="s", response="r")]
    card = Card(id=card_id, title=card_id, topics=["relationship"], cultures=[Culture.KR_US],
                perspective=Perspective.US_SIDE, triggers=["t"], summary="s", sources=["https://example.org"],
                sections={}, kind=CardKind.PHRASEBOOK if phrases else CardKind.GUIDE, phrases=phrases)
    hit = Hit(card_id=card_id, title=card_id, passage="", passage_kind="summary", score=0.03, dense_score=0.5,
              topics=card.topics, cultures=["kr-us"], perspective="us-side")
    return Candidate(card, hit, np.zeros(1), probability)


UPSTAIRS = "윗선에 보고드리고"


def test_a_phrase_nobody_wrote_gives_way_to_a_close_card_of_the_topic() -> None:
    """ "…replied '검토해 보겠습니다'. Also, who actually decides there?": the words 'who decides' found the
    upstairs-phrase card, which no one in the message said."""
    ranked = [_candidate("upstairs-phrase", 0.8, UPSTAIRS), _candidate("who-decides", 0.6)]
    message = "They replied '검토해 보겠습니다'. Also, who actually decides there, the producer or the CEO?"
    assert [c.card.id for c in unsaid_phrases_last(ranked, message, frozenset())] == ["who-decides",
                                                                                      "upstairs-phrase"]


def test_a_phrase_the_message_writes_or_the_decoder_found_keeps_its_place() -> None:
    ranked = [_candidate("upstairs-phrase", 0.8, UPSTAIRS), _candidate("who-decides", 0.6)]
    said = f"They said '{UPSTAIRS} 연락드리겠습니다'. Who decides there?"
    assert unsaid_phrases_last(ranked, said, frozenset())[0].card.id == "upstairs-phrase"
    assert unsaid_phrases_last(ranked, "Who decides there?", frozenset({"upstairs-phrase"}))[0].card.id \
        == "upstairs-phrase"


def test_a_far_weaker_card_of_the_topic_does_not_displace_the_phrase() -> None:
    ranked = [_candidate("upstairs-phrase", 0.9, UPSTAIRS), _candidate("who-decides", 0.3)]
    assert unsaid_phrases_last(ranked, "Who decides there?", frozenset())[0].card.id == "upstairs-phrase"
