"""Turn the chosen card(s) into one short grounded answer through the Jinja2 templates in prompts/.

An answer opens with the short answer (the card's coaching point and the first move), then only the parts of the
card that bear on this ask: one "what's going on" paragraph, the most relevant steps, lines for the asker's side,
a few watch-outs. A second card appears only for a distinct sub-question, under its own heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from server.coach.decode import Found
from server.coach.understand import word_count
from server.knowledge.cards import items, say_lines
from server.models import Card, Culture, Perspective
from server.search.lexical import tokenize

_STEP_START = re.compile(r"^\s*\d+[.)]\s+")
_BULLET_START = re.compile(r"^\s*[-*]\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?。])\s+")
SHORT_WORDS = 60  # the short answer that opens every answer
SIMILAR = 0.5  # token overlap above which two items say the same thing
SIDE_NAMES = {Perspective.US_SIDE: "the American side", Perspective.ASIA_SIDE: "the Asian side"}
PAIR_NAMES = {Culture.JP_US: "Japan-US", Culture.KR_US: "Korea-US", Culture.CN_US: "China-US"}
_DRAFTING = re.compile(r"\b(draft|term sheet|before (?:you )?sign|negotiat)", re.I)


def prompt_environment(prompts_dir: Path) -> jinja2.Environment:
    """Markdown templates: no HTML autoescape here (front ends escape when they render), strict undefined."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(prompts_dir), undefined=jinja2.StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                              autoescape=False)


def paragraphs(section: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", section) if p.strip()]


def say_items(card: Card, side: Perspective | None) -> list[str]:
    """The card's wording for the asker's side (lines marked for the other side are left out), marks removed."""
    return [line.text for line in say_lines(card)
            if side in (None, Perspective.BOTH) or line.side in (side, Perspective.BOTH)]


def _similar(a: str, b: str) -> bool:
    ta, tb = set(tokenize(a)), set(tokenize(b))
    return bool(ta and tb) and len(ta & tb) / min(len(ta), len(tb)) >= SIMILAR


def pick(candidates: list[str], query: set[str], limit: int, avoid: list[str] | None = None) -> list[str]:
    """The `limit` items that share most words with the ask (ties keep the card's order), shown in card order,
    skipping any that repeat an item already shown in this answer or an earlier one."""
    fresh = [i for i in candidates if not any(_similar(i, a) for a in avoid or [])]
    ranked = sorted(range(len(fresh)), key=lambda n: (-len(set(tokenize(fresh[n])) & query), n))
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


def first_sentences(text: str, count: int) -> str:
    return " ".join(_SENTENCE_END.split(text.strip())[:count])


def build_section(card: Card, ask: str, heading: str | None, side: Perspective | None, pair: Culture | None,
                  stage: str | None, budget: int, shown: list[str]) -> Section:
    """The parts of one card that bear on `ask`, trimmed to `budget` words; items in `shown` are not repeated."""
    query = set(tokenize(ask))
    steps_all = items(card.section("What to do"), _STEP_START)
    steps = pick(steps_all, query, 4, shown)
    best = pick(steps_all, query, 1, shown) or steps_all[:1]
    if any(_similar(card.summary, line) for line in shown):  # a follow-up on the same card: lead with what is new
        short = best[0] if best else card.summary
        steps = [s for s in steps if s not in best]
    else:
        short = f"{card.summary} First move: {best[0]}" if best else card.summary
        if word_count(short) > SHORT_WORDS:
            short = card.summary
        steps = [s for s in steps if s not in best] or steps
    context = pick(paragraphs(card.section("What's going on")), query, 1, shown)
    section = Section(card=card, heading=heading, short=short, notes=frame_notes(card, side, pair, stage),
                      going_on=first_sentences(context[0], 3) if context else "", steps=steps,
                      say=pick(say_items(card, side), query, 2, shown),
                      watch=pick(items(card.section("Watch out for"), _BULLET_START), query, 2, shown))
    while section_words(section) > budget and (section.watch or section.say[1:] or section.steps[3:]
                                               or section.going_on):
        if len(section.watch) > 1:
            section.watch.pop()
        elif len(section.steps) > 3:
            section.steps.pop()
        elif len(section.say) > 1:
            section.say.pop()
        elif section.going_on:
            section.going_on = ""
        else:
            section.watch.pop()
    return section


def section_words(s: Section) -> int:
    return sum(word_count(t) for t in [s.short, s.going_on, *s.steps, *s.say, *s.watch, *s.notes])


def frame_notes(card: Card, side: Perspective | None, pair: Culture | None, stage: str | None) -> list[str]:
    """One line each when the guidance was written for the other side, another pair, or an earlier stage."""
    notes = []
    if side in SIDE_NAMES and card.perspective not in (side, Perspective.BOTH):
        notes.append(f"This guidance is written for {SIDE_NAMES[card.perspective]}: read it as how your partner "
                     "is likely to see the situation; its wording for them is left out.")
    if pair in PAIR_NAMES and Culture.ANY not in card.cultures and pair not in card.cultures:
        notes.append(f"The closest guidance comes from {PAIR_NAMES[card.cultures[0]]} co-productions; the pattern "
                     f"is similar, but check what differs for {PAIR_NAMES[pair]}.")
    if stage in ("signed", "production", "dispute") and _DRAFTING.search(card.section("What to do")):
        notes.append("You are past the drafting stage: where a step talks about the draft, apply it to an "
                     "amendment or side letter, or to how you raise it now.")
    return notes


def compose_answer(env: jinja2.Environment, sections: list[Section], decoded: list[Found],
                   sources: list[Card]) -> str:
    return env.get_template("answer.md.j2").render(sections=sections, decoded=decoded,
                                                   sources=sources).strip() + "\n"


def compose_clarify(env: jinja2.Environment, options: list[str], closest: Card | None = None,
                    lang: str = "en") -> str:
    return env.get_template("clarify.md.j2").render(options=options, closest=closest, lang=lang).strip() + "\n"


def compose_decline(env: jinja2.Environment, examples: list[str], lang: str = "en") -> str:
    return env.get_template("decline.md.j2").render(examples=examples, lang=lang).strip() + "\n"
