"""Parse knowledge/cards/*.md into Card models and lint them, reporting every problem as path:line: message."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from server.errors import CardError
from server.knowledge.card_file import SECTION_RE, CardFile, Problem, Report, display_path, read_card_file
from server.knowledge.figures import figure_message, undated_claims, undated_figures
from server.models import SECTION_TITLES, Card, CardKind, CardMeta, Perspective

MIN_TRIGGERS = 3
SAY_SECTION = "What to say"
_STEP_RE = re.compile(r"^\s*\d+[.)]\s+\S", re.MULTILINE)
_BULLET_RE = re.compile(r"^[-*]\s+")
_MARK_RE = re.compile(r"^\[([^\]\s]*)\](?!\()\s*")
_MARK_LINE_RE = re.compile(r"^([-*]\s+)\[(?:us-side|asia-side|both)\]\s*", re.MULTILINE)
SIDE_MARKS = ", ".join(f"[{p.value}]" for p in (Perspective.US_SIDE, Perspective.ASIA_SIDE, Perspective.BOTH))


@dataclass(frozen=True)
class Topic:
    slug: str
    title: str
    description: str


@dataclass(frozen=True)
class SayLine:
    """One `## What to say` line: the side that would say it and the words, without the mark."""

    side: Perspective
    text: str


def items(section: str, start: re.Pattern[str]) -> list[str]:
    """Numbered steps or bullets (lines matching `start`) as single strings; other lines join the item above."""
    out: list[str] = []
    for line in section.splitlines():
        if start.match(line):
            out.append(start.sub("", line).strip())
        elif line.strip() and out:
            out[-1] = f"{out[-1]} {line.strip()}"
        elif line.strip():
            out.append(line.strip())
    return out


def say_lines(card: Card) -> list[SayLine]:
    """Each What-to-say line with its side. Lint rejects an unmarked line in a card file; in a card built in code
    without marks, a line takes the card's perspective (as the answer composer reads it)."""
    return say_lines_in(card.section(SAY_SECTION), card.perspective)


def say_lines_in(section: str, default: Perspective) -> list[SayLine]:
    """`say_lines` for a What-to-say section's text; an unmarked line takes `default`."""
    lines = []
    for item in items(section, _BULLET_RE):
        mark = _MARK_RE.match(item)
        side = mark.group(1) if mark else ""
        if side in {p.value for p in Perspective}:
            lines.append(SayLine(Perspective(side), item[mark.end():].strip() if mark else item))
        else:
            lines.append(SayLine(default, item))
    return lines


def strip_say_marks(text: str) -> str:
    """A What-to-say section's Markdown with the side marks removed, for text that readers or the model see."""
    return _MARK_LINE_RE.sub(r"\1", text)


def _say_mark_problems(lines: list[str], first: int) -> list[tuple[int, str]]:
    """Every line under `## What to say` is a bullet that starts with a known side mark; (line, message) pairs.
    `first` is the index in `lines` where the body starts."""
    found: list[tuple[int, str]] = []
    inside = False
    for number, line in enumerate(lines[first:], start=first + 1):
        heading = SECTION_RE.match(line)
        if heading:
            inside = heading.group(1) == SAY_SECTION
            continue
        if not inside or not line.strip() or line[0].isspace():
            continue
        bullet = _BULLET_RE.match(line)
        if bullet is None:
            found.append((number, f"'## {SAY_SECTION}' takes bullets only: start the line with '- ' and one of"
                                  f" {SIDE_MARKS} for the side that would say it"))
            continue
        rest = line[bullet.end():]
        mark = _MARK_RE.match(rest)
        if mark is None:
            found.append((number, f"'## {SAY_SECTION}' line has no side mark: start it with one of {SIDE_MARKS}"
                                  " for the side that would say it"))
        elif mark.group(1) not in {p.value for p in Perspective}:
            found.append((number, f"unknown side mark '[{mark.group(1)}]' in '## {SAY_SECTION}': use {SIDE_MARKS}"))
        elif not rest[mark.end():].strip():
            found.append((number, f"side mark [{mark.group(1)}] has no words after it; write the line or remove it"))
    return found


