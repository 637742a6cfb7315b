"""Session 13's part rules: an ask that only asks how to negotiate or push back (「我们应该怎么谈？」, "How do we push
back?", 「どう交渉すればいいですか」, 「어떻게 협상해야 할까요?」) names no topic of its own; after another ask it is
about what that ask names, and is answered by that ask's card, not by the next card of the ranking."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.coach.bare_asks import frame_only, names_no_topic
from server.models import Ask


@pytest.mark.parametrize("part", ["我们应该怎么谈？", "该怎么跟美方谈？", "怎么谈判比较好？", "どう交渉すればいいでしょうか。",
                                  "どう返せばいい？", "어떻게 협상해야 할까요?", "어떻게 협상하죠?",
                                  "How should we negotiate this?", "How do we push back?",
                                  "So how should we push back on that?", "What should we negotiate for?"])
def test_a_negotiate_ask_names_no_topic(part: str) -> None:
    """Alone, 「我们应该怎么谈？」 found the card on blocking a co-owned rights sale, "How do we push back?" the "I
    hear you, but" card."""
    assert frame_only(part) and names_no_topic(part)


@pytest.mark.parametrize("part", ["How should we negotiate the MG?", "怎么谈分账比例？", "MG 금액은 어떻게 협상해야 하나요?",
                                  "What should we ask for in the MG?"])
def test_a_negotiate_ask_with_its_own_topic_keeps_it(part: str) -> None:
    assert not frame_only(part)


@pytest.mark.slow
@pytest.mark.parametrize("message, card", [
    ("我们和美方在谈一个合拍动画项目，美方说发行分账要等到他们先收回宣发费用之后再算，这正常吗？我们应该怎么谈？",
     "marketing-costs-off-the-top"),
    ("Our distributor says the P&A spend has to be recouped before we see a cent of the backend, is that standard? "
     "How do we push back?", "marketing-costs-off-the-top")])
def test_how_to_negotiate_after_an_ask_is_that_asks_card(kb_answerer: Answerer, message: str, card: str) -> None:
    """Before: the second part got a card of its own (blocking a co-owned rights sale; "I hear you, but"), as the
    first part's card was used and its two words ranked junk: now one section answers both, headed by both asks."""
    sections = kb_answerer.draft(Ask(message=message)).plan.sections
    assert [s.card.id for s in sections] == [card]
    assert sections[0].heading is not None and " / " in sections[0].heading
