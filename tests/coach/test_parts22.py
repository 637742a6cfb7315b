"""Session 22's part rules (parts22): a part of a multi-part message is ranked read with the message's situation and
read alone, and each reading also ranks the other's first retrieved cards (plan.Planner.crossing), so a card one
reading misses is scored by it instead of counting 0 in the blend; a later part that opens by turning to another
matter ("Also, …", 「あと、…」, 「另外，…」) never leans on the situation's card; and the plan keeps each part's pool
of candidates, which eval-answers reads for "part cards among candidates".

Examples are written for these tests (not taken from the labelled set)."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.coach.partrank import NEW_MATTER, leaning_parts
from server.coach.plan import CROSS
from server.coach.rank import Asker, Candidate
from server.models import Ask, Culture, Language, Perspective
from tests.coach.conversation import invented_candidate


def _candidate(card_id: str, probability: float) -> Candidate:
    return invented_candidate(card_id, probability, Culture.JP_US)


@pytest.mark.parametrize("part", ["Also, they keep rushing our e-mail replies. How do we handle that?",
                                  "あと、メールの返信をいつも急かされるのですが、どうすればいいですか？",
                                  "另外，他们总催我们马上回邮件，怎么应对？",
                                  "별개로, 이메일 답장을 너무 재촉하는데 어떻게 하죠?"])
def test_a_part_that_turns_to_another_matter_does_not_lean(part: str) -> None:
    """The situation's card tops both parts read with the situation; the second part's own card (e-mail) scores
    under LEANS there. Without an opening that turns to another matter the part leans on the situation's card."""
    ranked = [[_candidate("zips", 0.99)], [_candidate("zips", 0.9), _candidate("email", 0.02)]]
    chosen = [ranked[0], [_candidate("email", 0.5), _candidate("zips", 0.4)]]
    assert NEW_MATTER.match(part)
    assert leaning_parts(("zips", 0), ranked, chosen, ["How do we answer?", part]) == set()
    assert leaning_parts(("zips", 0), ranked, chosen, ["How do we answer?", "and how do we close this week?"]) == {1}


@pytest.mark.parametrize("part", ["And how do we close this week?", "あとどれくらい待てばいいですか？",
                                  "还有多久能签？", "또 연락해도 될까요?"])
def test_plain_and_or_how_much_longer_is_no_turn_to_another_matter(part: str) -> None:
    """「あと」 and 「还有」 with no pause after them ask how much longer; "and" joins asks of one matter."""
    assert not NEW_MATTER.match(part)


def test_each_reading_ranks_the_other_readings_cards(kb_answerer: Answerer) -> None:
    """Read alone, "Is this a no?" ranks the first cards the reading with the situation retrieves (the card of the
    romanised 'zenrei ga nai' it quotes among them), and that reading ranks the alone reading's first cards."""
    planner = kb_answerer.planner
    asker = Asker(Culture.JP_US, Perspective.US_SIDE, frozenset(), Language.EN)
    together = ("Our Japanese partner said 'zenrei ga nai' when we proposed a simultaneous streaming release. "
                "Is this a no?")
    alone = "Is this a no?"
    to_together, to_alone = planner.crossing(together, alone, asker)
    assert "zenrei-ga-nai" in to_alone and len(to_alone) == len(to_together) == CROSS
    assert to_alone <= {c.card.id for c in planner.rank(alone, asker, to_alone)}
    assert to_together <= {c.card.id for c in planner.rank(together, asker, to_together)}
    assert planner.crossing(together, None, asker) == (frozenset(), frozenset())


def test_a_part_that_turns_to_e_mail_gets_its_own_section(kb_answerer: Answerer) -> None:
    """The cloud-link request tops both parts read with the situation; 「另外，…」 asks about e-mail replies."""
    message = ("美方让我们别再发加密压缩包，改用云盘链接共享文件。公司有规定，该怎么回复他们？"
               "另外，美方总是催我们马上回邮件，我们该怎么应对？")
    plan = kb_answerer.draft(Ask(message=message)).plan
    assert len(plan.sections) == 2 and plan.sections[0].card.id != plan.sections[1].card.id


def test_the_plan_keeps_each_parts_pool(kb_answerer: Answerer) -> None:
    message = ("We're planning a shoot in Kyoto next year with a Japanese co-producer. Do we need permits for "
               "temple grounds, and who pays for the crew's flights when they scout?")
    plan = kb_answerer.draft(Ask(message=message)).plan
    assert len(plan.pools) == 2 and all(len(pool) >= CROSS for pool in plan.pools)
    assert all(s.card.id in {c for pool in plan.pools for c in pool} for s in plan.sections)
    assert kb_answerer.draft(Ask(message="What does kentou shimasu mean?")).plan.pools == []
