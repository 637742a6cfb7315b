"""Which card answers each part of a multi-part message (real model, real index): the situation names the topic,
the part alone says which ask of it the part is."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.coach.rank import Asker
from server.coach.understand import understand
from server.models import Ask, Language

BLOCK = ("The Japanese committee wants to sell the remake rights to a buyer we dislike. Can we block the sale as a "
         "member, and how do we bring it up without a fight?")


@pytest.mark.slow
@pytest.mark.xfail(strict=False, reason="after the 22nd session's retrain (topic_coverage feature) the second part, "
                   "'how do we bring it up without a fight?', is answered from committee-rights-consent (the "
                   "situation's card, the first part's runner-up) over disagreeing-without-losing-face")
def test_each_part_gets_the_card_for_its_own_ask(kb_answerer: Answerer) -> None:
    u = understand(BLOCK)
    assert len(u.parts) == 2
    cited = [c.id for c in kb_answerer.draft(Ask(message=BLOCK)).cards]
    assert cited[0] in {"blocking-co-owned-rights-sale", "committee-rights-consent", "exploitation-disagreement"}
    assert cited[1] in {"escalation-ladder-deadlock", "disagreeing-without-losing-face", "exploitation-disagreement"}


@pytest.mark.slow
def test_the_first_parts_ranking_is_still_the_one_with_its_situation(kb_answerer: Answerer) -> None:
    """The blend only orders a part's cards for its section: the first part's ranking (what the turn's confidence,
    hit@3 and the clarifying choices read) stays the one retrieved with the situation."""
    planner = kb_answerer.planner
    u = understand(BLOCK)
    asker = Asker(u.pair, u.side, frozenset(), Language(u.language))
    def with_situation(n: int) -> list:  # read with the situation, the part alone's first cards ranked too (crossing)
        together = planner.glossary.expand(u.query(u.parts[n]))
        alone = planner.glossary.expand(u.query(u.parts[n], situation=False))
        return planner.rank(together, asker, planner.crossing(together, alone, asker)[0])

    expected = with_situation(0)
    draft = kb_answerer.draft(Ask(message=BLOCK))
    assert [c.card.id for c in draft.plan.candidates] == [c.card.id for c in expected]
    assert draft.confidence == round(max(c.probability for c in expected[:1] + with_situation(1)[:1]), 4)
