"""What users feel, measured on the labelled answer set: the right card first, in the asker's frame, every
sub-question answered, out-of-scope declined, follow-ups that move on, the decoder explaining only the partner's
words, short answers, and whether the confidence means what it says (reliability table and ECE)."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from typing import Any

from server.cjk import language_of
from server.coach.answer import Answerer
from server.coach.compose import SOURCES_LINE, answer_items
from server.coach.labelled import AnswerSet, Question
from server.coach.understand import understand, word_count
from server.errors import CoachError
from server.models import Ask, Card, Culture, Language, Perspective

BINS = 10
ITEM_PREFIX = 30  # an item counts as shown when its first characters are in the answer (markup and spacing aside)


@dataclass
class Report:
    """Every figure the answers issue asserts, with the counts behind it."""

    figures: dict[str, float] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    reliability: list[dict[str, float]] = field(default_factory=list)
    misses: list[dict[str, Any]] = field(default_factory=list)


def core(markdown: str) -> str:
    """The answer up to its sources line."""
    found = SOURCES_LINE.search(markdown)
    return markdown[: found.start()] if found else markdown


def first_paragraph(markdown: str) -> str:
    for block in re.split(r"\n\s*\n", core(markdown)):
        if block.strip() and not block.lstrip().startswith("#"):
            return block.strip()
    return ""


def _share(hits: int, total: int) -> float:
    return round(hits / total, 4) if total else 0.0


def evaluate_answers(answerer: Answerer, data: AnswerSet) -> Report:
    report = Report()
    cards = answerer.retriever.index.cards
    top1 = top3 = framed = frame_known = answered = parts_ok = parts_total = 0
    pooled = pooled_total = 0  # labelled parts of messages split as labelled; those with a labelled card in the pool
    calibration: list[tuple[float, bool]] = []
    lengths: list[int] = []
    short_first = 0
    by_language: dict[str, list[tuple[bool, bool]]] = {}  # per question language: (hit@3, answered in it)
    shown: list[tuple[bool, bool]] = []  # per question labelled with items: (all shown, their card cited)
    for q in data.questions:
        with answerer.planner.neighbours.leaving_out(q.id):  # measured without itself as a neighbour
            draft = answerer.draft(Ask(message=q.question))
        ranked = [c.card.id for c in draft.plan.candidates]
        cited = [c.id for c in draft.cards]
        first = cited[0] if cited else None
        good = first in q.cards
        top1 += good
        top3 += bool(set(ranked[:3]) & set(q.cards))
        by_language.setdefault(q.lang, []).append(
            (bool(set(ranked[:3]) & set(q.cards)), language_of(core(draft.markdown)) == q.lang))
        answered += draft.outcome != "decline"
        calibration.append((draft.confidence, good))
        if not good:
            report.misses.append({"id": q.id, "question": q.question[:120], "want": q.cards, "got": first,
                                  "outcome": draft.outcome, "confidence": draft.confidence})
        if q.pair and q.side and first:
            frame_known += 1
            framed += _in_frame(cards[first].cultures, cards[first].perspective, q)
        sources = set(cited) | {f.card_id for f in draft.decoded}  # what the answer cites, decoded phrases too
        if q.parts and len(draft.plan.pools) == len(q.parts):  # the part's labelled card among its candidates
            pooled_total += len(q.parts)
            pooled += sum(bool(set(p.cards) & set(pool)) for p, pool in zip(q.parts, draft.plan.pools, strict=True))
        for part in q.parts:
            parts_total += 1
            parts_ok += bool(set(part.cards) & sources)
            if not set(part.cards) & sources:
                report.misses.append({"id": q.id, "part": part.text[:120], "want": part.cards, "got": sorted(sources)})
        if q.items:
            wanted_items = labelled_items(q, cards)
            shown.append((all(item_shown(answerer, card, n, core(draft.markdown)) for card, n in wanted_items),
                          {card.id for card, _ in wanted_items} <= set(cited)))
            if not shown[-1][0]:
                report.misses.append({"id": q.id, "items": q.items, "got": cited, "outcome": draft.outcome})
        if draft.outcome == "answer":
            lengths.append(word_count(core(draft.markdown)))
            short_first += word_count(first_paragraph(draft.markdown)) <= 60
    declined = 0
    for q in data.out_of_scope:
        draft = answerer.draft(Ask(message=q.question))
        declined += draft.outcome == "decline"
        calibration.append((draft.confidence, False))
    talks = _conversations(answerer, data, report.misses)
    false_decodes = sum(bool(answerer.decode(q.question, understand(q.question))) for q in data.plain)
    found = wanted = 0
    for item in data.pasted:
        expressions = {f.phrase.expression for f in answerer.decode(item["message"], understand(item["message"]))}
        wanted += len(item["must"])
        found += sum(m["expression"] in expressions for m in item["must"])
        if missed := [m["expression"] for m in item["must"] if m["expression"] not in expressions]:
            report.misses.append({"id": item["id"], "not decoded": missed, "decoded": sorted(expressions)})
    n = len(data.questions)
    report.figures = {
        "hit@1": _share(top1, n), "hit@3": _share(top3, n), "frame": _share(framed, frame_known),
        "sub-questions": _share(parts_ok, parts_total), "part cards among candidates": _share(pooled, pooled_total),
        "in-scope answered": _share(answered, n),
        "out-of-scope declined": _share(declined, len(data.out_of_scope)),
        "follow-ups answered right": _share(talks.followups_right, talks.followups),
        "repeated answers": talks.repeated_answers, "repeated suggestions": talks.repeated_suggestions,
        "decodes of the asker's words": false_decodes, "decoder recall": _share(found, wanted),
        "core words p50": statistics.median(lengths) if lengths else 0.0,
        "first paragraph <= 60 words": _share(short_first, len(lengths)),
        "key item shown": _share(sum(ok for ok, _ in shown), len(shown)),
        "key item shown, card right": _share(sum(ok for ok, right in shown if right), sum(r for _, r in shown)),
    }
    for lang, results in sorted(by_language.items()):
        report.figures[f"hit@3 {lang}"] = _share(sum(h for h, _ in results), len(results))
        report.figures[f"answered in {lang}"] = _share(sum(a for _, a in results), len(results))
        report.counts[f"questions {lang}"] = len(results)
    report.reliability, report.figures["ECE"] = reliability(calibration)
    report.counts |= {"questions": n, "frame known": frame_known, "sub-questions": parts_total,
                      "sub-questions split as labelled": pooled_total,
                     "out of scope": len(data.out_of_scope), "conversation turns": talks.turns,
                     "follow-ups": talks.followups,
                     "plain questions": len(data.plain), "pasted expressions": wanted,
                     "item-labelled questions": len(shown), "item-labelled, card right": sum(r for _, r in shown)}
    return report


def _flat(text: str) -> str:
    return " ".join(text.replace("*", "").split()).lower()


def labelled_items(q: Question, cards: dict[str, Card]) -> list[tuple[Card, int]]:
    """Each of the question's "items" labels as (card, position among its steps, lines and watch-outs); a label
    that names no item of the question's cards, or several, is a labelling error."""
    out = []
    for label in q.items:
        found = [(cards[cid], n) for cid in q.cards if cid in cards
                 for n, item in enumerate(answer_items(cards[cid], None)) if _flat(label) in _flat(item)]
        if len(found) != 1:
            raise CoachError(f"question {q.id}: the items label {label!r} matches {len(found) or 'no'} steps, lines "
                             f"or watch-outs of its cards {q.cards}: quote a substring of exactly one (English card)")
        out.append(found[0])
    return out