def load_topics(path: Path) -> dict[str, Topic]:
    """Read the taxonomy; raises CardError naming the file when it is unreadable."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise CardError([f"{path}:1: cannot read the topic taxonomy: {e}"]) from e
    if not isinstance(raw, list):
        raise CardError([f"{path}:1: the taxonomy must be a YAML list of {{slug, title, description}}"])
    topics: dict[str, Topic] = {}
    for item in raw:
        if not isinstance(item, dict) or not {"slug", "title", "description"} <= item.keys():
            raise CardError([f"{path}:1: every topic needs slug, title and description: {item!r}"])
        topics[str(item["slug"])] = Topic(str(item["slug"]), str(item["title"]), str(item["description"]))
    return topics


def section_problems(file: CardFile) -> list[tuple[int, str]]:
    """The body rules every card file follows, English or translated: four sections in order, none empty,
    numbered steps, side-marked What-to-say bullets."""
    found: list[tuple[int, str]] = []
    body_start, sections, section_lines = file.body_at + 1, file.sections, file.section_lines
    if not any(line.strip() for line in file.lines[file.body_at:]):
        return [(body_start, "empty body: add the four sections " + ", ".join(f"'## {t}'" for t in SECTION_TITLES))]
    for title in SECTION_TITLES:
        if title not in sections:
            found.append((body_start, f"missing section '## {title}'"))
        elif not sections[title]:
            found.append((section_lines[title], f"section '## {title}' is empty"))
    known = [t for t in file.order if t in SECTION_TITLES]
    if known != [t for t in SECTION_TITLES if t in known]:
        found.append((body_start, "sections out of order: use " + " / ".join(SECTION_TITLES)))
    for title in file.order:
        if title not in SECTION_TITLES:
            found.append((section_lines[title], f"unknown section '## {title}'; allowed: {', '.join(SECTION_TITLES)}"))
    steps = sections.get("What to do", "")
    if steps and not _STEP_RE.search(steps):
        found.append((section_lines["What to do"], "'## What to do' needs numbered steps (1. ...)"))
    return found + _say_mark_problems(file.lines, file.body_at)


def parse_card(path: Path, topics: dict[str, Topic]) -> tuple[Card | None, list[Problem]]:
    """Parse one card file; returns the card (None if unusable) and every problem found in it."""
    problem = Report(display_path(path))
    file = read_card_file(path, problem)
    if file is None:
        return None, problem.problems
    key_lines, sections = file.key_lines, file.sections
    try:
        meta = CardMeta.model_validate(file.raw)
    except ValidationError as e:
        for err in e.errors():
            field = str(err["loc"][0]) if err["loc"] else "front matter"
            where = ".".join(str(p) for p in err["loc"])
            problem(key_lines.get(field, 2), f"{where}: {err['msg']}")
        meta = None
    for line, message in section_problems(file):
        problem(line, message)
    if sections:
        for line, message in undated_figures(file.lines, file.body_at):
            problem(line, message)

    if meta is None:
        return None, problem.problems
    for claim in undated_claims(meta.summary):
        problem(key_lines.get("summary", 2), figure_message(claim))
    if meta.id != path.stem:
        problem(key_lines.get("id", 2), f"id '{meta.id}' must equal the file name '{path.stem}'")
    for slug in meta.topics:
        if slug not in topics:
            problem(key_lines.get("topics", 2), f"unknown topic '{slug}'; see knowledge/topics.yaml")
        elif slug == "out-of-scope":
            problem(key_lines.get("topics", 2), "topic 'out-of-scope' is for evaluation only, not for cards")
    if len(meta.cultures) > 1 and "any" in meta.cultures:
        problem(key_lines.get("cultures", 2), "'any' cannot be combined with a culture pair")
    triggers = [t for t in meta.triggers if t.strip()]
    if len(triggers) < MIN_TRIGGERS:
        problem(key_lines.get("triggers", 2), f"too few triggers: {len(triggers)} (need at least {MIN_TRIGGERS})")
    if meta.kind is CardKind.PHRASEBOOK and not meta.phrases:
        problem(key_lines.get("kind", 2), "a phrasebook card must list its expressions under 'phrases'")
    card = Card(**meta.model_dump(), sections=sections, path=problem.name)
    return card, problem.problems


def _card_files(cards_dir: Path) -> list[Path]:
    return sorted(cards_dir.glob("*.md"))


def lint(knowledge_dir: Path) -> tuple[list[Card], list[Problem]]:
    """Parse every card and check the whole set; returns the good cards and all problems, sorted."""
    topics_path = knowledge_dir / "topics.yaml"
    topics = load_topics(topics_path)
    cards_dir = knowledge_dir / "cards"
    if not cards_dir.is_dir():
        raise CardError([f"{cards_dir}:1: no cards folder; create it and add cards"])
    cards: list[Card] = []
    problems: list[Problem] = []
    for path in _card_files(cards_dir):
        card, found = parse_card(path, topics)
        problems.extend(found)
        if card is not None:
            cards.append(card)

    seen: dict[str, Card] = {}
    for card in cards:
        if card.id in seen:
            problems.append(Problem(card.path, 2, f"duplicate id '{card.id}' (also in {seen[card.id].path})"))
        seen.setdefault(card.id, card)
    for card in cards:
        for rel in card.related:
            if rel not in seen:
                problems.append(Problem(card.path, line_of(card, "related"), f"related id '{rel}' has no card"))
            elif rel == card.id:
                problems.append(Problem(card.path, line_of(card, "related"), "a card cannot be related to itself"))
    problems.extend(trigger_collisions(cards))
    if not cards and not problems:
        problems.append(Problem(str(cards_dir), 1, "no cards found; add at least one card"))
    problems.sort(key=lambda p: (p.path, p.line, p.message))
    return cards, problems


def trigger_collisions(cards: list[Card]) -> list[Problem]:
    """The same trigger on two cards, related siblings included, ties them for the ranker: each card's triggers
    must state its own situation (a sibling's are what its askers type)."""
    owners: dict[str, Card] = {}
    problems = []
    for card in cards:
        for trigger in sorted({_normalise(t) for t in card.triggers}):
            first = owners.setdefault(trigger, card)
            if first is not card:
                problems.append(Problem(card.path, line_of(card, "triggers"),
                                        f"trigger '{trigger}' is also on card '{first.id}': give each card "
                                        "triggers of its own situation"))
    return problems


def _normalise(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def line_of(card: Card, key: str) -> int:
    """Line of a front-matter key, re-read from the file (only used when reporting)."""
    try:
        text = Path(card.path).read_text(encoding="utf-8")
    except OSError:
        return 1
    for number, line in enumerate(text.split("\n"), start=1):
        if line.startswith(f"{key}:"):
            return number
    return 1


def load_cards(knowledge_dir: Path) -> list[Card]:
    """All cards, or CardError listing every lint problem (nothing is built from a broken set)."""
    cards, problems = lint(knowledge_dir)
    if problems:
        raise CardError([str(p) for p in problems])
    return cards
