"""Session 21's end-to-end check (e2e23): coach/e2e_check.py names the step of the engine that turned the ranker's
right card wrong (or its wrong card right), and coach/their_words.py tells a part that asks about the partner's
words from one that only refers back to a demand quoted beside them (「这合理吗？」 is whether the demand is fair, not
what "That's interesting" means), in Japanese, Korean and Chinese as in English.

Examples are written for these tests (not taken from the labelled set)."""

from __future__ import annotations

import pytest

from server.coach.decode import Found
from server.coach.e2e_check import STEPS, Result, summary
from server.coach.partrank import asks_about_their_words
from server.coach.their_words import points_at_their_words
from server.models import Phrase


def _found(form: str = "That's interesting", card_id: str = "american-sounds-great") -> list[Found]:
    phrase = Phrase(expression=form, signal="polite interest, not a yes", response="ask for a next step")
    return [Found(start=0, end=len(form), form=form, phrase=phrase, card_id=card_id)]


@pytest.mark.parametrize("part", [
    "美国发行方说 \"That's interesting\"，但要求先收回全部宣发费用再分成。这合理吗？",
    "米国の配給会社は「That's interesting」と言いつつ、宣伝費を先に全額回収したいそうです。これは妥当ですか？",
    "미국 배급사가 \"That's interesting\"이라고 하면서 마케팅비를 먼저 회수하겠답니다. 이게 합리적인가요?",
])
def test_a_cjk_part_about_the_demand_beside_a_quote_is_no_ask_about_the_words(part: str) -> None:
    """Any character outside ASCII used to count as pointing at the words, so the quote's phrase card came first."""
    assert not points_at_their_words(part)
    assert not asks_about_their_words(part, _found())


@pytest.mark.parametrize("part", [
    "美方只说了 \"That's interesting\"。这算是被否了吗？", "「検討します」とだけ言われました。これは断りですか？",
    "对方回复「研究研究」。那是什么意思？", "They said \"That's interesting\". Is that a no?",
    "What do they mean by that?", "对方回信说 \"We're going to pass\"。这是客气话还是真的还有机会？",
])
def test_a_part_about_the_words_still_puts_their_card_first(part: str) -> None:
    assert points_at_their_words(part)
    assert asks_about_their_words(part, _found())


def _result(ranker: str | None, steps: dict[str, str | None], cited: str | None, outcome: str = "answer") -> Result:
    return Result("x-1", "…", ["right"], 1, ranker, {s: steps.get(s) for s in STEPS}, cited, outcome)


def test_the_step_that_turned_the_rankers_right_card_wrong_is_named() -> None:
    kept = {s: "right" for s in STEPS}
    assert _result("right", kept, "right").kind == "kept"
    assert _result("wrong", {s: "wrong" for s in STEPS}, "wrong").kind == "wrong"
    lost = kept | {"their words": "phrase", "blend": "phrase", "frame": "phrase", "sections": "phrase",
                   "settle": "phrase"}
    assert _result("right", lost, "phrase").kind == "lost: their words"
    gained = {s: "wrong" for s in STEPS} | {"settle": "right"}
    assert _result("wrong", gained, "right").kind == "gained: settle"
    assert _result("right", kept, None, "clarify").kind == "lost: clarify"


def test_the_summary_counts_both_figures_and_the_kinds() -> None:
    results = [_result("right", {s: "right" for s in STEPS}, "right"),
               _result("right", {s: "right" for s in STEPS} | {"frame": "other", "sections": "other",
                                                               "settle": "other"}, "other")]
    figures = summary(results)
    assert figures["ranker hit@1"] == 1.0 and figures["engine hit@1"] == 0.5
    assert figures["kinds"] == {"kept": 1, "lost: frame": 1}
