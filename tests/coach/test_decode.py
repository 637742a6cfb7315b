"""The decoder on the real phrasebook: inflected and polite forms through the morphological analysers."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from server.coach.answer import Answerer
from server.coach.decode import RENDERINGS, load_renderings
from server.coach.understand import understand
from server.errors import CoachError


@pytest.mark.parametrize(("partner", "expression"), [
    ("少し難しいかもしれません", "難しいです"),
    ("前向きに検討させていただければと存じます", "前向きに検討します"),
    ("今回は見送らせていただくことになりました", "今回は見送らせていただきます"),
    ("조금 어려울 것 같습니다", "좀 어렵습니다"),
    ("검토해 보도록 하겠습니다", "검토해 보겠습니다"),
    ("我们研究研究", "研究研究"),
    ("社内で調整します", "社内で調整が必要です"),  # the plain form of a humble variant (調整いたします)
    ("ただいま社内で調整しております", "社内で調整が必要です"),
])
def test_inflected_and_polite_forms_are_decoded(kb_answerer: Answerer, partner: str, expression: str) -> None:
    found = {f.phrase.expression for f in kb_answerer.decoder.find(partner)}
    assert expression in found, found


@pytest.mark.parametrize("question", [
    "どうすればいいですか", "Quick question: who approves the voice cast?", "これは難しい問題ですか？",
    "Sounds great so far, but who signs off on the budget?",
])
def test_the_askers_own_words_are_never_decoded(kb_answerer: Answerer, question: str) -> None:
    assert kb_answerer.decode(question, understand(question)) == []


def test_a_bare_pasted_phrase_is_decoded(kb_answerer: Answerer) -> None:
    found = kb_answerer.decode("前向きに検討します", understand("前向きに検討します"))
    assert [f.card_id for f in found] == ["maemuki-ni-kentou"]


@pytest.mark.parametrize(("message", "expressions"), [
    ("My Japanese partner replied: \"It is a little difficult for our team at this time. We will consider it "
     "internally.\" Should I push?", {"難しいです", "社内で調整が必要です"}),
    ("Got this from the studio producer:\n\n\"Dear Mr. Carter, thank you for the revised proposal. We will take it "
     "back and discuss with the related departments. Best regards, Sato\"\n\nHow long will this take?",
     {"持ち帰って検討します", "社内で調整が必要です"}),
    ("Our Korean co-producer wrote: \"The budget level is quite difficult for us at this moment. We hope to discuss "
     "again at the next opportunity.\" Is this a no?", {"좀 어렵습니다", "다음 기회에"}),
    ("The Beijing partner emailed: \"In principle this is fine, but our leadership still needs to discuss it.\" "
     "Is it agreed?", {"原则上可以", "领导还要商量"}),
    ("Our Japanese line producer wrote: \"We will make every effort to meet the date, but there is no precedent "
     "for a schedule like this.\" Can I count on it?", {"努力します", "前例がないので"}),
    ("The Shanghai producer keeps saying \"no problem, it's almost done\" and \"let's discuss it later\". What is "
     "going on?", {"没问题", "差不多", "以后再说"}),
    ("Our Korean partner replied: \"Understood. We will report this to our superiors.\" Was that a yes?",
     {"알겠습니다", "윗선에 보고드리고"}),
])
def test_an_asian_partners_english_is_decoded(kb_answerer: Answerer, message: str, expressions: set[str]) -> None:
    found = {f.phrase.expression for f in kb_answerer.decode(message, understand(message))}
    assert expressions <= found, found


@pytest.mark.parametrize("message", [
    "Our US partner replied: \"It's difficult for us to move the date. We will consider it.\" What does that mean?",
    "米国側のプロデューサーから \"That is a little difficult for our team.\" と返事がありました。断られた？",
    "Hi Kenji,\nIt's a bit hard for us to hit Friday, we will review it internally.\nBest,\nMike\n\nWhat do they mean?",
    "It is a little difficult for me to read my Japanese partner. Should I ask them directly?",
    "We will consider it internally first: who on the Japanese side should we brief?",
    "Our LA partner said \"no problem, we will make every effort\" about the delivery date. Can I relax?",
    "I will do my best to understand my Korean partner. Understood: what should I read first?",
])
def test_english_difficult_is_not_decoded_from_an_american_or_the_asker(kb_answerer: Answerer, message: str) -> None:
    assert kb_answerer.decode(message, understand(message)) == []


def test_every_rendering_names_a_phrase_of_the_real_phrasebook(kb_answerer: Answerer) -> None:
    entries = yaml.safe_load(RENDERINGS.read_text(encoding="utf-8"))
    cards = kb_answerer.retriever.index.cards
    assert all(e["card"] in cards for e in entries)
    assert len(load_renderings(list(cards.values()))) == sum(len(e["english"]) for e in entries)


@pytest.mark.parametrize(("text", "error"), [
    ("- {card: muzukashii-desu, expression: 難しいです}", "needs card, expression, partner"),
    ("- {card: muzukashii-desu, expression: 無理です, partner: jp-us, english: [x]}", "has no phrase"),
    ("- {card: muzukashii-desu, expression: 難しいです, partner: us, english: [x]}", "partner must be"),
    ("- {card: muzukashii-desu, expression: 難しいです, partner: jp-us, english: ['(']}", "not a valid regular"),
    ("- [unclosed", "cannot read"),
])
def test_a_bad_renderings_file_says_what_is_wrong(kb_answerer: Answerer, tmp_path: Path, text: str,
                                                  error: str) -> None:
    path = tmp_path / "renderings.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CoachError, match=error):
        load_renderings(list(kb_answerer.retriever.index.cards.values()), path)


def test_renderings_of_cards_the_index_lacks_are_left_out(tmp_path: Path) -> None:
    path = tmp_path / "renderings.yaml"
    path.write_text("- {card: no-such-card, expression: x, partner: jp-us, english: [x]}", encoding="utf-8")
    assert load_renderings([], path) == []


@pytest.mark.parametrize(("partner", "card"), [
    ("kentou shimasu", "kentou-shimasu"), ("kento shimasu", "kentou-shimasu"), ("kentō shimasu", "kentou-shimasu"),
    ("muzukashii desu", "muzukashii-desu"), ("bu hao shuo", "bu-tai-fangbian-you-nandu"),
    ("geomto hae bogetseumnida", "geomto-hae-bogetseumnida"),
])
def test_an_expression_typed_in_latin_letters_is_decoded(kb_answerer: Answerer, partner: str, card: str) -> None:
    """US askers often paste what they heard in romaji, pinyin or Korean romanisation."""
    message = f'Our partner said "{partner}" about the schedule. Is that a no?'
    assert [f.card_id for f in kb_answerer.decode(message, understand(message))] == [card]


def test_short_romanisations_are_not_expressions(kb_answerer: Answerer) -> None:
    """'hai' and 'ne' in Latin letters would match English text; the Japanese forms はい and ね stay decodable."""
    assert {f.form for f in kb_answerer.decoder.find("he said hai, then ne")} == set()
    assert {f.form for f in kb_answerer.decoder.find("はい")} == {"はい"}


def test_han_without_kana_is_read_as_chinese_not_japanese(kb_answerer: Answerer) -> None:
    chinese = {f.card_id for f in kb_answerer.decoder.find("可能要几周才能回复，领导还要商量")}
    assert "kanou-de-areba" not in chinese and "lingdao-hai-yao-shangliang" in chinese
    assert "kanou-de-areba" in {f.card_id for f in kb_answerer.decoder.find("可能であれば来週までにお願いします")}
