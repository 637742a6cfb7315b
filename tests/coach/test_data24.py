"""Questions of the data24 set (session 24, issue 11): long scenario questions from both sides.

- Japanese, Chinese and Korean words the English model could not read are glossed: gifts (「手土産」, 「礼物」),
  company seals (「社印」, 「公章」), a document circulated for stamps (「回して判子」, the ringi), minutes
  (「議事録」, 「会议纪要」), the exchange-rate clause (「汇率条款」) and a currency rising (「人民币升值」).
- An English question that names its partners only in the third person with a number ("three Japanese companies
  want to co-produce our series", "two Korean studios") is from the American side, and so is one about "our US
  entity".
- A phrasebook card whose expression nobody wrote gives way to the card of the expression the decoder found, in a
  one-part message too: 「検討の余地はあるかと思います」 reported by someone who asks whether to call it a
  positive (前向き) answer is the room-for-consideration card, not the 前向きに検討 card.

Examples are written for these tests (not taken from the labelled set)."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.coach.asker_frame import detect_side
from server.coach.glossary import Glossary
from server.models import Ask, Perspective


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return Glossary.load()


@pytest.mark.parametrize(("question", "english"), [
    ("来月LAに行きます。手土産は何がいいですか？", "gifts"),
    ("去洛杉矶见美方，带什么礼物合适？", "gifts"),
    ("契約書には社印を押す必要がありますか？", "company seal stamp"),
    ("合同要盖公章还是可以电子签？", "company seal stamp"),
    ("経理と役員に回して判子をもらうのに時間がかかります", "ringi circulation"),
    ("議事録はどちらが書くべきですか？", "meeting minutes"),
    ("开完会，会议纪要谁来写？", "meeting minutes"),
    ("合拍合同的汇率条款要写什么？", "exchange rate clause"),
    ("人民币升值以后，美元出资换成人民币就少了", "exchange rate currency risk"),
])
def test_words_askers_use_are_glossed(glossary: Glossary, question: str, english: str) -> None:
    assert english in glossary.expand(question)


def test_a_circulated_document_is_not_a_returned_one(glossary: Glossary) -> None:
    # 「書類を回収」 (collecting documents back) holds no circulation for stamps
    assert "ringi" not in glossary.expand("撮影許可の書類を回収してもらえますか？")


@pytest.mark.parametrize("question", [
    "Three Japanese companies want to co-produce our new series: a broadcaster, a studio and a publisher. "
    "Which should we pick?",
    "Two Korean studios have pitched us a remake. How do we compare their offers?",
    "Should the Georgia credit be claimed by our US entity or by the co-production company?",
])
def test_partners_counted_in_the_third_person_and_our_us_entity_are_the_american_side(question: str) -> None:
    assert detect_side(question, "en") is Perspective.US_SIDE


def test_our_own_asian_company_is_still_the_asian_side() -> None:
    assert detect_side("We're a Japanese studio and two American producers want our characters. What do we keep?",
                       "en") is Perspective.ASIA_SIDE


def test_the_decoded_expression_outranks_a_phrase_only_the_asker_echoes(kb_answerer: Answerer) -> None:
    message = ("米国の配信会社の東京オフィスにいます。日本の制作会社に追加予算の相談をしたところ"
               "「検討の余地はあると思います」と言われました。米国本社には前向きな返事として報告していいでしょうか？")
    draft = kb_answerer.draft(Ask(message=message))
    assert draft.cards[0].id == "kentou-no-yochi"


def test_a_quoted_expression_keeps_its_own_card(kb_answerer: Answerer) -> None:
    draft = kb_answerer.draft(Ask(message="米国スタジオの東京事務所で働いています。日本の出版社にオプション料の増額を"
                                          "打診したら「前向きに検討します」と言われました。イエスと受け取っていいですか？"))
    assert draft.cards[0].id == "maemuki-ni-kentou"
