"""Decide what one turn answers: rank cards for each sub-question, pick one card per distinct ask, and for a
follow-up answer what it newly asks instead of repeating the last answer."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from server.cjk import language_of, normalise
from server.coach.ask_kind import CardAsks, ask_kinds, topic_words
from server.coach.bare_asks import frame_only
from server.coach.compose import Labels, Section, answer_items, build_section, followup_section
from server.coach.decode import Found
from server.coach.followup import dangling
from server.coach.glossary import Glossary, own_words
from server.coach.itemrank import ItemVectors, answering_item, english_weight, item_scores
from server.coach.neighbours import Neighbours
from server.coach.offtopic import asked_clause
from server.coach.partrank import (
    about_partner,
    asks_about_their_words,
    claim_order,
    in_frame_first,
    join_shared_asks,
    joins_earlier_ask,
    leaning_parts,
    names_no_topic,
    off_topic_parts,
    part_heading,
    situation_card,
    unsaid_phrases_last,
    with_ask_before,
    with_part_alone,
)
from server.coach.partrank import (
    fits_pair as fits_pair,  # answer.py imports it from here
)
from server.coach.rank import (
    Asker,
    Candidate,
    CardVectors,
    KeyWords,
    NativeWords,
    Ranker,
    candidate_features,
    card_tokens,
    coverage,
    question_features,
    relative_features,
)
from server.coach.scope import ScopeModel
from server.coach.understand import Understanding, word_count
from server.coach.who_pays import asks_who_pays, cost_cards, covering_cards, money_first, pays_for_the_topic
from server.models import Card, Language, Perspective, Query
from server.search.lexical import tokenize, tokenize_in
from server.search.retrieval import Retriever

CANDIDATES = 25  # cards retrieved per (sub-)question for the ranker (15 before; with the trees trained on follow-up
# turns too, train follow-ups 0.856 -> 0.861, cross-validated hit@3 0.925 -> 0.927; without those rows 25 cost them)
CROSS = 10  # a part's reading with the situation and its reading alone each rank the other's first CROSS cards
CORE_WORDS = 230  # a one-part answer's core stays under about 250 words
PART_WORDS = 150  # per part when a message asks two or three things
VAGUE_GAP = 0.3  # a one- or two-word message whose best two cards are this close gets a clarifying choice
# (a one-part message only: 「회식」 as one listed topic of several is no vague message)


@dataclass
class Plan:
    """The cards chosen for one turn, the sections to write, and how sure the ranker is."""

    confidence: float  # that the first card is one a senior producer would put first (a decline: and in scope)
    outcome: str  # "answer", "clarify" or "decline"
    sections: list[Section] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)  # the first part's ranking, best first
    query: str = ""
    earned: float | None = None  # a continuation: its card's probability with the follow-up's own words counted
    own: list[Candidate] = field(default_factory=list)  # a continuation: the follow-up ranked on its own words
    pools: list[list[str]] = field(default_factory=list)  # per part of a multi-part message, the cards it chose among

    @property
    def cards(self) -> list[Card]:
        return list({s.card.id: s.card for s in self.sections}.values())


class Planner:
    """Ranks candidates with the learned model and turns the best into sections."""

    def __init__(self, retriever: Retriever, scope: ScopeModel, cache_dir: Path | None, ranker: Ranker) -> None:
        self.retriever = retriever
        self.scope = scope
        self.ranker = ranker
        self.cache_dir = cache_dir
        self.glossary = Glossary.load()
        cards = retriever.index.cards
        self.vectors = CardVectors(cards, retriever.embedder, cache_dir)
        self.tokens = {cid: card_tokens(card) for cid, card in cards.items()}
        self.native = NativeWords(retriever.index.languages)
        self.keywords = KeyWords(cards, retriever.index.languages)
        self.asks = CardAsks(cards, retriever.index.languages)
        self.items = ItemVectors(retriever, cache_dir)  # the cards' items, embedded once per worker
        self.neighbours = Neighbours.load(retriever.embedder, cache_dir)

    def rank(self, text: str, asker: Asker, extra: frozenset[str] = frozenset()) -> list[Candidate]:
        """Candidates for one question, most likely to be the right card first, with calibrated probabilities.
        `extra`: cards ranked even when retrieval does not bring them (the decoded phrases of a pasted e-mail that
        this part asks about: the part reads 'Is this a no?' with the e-mail left out), after the retrieved ones;
        the closest labelled question's cards are ranked too."""
        query = Query(text=text, lang=asker.lang)
        hits = self.retriever.search(query, k=CANDIDATES)
        if not hits:
            return []
        vector = self.retriever.query_vector(text)
        asked_native = set(tokenize_in(text, asker.lang.value)) if asker.lang is not Language.EN else set()
        near = self.neighbours.vote(vector, asked_native, asker.lang)
        extra = extra | near.nearest  # ranked even when retrieval misses them: hit@3 0.932 -> 0.937 (CV)
        missing = extra - {h.card_id for h in hits}
        if missing:
            hits += [h for h in self.retriever.search(query, k=len(self.retriever.index.cards)) if h.card_id in missing]
        shared = {**question_features(text, self.scope.confidence(text, hits[0], vector)),
                  "off_topic_neighbour": near.off_topic}
        asked, kinds, topic = set(tokenize(text)), ask_kinds(text), topic_words(text)
        topic_en = set(tokenize(topic))
        topic_native = set(tokenize_in(topic, asker.lang.value)) if asker.lang is not Language.EN else set()
        top_lexical = max(h.lexical_score for h in hits)
        similarities = [self.vectors.similarities(vector, h.card_id) for h in hits]
        best = (max(s[0] for s in similarities), max(h.dense_score for h in hits))
        out = []
        for rank, (hit, similar) in enumerate(zip(hits, similarities, strict=True)):
            card = self.retriever.index.cards[hit.card_id]
            covered = max(coverage(asked, self.tokens[card.id]),
                          self.native.coverage(asked_native, card.id, asker.lang))
            key = max(self.keywords.coverage(asked, card.id, Language.EN),
                      self.keywords.coverage(asked_native, card.id, asker.lang))
            on_topic = max(self.keywords.coverage(topic_en, card.id, Language.EN),
                           self.keywords.coverage(topic_native, card.id, asker.lang))
            features = candidate_features(hit, rank, hits[0].score, top_lexical, card, asker, similar, covered,
                                          shared, best, self.native.trigger(asked_native, card.id, asker.lang), key,
                                          near.scores.get(card.id, (0.0, 0.0)), self.asks.fit(kinds, card.id),
                                          on_topic)
            out.append(Candidate(card, hit, features))
        matrix = relative_features(np.vstack([c.features for c in out]))
        for candidate, row, probability in zip(out, matrix, self.ranker.probabilities(matrix), strict=True):
            candidate.features = row
            candidate.probability = float(probability)
        return sorted(out, key=lambda c: -c.probability)

    def retrieved(self, text: str, asker: Asker, k: int = CROSS) -> frozenset[str]:
        """The first `k` cards retrieval brings for the text (before ranking)."""
        return frozenset(h.card_id for h in self.retriever.search(Query(text=text, lang=asker.lang), k=k))

    def crossing(self, together: str, alone: str | None, asker: Asker) -> tuple[frozenset[str], frozenset[str]]:
        """For a part of a message read with the situation (`together`) and by itself (`alone`; None: it is not):
        the cards the first reading also ranks (the second's first CROSS retrieved) and those the second also ranks.
        Read alone, 'Is this a no?' retrieves no card of the 'zenrei ga nai' its situation quotes; read with the
        situation, 'あと、メールの返信をいつも急かされる…' beside a cloud-link request misses the e-mail cards."""
        if alone is None:
            return frozenset(), frozenset()
        return self.retrieved(alone, asker, CROSS), self.retrieved(together, asker, CROSS)

    def localised(self, card: Card, lang: Language) -> Card:
        """The card in the answer's language where a translation exists, else the English card."""
        language = self.retriever.index.languages.get(lang)
        return language.cards.get(card.id, card) if language is not None else card

    def plan(self, u: Understanding, asker: Asker, decoded: list[Found], previous_query: str | None,
             shown: list[str], shown_cards: set[str], words: Labels, lang: Language = Language.EN,
             reserve: int = 0, in_scope_known: bool = False) -> Plan:
        """Rank every part; answer, offer the closest guidance with choices, or decline. `reserve`: words of the
        core kept for what follows the sections (replies to a pasted e-mail's requests). Sections are written
        from the cards in `lang` (the answer's language) where translated. `in_scope_known`: a follow-up of an
        answered question with no off-topic cue of its own is not declined (at worst, a clarifying choice)."""
        queries = [self.glossary.expand(u.query(with_ask_before(u.parts, n))) for n in range(len(u.parts))]
        if previous_query:  # "and in writing?", "what if they still don't answer?" need what they refer to
            queries[0] = f"{previous_query} {u.parts[0]}"  # "and in writing?" needs what it refers to
        about = about_partner(u, decoded)
        for n, found in enumerate(about):  # the part reads 'Is this a no?': the expressions it asks about are the ask
            missing = [f.form for f in found if normalise(f.form) not in normalise(u.parts[n])]
            if missing and len(u.parts) > 1:
                queries[n] = " ".join([*dict.fromkeys(missing), queries[n]])
        by_itself = [None if previous_query is not None or u.query(part, situation=False) == u.query(part)
                     or names_no_topic(part) else self.glossary.expand(u.query(part, situation=False))
                     for part in u.parts]
        own_query = self.glossary.expand(u.query(u.parts[0])) if previous_query is not None else None
        own_ranked: list[Candidate] = []
        # every text this plan ranks, encoded in one batch (the model runs once, not once per text)
        clauses = [self.glossary.expand(asked_clause(part)) for part in u.parts]  # what _section's items read
        self.retriever.query_vectors([t for t in [*queries, *by_itself, own_query, *clauses] if t is not None])
        costs = cost_cards(shown_cards, self.retriever.index.cards) if previous_query is not None \
            and asks_who_pays(u.parts[0]) else frozenset()  # "who pays for that?": ranked even if retrieval misses them
        # a follow-up ("Is that normal in Korea?") ranks the cards shown even when the words it is glued to miss them
        # (the 알겠습니다 card came with its decoded phrase, which the glued words do not carry)
        kept = costs | frozenset(shown_cards) if previous_query is not None else costs
        # a part read with the situation and read alone: each ranks the other reading's first retrieved cards too,
        # so a card one reading misses is scored by it rather than counted 0 in the blend (with_part_alone)
        crossed = [self.crossing(q, t, asker) for q, t in zip(queries, by_itself, strict=True)]
        # the topic (the follow-up glued to what it continues) is read in the language of what it continues: 「그럼
        # 이건 누가 비용을 내요?」 after an English turn ranks on the English cards, not on their Korean translations
        glued = replace(asker, lang=Language(language_of(own_words(previous_query)))) if previous_query else asker
        ranked = [self.rank(q, glued if n == 0 else asker, frozenset(f.card_id for f in found)
                            | (kept if n == 0 else frozenset()) | crossed[n][0])
                  for n, (q, found) in enumerate(zip(queries, about, strict=True))]
        for part, found, candidates in zip(u.parts, about, ranked, strict=True):
            if asks_about_their_words(part, found):  # "Is this a no?" asks what the expression means
                decoded_ids = {f.card_id for f in found}
                candidates.sort(key=lambda c: c.card.id not in decoded_ids)  # stable: otherwise as ranked
        alone = [(ranked[n] if previous_query is None and len(u.parts) > 1 and names_no_topic(part) else None)
                 if text is None else self.rank(text, asker, frozenset(f.card_id for f in found) | crossed[n][1])
                 for n, (part, text, found) in enumerate(zip(u.parts, by_itself, about, strict=True))]
        shared = None if None in alone else situation_card(ranked, [a or [] for a in alone], u.parts)

        def blended(n: int, homes: set[int]) -> list[Candidate]:
            return ranked[n] if (by_part := alone[n]) is None else with_part_alone(
                ranked[n], by_part, about[n], asks_about_their_words(u.parts[n], about[n]),
                None if shared is None else (shared[0], n in homes), weak_relative=True)
        homes = {shared[1]} if shared is not None and shared[1] is not None else set()
        chosen = [blended(n, homes) for n in range(len(u.parts))]
        # its card answers them too: "how do we close this week?"
        leaning = leaning_parts(shared, ranked, chosen, u.parts)
        chosen = [blended(n, homes | leaning) if n in leaning else c for n, c in enumerate(chosen)]
        if previous_query is None and (len(u.parts) > 1 or decoded):  # a phrasebook card nobody's words hold
            said = frozenset(f.card_id for f in decoded)  # answers no part, nor a message the decoder read
            message = " ".join([u.context, *u.parts, *u.partner_text])
            chosen = [c if asks_about_their_words(part, found) else unsaid_phrases_last(c, message, said)
                      for part, found, c in zip(u.parts, about, chosen, strict=True)]
        if own_query is not None:  # glued to what it continues, the earlier question's words dominate; the
            # follow-up's own words say what it newly asks ("and how do I put it in writing?"): ranked alone too
            own = u.parts[0]
            by_own = own_ranked = self.rank(own_query, asker, frozenset(f.card_id for f in about[0]))
            chosen[0] = with_part_alone(ranked[0], by_own, about[0], asks_about_their_words(own, about[0]))
            if asks_who_pays(own):  # "who pays?": the topic's cost card, not one carried by "pays" alone
                index = self.retriever.index.cards
                chosen[0] = money_first(chosen[0], ranked[0], self.ranker.answer_at, pays_for_the_topic(own), costs,
                                        covering_cards(shown_cards, index, u.side))
        tops = [r[0].probability if r else 0.0 for r in ranked]
        in_scope = max([self.ranker.in_scope(r[0]) for r in ranked if r]
                       + [self.ranker.decoded_in_scope(u.parts) if decoded else 0.0])
        off = set() if previous_query is not None or len(u.parts) == 1 else off_topic_parts(
            u.parts, [r if a is None else a for a, r in zip(alone, ranked, strict=True)], about, self.ranker)
        if len(off) == len(u.parts) and not decoded:
            in_scope = 0.0  # every ask is off-topic on its own: the situation alone does not make it the coach's
        plan = Plan(confidence=round(max([*tops, 0.95 if decoded else 0.0]), 4), outcome="decline",
                    candidates=ranked[0], query=queries[0], own=own_ranked,
                    pools=[[c.card.id for c in pool] for pool in chosen] if len(u.parts) > 1 else [])
        if previous_query is None and not decoded and not u.partner_text and dangling(u.parts[0]):
            plan.outcome = "clarify"  # in scope or not cannot be told without what it follows
            return plan
        if in_scope < self.ranker.in_scope_at and not in_scope_known:  # declined: as sure as a card and the scope
            plan.confidence = round(plan.confidence * in_scope, 4)  # model together (0.10 -> 0.03 ECE, train folds)
            return plan
        vague = previous_query is None and len(u.parts) == 1 and word_count(u.parts[0]) <= 2 and len(ranked[0]) > 1 \
            and (ranked[0][0].probability - ranked[0][1].probability < VAGUE_GAP or self._broad(u.parts[0], asker))
        if (plan.confidence < self.ranker.answer_at and not decoded) or vague:
            plan.outcome = "clarify"
            return plan
        plan.outcome = "answer"
        budget = (CORE_WORDS if len(u.parts) == 1 else PART_WORDS) - reserve // len(u.parts)
        used: set[str] = set()
        sections: dict[int, Section] = {}
        for n in claim_order(u.parts) if previous_query is None else range(len(u.parts)):
            part, query, candidates = u.parts[n], queries[n], chosen[n]
            if n in off:
                continue  # "…, and what are its opening hours?": not answered through the card of its neighbour
            first, rest = in_frame_first(candidates, asker)
            eligible = first + [c for c in rest if c.probability >= self.ranker.answer_at] or candidates[:1]
            if n and names_no_topic(part):  # "How do we answer?" after "How serious is this?": the same card's, not
                eligible = [c for c in eligible if c.probability >= self.ranker.answer_at]  # a weak one of its own
            if not eligible or n and (frame_only(part) or n in leaning) and joins_earlier_ask(eligible, used):
                continue  # 「这正常吗？我们应该怎么谈？」: how to negotiate it is the earlier ask's card (joined below)
            section = self._section(eligible, query, part, u, budget, (shown, shown_cards, used),
                                    heading=len(u.parts) > 1, words=words, lang=lang,
                                    followup=previous_query is not None)
            if section is not None:
                if section.heading and names_no_topic(part):  # "Is that normal?" alone says not what "that" is
                    section.heading = f"{section.heading.rstrip('?？。. ')} — {section.card.title}"
                if len(u.parts) > 1 and previous_query is None and next(
                        (c.probability for c in eligible if c.card.id == section.card.id), 1.0) < self.ranker.answer_at:
                    section.notes.insert(0, words["closest_part"])  # a weak best card is the closest, said so
                used.add(section.card.id)
                sections[n] = section
        plan.sections = [sections[n] for n in sorted(sections)]
        join_shared_asks(plan.sections, u.parts, chosen, asker, off, self.ranker.answer_at)  # two asks, one card
        if not plan.sections and decoded:
            card = self.localised(self.retriever.index.cards[decoded[0].card_id], lang)
            plan.sections.append(build_section(card, queries[0], None, u.side, u.pair, u.stage, budget, shown,
                                               words=words, lang=lang))
        if not plan.sections:
            plan.outcome = "clarify"
        elif previous_query is not None:  # a follow-up is as sure as its card ranks with its own words counted
            plan.earned = round(next((c.probability for c in chosen[0] if c.card.id == plan.sections[0].card.id),
                                         plan.confidence), 4)
        return plan

    def _broad(self, text: str, asker: Asker) -> bool:
        native = asker.lang is not Language.EN and self.keywords.broad(
            set(tokenize_in(text, asker.lang.value)), asker.lang)
        return native or self.keywords.broad(set(tokenize(text)), Language.EN)

    def _section(self, candidates: list[Candidate], query: str, part: str, u: Understanding, budget: int,
                 seen: tuple[list[str], set[str], set[str]], heading: bool, words: Labels, lang: Language,
                 followup: bool = False) -> Section | None:
        """The best card not already used for another part; in a follow-up, the best card that still has
        something new to say (its unused steps), else the next card. `seen`: the lines and cards shown earlier
        in the conversation, and the cards used for other parts of this message."""
        shown, shown_cards, used = seen
        title = part_heading(part) if heading else None
        for candidate in candidates[:4]:  # "what if they still don't answer?": a shown card's step for that first
            if candidate.card.id not in shown_cards and candidate.probability >= self.ranker.answer_at:
                break  # ... unless a new card answers better: the follow-up asks something new
            if candidate.card.id in shown_cards and candidate.card.id not in used:
                card = self.localised(candidate.card, lang)
                before = query.removesuffix(part) if followup else ""  # what the follow-up is glued to
                item = self._answering_item(candidate.card, card, part, u.side, before)
                if item is not None:
                    return followup_section(card, item, title, u.side, u.pair, u.stage, budget, shown,
                                            words=words, lang=lang)
        fallback = None
        asks = list(dict.fromkeys([query, self.glossary.expand(asked_clause(part))]))  # "…, Is that a no?"
        weight = english_weight(part, self.glossary.expand(part))
        for candidate in candidates[:4]:
            if candidate.card.id in used:
                continue
            if followup and candidate.card.id not in shown_cards and candidate.probability < self.ranker.answer_at:
                continue  # a weak new card is no answer to a follow-up
            card = self.localised(candidate.card, lang)
            english, local = answer_items(candidate.card, None), answer_items(card, None)
            scores = None if not english or len(english) != len(local) else item_scores(
                english, local, self.items(english), self.retriever.query_vectors(asks), weight, query,
                card.lang.value, u.pair)
            section = build_section(card, query, title, u.side, u.pair, u.stage, budget, shown, words=words,
                                    lang=lang, scores=scores)
            if candidate.card.id not in shown_cards or len(section.steps) >= 2:
                return section
            fallback = fallback or section
        return fallback

    def _answering_item(self, card: Card, localised: Card, followup: str, side: Perspective | None,
                        before: str = "") -> str | None:
        """The item of a card already shown that answers a follow-up, in the answer's language (itemrank); `before`:
        what it continues, whose words the follow-up's own words are read without."""
        english, shown_in = answer_items(card, side), answer_items(localised, side)
        if not english or len(english) != len(shown_in):
            return None
        glossed, lang = self.glossary.expand(followup), localised.lang.value
        return answering_item(english, shown_in, self.items(english), self.retriever.query_vector(glossed),
                              english_weight(followup, glossed), followup, lang, self.items.rarity(lang), before)
