"""Per-part candidate choice for a message that asks two or three things: which decoded expressions each part asks
about, each part's ranking blended with its ranking alone (without the message's situation), and the asker's frame
(pair and side) preferred among a part's candidates. Pure functions over ranked candidates; plan.py calls them."""

from __future__ import annotations

import re
from dataclasses import replace

from server.cjk import normalise
from server.coach.ask_marks import SENTENCE
from server.coach.bare_asks import POINTS_BACK, frame_only, stance_only
from server.coach.bare_asks import names_no_topic as names_no_topic  # plan.py imports it from here
from server.coach.compose import Section, telling_words
from server.coach.decode import Found
from server.coach.offtopic import asked_clause, off_topic_cue
from server.coach.rank import FEATURES, OFF_TOPIC_DOMINATES, Asker, Candidate, Ranker
from server.coach.their_words import points_at_their_words
from server.coach.understand import Understanding, refers_back
from server.models import Card, CardKind, Culture, Perspective

FRAME_SHARE = 0.5  # a card for the asker's pair and side wins over a better-scored card for another frame above this
PAIR_SHARE = 0.1  # ... and a card for the asker's pair alone, above this share of the best
HEADING_WORDS = 14
JOIN_SHARE = 0.75  # a how-to-respond ask takes an earlier ask's card unless its next card scores this share of it
OWN_WEIGHT = 0.55  # a part's ranking alone, blended with its ranking with the situation: its own words say the ask
_KEY = FEATURES.index("key_coverage")
SITUATION_WINS = 0.5  # the situation's card wins a part ranked with the situation at this probability
HOME_ALONE = 0.1  # ... and answers the part whose own words rank it at least this
OWN_CARD = 0.9  # a part whose own words rank another card this high is that card's (the situation's card goes on)
# What points at the partner's words rather than at the partner: "that", "it", what they mean, a yes or a no (CJK
# pointers, それ, 그거, 这, are all of this kind)
UNSAID_SHARE = 0.4  # a phrasebook card nobody said gives way to a card of the part's topic this close to it
RIVAL = 0.9  # ... or rank another card that, read with the situation too, scores this share of the situation's card
LEANS = 0.15  # a later part whose own words' card, read with the situation, scores under this leans on the situation
# A part that opens by saying it turns to another matter: "Also, …", "One more thing: …", 「あと、…」, 「それと、…」,
# 「별개로 …」, 「另外，…」: it names a topic of its own, whatever the situation's card scores
NEW_MATTER = re.compile(r"^(?:also|and also|one more thing|another thing|separately|unrelated(?:ly)?|on (?:a|another) "
                        r"(?:different|separate|related) (?:note|topic|matter)|by the way)\b|"
                        r"^(?:あと|それと|それから|別件で|別件ですが|ところで)[、,，]|"
                        r"^(?:또한|별개로|그 외에|그와 별개로)[,\s]|"
                        r"^(?:另外|此外|顺便问一下|順便問一下|另一个问题)[，,：:]?|^(?:还有|還有)[，,：:]", re.I)


def with_part_alone(candidates: list[Candidate], alone: list[Candidate], found: list[Found],
                    decoded_first: bool, situation: tuple[str, bool] | None = None,
                    weak_relative: bool = False) -> list[Candidate]:
    """A part's candidates for its section: its probability with the message's situation blended with its
    probability without it (`alone`), a part's own words weighted OWN_WEIGHT. The situation names the topic a
    part leaves out, but it is the same for every part, so the card it favours would win each of them; the part
    alone says which ask of that topic this part is.
    `situation`: the situation's own card (see situation_card) and whether this part is its home: there it counts
    as ranked with the situation, in the other parts only as ranked alone. `weak_relative` (a part of a message, not
    a follow-up glued to the question it continues): a ranking alone whose best card the part's own words name
    (a key word of it) but rate under HOME_ALONE counts relative to that best: the model reads the few words alone
    unsure of every card, and their order is the evidence."""
    ids = frozenset(f.card_id for f in found)
    by_part = {c.card.id: c for c in alone}
    alone_p = {i: c.probability for i, c in by_part.items()}
    if weak_relative and alone and 0.0 < alone[0].probability < HOME_ALONE and alone[0].features[_KEY] > 0.0:
        # "… without making them lose face?" alone: the face card first, at 0.04
        alone_p = {i: p / alone[0].probability for i, p in alone_p.items()}
    together = {c.card.id: c.probability for c in candidates}
    if situation is not None:
        card_id, home = situation
        if home and card_id in together:
            alone_p[card_id] = together[card_id]
        elif not home:
            together[card_id] = alone_p.get(card_id, 0.0)
    pool = by_part | {c.card.id: c for c in candidates}
    own = OWN_WEIGHT if weak_relative else 0.5  # a follow-up's own words and what it continues weigh alike
    out = sorted((replace(c, probability=(1 - own) * together.get(i, 0.0) + own * alone_p.get(i, 0.0))
                  for i, c in pool.items()), key=lambda c: -c.probability)
    if decoded_first:  # "Is this a no?" asks what the expression means
        out.sort(key=lambda c: c.card.id not in ids)
    return out


