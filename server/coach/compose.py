"""Turn the chosen card(s) into one short grounded answer through the Jinja2 templates in prompts/.

An answer opens with the short answer (the card's coaching point and the first move), then only the parts of the
card that bear on this ask: one "what's going on" paragraph, the most relevant steps, lines for the asker's side,
a few watch-outs. A second card appears only for a distinct sub-question, under its own heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import yaml

from server.cjk import language_of
from server.coach.decode import Found
from server.coach.understand import Request, word_count
from server.knowledge.cards import items, say_lines
from server.models import Card, Culture, Language, Perspective
from server.search.lexical import tokenize

_STEP_START = re.compile(r"^\s*\d+[.)]\s+")
_BULLET_START = re.compile(r"^\s*[-*]\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?。])\s+")
_CLAUSE = re.compile(r".+?(?:[;；。!?,，、]\s*|$)", re.S)  # a clause with its closing mark and space
MAX_REQUESTS = 3  # a pasted e-mail's requests answered with a reply line
REPLY_WORDS = 2  # a card's line answers a request when they share this many words (not its date)
_REPLY_STOP = frozenset(tokenize("also could would should can will you your us we our they them their please send "
                                  "share which any this that with from have what when by if it"))
QUOTE_WORDS = 15  # a request is quoted up to this many words
SHORT_WORDS = 60  # the short answer that opens every answer
SIMILAR = 0.5  # token overlap above which two items say the same thing
Labels = dict[str, Any]  # one language's entry of prompts/labels.yaml
# The answer's last line, in any answer language (`sources` in prompts/labels.yaml); front ends list sources apart.
SOURCES_LINE = re.compile(r"^\s*\*\*(?:Sources|出典|출처|来源)\s*[:：]\s*\*\*.*$", re.M)
_DRAFTING = re.compile(r"\b(draft|term sheet|before (?:you )?sign|negotiat)", re.I)


def prompt_environment(prompts_dir: Path) -> jinja2.Environment:
    """Markdown templates: no HTML autoescape here (front ends escape when they render), strict undefined."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(prompts_dir), undefined=jinja2.StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                              autoescape=False)


def load_labels(env: jinja2.Environment) -> dict[str, Labels]:
    """The answer's own words (headings, frame notes) per language, from prompts/labels.yaml via the template
    loader, so they live beside the templates that use them."""
    assert env.loader is not None
    source, _, _ = env.loader.get_source(env, "labels.yaml")
    labels: dict[str, Labels] = yaml.safe_load(source)
    return labels


