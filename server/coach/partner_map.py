"""Whose approval line a map of who decides describes. "Can we contact the studio executive directly?",
「그 스튜디오 임원한테 저희가 직접 연락해도 되나요?」 or 「能不能直接给他们的老板打电话？」
climb the partner's side: they ask for the map of how the partner decides (who-decides-on-the-american-side), not
for the map of the asker's own approval line (us-asks-for-decision-maker: why the Americans want to reach *our*
chairman). The cards say which one they are in their own triggers: a map whose triggers have the partner going
over the asker's head to the asker's boss (「미국 파트너가 우리 대표님께 직접 이메일을 보냈어요」, 「越过我」)
describes the asker's own line."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence

from server.coach.followup import goes_up
from server.models import Card, CardKind

# The asker's own boss or the asker gone around: "our CEO", "over my head", 「우리 대표님」, 「저를 빼고」,
# 「我们董事长」, 「越过我」, 「うちの社長」 (「저희가 직접」 is the asker acting, not the asker's boss).
OWN_BOSS = re.compile(
    r"\b(?:our|my) (?:\w+ )?(?:ceo|chair\w*|president|boss|head|founder|owner|manager|supervisor)\b|"
    r"\bover my head\b|\bgo(?:ne|es|ing)? (?:around|past) me\b|"
    r"(?:우리|저희)\s*(?:회사\s*)?(?:대표|사장|회장|본부장|임원|윗선|윗분|상사|CEO)|(?:저를|나를|제\s*머리)\s*(?:빼고|건너뛰|제치|넘어)|"
    r"我们(?:的|公司的?)?(?:董事长|老板|领导|总裁|总经理|社长|CEO)|越过我|绕过我|"
    r"(?:うちの|弊社の|私の)(?:社長|会長|上司|部長)|私の頭越し|私を飛ばし", re.I)


def own_boss(text: str) -> bool:
    """The text names the asker's own boss as who is gone to, or the asker as who is gone around."""
    return bool(OWN_BOSS.search(text))


def climbs_their_side(message: str) -> bool:
    """The follow-up asks about going over the partner contact's head to someone above them on their side."""
    return goes_up(message) and not own_boss(message)


def own_line(card: Card) -> bool:
    """A map of the asker's own approval line: one of its triggers has the partner going up to the asker's boss."""
    return any(goes_up(t) and own_boss(t) for t in card.triggers)


def partner_map(card: Card | None, ranked: Sequence[Card], shown_cards: Collection[str],
                last_cards: Sequence[str], cards: Mapping[str, Card] | None) -> Card | None:
    """When a follow-up climbs the partner's side and the card it would answer with is no guide on who decides
    (the partner gone quiet) or maps the asker's own approval line, the guide on the partner's side instead: the
    one the last answer led with (its step on going around the contact), else the best in `ranked` (cards of the
    asker's pair and side, best first; maps of approvals before guides on titles) that is not the asker's own line.
    A follow-up left without a card (declined) is answered so too.
    None when the card already is a guide on who decides on the partner's side (「领导还要商量」's phrase card shown
    last does not replace the map of a Chinese company), or no such guide ranks."""
    if card is not None and guide(card) and not own_line(card):
        return None
    last = cards.get(last_cards[0]) if cards and last_cards else None
    if last is not None and guide(last) and not own_line(last):
        return last
    fitting = [c for c in ranked if c.id not in shown_cards and guide(c) and not own_line(c)]
    return min(fitting, key=lambda c: (not maps_approvals(c), fitting.index(c))) if fitting else None


def guide(card: Card) -> bool:
    """A guide on who decides (as choice.deciding: not a phrase card that mentions the boss)."""
    return "hierarchy-authority" in card.topics and card.kind is not CardKind.PHRASEBOOK


def maps_approvals(card: Card) -> bool:
    """A guide on who decides that maps approvals or decision rights (as choice.decisive)."""
    return guide(card) and bool({"decision-rights", "consensus-approvals", "escalation-disputes"} & set(card.topics))