def situation_card(ranked: list[list[Candidate]], alone: list[list[Candidate]],
                   parts: list[str]) -> tuple[str, int | None] | None:
    """The card the message's situation favours rather than any one part: first for every part ranked with the
    situation, each with at least SITUATION_WINS (「美方要求在佐治亚州拍。①…补贴 ②…外汇 ③…后期」: the Georgia
    incentive tops all three), and the part it answers (its home; the other parts count it only as ranked alone).
    When the first part's own words name another card (alone, at least SITUATION_WINS) that holds with the situation
    too (at least SITUATION_WINS; 「①その費用は…」 read with the situation is the bond's cost, not budget overages), the
    home is the part whose own words rank the situation's card at least OWN_CARD (「MG 금액이 적정한지…, 마케팅비
    회수에는 상한을…」: the MG card, 0.72 alone, is the first's; the marketing-costs card the second's). Else the
    first part, the one the message leads with, unless that part's own words name another card (alone, at least
    OWN_CARD, or one the situation rates at RIVAL of its own card too: "…lead company of an Osaka committee. Should
    we bring our CEO, …?" is the delegation card's; the situation's card under HOME_ALONE) and it does not point
    back: then the part whose own words rank the situation's card best (at least HOME_ALONE), else the first part
    that points back at the situation (「①这对预算和补贴有什么影响」), else none: in 「서울에서 6개월 일하게 된
    미국 프로듀서입니다. 회식이랑 서열 문제, 각각…」 the situation says who asks, and its card answers neither ask."""
    tops = {r[0].card.id for r in ranked if r}
    wins = all(r and r[0].probability >= SITUATION_WINS for r in ranked)  # "which sushi restaurant…": not its card
    if len(ranked) < 2 or not wins or len(tops) != 1:
        return None
    card = tops.pop()
    if stance_only(parts[0]):  # "Should I worry, and what clause protects us?": whether to worry has no words of its
        later = next((n for n in range(1, len(parts)) if not names_no_topic(parts[n])), None)  # own to rank it by
        if later is not None:  # (any card of the situation answers it): the card is the ask's that names a topic
            return card, later
    own = [next((c.probability for c in a if c.card.id == card), 0.0) for a in alone]
    first = alone[0][0] if alone and alone[0] else None
    also = next((c.probability for c in ranked[0] if first is not None and c.card.id == first.card.id), 0.0)
    holds = first is not None and first.card.id != card and first.probability >= SITUATION_WINS \
        and also >= SITUATION_WINS
    named = next((n for n, p in enumerate(own) if p >= OWN_CARD and not names_no_topic(parts[n])), None)
    if holds and named is not None:  # 「…对方说挂名联合出品就行。这样能拿到合拍片待遇吗？怎么判断对方靠不靠谱？」
        return card, named  # the approval card holds with the situation too; the vetting card is the second part's
    # the first part's own card holds with the situation, named by its words or nearly the situation's own choice:
    # "…want to sell the remake rights to a studio we're suing. Can we block it?" is the blocking card's
    claimed = holds and first is not None and (
        first.probability >= OWN_CARD or also >= RIVAL * ranked[0][0].probability)
    if first is None or first.card.id == card or own[0] >= HOME_ALONE or not claimed and (
            first.probability < OWN_CARD or POINTS_BACK.search(parts[0])):  # 「①その費用はどちらが負担するのか」:
        return card, 0  # the situation's cost (budget overages, its own words' card, fades with the situation)
    others = range(1 if claimed else 0, len(own))
    best = max(others, key=lambda n: own[n])
    if own[best] >= HOME_ALONE:
        return card, best
    return card, next((n for n in others if POINTS_BACK.search(parts[n])), None)


