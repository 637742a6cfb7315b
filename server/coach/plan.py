"""Decide what one turn answers: rank cards for each sub-question, pick one card per distinct ask, and for a
follow-up answer what it newly asks instead of repeating the last answer."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from server.coach.compose import Labels, Section, build_section
from server.coach.decode import Found
from server.coach.glossary import Glossary
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
from server.models import Card, Culture, Language, Perspective, Query
from server.search.lexical import tokenize, tokenize_in
from server.search.retrieval import Retriever

CANDIDATES = 15  # cards retrieved per (sub-)question for the ranker to order
CORE_WORDS = 230  # a one-part answer's core stays under about 250 words
PART_WORDS = 150  # per part when a message asks two or three things
VAGUE_GAP = 0.3  # a one- or two-word message whose best two cards are this close gets a clarifying choice
FRAME_SHARE = 0.5  # a card for the asker's pair and side wins over a better-scored card for another frame above this
PAIR_SHARE = 0.1  # ... and a card for the asker's pair alone, above this share of the best
HEADING_WORDS = 14
FOLLOWUP_GLUE = 8  # a follow-up shorter than this is retrieved together with the question it continues


@dataclass
class Plan:
    """The cards chosen for one turn, the sections to write, and how sure the ranker is."""

    confidence: float
    outcome: str  # "answer", "clarify" or "decline"
    sections: list[Section] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)  # the first part's ranking, best first
    query: str = ""

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

    def rank(self, text: str, asker: Asker) -> list[Candidate]:
        """Candidates for one question, most likely to be the right card first, with calibrated probabilities."""
        hits = self.retriever.search(Query(text=text, lang=asker.lang), k=CANDIDATES)
        if not hits:
            return []
        vector = self.retriever.query_vector(text)
        shared = question_features(text, self.scope.confidence(text, hits[0], vector))
        asked = set(tokenize(text))
        asked_native = set(tokenize_in(text, asker.lang.value)) if asker.lang is not Language.EN else set()
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
            features = candidate_features(hit, rank, hits[0].score, top_lexical, card, asker, similar, covered,
                                          shared, best, self.native.trigger(asked_native, card.id, asker.lang), key)
            out.append(Candidate(card, hit, features))
        for candidate, row in zip(out, relative_features(np.vstack([c.features for c in out])), strict=True):
            candidate.features = row
            candidate.probability = self.ranker.probability(row)
        return sorted(out, key=lambda c: -c.probability)

    def localised(self, card: Card, lang: Language) -> Card:
        """The card in the answer's language where a translation exists, else the English card."""
        language = self.retriever.index.languages.get(lang)
        return language.cards.get(card.id, card) if language is not None else card

    def plan(self, u: Understanding, asker: Asker, decoded: list[Found], previous_query: str | None,
             shown: list[str], shown_cards: set[str], words: Labels, lang: Language = Language.EN) -> Plan:
        """Rank every part; answer, offer the closest guidance with choices, or decline. Sections are written
        from the cards in `lang` (the answer's language) where translated."""
        queries = [self.glossary.expand(u.query(p)) for p in u.parts]
        if previous_query and word_count(u.parts[0]) < FOLLOWUP_GLUE:
            queries[0] = f"{previous_query} {u.parts[0]}"  # "and in writing?" needs what it refers to
        ranked = [self.rank(q, asker) for q in queries]
        tops = [r[0].probability if r else 0.0 for r in ranked]
        in_scope = max([self.ranker.in_scope(r[0]) for r in ranked if r] + [1.0 if decoded else 0.0])
        plan = Plan(confidence=round(max([*tops, 0.95 if decoded else 0.0]), 4), outcome="decline",
                    candidates=ranked[0], query=queries[0])
        if in_scope < self.ranker.in_scope_at:
            return plan
        vague = previous_query is None and word_count(u.parts[0]) <= 2 and len(ranked[0]) > 1 \
            and ranked[0][0].probability - ranked[0][1].probability < VAGUE_GAP
        if (plan.confidence < self.ranker.answer_at and not decoded) or vague:
            plan.outcome = "clarify"
            return plan
        plan.outcome = "answer"
        budget = CORE_WORDS if len(u.parts) == 1 else PART_WORDS
        used: set[str] = set()
        for part, query, candidates in zip(u.parts, queries, ranked, strict=True):
            first, rest = _in_frame_first(candidates, asker)
            eligible = first + [c for c in rest if c.probability >= self.ranker.answer_at] or candidates[:1]
            if not eligible:
                continue
            section = self._section(eligible, query, part, u, budget, (shown, shown_cards, used),
                                    heading=len(u.parts) > 1, words=words, lang=lang)
            if section is not None:
                used.add(section.card.id)
                plan.sections.append(section)
        if not plan.sections and decoded:
            card = self.localised(self.retriever.index.cards[decoded[0].card_id], lang)
            plan.sections.append(build_section(card, queries[0], None, u.side, u.pair, u.stage, budget, shown,
                                               words=words, lang=lang))
        if not plan.sections:
            plan.outcome = "clarify"
        return plan

    def _section(self, candidates: list[Candidate], query: str, part: str, u: Understanding, budget: int,
                 seen: tuple[list[str], set[str], set[str]], heading: bool, words: Labels, lang: Language
                 ) -> Section | None:
        """The best card not already used for another part; in a follow-up, the best card that still has
        something new to say (its unused steps), else the next card. `seen`: the lines and cards shown earlier
        in the conversation, and the cards used for other parts of this message."""
        shown, shown_cards, used = seen
        title = _heading(part) if heading else None
        fallback = None
        for candidate in candidates[:4]:
            if candidate.card.id in used:
                continue
            section = build_section(self.localised(candidate.card, lang), query, title, u.side, u.pair, u.stage,
                                    budget, shown, words=words, lang=lang)
            if candidate.card.id not in shown_cards or len(section.steps) >= 2:
                return section
            fallback = fallback or section
        return fallback


def fits_pair(card: Card, pair: Culture | None) -> bool:
    """The card is for the asker's pair, or for every pair (or the pair is unknown)."""
    return pair in (None, Culture.ANY) or Culture.ANY in card.cultures or pair in card.cultures


def _in_frame_first(candidates: list[Candidate], asker: Asker) -> tuple[list[Candidate], list[Candidate]]:
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
    return first, [c for c in candidates if not any(c is f for f in first)]


def _heading(part: str) -> str:
    words = part.split()
    return part if len(words) <= HEADING_WORDS else " ".join(words[:HEADING_WORDS]) + " …"
