"""The answer engine every front end calls: scope, culture pair, follow-ups, decoding, grounded composition."""

from __future__ import annotations

import logging
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

import jinja2

from server.cjk import in_context, language_of, simplified
from server.coach.choice import for_the_ask, last_wording, new_card_plan, settle
from server.coach.compose import (
    MAX_REQUESTS,
    SOURCES_LINE,
    compose_answer,
    compose_clarify,
    compose_decline,
    load_labels,
    reply_lines,
)
from server.coach.decode import Decoder, Found
from server.coach.followup import (
    asked_again,
    asks_for_wording,
    brings_people,
    continued,
    glossed,
    is_thanks,
    named_part,
    readings,
    switched_pair,
)
from server.coach.plan import Plan, Planner, fits_pair
from server.coach.rank import Asker, Ranker
from server.coach.scope import ScopeModel
from server.coach.understand import Understanding, is_question, partner_requests, quote_spans, understand, word_count
from server.coach.writer import Writer, WriterError, clean_citations
from server.models import Answer, Ask, Card, Culture, Decoded, Language, Source, Turn
from server.search.retrieval import Retriever
from server.store.conversations import ConversationStore

log = logging.getLogger("coach.answer")
FALLBACK_NOTE = ("> The language-model writer did not return a usable answer, so this is the grounded answer "
                 "composed directly from the cards.\n\n")

EXAMPLES = {
    "en": ["My Japanese partner said 「前向きに検討します」. Is that a no?",
           "Who should have final cut in a Japan-US co-production?",
           "The yen moved 15% during our 18-month schedule. Who absorbs it?"],
    "ja": ["アメリカ側のプロデューサーが初回の会議で結論を求めてきます。どう対応すればいいですか？",
           "日米共同製作で最終編集権は誰が持つべきですか？",
           "制作期間中に円安が進みました。差額は誰が負担しますか？"],
    "ko": ["미국 파트너가 첫 회의에서 바로 결정을 요구합니다. 어떻게 대응해야 하나요?",
           "한미 공동제작에서 최종 편집권은 누가 가져야 하나요?",
           "미국 측이 계약서에 없는 추가 작업을 요구하면 어떻게 하나요?"],
    "zh": ["美方希望在第一次会议上就做决定，我们该怎么回应？",
           "中美合拍片的最终剪辑权应该归谁？",
           "美方要求先收回全部宣发费用，这合理吗？"],
}
FIRST_TURN_CACHE = 512  # first questions whose draft is kept (least recently asked dropped first)
BARE_PHRASE_SHARE = 0.5  # an unquoted message is the partner's own phrase when expressions fill this share of it
REPLY_RESERVE = 35  # core words kept per reply to a pasted e-mail's request
MAX_DECODED = 4  # expressions explained per message: the first ones in the partner's text
# a short message opening with thanks or "I see" is the asker's reply to the coach ("Thanks, sounds good!",
# 「なるほど、考えておきます」, 「谢谢，我们研究研究」), not the partner's phrase pasted on its own
THANKS_TO_THE_COACH = re.compile(r"^\W*(thanks|thank you|thx|got it|great,? thanks|ok(ay)?,? thanks|"
                                 r"ありがとう|なるほど|了解です|고마워|감사합니다|감사해요|"
                                 r"알겠어요, 감사|谢谢|多谢|明白了|懂了)", re.I)


@dataclass
class Draft:
    """Everything decided about one turn before it is written out (grounded, or by the LLM writer)."""

    ask: Ask
    conversation_id: str
    understanding: Understanding
    plan: Plan
    decoded: list[Found]
    markdown: str
    suggestions: list[str]
    lang: Language = Language.EN  # the answer's language
    replies: list[tuple[str, str]] = field(default_factory=list)  # (a pasted e-mail's request, a line answering it)

    @property
    def outcome(self) -> str:
        return self.plan.outcome

    @property
    def confidence(self) -> float:
        return self.plan.confidence

    @property
    def cards(self) -> list[Card]:
        return self.plan.cards

    @property
    def query(self) -> str:
        return self.plan.query


WARM_UP = {Language.EN: "Our partner said they will consider it. Is that a no?",
           Language.JA: "アメリカ側が予算の内訳を求めてきました。どうすればいいですか？",
           Language.KO: "미국 측이 예산 내역을 요청했습니다. 어떻게 해야 하나요?",
           Language.ZH: "美方要求我们提供详细预算，怎么办？"}