def item_shown(answerer: Answerer, card: Card, position: int, text: str) -> bool:
    """Whether the answer shows the card's item at `position`, in the answer's language (its translation's item at
    the same position; the English one where the answer is in English or the card is not translated)."""
    lang = language_of(text)
    local = answerer.planner.localised(card, Language(lang)) if lang in {x.value for x in Language} else card
    versions = {answer_items(card, None)[position]}
    local_items = answer_items(local, None)
    if len(local_items) == len(answer_items(card, None)):
        versions.add(local_items[position])
    return any(_flat(v)[:ITEM_PREFIX] in _flat(text) for v in versions)


def _in_frame(cultures: list[Culture], perspective: Perspective, q: Question) -> bool:
    pair_ok = Culture.ANY in cultures or q.pair in {c.value for c in cultures}
    return pair_ok and perspective.value in (q.side, "both")


@dataclass
class _Conversations:
    repeated_answers: int = 0
    repeated_suggestions: int = 0
    turns: int = 0
    followups: int = 0  # turns after the first
    followups_right: int = 0  # ... answered with a card labelled for that turn


def _conversations(answerer: Answerer, data: AnswerSet, misses: list[dict[str, Any]]) -> _Conversations:
    """Answers repeated within a conversation, suggestions that repeat an asked question or an earlier one, and
    follow-ups answered with a card labelled for what they newly ask (a decline or a clarifying choice misses)."""
    out = _Conversations()
    for conversation in data.conversations:
        cid = None
        answers: list[str] = []
        asked: set[str] = set()
        offered: set[str] = set()
        for n, turn in enumerate(conversation.turns):
            out.turns += 1
            with answerer.planner.neighbours.leaving_out(conversation.id):
                answer = answerer.answer(Ask(message=turn.question, conversation_id=cid))
            cid = answer.conversation_id
            asked.add(_norm(turn.question))
            text = core(answer.answer_markdown)
            out.repeated_answers += answer.in_scope and text in answers
            answers.append(text)
            suggestions = {_norm(s) for s in answer.suggestions}
            out.repeated_suggestions += len(suggestions & (asked | offered))
            offered |= suggestions
            if n and turn.cards:
                first = answer.sources[0].id if answer.in_scope and answer.sources else None
                out.followups += 1
                out.followups_right += first in turn.cards
                if first not in turn.cards:
                    misses.append({"id": conversation.id, "turn": n + 1, "question": turn.question[:120],
                                   "want": turn.cards, "got": first})
    return out


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def reliability(pairs: list[tuple[float, bool]]) -> tuple[list[dict[str, float]], float]:
    """Confidence bins with their accuracy, and the expected calibration error over all of them."""
    table = []
    ece = 0.0
    for b in range(BINS):
        low, high = b / BINS, (b + 1) / BINS
        inside = [(p, ok) for p, ok in pairs if low <= p < high or (b == BINS - 1 and p == 1.0)]
        if not inside:
            continue
        confidence = statistics.fmean(p for p, _ in inside)
        accuracy = statistics.fmean(float(ok) for _, ok in inside)
        ece += len(inside) / len(pairs) * abs(confidence - accuracy)
        table.append({"from": low, "to": high, "count": len(inside), "confidence": round(confidence, 3),
                      "accuracy": round(accuracy, 3)})
    return table, round(ece, 4)
