"""What-to-say side marks: say_lines reads them, passages and section text never carry them."""

from __future__ import annotations

from server.knowledge.cards import load_cards, say_lines, strip_say_marks
from server.knowledge.passages import card_passages, section_text
from server.models import Card, Perspective

from ..conftest import FIXTURE_KB, REAL_KB


def _card(say: str) -> Card:
    card = {c.id: c for c in load_cards(FIXTURE_KB)}["fx-yen"]
    return card.model_copy(update={"sections": {**card.sections, "What to say": say}})


def test_say_lines_give_each_line_its_side_and_text_without_the_mark() -> None:
    card = _card('- [us-side] "Thank you. Just so we are aligned:\n  who signs?"\n'
                 '- [asia-side] 「ご確認ください。」 (go-kakunin kudasai)\n'
                 '* [both] "Let\'s write it down."')
    assert [(line.side, line.text) for line in say_lines(card)] == [
        (Perspective.US_SIDE, '"Thank you. Just so we are aligned: who signs?"'),
        (Perspective.ASIA_SIDE, "「ご確認ください。」 (go-kakunin kudasai)"),
        (Perspective.BOTH, '"Let\'s write it down."'),
    ]


def test_fixture_cards_read_their_marks() -> None:
    cards = {c.id: c for c in load_cards(FIXTURE_KB)}
    assert [(line.side, line.text) for line in say_lines(cards["fx-nunchi"])] == \
        [(Perspective.US_SIDE, '"Thank you for your time today, director."')]
    assert [line.side for line in say_lines(cards["fx-yen"])] == [Perspective.BOTH]


def test_a_card_built_in_code_without_marks_takes_the_card_perspective_and_keeps_its_words() -> None:
    """Lint refuses unmarked lines in card files; code-built cards (tests, tools) must still read sensibly."""
    card = _card('- "No mark here"\n- [a link](https://example.com) first')
    assert [(line.side, line.text) for line in say_lines(card)] == [
        (Perspective.BOTH, '"No mark here"'), (Perspective.BOTH, "[a link](https://example.com) first")]
    us_card = card.model_copy(update={"perspective": Perspective.US_SIDE})
    assert [line.side for line in say_lines(us_card)] == [Perspective.US_SIDE, Perspective.US_SIDE]


def test_strip_removes_only_leading_side_marks() -> None:
    text = '- [us-side] "Say [both] of these"\n  continued [asia-side]\n* [both] fine\n- [fx-yen] cited'
    assert strip_say_marks(text) == '- "Say [both] of these"\n  continued [asia-side]\n* fine\n- [fx-yen] cited'


def test_no_passage_or_section_text_of_the_real_cards_shows_a_raw_mark() -> None:
    cards = load_cards(REAL_KB)
    marks = ("[us-side]", "[asia-side]", "[both]")
    for card in cards:
        assert say_lines(card), f"{card.id} has no What to say lines"
        assert not any(m in section_text(card, "What to say") for m in marks), card.id
        for passage in card_passages(card):
            assert not any(m in passage.text for m in marks), (card.id, passage.kind)
