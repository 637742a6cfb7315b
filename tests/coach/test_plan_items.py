"""A follow-up answered from a card already shown: the card's items are embedded once per worker, not on every
follow-up, and the item chosen is the one the whole batch would have chosen (real model, real index)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from server.coach.answer import Answerer
from server.coach.compose import answer_items
from server.coach.itemrank import ITEM_MATCH
from server.models import Language, Perspective

CARD = "maemuki-ni-kentou"
FOLLOWUPS = ["what if they still don't answer after a month?", "and in writing?"]


@pytest.mark.slow
def test_a_shown_cards_items_are_embedded_once(kb_answerer: Answerer, monkeypatch: pytest.MonkeyPatch) -> None:
    planner = kb_answerer.planner
    card = kb_answerer.retriever.index.cards[CARD]
    items = answer_items(card, Perspective.US_SIDE)
    assert len(items) >= 3
    first = planner._answering_item(card, card, FOLLOWUPS[0], Perspective.US_SIDE)
    assert set(items) <= set(planner.items.vectors)
    encoded: list[str] = []
    encode = kb_answerer.retriever.embedder.encode

    def counting(texts: Sequence[str]) -> np.ndarray:
        encoded.extend(texts)
        return encode(texts)

    monkeypatch.setattr(kb_answerer.retriever.embedder, "encode", counting)
    again = planner._answering_item(card, card, FOLLOWUPS[1] + " (second time)", Perspective.US_SIDE)
    assert encoded == [FOLLOWUPS[1] + " (second time)"]  # only the new follow-up; no item again
    assert first in items and (again is None or again in items)


@pytest.mark.slow
@pytest.mark.parametrize("followup", FOLLOWUPS)
def test_the_cached_items_choose_as_one_batch_would(kb_answerer: Answerer, followup: str) -> None:
    planner = kb_answerer.planner
    card = kb_answerer.retriever.index.cards[CARD]
    items = answer_items(card, Perspective.US_SIDE)
    batch = kb_answerer.retriever.embedder.encode([followup, *items])
    scores = batch[1:] @ batch[0]
    chosen = planner._answering_item(card, card, followup, Perspective.US_SIDE)
    lapse = "still" in followup  # the lapse bonus of itemrank.ITEM_LAPSE leans to "if nothing comes after ..." steps
    if not lapse:
        assert chosen == (items[int(np.argmax(scores))] if scores.max() >= ITEM_MATCH else None)
    else:
        assert chosen in items


@pytest.mark.slow
def test_a_glossed_follow_up_in_chinese_is_answered_from_the_shown_card(kb_answerer: Answerer) -> None:
    """The model reads English only: a Chinese follow-up whose terms the glossary covers is read by those words
    (before, its share of Chinese letters silenced it, so no item of the shown card could ever answer it)."""
    planner = kb_answerer.planner
    followup = "回信的时候要不要请律师？"
    assert planner.glossary.expand(followup) != followup
    card = kb_answerer.retriever.index.cards["american-escalation-letters-cn"]
    localised = planner.localised(card, Language.ZH)
    assert planner._answering_item(card, localised, followup, Perspective.ASIA_SIDE) in answer_items(
        localised, Perspective.ASIA_SIDE)
