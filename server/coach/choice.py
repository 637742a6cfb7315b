"""Which plan a turn in a conversation answers with, once the ways to read it are planned (coach/followup.py
says which readings there are): the better outcome, then the more confident; but a continuation that would
answer from a card already shown, while the follow-up brings in someone new and its own words point at
another card ("Should our CEO call their chairman?" after the 研究研究 card), answers with that card; "and in
Japan?" answers with a card for Japan, never again with the Korean one (when none ranks, as for 「일본 회사라면?」
with no Korean translation of the Japan cards: the one whose topics, kind and `related:` links make it the
Korean card's counterpart); a continuation never answers with a phrasebook card for an expression no one
quoted, nor with a card carried only by the name of whom the answer goes to ("What do we send the
streamer?"); "who should I actually be emailing?" or "go over his head?" answers with a guide on who decides
(never a phrase card on checking upstairs). And "can you draft the reply?" answers with a short e-mail built
from the shown card's wording (coach/draft_reply.py)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import replace

from server.coach.compose import Labels, followup_section, pick, say_items
from server.coach.continuation import (
    TOPIC_FLOOR,
    bare,
    blend,
    chase_stays,
    decided_by,
    decides_it,
    fits_side,
    lapse_card,
    lapse_step,
    last_card,
    own_or_blend,
    side_mate,
)
from server.coach.continuation import new_card_plan as new_card_plan  # answer.py imports it from here
from server.coach.draft_reply import draft_email
from server.coach.followup import asks_to_record, asks_who_decides, goes_up, tells_someone
from server.coach.partner_map import climbs_their_side, partner_map
from server.coach.plan import CORE_WORDS, Plan, fits_pair
from server.coach.quoted_ask import for_the_ask as for_the_ask  # answer.py imports it from here
from server.coach.rank import Candidate
from server.coach.switch import counterpart as counterpart  # tests import it from here
from server.coach.switch import counterpart_for, for_pair, unsure_for_pair
from server.coach.who_pays import asks_who_pays
from server.models import Card, CardKind, Culture, Language, Perspective, Turn
from server.search.lexical import tokenize

OUTCOMES = ("decline", "clarify", "answer")  # from worst to best
NEW_ASK_FLOOR = 0.15  # the follow-up's own best card needs at least this probability on its own words
# TOPIC_FLOOR (coach/continuation.py): a new card the follow-up's topic ranks under it is carried by its own words
# ... and a card on writing things down, for "how do we get it in writing?" (or one on who decides, for "whom do I
# write to?"): the trees rate a short follow-up's own words low (「…書面で残すにはどうすればいいですか？」 ranks the
# card
# on minutes 4th at 0.13), and each retrain moves them: at 0.1, session 14's retrain put that card (0.0999) and the
# map of who decides (0.0998) just under the floor. The ask is explicit, so any card of its kind the rankings support
# this much answers it.
RECORD_FLOOR = 0.05
OWN_TOPIC = 0.5  # a who-decides follow-up whose best new card (not a map) ranks this names its topic (0.6 before)
RECORD_TOP = 3  # ... or one among the follow-up's own three best: the ask is explicit, short words rank everything low
WRITING_TOPIC = "written-communication"
DECIDER_TOPIC = "hierarchy-authority"  # the cards that map who decides, for "who should I be emailing?"
DECISION_TOPICS = {"decision-rights", "consensus-approvals", "escalation-disputes"}  # ... maps of who approves
# A new card a continuation answers with gives way to the shown card when the follow-up's own words support it under
# this (carried_over). It was the answer threshold (0.36), set for the logistic model: the trees rate a follow-up's
# few words low, so "What about a gift?" or "What should the clause say next time?" kept repeating the shown card.
# Train sweep: 0.09 +8 follow-ups, 0.18 +6, none lost; 0.04 loses one.
CARRY_FLOOR = 0.1
ALONE_SURE = 0.9  # a message read on its own this sure of a new card is a new question (moves_on)
# ... and this sure when the continuation would answer from a card already shown. Train conversations: none lost
# at 0.85 (at 0.8, 「다음 노트는 어떻게 전달하는 게 좋을까요?」 at 0.84 left the 체면 card for the showrunner card).
ALONE_OVER_SHOWN = 0.85
# ... or, as sure, when its best card leads its own runner-up by this much: a margin that a retrain's calibration
# moves less than the probability itself. On the train conversations' follow-ups where the two readings disagree and
# the continuation would repeat a shown card (37), the margin between the readings themselves (alone minus the
# continuation's earned or own-words probability) separated them no better than the cut-off (27-28 right against
# 28); this lead is right on 29 and answers "Is there any government money for a shoot like this?" after the permits
# card (0.785 sure, 0.65 ahead), none lost.
ALONE_LEAD = 0.5


def best(plans: list[Plan], shown_cards: Collection[str] = (), pair: Culture | None = None) -> Plan | None:
    """The better outcome, then the more confident; on a tie the first (the message on its own). But a message
    sure of its own card, read on its own, is not answered from a card its own words barely support (moves_on)."""
    top = max(plans, key=lambda p: (OUTCOMES.index(p.outcome), p.confidence)) if plans else None
    return plans[0] if len(plans) == 2 and top is plans[1] and moves_on(plans[0], plans[1], shown_cards, pair) \
        else top


def moves_on(alone: Plan, continuation: Plan, shown_cards: Collection[str] = (),
             pair: Culture | None = None) -> bool:
    """"The credit only pays after we spend. How do we cover the cash until then?" after the Georgia tax-credit
    card: read on its own, the message is sure of another card (at least ALONE_SURE), and its own words support
    the card the continuation answers with under TOPIC_FLOOR; glued to what it continues, the earlier question's
    words rate every card of that topic high (0.98, the cash-flow card's own 0.98 lost on the third decimal). When
    the continuation would answer from a card already shown (the permits card again for "Is there any government
    money for a shoot like this?") and the message alone picks a new one, ALONE_OVER_SHOWN is sure enough, and so is
    a best card ALONE_LEAD ahead of the message's next one of the conversation's pair (a runner-up written for
    another country is no other reading of this conversation's question: after the Tokyo permits card, the Korean
    location incentive under the Japanese one)."""
    if alone.outcome != "answer" or continuation.outcome != "answer" or not alone.cards or not continuation.cards \
            or alone.cards[0].id == continuation.cards[0].id:
        return False
    again = continuation.cards[0].id in shown_cards and alone.cards[0].id not in shown_cards
    ranked = [alone.candidates[0].probability] if alone.candidates else []
    ranked += [c.probability for c in alone.candidates[1:] if fits_pair(c.card, pair)][:1] + [0.0, 0.0]
    lead = ranked[0] - ranked[1]  # the message's best card over its runner-up, read on its own
    if alone.confidence < (ALONE_OVER_SHOWN if again else ALONE_SURE) and not (again and lead >= ALONE_LEAD):
        return False
    own = {c.card.id: c.probability for c in continuation.own}
    return own.get(continuation.cards[0].id, 0.0) < TOPIC_FLOOR


def settle(plans: list[Plan], message: str, shown_cards: set[str], pair: Culture | None, people: bool,
           switched: Culture | None, answer_at: float, rebuild: Callable[[Card, Plan, Plan], Plan],
           side: Perspective | None = None, cards: Mapping[str, Card] | None = None,
           last_cards: Sequence[str] = ()) -> Plan:
    """The plan a turn answers with: the best of its readings, unless the follow-up brings in someone new
    (new_ask), asks how to put the agreement in writing (record_ask) or whom to address (record_ask with
    DECIDER_TOPIC, on the blended ranking with its own words counted: the topic's map of who decides counts),
    switches the country (for_pair, then unsure_for_pair; counterpart_for when no card for that pair ranks: the card
    on the shown one's topic, linked from it, as sure as the answer threshold), would answer with a card carried only
    by the earlier question's words (carried_over; not a card the words of a follow-up that brings in someone new
    lead to: "our CEO to their chairman?") or with a card the follow-up does not ask about (unasked_card: a phrase
    no one quoted, who it goes to).
    `rebuild(card, chosen, alone)` answers the turn from `card`. A continuation is as sure as its own words make it
    (Plan.earned), not as the last answer was."""
    again = () if asks_who_pays(message) else shown_cards  # "who pays?" asks the cost of the topic shown: no new ask
    plan = best(plans, again, pair) or Plan(confidence=0.0, outcome="decline", query=message)
    asked_by_own = people and bool(plan.own) and bool(plan.cards) and plan.own[0].card.id == plan.cards[0].id
    stay = None if asked_by_own else carried_over(plan, shown_cards, CARRY_FLOOR)  # "our CEO to their chairman?"
    instead = unasked_card(plan, shown_cards, answer_at, people, tells_someone(message), side, bare(message))
    glued = {plan.cards[0].id} if stay is not None else set()  # no better an answer than a shown card
    card = new_ask(plans[0], plan, shown_cards | glued, pair, people, side) if len(plans) == 2 else None
    alone = plans[0] if plans else plan
    # the follow-up's own words' ranking: the message read on its own, when that reading is the one chosen
    chosen = plan if plan.own or not plans else replace(plan, own=plans[0].candidates)
    # a follow-up (answered, or unsure with its own words ranked), not a first question on who decides
    continues = bool(plans) and (plans[-1].earned is not None or bool(plans[-1].own))
    if continues and card is None and asks_to_record(message):  # as sure as the follow-up's own words make it
        card, alone = record_ask(chosen, shown_cards, pair, side), replace(plan, candidates=chosen.own, outcome="own")
    # "who decides this?": the card on deciding that very thing (final cut) or the one it links (budget sign-off)
    there = decided_by(message, last_cards, cards, pair, side) if card is None and cards else None
    card, alone = (there, replace(plan, outcome="stay", candidates=blend(plan))) if there else (card, alone)
    if (continues and asks_who_decides(message) and not (card and deciding(card)) and not there
            and (goes_up(message) and not (plan.cards and deciding(plan.cards[0]))  # "phone his manager?"
                 or not names_its_topic(chosen, shown_cards))):
        found = who_decides(chosen, shown_cards, pair, side)  # the topic's map of who decides counts
        ranked = own_or_blend(chosen)
        card, alone = (found, replace(plan, candidates=ranked, outcome="own")) if found else (card, alone)
        there = found if found and decides_it(message) and fits_pair(found, pair) else None  # "who decides this?"
    mapped = partner_map(card or (plan.cards[0] if plan.cards else None), [c.card for c in blend(chosen) if _fits(
        c.card, shown_cards, pair, side)], shown_cards, last_cards, cards) if continues and climbs_their_side(message) \
        else None
    card, alone = (mapped, replace(plan, outcome="stay", candidates=blend(plan))) if mapped else (card, alone)
    stays = chase_stays(plan, message, shown_cards, last_cards, cards, side) if card is None and continues else None
    plan = plans[-1] if stays is not None else plan  # ... from the continuation's rankings, even if read alone won
    lapse = stays or (lapse_card(plan, message, shown_cards, last_cards, cards, pair, side) if card is None else None)
    if lapse is not None:  # "still nothing after a month?": the step for when nothing comes, as sure as the blend
        asked = f"{lapse_step(lapse, side) or ''} {message}"
        card, stay, alone = lapse, None, replace(plan, outcome="stay", candidates=blend(plan), query=asked)
    if card is None and stay is None and instead is not None:  # as sure as the blended ranking makes it
        card, alone = instead[0], replace(plan, outcome="stay", candidates=instead[1])
    back = last_card(plan, message, shown_cards, last_cards) if card is None and stay is None else None
    card, alone = (back, replace(plan, outcome="stay", candidates=blend(plan))) if back else (card, alone)
    found = counterpart_for(plan, switched, cards, side, shown_cards, answer_at, last_cards) \
        if switched and cards else None
    card = found or (for_pair(plan, switched, answer_at) if switched else card)
    if card is None and stay is not None:  # as unsure as the card it replaces, not as the last answer
        plan = replace(rebuild(stay, plan, replace(plan, outcome="stay")), confidence=plan.earned or 0.0)
    if card is not None:
        plan = rebuild(card, plan, alone)
        if found is not None or (there and there.id != last_cards[0]):  # on what the cards are, not the words
            plan = replace(plan, confidence=max(plan.confidence, answer_at))
        plan = unsure_for_pair(plan, switched, answer_at) if switched else plan
    return replace(plan, confidence=plan.earned) if plan.earned is not None else plan


def unasked_card(plan: Plan, shown_cards: set[str], answer_at: float, people: bool = False, addressed: bool = False,
                 side: Perspective | None = None, topicless: bool = False) -> tuple[Card, list[Candidate]] | None:
    """A continuation that would answer with a card the follow-up does not ask about, only its own words rank,
    and the topic (the follow-up glued to what it continues) ranks under TOPIC_FLOOR: a new phrasebook card
    ("Can I push back without looking difficult?" getting "I hear you, but"; "ok it's been two weeks now" getting
    一応: no one quoted that expression; a quoted one is decoded and ranks the card on the topic's words too), or,
    when the follow-up asks what to tell or send someone (`addressed`: "What do we need to send the streamer?"), a
    new card carried by the name of who it goes to (the streamer deal). The card it answers with instead, with the
    blended ranking (the mean of the two, as partrank.with_part_alone blends them): the best that is no such card,
    a shown card or a new one at least as sure as the answer threshold; None when the plan is no such case.
    A follow-up that brings in someone new (`people`: "Should I call his boss directly?") asks about them: never a
    phrasebook card, the best on its own words (as new_ask), the blended ranking after them; so does one whose own
    words' best card is for the other side, with their best for the asker's side (side_mate)."""
    if plan.earned is None or plan.outcome != "answer" or not plan.cards or not plan.own:
        return None
    topic = {c.card.id: c.probability for c in plan.candidates}

    def unasked(c: Card) -> bool:
        carried = c.id not in shown_cards and topic.get(c.id, 0.0) < TOPIC_FLOOR
        return (c.kind is CardKind.PHRASEBOOK and (people or carried)) or (addressed and not people and carried) \
            or (carried and topicless) or (c.id not in shown_cards and not fits_side(c, side))

    if not unasked(plan.cards[0]):
        return None
    mate = None if people else side_mate(plan, side, answer_at, unasked)  # its own words' card, for the asker's side
    own = {c.card.id: c.probability for c in plan.own}
    blended = sorted(blend(plan), key=lambda c: -(own.get(c.card.id, 0.0) if people or mate else c.probability))
    return next(((c.card, blended) for c in blended if not unasked(c.card) and (c.card.id in shown_cards or (
        c.probability >= answer_at or (mate is not None and c.card.id == mate.id)))), None)


def new_ask(alone: Plan, chosen: Plan, shown_cards: set[str], pair: Culture | None, people: bool,
            side: Perspective | None = None) -> Card | None:
    """The card the follow-up's own words ask about when the chosen plan (a continuation: the earlier question's
    words dominate its ranking) answers from a shown card they do not point at: the first card of the message read
    on its own (`alone`, in the conversation's frame) when it is new in the conversation and of the asker's pair.
    Only for a follow-up that brings in someone new (`people`: "Should our CEO call their
    chairman?"): on the labelled conversations, follow-ups without such a cue ("Is this normal or a red flag?") are
    answered by the shown card far more often than its own words' ranking says."""
    if not people or chosen.outcome != "answer" or not chosen.cards or not alone.candidates \
            or chosen.cards[0].id not in shown_cards:
        return None
    above = [c for c in alone.candidates[:next((n for n, c in enumerate(alone.candidates)
                                                if c.card.id == chosen.cards[0].id), None)]]
    top = next((c for c in above if fits_side(c.card, side)), None)  # ranked above the shown card on its own words
    new = top is not None and top.card.id not in shown_cards and fits_pair(top.card, pair) \
        and top.probability >= NEW_ASK_FLOOR
    return top.card if top is not None and new else None


def record_ask(chosen: Plan, shown_cards: set[str], pair: Culture | None, side: Perspective | None) -> Card | None:
    """"How do I get whatever we agree down in writing?": the card on confirming in writing that the follow-up's
    own words (Plan.own) rank best (one on written communication, new in the conversation, of the asker's pair and
    side, at least RECORD_FLOOR on those words or among their RECORD_TOP best), when the chosen continuation
    answers from a card not about writing (a shown one on writing, the e-mail cadence card, answers it no better:
    it would be a repeat)."""
    if chosen.outcome != "answer" or not chosen.cards or _new_on(chosen.cards[0], WRITING_TOPIC, shown_cards):
        return None
    ranked = chosen.own or chosen.candidates  # the message read alone ranks on its own words already
    return next((c.card for n, c in enumerate(ranked) if WRITING_TOPIC in c.card.topics
                 and c.card.kind is not CardKind.PHRASEBOOK  # 「結構です」 in an e-mail records no deal
                 and (c.probability >= RECORD_FLOOR or n < RECORD_TOP) and _fits(c.card, shown_cards, pair, side)),
                None)


def who_decides(chosen: Plan, shown_cards: set[str], pair: Culture | None, side: Perspective | None) -> Card | None:
    """"Who should I be emailing?", "who do I need to convince?": the guide on who decides (deciding) that the
    follow-up's own words or the topic's ranking (what it continues) support at least RECORD_FLOOR, best on the mean
    of the two; a map of who decides (decisive) before a card on titles and delegations ("someone more senior" is
    no delegation), and one the topic's ranking supports at least TOPIC_FLOOR first (after a committee member blocks
    a sale, "who do I need to convince?" asks about the committee: its lead company, not the general map), then one
    written for exactly the asker's side (the US side's map of a Japanese company, not the committee's lead company
    for both sides, when neither ranking supports either much: "Who am I supposed to be emailing?"). A
    continuation unsure on the topic's words ("And who on their side actually signs off on that?" after the cost of
    a slip: a clarifying choice) is answered so too."""
    if chosen.outcome == "decline":
        return None
    if chosen.cards and _new_on(chosen.cards[0], DECIDER_TOPIC, shown_cards) and fits_pair(chosen.cards[0], pair):
        return chosen.cards[0]  # already planned: kept, not overruled by a shown card's step for when nothing comes
    topic = {c.card.id: c.probability for c in chosen.candidates}
    own = {c.card.id: c.probability for c in chosen.own}
    pool = [c for c in blend(chosen) if deciding(c.card) and _fits(c.card, shown_cards, pair, side)
            and max(topic.get(c.card.id, 0.0), own.get(c.card.id, 0.0)) >= RECORD_FLOOR]
    return min(pool, key=lambda c: (not decisive(c.card), topic.get(c.card.id, 0.0) < TOPIC_FLOOR,
                                    not _for_side(c.card, side), -c.probability)).card if pool else None


def names_its_topic(chosen: Plan, shown_cards: set[str]) -> bool:
    """"Who decides the final edit of the film?" asks who decides one thing, which a card answers (final cut, 0.58
    on its own words), not whom to write to on the partner's side ("who should I be emailing?": 0.33; OWN_TOPIC 0.6
    -> 0.5 with lambdarank, training follow-ups right 0.8447 -> 0.8459): the follow-up's best new card on its own
    words (else on the topic's) ranks at least OWN_TOPIC and is neither a map of who decides nor a card on writing
    to the partner (whom to e-mail is the ask, not a topic). 「追加预算由谁拍板？」 after the budget breakdown so
    takes the overages card (0.85), not the sign-off map: both are labelled right for it."""
    new = next((c for c in chosen.own or chosen.candidates if c.card.id not in shown_cards), None)
    return (new is not None and new.probability >= OWN_TOPIC and not deciding(new.card)
            and WRITING_TOPIC not in new.card.topics)


def _for_side(card: Card, side: Perspective | None) -> bool:
    """Written for exactly the asker's side (the US side's map of who decides in a Japanese company, not the card
    for both sides on a committee's lead company); any card when the side is unknown."""
    return side in (None, Perspective.BOTH) or card.perspective is side


def deciding(card: Card) -> bool:
    """A guide on who decides (not a phrase card that happens to mention the boss: 上と相談します)."""
    return DECIDER_TOPIC in card.topics and card.kind is not CardKind.PHRASEBOOK


def decisive(card: Card) -> bool:
    """A guide on who decides that maps approvals or decision rights (not one on titles, seating and delegations)."""
    return deciding(card) and bool(DECISION_TOPICS & set(card.topics))


def _new_on(card: Card, topic: str, shown_cards: set[str]) -> bool:
    """The card answers on `topic` and was not shown yet in the conversation."""
    about = deciding(card) if topic == DECIDER_TOPIC else topic in card.topics
    return about and card.id not in shown_cards


def _fits(card: Card, shown_cards: set[str], pair: Culture | None, side: Perspective | None) -> bool:
    """New in the conversation, of the asker's pair and side."""
    return card.id not in shown_cards and fits_pair(card, pair) \
        and (side is None or card.perspective in (side, Perspective.BOTH))


def carried_over(plan: Plan, shown_cards: set[str], floor: float) -> Card | None:
    """The card shown last that a continuation should stay with: the plan answers with a new card that ranks high
    only on the earlier question's words (what the follow-up was glued to) and below `floor` on the follow-up's own
    words ("what if they still dodge it next month?" after 再说吧 getting the card on choosing a partner), while the
    shown card leads the ranking. The follow-up's own support is the blended probability (plan.earned, the mean of
    the two rankings in partrank.with_part_alone) with the glued ranking's share taken out."""
    if plan.earned is None or plan.outcome != "answer" or not plan.cards or not plan.candidates:
        return None
    card, top = plan.cards[0], plan.candidates[0]
    if card.id in shown_cards or top.card.id not in shown_cards:
        return None
    glued = next((c.probability for c in plan.candidates if c.card.id == card.id), 0.0)
    return top.card if 2 * plan.earned - glued < floor else None


def last_wording(coach_turns: list[Turn], cards: dict[str, Card], localised: Callable[[Card], Card], asked: str,
                 side: Perspective | None, pair: Culture | None, stage: str | None, shown: list[str], words: Labels,
                 lang: Language, query: str) -> Plan | None:
    """"Can you draft the reply?": the wording of the card the last answer led with (in the answer's language,
    `localised`), as sure as that answer was; None when no answer cited a card that still exists."""
    last = next((t for t in reversed(coach_turns) if t.card_ids), None)
    if last is None or last.card_ids[0] not in cards:
        return None
    return wording_plan(localised(cards[last.card_ids[0]]), asked, side, pair, stage, shown, words, lang,
                        last.confidence or 0.0, query)


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
    others = [other for other in lines if other != line]
    draft = draft_email([line, *others], words)  # the e-mail holds the lines; without one, lines to adapt
    section.draft = [] if set(draft) <= set(shown) else draft  # this very e-mail drafted before: lines to adapt
    section.say = [] if section.draft else others[:2]
    section.short = words["draft"]["lead"] if section.draft else section.short
    return Plan(confidence=confidence, outcome="answer", sections=[section], query=query)