class Answerer:
    """The only thing front ends call."""

    def __init__(self, retriever: Retriever, store: ConversationStore, prompts: jinja2.Environment,
                 writer: Writer | None = None, writer_timeout: float = 30.0,
                 on_outcome: Callable[[Draft], None] | None = None, cache_dir: Path | None = None,
                 ranker: Ranker | None = None) -> None:
        self.retriever = retriever
        self.on_outcome = on_outcome  # metrics and the request log learn each turn's outcome here
        self.writer = writer
        self.writer_timeout = writer_timeout
        self.store = store
        self.prompts = prompts
        self.decoder = Decoder(list(retriever.index.cards.values()))
        self.scope = ScopeModel(retriever.embedder)
        self.planner = Planner(retriever, self.scope, cache_dir, ranker or Ranker.load())
        self.labels = load_labels(prompts)
        self._first_turns: OrderedDict[tuple[object, ...], Draft] = OrderedDict()  # see `draft`
        self._lock = threading.Lock()

    def warm(self, languages: Iterable[Language] = tuple(Language)) -> None:
        """Plan one answer in each language, stored nowhere, so that what a first answer loads mid-request (the
        cards' item vectors and the glossary; the Japanese, Korean and Chinese analysers, seconds each) is loaded
        before a user waits behind it."""
        for lang in languages:
            self._draft(Ask(message=WARM_UP[lang]), "warm-up", [])

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
        context = self._cited(draft.cards, draft.decoded, draft.lang)
        u = draft.understanding
        messages = self.writer.messages(context, ask.message, draft.decoded, u.pair.value if u.pair else None,
                                        u.side.value if u.side else None, draft.lang.value, u.stage, u.parts,
                                        {s.card.id: s for s in draft.plan.sections}, draft.replies)
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
        """Understand the message in its conversation, plan the answer, and compose the grounded reply."""
        conversation_id = self._conversation(ask)
        history = self.store.turns(conversation_id, last=8)
        if history:
            return self._draft(ask, conversation_id, history)
        # A first question depends only on itself and the settings: the same one asked again (the example
        # questions, a team asking alike) is planned and composed once per index build.
        key = (" ".join(ask.message.split()), ask.culture, ask.perspective, ask.lang,
               self.retriever.index.manifest.build_id)
        with self._lock:
            cached = self._first_turns.get(key)
            if cached is not None:
                self._first_turns.move_to_end(key)
                return replace(cached, ask=ask, conversation_id=conversation_id)
        draft = self._draft(ask, conversation_id, history)
        with self._lock:
            self._first_turns[key] = draft
            while len(self._first_turns) > FIRST_TURN_CACHE:
                self._first_turns.popitem(last=False)
        return draft

    def _draft(self, original: Ask, conversation_id: str, history: list[Turn]) -> Draft:
        ask = original.model_copy(update={"message": simplified(original.message)})  # traditional Chinese: simplified
        history = [t.model_copy(update={"content": simplified(t.content)}) if t.role == "user" else t for t in history]
        default_pair: Culture | None = ask.culture if ask.culture is not Culture.ANY else None
        default_side, held, kept = ask.perspective, None, False  # the pair (kept: a side) the turns have established
        for turn in history:  # the pair and side the conversation has established so far
            if turn.role == "user" and turn.in_scope:
                before = understand(turn.content, default_pair, default_side, held, kept)
                default_pair, default_side, held, kept = before.pair, before.side, before.pair, before.side is not None
        previous = next((t for t in reversed(history) if t.role == "user" and t.in_scope), None)
        again = asked_again(previous, ask.message, default_pair) if previous else None  # "and in Korea?"
        switched = switched_pair(ask.message, default_pair) if again else None  # ... the pair it asks about now
        u = understand(again or ask.message, switched or default_pair, default_side, held, kept)
        u = replace(u, pair=switched) if switched else u
        follows = continued(previous, u, self.planner.glossary.expand) if previous and not again else None
        u = replace(u, parts=[glossed(p) for p in u.parts]) if follows else u
        found = self.decode(ask.message, u)
        said = [t.content for t in history] + [ask.message]  # the answer's language: as asked, else the asker's own
        lang = ask.lang or Language("en" if found and not u.partner_text else in_context(u.asker_language, said))
        decoded = [self._localised_phrase(f, lang) for f in found]
        coach_turns = [t for t in history if t.role == "coach"]
        shown = [line for t in coach_turns for line in _lines(t.content)]
        shown_cards = {cid for t in coach_turns for cid in t.card_ids}
        requests = partner_requests(u.partner_text)
        reserve = REPLY_RESERVE * min(len(requests), MAX_REQUESTS)  # core words kept for the replies
        wording = last_wording(coach_turns, self.retriever.index.cards, lambda c: self.planner.localised(c, lang),
                               " ".join(u.parts), u.side, u.pair, u.stage, shown, self.labels[lang.value], lang,
                               previous.resolved_query or previous.content) \
            if previous and asks_for_wording(ask.message) else None
        plans = [wording] if wording is not None else []
        named = named_part(ask.message) if previous and coach_turns else None
        if named is not None and -len(coach_turns[-1].card_ids) <= named < len(coach_turns[-1].card_ids):
            shown_cards -= {coach_turns[-1].card_ids[named]}  # "going back to the first point": that card again
        thanks = is_thanks(ask.message)  # "thanks!": a welcome, not coaching or a decline
        for reading in [] if thanks or plans else readings(ask.message, history, follows):  # alone, continuing
            # Ranking a continuation reads the partner's words decoded in what it continues ("kentou shimasu",
            # then "should I wait or push?") as its own, as when asked at once; they are not explained again.
            earlier = self.decode(cont, understand(cont, u.pair, u.side)) if (cont := reading.continues) else []
            asker = Asker(u.pair, u.side, frozenset(f.card_id for f in [*decoded, *earlier]), Language(u.language))
            plans.append(self.planner.plan(u, asker, decoded, cont, shown, shown_cards, self.labels[lang.value],
                                           lang, reserve=reserve,
                                           in_scope_known=reading.in_scope_known))
        people = previous is not None and brings_people(ask.message, previous.content)  # "our CEO too?"

        def rebuild(card: Card, chosen: Plan, alone: Plan) -> Plan:  # the turn answered from `card` instead
            return new_card_plan(self.planner.localised(card, lang), chosen, alone, u.side, u.pair, u.stage, shown,
                                 self.labels[lang.value], lang, reserve)

        plan = settle(plans, ask.message, shown_cards, u.pair, people, switched, self.planner.ranker.answer_at,
                      rebuild, u.side, self.retriever.index.cards, coach_turns[-1].card_ids if coach_turns else [])
        plan = for_the_ask(plan, u, found, self.planner, rebuild, self.labels[lang.value])  # "said 「…」. Who pays?"
        asked = {_norm(t.content) for t in history if t.role == "user"} | {_norm(ask.message)}
        asked |= {_norm(s) for t in coach_turns for s in t.suggestions}  # offered with each earlier answer
        replies: list[tuple[str, str]] = []
        if plan.outcome == "answer":
            replies = reply_lines(requests, plan.cards[0] if plan.cards else None, u.side, self.labels[lang.value],
                                  lang)  # a pasted e-mail's "can you … by Friday?"
            markdown = compose_answer(self.prompts, plan.sections, decoded, self._cited(plan.cards, decoded, lang),
                                      self.labels[lang.value], replies)
            suggestions = self._suggestions(plan.cards, shown_cards, asked, lang, u.pair)
        elif plan.outcome == "clarify":
            options = [self.planner.localised(c.card, lang) for c in plan.candidates[:3]]
            suggestions = [o for o in map(_option, options) if _norm(o) not in asked]
            markdown = compose_clarify(self.prompts, suggestions, options[0] if options else None, lang.value)
        else:
            suggestions = [e for e in EXAMPLES[lang.value] if _norm(e) not in asked]
            markdown = compose_decline(self.prompts, suggestions, lang.value, thanks)
        return Draft(original, conversation_id, u, plan, decoded, markdown, suggestions, lang, replies)

    def decode(self, message: str, u: Understanding) -> list[Found]:
        """Decode the partner's words only; a short phrase alone counts as theirs, unless it quotes the asker's."""
        if u.partner_text:  # an Asian partner's English is also read for renderings of their own expressions
            return self.decoder.partners(message, u.partner_text, u.asian_partner)[:MAX_DECODED]
        if len(u.parts) == 1 and not is_question(message) and word_count(message) <= 12 \
                and not THANKS_TO_THE_COACH.match(message) and not quote_spans(message):
            found = self.decoder.find(message)
            # only when the expressions are most of the message: 「請示領導之前，我想…」 is the asker's own plan
            if sum(len(f.form) for f in found) >= BARE_PHRASE_SHARE * len("".join(message.split())):
                return found[:MAX_DECODED]
        return []

    def finish(self, draft: Draft, markdown: str, used: list[Card] | None = None) -> Answer:
        """Store the turn and build the Answer (markdown may come from the LLM writer)."""
        if used is None:
            used = self._cited(draft.cards, draft.decoded, draft.lang) if draft.outcome == "answer" else []
        scores = {c.card.id: c.probability for c in draft.plan.candidates}
        sources = [Source(id=c.id, title=c.title, topics=c.topics, cultures=[x.value for x in c.cultures],
                          score=round(scores.get(c.id, 0.0), 4)) for c in used]
        decoded = [Decoded(expression=f.form, meaning=f.phrase.signal, card_id=f.card_id) for f in draft.decoded]
        now, in_scope = datetime.now(UTC).isoformat(), draft.outcome != "decline"
        self.store.append_turns(draft.conversation_id, [  # one transaction: the question and its answer
            Turn(role="user", content=draft.ask.message, created_at=now, resolved_query=draft.query,
                 in_scope=in_scope, confidence=draft.confidence),
            Turn(role="coach", content=markdown, created_at=now, in_scope=in_scope, confidence=draft.confidence,
                 card_ids=[c.id for c in used], suggestions=draft.suggestions)])
        if self.on_outcome is not None:
            self.on_outcome(draft)
        return Answer(conversation_id=draft.conversation_id, in_scope=in_scope, confidence=draft.confidence,
                      answer_markdown=markdown, sources=sources, suggestions=draft.suggestions, decoded=decoded,
                      lang=draft.lang)

    def _conversation(self, ask: Ask) -> str:
        if ask.conversation_id and self.store.exists(ask.conversation_id):
            return ask.conversation_id
        return self.store.create(ask.culture.value if ask.culture else None,  # an unknown id: a new conversation
                                 ask.perspective.value if ask.perspective else None)

    def _cited(self, cards: list[Card], decoded: list[Found], lang: Language) -> list[Card]:
        """The cards an answer draws on (in the answer's language where translated): the chosen ones, then the
        phrasebook cards of decoded expressions."""
        by_id = self.retriever.index.cards
        chosen = [*cards, *(by_id[f.card_id] for f in decoded)]
        return list({c.id: self.planner.localised(c, lang) for c in chosen}.values())

    def _localised_phrase(self, found: Found, lang: Language) -> Found:
        """A decoded expression explained in the answer's language, where its card is translated."""
        card = self.planner.localised(self.retriever.index.cards[found.card_id], lang)
        phrase = next((p for p in card.phrases if p.expression == found.phrase.expression), found.phrase)
        return replace(found, phrase=phrase)

    def _suggestions(self, used: list[Card], shown_cards: set[str], asked: set[str], lang: Language,
                     pair: Culture | None) -> list[str]:
        """Related cards of the asker's pair not yet shown in this conversation, never a question already asked
        or offered."""
        cards = self.retriever.index.cards
        skip = shown_cards | {u.id for u in used}
        ids = [r for c in used for r in c.related if r in cards and r not in skip and fits_pair(cards[r], pair)]
        options = [_option(self.planner.localised(cards[i], lang)) for i in dict.fromkeys(ids)]
        return [o for o in options if _norm(o) not in asked][:3]


def _option(card: Card) -> str:
    """A card as something the user can send: its first question-like trigger in the card's language (an English
    card also lists triggers in the partner's script), else its title."""
    return next((t for t in card.triggers if word_count(t) >= 4 and language_of(t) == card.lang.value), card.title)


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _lines(markdown: str) -> list[str]:
    """An earlier answer's sentences, so the next answer can leave out what was already said."""
    out = []
    for line in markdown.splitlines():
        line = re.sub(r"^(\d+\.|-|>|\*\*[^*]{1,20}\*\*)\s*", "", line.strip())  # the short-answer label, a draft
        if line and not line.startswith("#") and not SOURCES_LINE.match(line):
            out.append(line)
    return out
