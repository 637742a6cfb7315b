"""Which plan a turn in a conversation answers with, once the ways to read it are planned (coach/followup.py says
which readings there are): the better outcome, then the more confident; but a continuation that would answer from
a card already shown, while the follow-up brings in someone new and its own words point at another card ("Should
our CEO call their chairman?" after the 研究研究 card), answers with that card. And "can you draft the reply?"
answers with the shown card's wording."""

from __future__ import annotations

from server.coach.compose import Labels, build_section, followup_section, pick, say_items
from server.coach.plan import CORE_WORDS, Plan, fits_pair
from server.models import Card, Culture, Language, Perspective
from server.search.lexical import tokenize

OUTCOMES = ("decline", "clarify", "answer")  # from worst to best
NEW_ASK_FLOOR = 0.15  # the follow-up's own best card needs at least this probability on its own words


def best(plans: list[Plan]) -> Plan | None:
    """The better outcome, then the more confident; on a tie the first (the message on its own)."""
    return max(plans, key=lambda p: (OUTCOMES.index(p.outcome), p.confidence)) if plans else None


def new_ask(alone: Plan, chosen: Plan, shown_cards: set[str], pair: Culture | None, people: bool) -> Card | None:
    """The card the follow-up's own words ask about when the chosen plan (a continuation: the earlier question's
    words dominate its ranking) answers from a shown card they do not point at: the first card of the message read
    on its own (`alone`, in the conversation's frame) when it is new in the conversation and of the asker's pair.
    Only for a follow-up that brings in someone new (`people`: "Should our CEO call their
    chairman?"): on the labelled conversations, follow-ups without such a cue ("Is this normal or a red flag?") are
    answered by the shown card far more often than its own words' ranking says."""
    if not people or chosen.outcome != "answer" or not chosen.cards or not alone.candidates \
            or chosen.cards[0].id not in shown_cards:
        return None
    top = alone.candidates[0]  # so ranked above the shown card on the follow-up's own words
    new = top.card.id not in shown_cards and fits_pair(top.card, pair) and top.probability >= NEW_ASK_FLOOR
    return top.card if new else None


def new_card_plan(card: Card, chosen: Plan, alone: Plan, side: Perspective | None, pair: Culture | None,
                  stage: str | None, shown: list[str], words: Labels, lang: Language, reserve: int) -> Plan:
    """The follow-up answered from `card` (in the answer's language), as confident as its own words make it: in
    a conversation that is answered, it is in scope. What it continues stays the query for the next turn."""
    if alone.outcome == "answer" and alone.cards and alone.cards[0].id == card.id:
        return alone
    section = build_section(card, alone.query, None, side, pair, stage, CORE_WORDS - reserve, shown, words=words,
                            lang=lang)
    return Plan(confidence=alone.confidence, outcome="answer", sections=[section], candidates=alone.candidates,
                query=chosen.query)


def wording_plan(card: Card, asked: str, side: Perspective | None, pair: Culture | None, stage: str | None,
                 shown: list[str], words: Labels, lang: Language, confidence: float, query: str) -> Plan | None:
    """"Can you draft the reply?", 「文面を作ってもらえますか」: the wording for the asker's side from `card` (the one
    the last answer led with, in the answer's language), a line not shown yet first, then up to two more of its lines
    to adapt (asked for in so many words, they may repeat the last answer's), with what else of it is new. It
    continues `query` (what the last answer answered)."""
    lines = say_items(card, side)
    if not lines:
        return None
    line = (pick(lines, set(tokenize(asked)), 1, shown) or lines)[0]
    section = followup_section(card, line, None, side, pair, stage, CORE_WORDS, shown, words=words, lang=lang)
    section.say = [other for other in lines if other != line][:2]
    return Plan(confidence=confidence, outcome="answer", sections=[section], query=query)