def leaning_parts(shared: tuple[str, int | None] | None, ranked: list[list[Candidate]],
                  chosen: list[list[Candidate]], parts: list[str] | None = None) -> set[int]:
    """The later parts that the situation's card (see situation_card) answers besides its home: their own words
    name no topic that holds in the situation, as the card they would get besides the situation's (`chosen`: each
    part's candidates, the situation's card counted only at home) scores under LEANS read with the situation. "…
    US partner wants DocuSign, our legal team insists on the seal. Who is right, and how do we close this week?":
    "close this week" alone is the holidays card (0.81; 0.49 blended), but 0.11 read with the seal dispute, whose
    card scores 0.96 there; 「…审计团队下个月要来查账… 我们要提前准备什么？」 alone finds a card on American notes
    (0.12), which the situation drops. A part that opens by turning to another matter (NEW_MATTER: 「あと、メールの
    返信をいつも急かされる…」 beside a cloud-link request) never leans. A part that names a topic of its own keeps its
    card read with the situation
    ("…, and who pays for the extra days?": the schedule-slip cost card beside the union rules' card). A card that
    the part read with the situation does not even retrieve fades too ("How do we close the deal before the
    festival?" beside a framework agreement: the holidays card); but a new question is not its own neighbour, so a
    part naming its topic in few words can fade as well (「钱到了以后美元结汇有没有什么限制？」 beside a late
    instalment: the currency-controls card, 0.83 alone, under 0.15 read with the situation; opened with 另外 it does
    not lean)."""
    if shared is None or (home := shared[1]) is None:
        return set()
    card = shared[0]
    return {n for n in range(home + 1, len(ranked)) if not (parts and NEW_MATTER.match(parts[n].strip()))
            and (own := next((c.card.id for c in chosen[n] if c.card.id != card), None)) is not None
            and next((c.probability for c in ranked[n] if c.card.id == own), 0.0) < LEANS}


def unsaid_phrases_last(candidates: list[Candidate], message: str, decoded: frozenset[str]) -> list[Candidate]:
    """A part's candidates with the phrasebook cards whose expression nobody wrote put after every card of another
    kind, or one the decoder found, that scores at least UNSAID_SHARE of the best: "Also, who actually decides
    there?" beside a quoted 「검토해 보겠습니다」 is no ask about 「윗선에 보고드리고」, whose card its words 'who
    decides' find. A card whose expression the message writes ("they keep asking for a ballpark") keeps its place."""
    said = normalise(message)

    def unsaid(c: Candidate) -> bool:
        return c.card.kind is CardKind.PHRASEBOOK and c.card.id not in decoded and not any(
            normalise(form) in said for phrase in c.card.phrases for form in (phrase.expression, *phrase.variants)
            if len(form) >= 2)
    if not candidates or not unsaid(candidates[0]):
        return candidates
    first = [c for c in candidates if not unsaid(c) and c.probability >= UNSAID_SHARE * candidates[0].probability]
    return [*first, *[c for c in candidates if not any(c is f for f in first)]]


def claim_order(parts: list[str]) -> list[int]:
    """The order in which the parts claim their cards: a stance ask that opens the message ("Should I worry, and
    what clause protects us?") last, as the situation's other cards answer it too (the currency-exposure card),
    while the clause card is the only one that answers what clause protects."""
    return sorted(range(len(parts)), key=lambda n: n == 0 and len(parts) > 1 and stance_only(parts[0]))


