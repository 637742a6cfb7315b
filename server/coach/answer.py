"""The answer engine every front end calls: scope, culture pair, follow-ups, decoding, grounded composition."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import jinja2

from server.cjk import CJK_CHAR, HAN, HANGUL, KANA
from server.coach.compose import compose_answer, compose_clarify, compose_decline
from server.coach.decode import Decoder, Found
from server.coach.scope import ScopeModel
from server.coach.writer import Writer, WriterError, clean_citations
from server.models import Answer, Ask, Card, Culture, Decoded, Hit, Perspective, Query, Source, Turn
from server.search.retrieval import Retriever
from server.store.conversations import ConversationStore

log = logging.getLogger("coach.answer")
FALLBACK_NOTE = ("> The language-model writer did not return a usable answer, so this is the grounded answer "
                 "composed directly from the cards.\n\n")

EXAMPLES = [
    "My Japanese partner said 「前向きに検討します」. Is that a no?",
    "Who should have final cut in a Japan-US co-production?",
    "The yen moved 15% during our 18-month schedule. Who absorbs it?",
]
MERGE_GAP = 0.04  # cosine gap under which the second card is combined with the first
PERSPECTIVE_BONUS = 0.002
VAGUE_GAP = 0.08
FOLLOWUP_WORDS = 6
_FOLLOWUP_CUE = re.compile(
    r"^(and|but|also|then|so|ok|okay|what if|what about|how about|and if|what else|in writing|"
    r"they|he|she|it|that|this|those|still|again|same|why|how)\b", re.IGNORECASE)
_PAIR_WORDS = {
    Culture.KR_US: re.compile(r"\b(korea|korean|koreans|seoul|busan|kofic|chaebol|nunchi)\b", re.I),
    Culture.CN_US: re.compile(r"\b(china|chinese|beijing|shanghai|cfcc|guanxi|mianzi)\b", re.I),
    Culture.JP_US: re.compile(r"\b(japan|japanese|tokyo|osaka|nemawashi|ringi|seisaku|iinkai)\b", re.I),
}


def detect_pair(text: str) -> Culture | None:
    """The culture pair the question names explicitly ("our Korean partner"), if exactly one."""
    found = {pair for pair, pattern in _PAIR_WORDS.items() if pattern.search(text)}
    found |= {Culture.KR_US} if HANGUL.search(text) else set()
    found |= {Culture.JP_US} if KANA.search(text) else set()
    if not found and HAN.search(text):
        found = {Culture.CN_US}  # Han script without kana or hangul reads as Chinese
    return found.pop() if len(found) == 1 else None


def word_count(text: str) -> int:
    """Words, counting CJK script (written without spaces) as one word per two characters."""
    cjk = len(CJK_CHAR.findall(text))
    return len(re.findall(r"[^\W_]+", CJK_CHAR.sub(" ", text))) + (cjk + 1) // 2


def is_followup(message: str, history: list[Turn]) -> bool:
    """Short or back-referring messages continue the last answered question."""
    if not any(t.role == "user" and t.in_scope for t in history):
        return False
    words = word_count(message)
    return words <= FOLLOWUP_WORDS or (words <= 14 and bool(_FOLLOWUP_CUE.match(message.strip())))


@dataclass
class Draft:
    """Everything decided about one turn before it is written out (grounded, or by the LLM writer)."""

    ask: Ask
    conversation_id: str
    query: str
    hits: list[Hit]
    cards: list[Card]
    decoded: list[Found]
    confidence: float
    outcome: str  # "answer", "clarify" or "decline"
    markdown: str
    suggestions: list[str]


class Answerer:
    """The only thing front ends call."""

    def __init__(self, retriever: Retriever, store: ConversationStore, prompts: jinja2.Environment,
                 scope_threshold: float = 0.5, clarify_threshold: float = 0.6, writer: Writer | None = None,
                 writer_timeout: float = 30.0, on_outcome: Callable[[Draft], None] | None = None) -> None:
        self.retriever = retriever
        self.on_outcome = on_outcome  # metrics and the request log learn each turn's outcome here
        self.writer = writer
        self.writer_timeout = writer_timeout
        self.store = store
        self.prompts = prompts
        self.scope_threshold = scope_threshold
        self.clarify_threshold = clarify_threshold
        self.decoder = Decoder(list(retriever.index.cards.values()))
        self.scope = ScopeModel(retriever.embedder)

    def confidence(self, text: str, hits: list[Hit]) -> float:
        if not hits:
            return 0.0
        return self.scope.confidence(text, hits[0], self.retriever.query_vector(text))

    def answer(self, ask: Ask) -> Answer:
        """The whole answer at once (the last item of `stream`)."""
        final = None
        for item in self.stream(ask):
            final = item
        assert isinstance(final, Answer)
        return final

    def stream(self, ask: Ask) -> Iterator[str | Answer]:
        """Yield Markdown pieces as they are written, then the final Answer, whose Markdown is authoritative
        (citations cleaned, or the grounded fallback if the LLM writer failed)."""
        draft = self.draft(ask)
        if self.writer is None or draft.outcome != "answer":
            yield draft.markdown
            yield self.finish(draft, draft.markdown)
            return
        context = self._cited(draft.cards, draft.decoded)
        messages = self.writer.messages(context, ask.message, draft.decoded,
                                        ask.culture.value if ask.culture else None,
                                        ask.perspective.value if ask.perspective else None)
        pieces: list[str] = []
        deadline = time.monotonic() + self.writer_timeout
        try:
            for piece in self.writer.stream(messages):
                pieces.append(piece)
                yield piece
                if time.monotonic() > deadline:
                    raise WriterError(f"the reply took longer than {self.writer_timeout:.0f} s")
            text, cited = clean_citations("".join(pieces), {c.id for c in context})
            if not cited:
                raise WriterError("the reply was empty or cited no retrieved card")
        except WriterError as e:
            log.warning("falling back to the grounded answer: %s", e)
            yield self.finish(draft, FALLBACK_NOTE + draft.markdown)
            return
        yield self.finish(draft, text, used=[c for c in context if c.id in cited])

    def draft(self, ask: Ask) -> Draft:
        """Resolve the conversation, the question and the cards; compose the grounded reply."""
        conversation_id = self._conversation(ask)
        history = self.store.turns(conversation_id, last=6)
        query = ask.message
        if is_followup(ask.message, history):
            previous = next(t for t in reversed(history) if t.role == "user" and t.in_scope)
            query = f"{previous.resolved_query or previous.content} {ask.message}"
        pair = detect_pair(ask.message) or (ask.culture if ask.culture is not Culture.ANY else None)
        decoded = self.decoder.find(ask.message)
        hits = self._search(query, pair, ask.perspective)
        score = max(self.confidence(query, hits), 0.95 if decoded else 0.0)
        cards = self._cards_to_use(query, hits, decoded)
        if decoded or (score >= self.clarify_threshold and not self._too_vague(ask.message, query, hits)):
            outcome = "answer"
            markdown = compose_answer(self.prompts, cards, decoded, self._cited(cards, decoded))
            suggestions = self._suggestions(cards)
        elif score >= self.scope_threshold:
            outcome = "clarify"
            suggestions = [self._option(self.retriever.index.cards[h.card_id]) for h in hits[:3]]
            markdown = compose_clarify(self.prompts, suggestions)
        else:
            outcome = "decline"
            suggestions = list(EXAMPLES)
            markdown = compose_decline(self.prompts, suggestions)
        return Draft(ask, conversation_id, query, hits, cards, decoded, score, outcome, markdown, suggestions)

    def finish(self, draft: Draft, markdown: str, used: list[Card] | None = None) -> Answer:
        """Store the turn and build the Answer (markdown may come from the LLM writer)."""
        if used is None:
            used = self._cited(draft.cards, draft.decoded) if draft.outcome == "answer" else []
        hits_by_id = {h.card_id: h for h in draft.hits}
        sources = [Source(id=c.id, title=c.title, topics=c.topics, cultures=[x.value for x in c.cultures],
                          score=round(hits_by_id[c.id].score if c.id in hits_by_id else 0.0, 4)) for c in used]
        decoded = [Decoded(expression=f.form, meaning=f.phrase.signal, card_id=f.card_id) for f in draft.decoded]
        now = datetime.now(UTC).isoformat()
        in_scope = draft.outcome != "decline"
        self.store.append(draft.conversation_id, Turn(role="user", content=draft.ask.message, created_at=now,
                                                      resolved_query=draft.query, in_scope=in_scope,
                                                      confidence=draft.confidence))
        self.store.append(draft.conversation_id, Turn(role="coach", content=markdown, created_at=now,
                                                      in_scope=in_scope, confidence=draft.confidence,
                                                      card_ids=[c.id for c in used]))
        if self.on_outcome is not None:
            self.on_outcome(draft)
        return Answer(conversation_id=draft.conversation_id, in_scope=in_scope, confidence=draft.confidence,
                      answer_markdown=markdown, sources=sources, suggestions=draft.suggestions, decoded=decoded)

    def _conversation(self, ask: Ask) -> str:
        culture = ask.culture.value if ask.culture else None
        perspective = ask.perspective.value if ask.perspective else None
        if ask.conversation_id and self.store.exists(ask.conversation_id):
            return ask.conversation_id
        return self.store.create(culture, perspective)  # an unknown id starts a new conversation with a new id

    def _search(self, text: str, pair: Culture | None, perspective: Perspective | None) -> list[Hit]:
        """Prefer the pair's cards (and 'any'); fall back to every card when the pair has nothing close."""
        hits = self.retriever.search(Query(text=text, cultures=[pair] if pair else []), k=8)
        if pair and self.confidence(text, hits) < self.scope_threshold:
            hits = self.retriever.search(Query(text=text), k=8)
        if perspective:
            def boosted(h: Hit) -> float:
                return h.score + (PERSPECTIVE_BONUS if h.perspective in (perspective.value, "both") else 0.0)
            hits = sorted(hits, key=boosted, reverse=True)
        return hits

    def _cards_to_use(self, text: str, hits: list[Hit], decoded: list[Found]) -> list[Card]:
        cards = self.retriever.index.cards
        if decoded and self.confidence(text, hits) < self.clarify_threshold:
            return [cards[decoded[0].card_id]]  # a pasted message: the phrasebook card explains it
        chosen = [cards[hits[0].card_id]] if hits else []
        if len(hits) > 1 and hits[0].dense_score - hits[1].dense_score <= MERGE_GAP \
                and set(hits[0].topics) & set(hits[1].topics) \
                and self.scope.confidence(text, hits[1], self.retriever.query_vector(text)) >= self.clarify_threshold:
            chosen.append(cards[hits[1].card_id])
        return chosen

    def _cited(self, cards: list[Card], decoded: list[Found]) -> list[Card]:
        """The cards an answer draws on: the retrieved ones, then the phrasebook cards of decoded expressions."""
        by_id = self.retriever.index.cards
        return list({c.id: c for c in [*cards, *(by_id[f.card_id] for f in decoded)]}.values())

    @staticmethod
    def _too_vague(message: str, query: str, hits: list[Hit]) -> bool:
        """One or two words on their own ("partner", "budget issue") fit several cards equally well."""
        return query == message and word_count(message) <= 2 and len(hits) > 1 \
            and hits[0].dense_score - hits[1].dense_score < VAGUE_GAP

    def _suggestions(self, used: list[Card]) -> list[str]:
        cards = self.retriever.index.cards
        ids = [r for c in used for r in c.related if r in cards and r not in {u.id for u in used}]
        return [self._option(cards[i]) for i in dict.fromkeys(ids)][:3]

    @staticmethod
    def _option(card: Card) -> str:
        """A card as something the user can send: its first question-like trigger, else its title."""
        return next((t for t in card.triggers if len(t.split()) >= 4), card.title)
