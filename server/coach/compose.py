"""Turn retrieved cards into the grounded Markdown answer through the Jinja2 templates in prompts/."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2

from server.coach.decode import Found
from server.knowledge.cards import say_lines
from server.models import Card
from server.search.lexical import tokenize

_STEP_START = re.compile(r"^\s*\d+[.)]\s+")
_BULLET_START = re.compile(r"^\s*[-*]\s+")
SIMILAR = 0.5  # token overlap above which two steps say the same thing


def prompt_environment(prompts_dir: Path) -> jinja2.Environment:
    """Markdown templates: no HTML autoescape here (front ends escape when they render), strict undefined."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(prompts_dir), undefined=jinja2.StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                              autoescape=False)


def items(section: str, start: re.Pattern[str]) -> list[str]:
    """Numbered steps or bullets as single strings; continuation lines join the item above."""
    out: list[str] = []
    for line in section.splitlines():
        if start.match(line):
            out.append(start.sub("", line).strip())
        elif line.strip() and out:
            out[-1] = f"{out[-1]} {line.strip()}"
        elif line.strip():
            out.append(line.strip())
    return out


def paragraphs(section: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", section) if p.strip()]


def _similar(a: str, b: str) -> bool:
    ta, tb = set(tokenize(a)), set(tokenize(b))
    return bool(ta and tb) and len(ta & tb) / min(len(ta), len(tb)) >= SIMILAR


def merge_unique(lists: list[list[str]], limit: int) -> list[str]:
    """The first list in full order, then items of the others that do not repeat an earlier item."""
    merged: list[str] = []
    for group in lists:
        for item in group:
            if len(merged) >= limit:
                return merged
            if not any(_similar(item, kept) for kept in merged):
                merged.append(item)
    return merged


def compose_answer(env: jinja2.Environment, cards: list[Card], decoded: list[Found],
                   sources: list[Card] | None = None) -> str:
    """One card, or two combined without repeated steps; the decoded expressions lead when present."""
    top, rest = cards[0], cards[1:]
    going_on = paragraphs(top.section("What's going on")) + [paragraphs(c.section("What's going on"))[0]
                                                             for c in rest]
    steps = merge_unique([items(c.section("What to do"), _STEP_START) for c in cards], limit=8)
    say = merge_unique([[line.text for line in say_lines(c)] for c in cards], limit=6)
    watch = merge_unique([items(c.section("Watch out for"), _BULLET_START) for c in cards], limit=6)
    return env.get_template("answer.md.j2").render(
        decoded=decoded, going_on=going_on, steps=steps, say=say, watch=watch, sources=sources or cards,
    ).strip() + "\n"


def compose_clarify(env: jinja2.Environment, options: list[str]) -> str:
    return env.get_template("clarify.md.j2").render(options=options).strip() + "\n"


def compose_decline(env: jinja2.Environment, examples: list[str]) -> str:
    return env.get_template("decline.md.j2").render(examples=examples).strip() + "\n"
