"""Who bears a cost, asked as a follow-up ("so who pays?", 「その費用はどちらが持つ？」, 「费用谁承担？」): the
money side of the topic just discussed, answered with the conversation's cost card rather than one carried by
"pays" alone (coach/plan.py ranks these first)."""

from __future__ import annotations

import re
from dataclasses import replace

from server.coach.compose import answer_items
from server.coach.rank import Candidate
from server.coach.understand import refers_back, word_count
from server.models import Card, Perspective

# A follow-up that asks who bears a cost ("who pays?", "can we charge them?", 「どちらが負担するのですか」,
# 「비용은 누가 내나요?」, 「누가 비용을 내요?」, 「费用谁承担？」) asks about the money side of the topic just
# discussed, not about paying in general: "pays" alone ranks the card on fronting incentive money or on overages
# first. Not "누가 대답", "누가 대표", "누가 내일": 대 only after the cost it names, 내 not of 내일, 내부, 내용.
_WHO_PAYS = re.compile(
    r"\bwho(?:'s| is| should| has to| will| would| normally| usually)? (?:pays?|paying(?! attention)|covers?|"
    r"covering|picks? up|eats?|absorbs?|bears?|foots?)\b|"
    r"\b(?:charge|bill|invoice|recover (?:it|that|this|the cost) from) (?:them|the \w+)\b|"
    r"\bmake (?:them|the \w+) (?:pay|cover)\b|\bwhose (?:cost|bill|budget)\b|\bon the hook for\b|"
    r"負担|誰が(?:払|支払|持つ)|"
    r"(?:費用|お金|コスト)は(?:誰|どちら)|누가\s*(?:(?:비용|돈|경비)[을를은는]?\s*(?:내|대|부담|지불)|내(?![일부용])|부담|지불|책임지)|"
    r"(?:비용|돈)[은는을이]?\s*누가|부담하|"
    r"谁(?:来)?(?:出钱|付|承担|负担|买单|掏钱|支付)|(?:费用|成本|钱)[^。？?]{0,4}谁|由谁", re.I)
# A card's step, line or watch-out that says who bears a cost ("... the number of retake rounds and who pays for
# changes", "Decide who fronts the cash until the rebate is paid", "at the buyer's expense")
_PAYS_ITEM = re.compile(r"\bwho (?:pays|bears|covers|carries|funds|fronts|absorbs|picks up)\b|"
                        r"\bat (?:whose|their|your|its|our|the \w+'s) (?:own )?(?:cost|expense)\b", re.I)
MONEY_TOPIC = "budget-financing"
MONEY_FLOOR = 0.15  # the topic's ranking supports a money card this much at least
BARE_WHO_PAYS = 3  # "so who pays?": no cost of its own named, the topic's cost


def asks_who_pays(message: str) -> bool:
    """The follow-up asks who bears a cost."""
    return bool(_WHO_PAYS.search(message))


def pays_for_the_topic(message: str) -> bool:
    """A who-pays follow-up about the cost of what it follows: it points back ("who pays for that?", 「その費用は」)
    or is too short to name a cost of its own ("so who pays?")."""
    return refers_back(message) or word_count(message) <= BARE_WHO_PAYS


def cost_cards(shown_cards: set[str], cards: dict[str, Card]) -> frozenset[str]:
    """The cost cards of what a who-pays follow-up follows, which retrieval may miss (「その費用はどちらが持つ？」
    shares no word with them): the money cards a shown card not on money links to (`related:`) on a topic of its own
    (the schedule slip card names what a slip costs, the permits card what a permit delay costs; the location
    incentive it also links to shares no topic with it)."""
    def money(i: str) -> bool:
        return i in cards and MONEY_TOPIC in cards[i].topics

    return frozenset(r for i in shown_cards if i in cards and not money(i) for r in cards[i].related
                     if money(r) and set(cards[i].topics) & set(cards[r].topics) - {MONEY_TOPIC})


def covering_cards(shown_cards: set[str], cards: dict[str, Card], side: Perspective | None) -> frozenset[str]:
    """The shown cards with an item that says who bears the cost (the retakes card's "who pays for changes"): a
    who-pays follow-up after them is answered from that item, not from a card on overages its word "pays" ranks."""
    return frozenset(i for i in shown_cards if i in cards
                     and any(_PAYS_ITEM.search(item) for item in answer_items(cards[i], side)))


def money_first(blended: list[Candidate], topic: list[Candidate], answer_at: float, back: bool,
                costs: frozenset[str] = frozenset(), covering: frozenset[str] = frozenset()) -> list[Candidate]:
    """A who-pays follow-up's candidates: the cards on money that the topic's own ranking (`topic`, the follow-up
    glued to what it continues) supports (at least MONEY_FLOOR), first, each at least as sure as the answer
    threshold; then the rest as ranked with the follow-up's own words counted (`blended`). Among the money cards,
    a follow-up that points back (`back`: 「その費用は…」, "who pays for that?") asks about the topic's cost, so the
    topic's order; one that names a cost of its own (「予算を超えた場合は…」 after the budget card) the blended order.
    The conversation's cost card answers "who pays?", not a card carried by "pays" alone: for one that points back,
    the cost cards of what it follows (`costs`, cost_cards) come first, whatever the topic's ranking; then the
    topic's best card when it was shown and has an item on who pays (`covering`, covering_cards: it answers the
    follow-up from that item; a shown card the topic ranks lower is what an earlier turn was about)."""
    mean = {c.card.id: c.probability for c in blended}
    costs = costs if back else frozenset()
    covering = covering & {c.card.id for c in topic[:1]}

    def money(c: Candidate) -> bool:
        return c.card.id in costs or c.card.id in covering or (MONEY_TOPIC in c.card.topics
                                                               and c.probability >= MONEY_FLOOR)

    pool = {c.card.id: c for c in [*topic, *(c for c in blended if c.card.id in covering)]}
    money_cards = sorted((c for c in pool.values() if money(c)),
                         key=lambda c: (c.card.id not in costs, c.card.id not in covering,
                                        -c.probability if back else -mean.get(c.card.id, 0.0)))
    ids = {c.card.id for c in money_cards}
    return [replace(c, probability=max(c.probability, answer_at)) for c in money_cards] + \
        [c for c in blended if c.card.id not in ids]