def joins_earlier_ask(eligible: list[Candidate], used: set[str]) -> bool:
    """A later ask that only asks how to respond or negotiate joins the section of an earlier ask when its best card
    is that section's and the next card is under JOIN_SHARE of it: 「…要等到他们先收回宣发费用之后再算，这正常吗？
    我们应该怎么谈？」 ranks the marketing-costs card at 0.99, the next at 0.2, a card of another topic; "Should I
    worry? And can we push back on that?" ranks the schedule-slip card at 0.97 of the first, a card of its own."""
    if not eligible or eligible[0].card.id not in used:
        return False
    after = next((c for c in eligible if c.card.id not in used), None)
    return after is None or after.probability < JOIN_SHARE * eligible[0].probability


def fits_pair(card: Card, pair: Culture | None) -> bool:
    """The card is for the asker's pair, or for every pair (or the pair is unknown)."""
    return pair in (None, Culture.ANY) or Culture.ANY in card.cultures or pair in card.cultures


def in_frame_first(candidates: list[Candidate], asker: Asker) -> tuple[list[Candidate], list[Candidate]]:
    """Prefer the asker's pair (or `any`) and side (or `both`): a card that fits both and that the model rates at
    least FRAME_SHARE of the best comes first, then one that fits the pair at PAIR_SHARE, then the rest."""
    def pair_fits(c: Candidate) -> bool:
        return fits_pair(c.card, asker.pair)

    def side_fits(c: Candidate) -> bool:
        return asker.side in (None, Perspective.BOTH) or c.card.perspective in (asker.side, Perspective.BOTH)

    best = candidates[0].probability if candidates else 0.0
    first = [c for c in candidates if pair_fits(c) and side_fits(c) and c.probability >= FRAME_SHARE * best]
    first += [c for c in candidates if pair_fits(c) and c.probability >= PAIR_SHARE * best
              and not any(c is f for f in first)]
    return _own_side_first(first, asker.side), [c for c in candidates if not any(c is f for f in first)]


def _own_side_first(first: list[Candidate], side: Perspective | None) -> list[Candidate]:
    """A card written for the asker's side before its both-sided counterpart in the frame (the Korean distributor
    asking gets `minimum-guarantee-vs-backend-asia-side` before `minimum-guarantee-vs-backend`)."""
    if side not in (Perspective.US_SIDE, Perspective.ASIA_SIDE):
        return first
    out = list(first)
    for own in [c for c in first if c.card.perspective is side]:
        stem = next((c for c in out if own.card.id == f"{c.card.id}-{side.value}"  # not `minimum-guarantee`
                     and c.card.perspective is Perspective.BOTH), None)
        if stem is not None and out.index(stem) < out.index(own):
            out.remove(own)
            out.insert(out.index(stem), own)
    return out


def about_partner(u: Understanding, decoded: list[Found]) -> list[list[Found]]:
    """Per part, the decoded expressions it asks about: those written in the part itself ("is 'just checking in'
    a nudge?"); the others, left out of the parts as "…", belong to the first part that refers to the partner's
    words ("Is this a no?") and to any part that shares a word with the sentence they stand in ("Is the 14th
    locked?" and "for now we have tentatively secured the studio on the 14th")."""
    pasted = "\n".join(map(normalise, u.partner_text))  # the decoder's text, with its line breaks kept
    parts = [normalise(p) for p in u.parts]
    referring = next((n for n, p in enumerate(u.parts) if "…" in p or refers_back(p)), 0)
    out: list[list[Found]] = [[] for _ in u.parts]
    for found in decoded:
        written = [n for n, part in enumerate(parts) if normalise(found.form) in part]
        words = telling_words(_sentence_at(pasted, found.start, found.end))
        for n in written or [n for n, part in enumerate(u.parts) if n == referring or telling_words(part) & words]:
            out[n].append(found)
    return out


def asks_about_their_words(part: str, found: list[Found]) -> bool:
    """The part asks what decoded expressions mean: they belong to it, and it points at the partner's words (their
    pasted text left out as "…", or "is this a no?", "what do they mean?"). A part that points only at the partner
    ("Can we audit them?", "How do I get a real commitment out of them?") asks what to do about them: its own words
    say which card."""
    return bool(found) and ("…" in part or points_at_their_words(part))


def _sentence_at(text: str, start: int, end: int) -> str:
    """The sentence of `text` around the span start..end."""
    begin = max((text.rfind(c, 0, start) for c in ".!?。！？\n"), default=-1) + 1
    ends = [i for i in (text.find(c, end) for c in ".!?。！？\n") if i >= 0]
    return text[begin:min(ends) if ends else len(text)]


