"""A follow-up that asks the last question about another country ("and in Japan?", 「일본 회사라면 어떨까요?」): the
card for that pair, never the other pair's; when none ranks, the card that stands in for the shown one (its
counterpart: shared topics, kind, `related:` links, and what the two say alike)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from server.coach.plan import Plan, fits_pair
from server.models import Card, CardKind, Culture, Perspective
from server.search.lexical import tokenize

COUNTERPART_FLOOR = 3  # shared topics, same kind and links a card needs to stand in for the other pair's card


def for_pair(plan: Plan, pair: Culture | None, floor: float = 1.0) -> Card | None:
    """"And in Japan?" after a question about Korea asks what differs for Japan: when the plan for the question
    asked again would lead with a card that is not for that pair (the Korean card ranks first on the question's own
    words), the best-ranked card written for it; when it leads with a card for any pair ("And with a Chinese
    partner?" after the escalation ladder), the card written for that pair that ranks at least `floor` (the answer
    threshold); None when the plan's card fits or no candidate does."""
    if pair is None or plan.outcome == "decline":
        return None
    own = {c.card.id for c in plan.candidates if pair in c.card.cultures and Culture.ANY not in c.card.cultures}
    if plan.cards and fits_pair(plan.cards[0], pair):
        general = Culture.ANY in plan.cards[0].cultures
        return next((c.card for c in plan.candidates if general and c.card.id in own and c.probability >= floor), None)
    fitting = [c.card for c in plan.candidates if fits_pair(c.card, pair)]
    return next((c for c in fitting if c.id in own), fitting[0] if fitting else None)


def counterpart_for(plan: Plan, pair: Culture, cards: Mapping[str, Card], side: Perspective | None,
                    shown_cards: set[str], floor: float, last_cards: Sequence[str] = ()) -> Card | None:
    """"일본 회사라면 어떨까요?" after the 「생각해 보겠습니다」 card: many Japan cards have no Korean or Chinese
    translation, so the question asked again ranks none of them (or is declined). When no candidate written for
    that pair, and not also for the pair before, reaches `floor` (the answer threshold), the card that stands in for
    the other pair's card the question was about (the last answer's first card not for that pair, `last_cards` in
    its order: after 「我能不能越过他？」 the card on who decides at the top, not the 领导还要商量 card the question
    asked again ranks first; else the shown one it ranks first, else its lead card): counterpart, for the side that
    card was written for. When the plan has a sure card for that pair, None (the plan or for_pair answers with it),
    unless the plan leads with a guide after a phrase card ("and if it were a Korean partner?" after 考えておきます:
    the question asked again lost the quoted phrase and ranks a guide on Korean coordinators first): then the
    best-ranked sure phrase card."""
    lead = [plan.cards[0]] if plan.cards and not fits_pair(plan.cards[0], pair) else []
    last = next((cards[i] for i in last_cards if i in cards and not fits_pair(cards[i], pair)), None)
    source = last or next((c.card for c in plan.candidates if c.card.id in shown_cards
                           and not fits_pair(c.card, pair)), lead[0] if lead else None)
    if source is None:
        return None
    sure = [c.card for c in plan.candidates if c.probability >= floor and pair in c.card.cultures
            and _same_kind(source, c.card) and not set(source.cultures) <= set(c.card.cultures)]
    if sure:
        led_by_guide = bool(plan.cards) and not _same_kind(source, plan.cards[0])
        return sure[0] if led_by_guide else None  # else the plan or for_pair answers with the sure one
    side = side if source.perspective is Perspective.BOTH else source.perspective
    return counterpart(source, pair, side, cards, {c.card.id: c.probability for c in plan.candidates})


def _same_kind(source: Card, card: Card) -> bool:
    """A card that can answer a switch after `source`: after a phrase card ("What if it were a Chinese partner
    saying that?" after 持ち帰ります), only that pair's phrase card; the swapped question has lost the quoted phrase,
    so a guide it ranks sure (on choosing a Chinese partner) answers something no one asked."""
    return source.kind is not CardKind.PHRASEBOOK or card.kind is CardKind.PHRASEBOOK


def counterpart(source: Card, pair: Culture, side: Perspective | None, cards: Mapping[str, Card],
                ranked: dict[str, float]) -> Card | None:
    """The card written for `pair` and not for the source's (and for the asker's side) that says for it what
    `source` says for its own pair: the most topics shared, the same kind (a phrase card for a phrase card), linked
    by `related:` (directly counts twice, through one other card once); the ranking (`ranked`), then for a phrase
    card what the two say alike (likeness: 再说吧's open-ended deferral is 「나중에 다시 이야기하죠」's, not
    「좀 어렵습니다」's no, when the question asked again ranks neither), breaks ties. None when the best scores
    under COUNTERPART_FLOOR."""
    near = _links(source.id, cards)
    far = {b for a in near for b in _links(a, cards)}

    def score(c: Card) -> int:
        return len(set(source.topics) & set(c.topics)) + (c.kind is source.kind) + 2 * (c.id in near) + (c.id in far)

    pool = [c for c in cards.values() if pair in c.cultures and not set(c.cultures) & {Culture.ANY, *source.cultures}
            and (side is None or c.perspective in (side, Perspective.BOTH))]  # not also the source's pair's card
    def alike(c: Card) -> float:  # a phrase card's counterpart says the same kind of thing (a deferral, not a no)
        return likeness(cards.get(source.id, source), c) if source.kind is CardKind.PHRASEBOOK else 0.0

    best = max(pool, key=lambda c: (score(c), ranked.get(c.id, 0.0), alike(c)), default=None)
    return best if best is not None and score(best) >= COUNTERPART_FLOOR else None


def likeness(a: Card, b: Card) -> float:
    """How alike two cards read: the share of their English words (title, summary, triggers, what their phrases
    signal, sections) that they have in common."""
    words = [set(tokenize(" ".join([c.title, c.summary, *c.triggers, *(p.signal for p in c.phrases),
                                    *c.sections.values()]))) for c in (a, b)]
    return len(words[0] & words[1]) / (len(words[0] | words[1]) or 1)


def _links(card_id: str, cards: Mapping[str, Card]) -> set[str]:
    """The cards a card's `related:` names and those that name it."""
    out = set(cards[card_id].related) if card_id in cards else set()
    return (out | {c.id for c in cards.values() if card_id in c.related}) & set(cards)


def unsure_for_pair(plan: Plan, pair: Culture, floor: float) -> Plan:
    """The plan for "and in Japan?" when the Japan card it found ranks below `floor` (the answer threshold): the
    closest guidance for that pair with a clarifying choice among its cards, never the other pair's card."""
    if plan.confidence >= floor:
        return plan
    fitting = [c for c in plan.candidates if fits_pair(c.card, pair)]
    return replace(plan, outcome="clarify", sections=[], candidates=fitting)