def paragraphs(section: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", section) if p.strip()]


def say_items(card: Card, side: Perspective | None) -> list[str]:
    """The card's wording for the asker's side (lines marked for the other side are left out), marks removed."""
    return [line.text for line in say_lines(card)
            if side in (None, Perspective.BOTH) or line.side in (side, Perspective.BOTH)]


def _similar(a: str, b: str) -> bool:
    ta, tb = set(tokenize(a)), set(tokenize(b))
    return bool(ta and tb) and len(ta & tb) / min(len(ta), len(tb)) >= SIMILAR


def pick(candidates: list[str], query: set[str], limit: int, avoid: list[str] | None = None,
         scores: dict[str, float] | None = None) -> list[str]:
    """The `limit` items that answer the ask best (by `scores` where given, see coach/itemrank.py; else by the words
    they share with it; ties keep the card's order), shown in card order for reading, skipping any that repeat an
    item already shown in this answer or an earlier one."""
    fresh = [i for i in candidates if not any(_similar(i, a) for a in avoid or [])]

    def fit(n: int) -> float:
        return scores.get(fresh[n], 0.0) if scores is not None else float(len(set(tokenize(fresh[n])) & query))

    ranked = sorted(range(len(fresh)), key=lambda n: (-fit(n), n))
    kept: list[int] = []
    for n in ranked:
        if len(kept) < limit and not any(_similar(fresh[n], fresh[k]) for k in kept):
            kept.append(n)
    return [fresh[n] for n in sorted(kept)]


@dataclass
class Section:
    """One card's contribution to the answer, for one (sub-)question."""

    card: Card
    heading: str | None
    short: str
    notes: list[str] = field(default_factory=list)
    going_on: str = ""
    steps: list[str] = field(default_factory=list)
    say: list[str] = field(default_factory=list)
    watch: list[str] = field(default_factory=list)
    draft: list[str] = field(default_factory=list)  # "draft the reply": the e-mail's paragraphs (draft_reply.py)


def first_sentences(text: str, count: int) -> str:
    return " ".join(_SENTENCE_END.split(text.strip())[:count])


def build_section(card: Card, ask: str, heading: str | None, side: Perspective | None, pair: Culture | None,
                  stage: str | None, budget: int, shown: list[str], *, words: Labels, lang: Language,
                  scores: dict[str, float] | None = None) -> Section:
    """The parts of one card that bear on `ask`, trimmed to `budget` words; items in `shown` are not repeated.
    `card` is in the answer's language `lang` where a translation exists; `words` are that language's labels.
    `scores`: how well each item answers the ask (coach/itemrank.py); without them, the words shared with it."""
    query = set(tokenize(ask))
    steps_all = items(card.section("What to do"), _STEP_START)
    steps = pick(steps_all, query, 4, shown, scores)
    fresh = pick(steps_all, query, 1, shown, scores)
    best = fresh or steps_all[:1]
    if any(_similar(card.summary, line) for line in shown):  # a follow-up on the same card: lead with what is new
        short = fresh[0] if fresh else words["covered"].format(line=best[0]) if best else card.summary
        steps = [s for s in steps if s not in best]
    else:
        short = f"{card.summary} {words['first_move']} {best[0]}" if best else card.summary
        if word_count(f"{words['short_answer']} {short}") > SHORT_WORDS:  # the paragraph as shown, label included
            short = fit_short(card.summary, words)  # the first move no longer fits: it stays among the steps
        elif best:
            steps = [s for s in steps if s not in best] or steps
    context = pick(paragraphs(card.section("What's going on")), query, 1, shown)
    section = Section(card=card, heading=heading, short=short, notes=frame_notes(card, side, pair, stage, words, lang),
                      going_on=first_sentences(context[0], 3) if context else "", steps=steps,
                      say=pick(say_items(card, side), query, 2, shown, scores),
                      watch=pick(items(card.section("Watch out for"), _BULLET_START), query, 2, shown, scores))
    while section_words(section) > budget and (section.watch or section.say[1:] or section.steps[3:]
                                               or section.going_on):
        if len(section.watch) > 1:
            _drop_weakest(section.watch, scores)
        elif len(section.steps) > 3:
            _drop_weakest(section.steps, scores)
        elif len(section.say) > 1:
            _drop_weakest(section.say, scores)
        elif section.going_on:
            section.going_on = ""
        else:
            section.watch.pop()
    return section


def _drop_weakest(shown: list[str], scores: dict[str, float] | None) -> None:
    """Removes the item that answers the ask least (the last one when nothing says)."""
    if scores is None:
        shown.pop()
        return
    weakest = min(range(len(shown)), key=lambda n: (scores.get(shown[n], 0.0), -n))
    del shown[weakest]


def answer_items(card: Card, side: Perspective | None) -> list[str]:
    """The card's items a follow-up can be answered from, in card order: steps, wording for the side, watch-outs."""
    return [*items(card.section("What to do"), _STEP_START), *say_items(card, side),
            *items(card.section("Watch out for"), _BULLET_START)]


def followup_section(card: Card, item: str, heading: str | None, side: Perspective | None, pair: Culture | None,
                     stage: str | None, budget: int, shown: list[str], *, words: Labels, lang: Language) -> Section:
    """A follow-up answered from one item of a card shown earlier: the item leads (said to be in the last answer
    when it was), then at most two of the card's steps not shown yet that bear on it; nothing shown is repeated."""
    said = any(_similar(item, line) for line in shown)
    section = build_section(card, item, heading, side, pair, stage, budget, [*shown, item], words=words, lang=lang)
    section.short = fit_short(words["covered"].format(line=item) if said else item, words)
    section.going_on = ""
    section.steps, section.say, section.watch = section.steps[:2], section.say[:1], section.watch[:1]
    return section


def fit_short(text: str, words: Labels) -> str:
    """`text` cut after its last clause (outside brackets) that keeps the opening paragraph, label included, within
    SHORT_WORDS: a long summary (a translation runs longer than its English) or a long step still opens with a
    short answer."""
    room = SHORT_WORDS - word_count(words["short_answer"])
    if word_count(text) <= room:
        return text
    kept = best = ""
    for clause in _CLAUSE.findall(text):
        if word_count(kept + clause) > room:
            break
        kept += clause
        if kept.count("(") + kept.count("（") == kept.count(")") + kept.count("）"):
            best = kept
    lang = language_of(text)
    cut = best or (" ".join(text.split()[:room]) if lang == "en" else text[:room])  # one clause over the room
    cut = cut.rstrip(" ;；,，、")
    return cut if cut.endswith((".", "!", "?", "。")) else cut + ("。" if lang in ("ja", "zh") else ".")


def section_words(s: Section) -> int:
    return sum(word_count(t) for t in [s.short, s.going_on, *s.steps, *s.say, *s.watch, *s.notes])


def frame_notes(card: Card, side: Perspective | None, pair: Culture | None, stage: str | None, words: Labels,
                lang: Language) -> list[str]:
    """One line each when the guidance is not yet in the answer's language, was written for the other side or
    another pair, or for an earlier stage."""
    notes = [words["untranslated"]] if card.lang is not lang and words["untranslated"] else []
    if side in (Perspective.US_SIDE, Perspective.ASIA_SIDE) and card.perspective not in (side, Perspective.BOTH):
        notes.append(words["other_side"].format(side=words["sides"][card.perspective.value]))
    if pair is not None and pair is not Culture.ANY and Culture.ANY not in card.cultures \
            and pair not in card.cultures:
        notes.append(words["other_pair"].format(card_pair=words["pairs"][card.cultures[0].value],
                                                pair=words["pairs"][pair.value]))
    if stage in ("signed", "production", "dispute") and _DRAFTING.search(card.section("What to do")):
        notes.append(words["past_drafting"])
    return notes


def reply_lines(requests: list[Request], card: Card | None, side: Perspective | None, words: Labels,
                lang: Language) -> list[tuple[str, str]]:
    """(their request, a line to answer it) for the first MAX_REQUESTS requests of a pasted e-mail: the chosen card's
    wording for the asker's side where a line shares REPLY_WORDS words with the request, else our plain template
    in the answer's language, with the deadline when it is written in that language."""
    lines = say_items(card, side) if card is not None else []
    out = []
    for request in requests[:MAX_REQUESTS]:
        asked = _reply_words(request.text.replace(request.deadline or "\0", " "))
        fitting = [line for line in lines if len(asked & _reply_words(line)) >= REPLY_WORDS]
        due = request.deadline if request.deadline and language_of(request.text) == lang.value else None
        reply = fitting[0] if fitting else words["reply_dated"].format(deadline=due) if due else words["reply_open"]
        quoted = request.text if word_count(request.text) <= QUOTE_WORDS else \
            " ".join(request.text.split()[:QUOTE_WORDS]) + " …"
        out.append((quoted, reply))
    return out


def telling_words(text: str) -> set[str]:
    """Words that tie one text to another: English words of four letters or more, and numbers ("the 14th");
    two-character CJK fragments match too loosely to tell."""
    return {t for t in tokenize(text) if t.isascii() and (len(t) >= 4 or any(c.isdigit() for c in t))}


def _reply_words(text: str) -> set[str]:
    """Words that tie a card's line to a request: those of four letters or more, not the request's frame ("could
    you send us")."""
    return {t for t in telling_words(text) if len(t) >= 4} - _REPLY_STOP


def compose_answer(env: jinja2.Environment, sections: list[Section], decoded: list[Found],
                   sources: list[Card], words: Labels, requests: list[tuple[str, str]] | None = None) -> str:
    return env.get_template("answer.md.j2").render(sections=sections, decoded=decoded, sources=sources,
                                                   words=words, requests=requests or []).strip() + "\n"


def compose_clarify(env: jinja2.Environment, options: list[str], closest: Card | None = None,
                    lang: str = "en") -> str:
    return env.get_template("clarify.md.j2").render(options=options, closest=closest, lang=lang).strip() + "\n"


def compose_decline(env: jinja2.Environment, examples: list[str], lang: str = "en", thanks: bool = False) -> str:
    return env.get_template("decline.md.j2").render(examples=examples, lang=lang, thanks=thanks).strip() + "\n"
