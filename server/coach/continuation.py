"""Which card a continuation answers from when the planned one answers something else: "what if they still don't
answer after a month?" takes the step for when nothing comes (of the last answer's card, else of the topic's
best card that has one) rather than the shown card's other steps; a follow-up that refers back continues the last
answer's card, not an earlier one; and a new card the follow-up's words alone carry is no answer when it names no
topic of its own ("那我们下次怎么回应比较好？") or was written for the other side (coach/choice.py settles); and the
answer built from the card chosen so (new_card_plan)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from server.coach.bare_asks import names_no_topic
from server.coach.compose import Labels, answer_items, build_section, followup_section
from server.coach.followup import WAIT_OR_PUSH
from server.coach.itemrank import LAPSE_ASKED, LAPSE_ITEM
from server.coach.plan import CORE_WORDS, Plan, fits_pair
from server.coach.rank import Candidate
from server.coach.who_pays import asks_who_pays
from server.models import Card, CardKind, Culture, Language, Perspective

CHASE_TOPIC = "written-communication"  # the cards on following up: chasing by e-mail, a partner gone quiet
# "Should I wait or push?", "should I email again or keep waiting?", "Do I chase him?" (and 「催促しても…」:
# WAIT_OR_PUSH)
_CHASE = re.compile(r"\bwait(?:ing)?\b|\b(?:chase|nudge|ping|remind)\b|\bfollow(?:ing)? up\b|"
                    r"\b(?:e-?mail|write|call|message|contact) (?:them |him |her )?again\b", re.I)
# Nothing comes back: "no answer", "don't reply", "hear nothing", 「返事がない」, 「音沙汰」, 「답이 없」, 「没回音」
SILENCE = re.compile(r"\bno (?:answer|reply|response|news|word)|(?:n't|\bnot|\bnever) (?:answer|reply|respond|get back|"
                     r"hear|write back)|\bnothing\b|\bsilen|\bquiet\b|\bghost|返事がな|返信がな|連絡がな|音沙汰|"
                     r"反応がな|梨のつぶて|답이 없|답장이 없|연락이 없|소식이 없|무소식|답이 안|연락이 안|"
                     r"没(?:有)?(?:回音|回复|回信|消息|动静|答复|反应)|不回|杳无音信", re.I)
TOPIC_FLOOR = 0.3  # the topic's ranking (the follow-up glued to what it continues) supports a card this much
# Words that set a frame-only ask in time ("how should we respond next time?", 「那我们下次怎么回应比较好？」,
# 「次回はどう返せばいいですか」, 「다음에는 어떻게 대응하죠?」): they name no topic of their own.
_WHEN = re.compile(r"\b(?:next time|in future|in the future|from now on|going forward)\b,?\s*|下次|以后|今后|"
                   r"次回は?|今度は?|今後は?|これから(?:は)?|다음(?:번)?에(?:는)?\s*|앞으로(?:는)?\s*", re.I)

# What the last answer said, pointed at: "that part", "this point", 「その点」, 「그 부분」, 「那部分」, 「这一条」.
_THAT_PART = re.compile(r"\b(?:that|this|those|these) (?:part|point|bit|clause|term|condition|issue|step)s?\b|"
                        r"(?:その|この)(?:部分|点|件|条件|内容|辺)|그\s*(?:부분|내용|점|조건|건)|"
                        r"(?:那|这)(?:个|一)?(?:部分|点|条|些内容|个条件)", re.I)


# An ask only what to say, write or send to them, after a word that continues ("What do I say to them?",
# 「じゃあ何と伝えればいいですか」, 「그럼 뭐라고 연락하면 될까요?」, 「那我该怎么跟他们说？」): their words
# name a channel (연락, メール) at most, no topic: alone, 「연락」 ranks the card on e-mail and KakaoTalk with a
# Korean partner.
_SAY_WHAT = re.compile(
    r"^(?:(?:and|so|then|ok(?:ay)?)[,\s]+)?(?:what|how) (?:do|should|can|shall|would) (?:i|we) (?:say|tell|write|"
    r"reply|respond|word it)(?: (?:back )?to)?(?: (?:them|him|her|(?:the|their) (?:new )?(?:executive|exec|"
    r"producer|partner|contact|person|people|team|director|boss)))?\s*[?.]?$|"
    r"^(?:じゃあ|では|それなら|それでは)?[、,]?(?:先方に|相手に|彼らに)?(?:何と|なんと|何て|なんて|どう|どのように)"
    r"(?:言|伝え|返|連絡|書|メール|切り出)[^。？?、]{0,12}[。？?]?$|"
    r"^(?:그럼|그러면|그래서|그럼요)?\s*(?:그쪽에|상대방에게|미국\s*측에)?\s*"
    r"(?:뭐라고|어떻게|무슨\s*말로)\s*(?:말|연락|메일|이메일|답|답장|회신|전달|얘기|이야기|써|보내)[^.?,]{0,14}[.?]?$|"
    r"^(?:那|那么)?(?:我|我们)?(?:应该|该|要)?(?:怎么|如何)(?:跟|和|给|对)?(?:他们|对方|美方|中方)?"
    r"(?:说|回复|回|联系|写|开口)[^。？?，]{0,6}[？?。]?$", re.I)


def bare(message: str) -> bool:
    """The follow-up asks only how to respond or whether it is normal, once words of when are left out ("How
    should we respond next time?"), or only what to say to them ("그럼 뭐라고 연락하면 될까요?"): its own words name
    no card's topic."""
    asked = _WHEN.sub("", message).strip()
    return names_no_topic(asked) or bool(_SAY_WHAT.match(asked))


def fits_side(card: Card, side: Perspective | None) -> bool:
    """The card is written for the asker's side (or both; any card when the side is unknown)."""
    return side in (None, Perspective.BOTH) or card.perspective in (side, Perspective.BOTH)


def lapse_step(card: Card, side: Perspective | None) -> str | None:
    """The card's step, line or watch-out for when nothing comes ("If two follow-ups bring no reply, ..."), if any."""
    return next((i for i in answer_items(card, side) if LAPSE_ITEM.search(i)), None)


def asked_item(query: str, card: Card, english: Card | None) -> str | None:
    """The item of `card` (in the answer's language) whose English `query` holds: the step for when nothing comes
    that a follow-up was put after (choice.settle), answered from that step, shown before or not."""
    if english is None:
        return None
    pairs = zip(answer_items(english, None), answer_items(card, None), strict=False)
    return next((local for item, local in pairs if item in query), None)


def lapse_card(plan: Plan, message: str, shown_cards: set[str], last_cards: Sequence[str],
               cards: Mapping[str, Card] | None, pair: Culture | None, side: Perspective | None) -> Card | None:
    """"What if they still don't answer after a month?": the card whose step for when nothing comes answers it,
    when the planned card has none (the e-mail channels card's KakaoTalk groups answer no lapse of time) or is a new
    one only the follow-up's own words carry (the topic ranks it under TOPIC_FLOOR): the last answer's card that
    has one and is written for the asker's side (「それでも一ヶ月返事がなければ？」 from the Japanese side takes no
    US-side phrase card's step), else, when the follow-up says nothing comes (SILENCE: "still dodge it" is no
    silence) and the planned card has none, the card best supported by the topic's ranking and the follow-up's own
    words (either at least TOPIC_FLOOR) that has one (of the asker's pair and side; not a phrase card no one
    quoted). None when the plan answers it already or none has."""
    if plan.earned is None or plan.outcome != "answer" or not plan.cards or not LAPSE_ASKED.search(message):
        return None
    english = {} if cards is None else cards  # the plan's card may be a translation: its steps read in English
    planned = english.get(plan.cards[0].id, plan.cards[0])
    topic = {c.card.id: c.probability for c in plan.candidates}
    carried = planned.id not in shown_cards and topic.get(planned.id, 0.0) < TOPIC_FLOOR  # by its own words alone
    if lapse_step(planned, side) is not None and not carried:
        return None
    last = [english[i] for i in last_cards if i in english and fits_side(english[i], side)]
    found = next((c for c in last if lapse_step(c, side) is not None), None)
    if found is not None or lapse_step(planned, side) is not None:
        return found if found is not None and found.id != planned.id else None
    if not SILENCE.search(message):
        return None
    own = {c.card.id: c.probability for c in plan.own}
    pool = {c.card.id: c.card for c in [*plan.candidates, *plan.own]}
    ranked = sorted(pool.values(), key=lambda c: -(topic.get(c.id, 0.0) + own.get(c.id, 0.0)))
    return next((c for c in ranked if max(topic.get(c.id, 0.0), own.get(c.id, 0.0)) >= TOPIC_FLOOR
                 and lapse_step(c, side) is not None and fits_pair(c, pair) and fits_side(c, side)
                 and (c.id in shown_cards or c.kind is not CardKind.PHRASEBOOK)), None)


def asks_to_chase(message: str) -> bool:
    """The follow-up asks whether to wait or chase, or what if nothing comes ("should I wait or push?", "what if they
    still don't answer after a month?", 「계속 기다려야 할까요?」)."""
    return bool(LAPSE_ASKED.search(message) or _CHASE.search(message) or WAIT_OR_PUSH.search(message))


def chase_stays(plan: Plan, message: str, shown_cards: set[str], last_cards: Sequence[str],
                cards: Mapping[str, Card] | None, side: Perspective | None) -> Card | None:
    """"Should I wait or push?" or "what if they still don't answer after a month?" after the 研究研究 card, whose
    step says what to do when nothing comes: that card again, not a new card on following up (a partner gone quiet,
    e-mail cadence, the American "quick question" no one quoted) that the follow-up's generic words rank first (0.83
    on its own words for the card on a Chinese partner gone quiet). The last answer's first card, when the plan (of a
    follow-up: read as continuing or on its own) answers with a new card on CHASE_TOPIC, or one the conversation's
    topic does not support (under TOPIC_FLOOR: "Do I wait or chase them?" ranking the late-payment card on "chase"),
    and that card has a step for when nothing comes; None otherwise."""
    if plan.outcome != "answer" or not plan.cards or not last_cards or cards is None or not asks_to_chase(message):
        return None
    planned = plan.cards[0]
    if planned.id in shown_cards:
        return None
    glued = next((c.probability for c in plan.candidates if c.card.id == planned.id), 0.0)
    if CHASE_TOPIC not in planned.topics and (plan.earned is None or glued >= TOPIC_FLOOR):
        return None  # a phrase card no one quoted neither, unless only the follow-up's generic words rank it
    last = cards.get(last_cards[0])
    return last if last is not None and lapse_step(last, side) is not None else None


# Who decides the thing just discussed: "who decides that?", 「그럼 이건 누가 결정해요?」, 「それは誰が決める」,
# 「这个由谁决定？」; not who decides over there ("who on their side decides that?", 「그쪽에서는 누가」,
# 「他们那边谁说了算」).
_DECIDES_IT = re.compile(r"\bwho (?:decides|approves|signs off on|gets the final say on|has the final say on) "
                         r"(?:this|that|it)\b|"
                         r"(?<![가-힣])(?:이건|그건|이거|그거|이것은|그것은|이게|그게)\s*(?:[가-힣]+\s*)?누가|"
                         r"(?:それ|これ|その件|この件)(?:は|って)?[^。？?、]{0,6}(?:誰|どなた)が|"
                         r"(?:这个|那个|这事|这件事|那件事)[^。？?，]{0,4}(?:谁|由谁)", re.I)
_THEIR_SIDE = re.compile(r"\b(?:their|his|her) (?:side|end|company|studio|team)\b|\bover there\b|"
                         r"그쪽|저쪽|상대|向こう|先方|あちら|他们|对方", re.I)


DECISION = "decision-rights"  # a card on who decides one thing (final cut, the dub cast) answers "who decides this?"


def decides_it(message: str) -> bool:
    """The follow-up asks who decides the thing just discussed, not who decides on the partner's side."""
    return bool(_DECIDES_IT.search(message)) and not _THEIR_SIDE.search(message)


def decided_by(message: str, last_cards: Sequence[str], cards: Mapping[str, Card], pair: Culture | None,
               side: Perspective | None) -> Card | None:
    """The card that answers "who decides this?" (decides_it) about the thing just discussed: the last answer's
    first card when it is on decision rights (final cut), else the first card on decision rights it links to
    (`related:`) that fits the conversation's pair and the asker's side (「그럼 이건 누가 결정해요?」 after the overages
    card: the budget sign-off card it links, not a map of whom to ask carried by "decides" alone). None when the
    follow-up asks who pays (「이건 누가 비용을 내요?」 also points back) or no such card is linked."""
    if not decides_it(message) or asks_who_pays(message) or not last_cards or last_cards[0] not in cards:
        return None
    last = cards[last_cards[0]]
    if DECISION in last.topics:
        return last
    return next((cards[r] for r in last.related if r in cards and DECISION in cards[r].topics
                 and fits_pair(cards[r], pair) and fits_side(cards[r], side)), None)


def last_card(plan: Plan, message: str, shown_cards: set[str], last_cards: Sequence[str]) -> Card | None:
    """A continuation about a part of the last answer ("that part", 「그 부분은 계약서에 어떻게 넣어야 할까요?」 after
    the overages card) planned from a card shown earlier in the conversation (the budget breakdown card of the first
    turn): the last answer's first card, when the topic's ranking supports it at least TOPIC_FLOOR. A follow-up
    about "them" or "they" ("what if they still don't answer?") may go back to the conversation's first card."""
    if plan.earned is None or plan.outcome != "answer" or not plan.cards or not last_cards \
            or not _THAT_PART.search(message):
        return None
    card = plan.cards[0]
    if card.id not in shown_cards or card.id in last_cards:
        return None
    return next((c.card for c in plan.candidates if c.card.id == last_cards[0] and c.probability >= TOPIC_FLOOR),
                None)


def new_card_plan(card: Card, chosen: Plan, alone: Plan, side: Perspective | None, pair: Culture | None,
                  stage: str | None, shown: list[str], words: Labels, lang: Language, reserve: int) -> Plan:
    """The follow-up answered from `card` (in the answer's language), as confident as its own words make it: in
    a conversation that is answered, it is in scope. What it continues stays the query for the next turn."""
    if alone.outcome == "answer" and alone.cards and alone.cards[0].id == card.id:
        return alone
    english = next((c.card for c in alone.candidates if c.card.id == card.id), None)
    if (item := asked_item(alone.query, card, english)) is not None:  # "still nothing after a month?"
        section = followup_section(card, item, None, side, pair, stage, CORE_WORDS - reserve, shown, words=words,
                                   lang=lang)
    else:
        section = build_section(card, alone.query, None, side, pair, stage, CORE_WORDS - reserve, shown,
                                words=words, lang=lang)
    earned = next((c.probability for c in alone.candidates if c.card.id == card.id), alone.confidence)
    return Plan(confidence=round(earned, 4), outcome="answer", sections=[section], candidates=alone.candidates,
                query=chosen.query)


def side_mate(plan: Plan, side: Perspective | None, answer_at: float, unasked: Callable[[Card], bool]) -> Card | None:
    """The card for the asker's side that the follow-up's own words ask about, when their best card is written for
    the other side only: 「要不要安排一次饭局来推动？」 from an American after 再说吧 ranks the card explaining
    dinner talk to a Chinese company first, and the card on banquets with a Chinese partner next, sure enough."""
    if not plan.own or fits_side(plan.own[0].card, side):
        return None
    return next((c.card for c in plan.own if fits_side(c.card, side) and not unasked(c.card)
                 and c.probability >= answer_at), None)


def blend(plan: Plan) -> list[Candidate]:
    """A continuation's cards ranked on the mean of the topic's ranking (the follow-up glued to what it continues)
    and the follow-up's own words' (as partrank.with_part_alone blends them), best first."""
    topic = {c.card.id: c.probability for c in plan.candidates}
    own = {c.card.id: c.probability for c in plan.own}
    pool = {c.card.id: c for c in [*plan.own, *plan.candidates]}
    return sorted((replace(c, probability=(topic.get(i, 0.0) + own.get(i, 0.0)) / 2) for i, c in pool.items()),
                  key=lambda c: -c.probability)


def own_or_blend(plan: Plan) -> list[Candidate]:
    """The blended ranking (blend) with each card at least as sure as the follow-up's own words make it: "Who am I
    supposed to be emailing?" names no topic of the earlier question, so a map of who decides that its own words
    rank is not held under the floor by the earlier question's words."""
    own = {c.card.id: c.probability for c in plan.own}
    return sorted((replace(c, probability=max(c.probability, own.get(c.card.id, 0.0))) for c in blend(plan)),
                  key=lambda c: -c.probability)
