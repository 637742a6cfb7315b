"""A message that quotes the partner but asks something else: "They told us 「難しいです」 about the March delivery.
If it slips anyway, who pays for the extra weeks?" The decoder explains the quote (its panel), and the answer is
for the ask: the schedule-slip card, not the 難しいです card again. Ranking reads the quoted expression as the
message's topic and a part that holds the quote is taken to ask what the words mean, so the phrase card comes
first; here the asker's own sentences (those that quote nothing) are ranked on their own, and a card of another
kind that both readings support (the mean of the message's ranking and the ask's own, at least ASK_FLOOR) answers
instead. An ask about the words themselves ("Is that a no?", "should I chase?", 「どう返せばいいですか」,
「这算是被否了吗？」) keeps the phrase card.

Train split (the labelled questions whose single part quotes a decoded expression, 133): at 0.6, 14 answered with
the card labelled for their ask instead of the phrase card, none lost (0.5: one more right, two lost, a plan for
the dates and a completion-bond schedule asked about the very commitment quoted). Requiring also that the ask's
card rank near the phrase card on the whole message (a margin) fixed fewer for none saved; a statement beside the
quote ("Two months of back and forth …") asks nothing of its own and keeps the phrase card."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from server.coach.ask_marks import SENTENCE
from server.coach.compose import Labels
from server.coach.continuation import fits_side
from server.coach.decode import Found
from server.coach.plan import Plan, Planner, fits_pair
from server.coach.rank import Asker, Candidate
from server.coach.their_words import about_their_words as about_their_words  # tests import it from here
from server.coach.understand import Understanding, is_question
from server.models import Card, CardKind, Language

ASK_FLOOR = 0.6  # the ask's card on the mean of the message's ranking and the ask's own
_QUOTE_MARKS = re.compile(r"[「」『』\"“”]")
def own_ask(part: str, partner_text: list[str]) -> str:
    """The asker's own sentences of a one-part message: those that quote nothing of the partner's."""
    quoted = [p.strip() for p in partner_text if p.strip()]
    return " ".join(s.strip() for s in SENTENCE.split(part) if s and s.strip()
                    and not _QUOTE_MARKS.search(s) and not any(p in s for p in quoted))


def beyond_the_quote(plan: Plan, u: Understanding, decoded: list[Found], planner: Planner,
                     rebuild: Callable[[Card, Plan, Plan], Plan]) -> Plan:
    """The plan answered from the card of the asker's own ask when the message quotes the partner, the plan answers
    with the phrase card of that quote, and the ask is about something else (see the module's note); else `plan`.
    `rebuild(card, chosen, alone)` answers the turn from `card`, as sure as
    `alone`'s candidates make it."""
    if plan.outcome != "answer" or plan.earned is not None or not plan.cards or len(u.parts) != 1:
        return plan
    card = plan.cards[0]
    if card.id not in {f.card_id for f in decoded} or card.kind is not CardKind.PHRASEBOOK:
        return plan
    ask = own_ask(u.parts[0], u.partner_text)
    if not is_question(ask) or about_their_words(ask):  # a statement beside the quote asks nothing of its own
        return plan
    alone = planner.rank(planner.glossary.expand(ask), Asker(u.pair, u.side, frozenset(), Language(u.language)))
    blended = mean_ranking(plan.candidates, alone)
    best = next((c for c in blended if c.card.kind is not CardKind.PHRASEBOOK), None)
    if best is None or best.probability < ASK_FLOOR or not fits_pair(best.card, u.pair) \
            or not fits_side(best.card, u.side):
        return plan
    return rebuild(best.card, plan, replace(plan, candidates=blended))


def mean_ranking(together: list[Candidate], alone: list[Candidate]) -> list[Candidate]:
    """Every card of either ranking at the mean of its two probabilities (0 where one misses it), best first."""
    first = {c.card.id: c.probability for c in together}
    second = {c.card.id: c.probability for c in alone}
    pool = {c.card.id: c for c in [*alone, *together]}
    return sorted((replace(c, probability=(first.get(i, 0.0) + second.get(i, 0.0)) / 2) for i, c in pool.items()),
                  key=lambda c: -c.probability)


def for_the_ask(plan: Plan, u: Understanding, decoded: list[Found], planner: Planner,
                rebuild: Callable[[Card, Plan, Plan], Plan], words: Labels) -> Plan:
    """The settled plan answered for what the message asks: a message that quotes the partner and asks something
    else answered from the card of its ask (coach/quoted_ask.py), and a follow-up answered under the answer
    threshold saying that this is the closest guidance ("They still haven't answered. Should I call their boss?"
    answered from a card its own words barely support is no confident answer)."""
    return said_closest(beyond_the_quote(plan, u, decoded, planner, rebuild), planner.ranker.answer_at, words)


def said_closest(plan: Plan, answer_at: float, words: Labels) -> Plan:
    """An answer less sure than `answer_at` (a follow-up answered from what its own words barely support: a first
    question this unsure gets a clarifying choice) opens by saying that it is the closest guidance."""
    if plan.outcome != "answer" or not plan.sections or plan.confidence >= answer_at \
            or words["closest_part"] in plan.sections[0].notes:
        return plan
    first = replace(plan.sections[0], notes=[words["closest_part"], *plan.sections[0].notes])
    return replace(plan, sections=[first, *plan.sections[1:]])