def part_heading(part: str) -> str:
    """The part's own words as its heading, capitalised ("how do we answer?" follows "and"), cut after
    HEADING_WORDS words; a bare ask that borrowed the sentence before it ("Our US partner wants the English version to
    control. Should we agree") keeps the ask whole after that sentence's first HEADING_WORDS words."""
    *said, ask = [s for s in SENTENCE.split(part) if s.strip()] or [part]
    lead, words = " ".join(said).split(), part.split()
    if said and len(words) > HEADING_WORDS and len(ask.split()) <= HEADING_WORDS // 2:
        heading = " ".join(lead[:HEADING_WORDS]) + (" … " if len(lead) > HEADING_WORDS else " ") + ask
    else:
        heading = part if len(words) <= HEADING_WORDS else " ".join(words[:HEADING_WORDS]) + " …"
    return heading[:1].upper() + heading[1:]


def join_shared_asks(sections: list[Section], parts: list[str], chosen: list[list[Candidate]], asker: Asker,
                     skip: set[int], answer_at: float) -> None:
    """Two asks whose best card is one ("How serious is this?" and "How do we answer?", both the lawyer's-letter
    card): the later part, left with no section because that card already answers an earlier part, is answered by
    that section, whose heading names both asks. A later part with a weak section of its own keeps it (its card,
    under the answer cut-off, is often still the right one: "What does 'zenrei ga nai' mean?"). `skip`: parts not
    answered (off-topic); a part whose best card is under `answer_at` is no ask of that card ("…, and which sushi
    restaurant in Ginza should we take them to?" beside the budget card)."""
    for n, part in enumerate(parts):
        head = part_heading(part)
        if n in skip or not chosen[n] or any(s.heading and s.heading.startswith(head.rstrip("?？。. "))
                                             for s in sections):
            continue
        best = (in_frame_first(chosen[n], asker)[0] or chosen[n])[0]
        if best.probability < answer_at:
            continue
        host = next((s for s in sections if s.card.id == best.card.id), None)
        if host is not None and host.heading is not None:
            asks, dash, title = host.heading.partition(" — ")
            host.heading = f"{asks.rstrip()} / {head}{dash}{title}"


def with_ask_before(parts: list[str], n: int) -> str:
    """A later part that only asks how to respond or negotiate (「这正常吗？我们应该怎么谈？」) is about what the ask
    before it names, which the situation may not (the topic is in that ask's own sentence): read with it, unless that
    ask names no topic either ("Should I worry? And can we push back on that?")."""
    return f"{parts[n - 1]} {parts[n]}" if n and frame_only(parts[n]) and not names_no_topic(parts[n - 1]) \
        else parts[n]


_POSSESSIVE = re.compile(r"\b(?:their|its|there)\b|そこ|その店|거기|그곳|那里|那家|他们的", re.I)


def off_topic_parts(parts: list[str], alone: list[list[Candidate]], about: list[list[Found]],
                    ranker: Ranker) -> set[int]:
    """The parts of a message that asks two or three things that are off-topic on their own: they ask for what
    the coach does not do (coach/offtopic.py's cue) and, ranked without the message's situation, the scope model
    declines them ("Which shops near Kyoto Station sell wagashi?" beside "we're visiting our co-producer"); the
    scope model alone is no judge of a short part (「나이에 따른 서열 문제」 alone reads as off-topic). A part that
    refers back ("what are their hours?") is off-topic when the part it follows is, or by its own cue; one that
    asks about the partner's words never is."""
    off: set[int] = set()
    for n, (part, ranked, found) in enumerate(zip(parts, alone, about, strict=True)):
        if found:
            continue
        if (refers_back(part) or _POSSESSIVE.search(part)) and n - 1 in off:  # "…, what are their hours?"
            off.add(n)
        elif off_topic_cue(asked_clause(part)) >= OFF_TOPIC_DOMINATES and (  # "which sushi place … take them to?"
                not ranked or ranker.in_scope(ranked[0]) < ranker.in_scope_at):
            off.add(n)
    return off
