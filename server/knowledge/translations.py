"""Cards in Japanese, Korean and Chinese (`knowledge/cards/<lang>/<id>.md`): parse, check parity, find staleness.

A translation keeps its English card's id, sections and item counts, so the answer engine can pick the same steps
and lines in either language; it records the hash of the English file it was translated from, so an edit to the
English card shows up as a stale translation instead of silently diverging.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from server.cjk import CJK_CHAR
from server.errors import CardError
from server.knowledge.card_file import CardFile, Problem, Report, display_path, read_card_file
from server.knowledge.cards import MIN_TRIGGERS, SAY_SECTION, items, say_lines_in, section_problems, trigger_collisions
from server.models import SECTION_TITLES, Card, CardKind, Culture, Language, Perspective, Phrase

PARTNER_LANGUAGES = (Language.JA, Language.KO, Language.ZH)
PAIR_OF = {Language.JA: Culture.JP_US, Language.KO: Culture.KR_US, Language.ZH: Culture.CN_US}
HASH_LENGTH = 12
_STEP = re.compile(r"^\s*\d+[.)]\s+")
_BULLET = re.compile(r"^[-*]\s+")
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”|「[^」]*」')
_HASH_LINE = re.compile(r"^translated_from:\s*['\"]?([0-9a-f]+)", re.MULTILINE)
_LATIN = re.compile(r"[A-Za-z]")
ENGLISH_SHARE = 0.5  # letters outside "quotes" mostly Latin: probably left in English
ENGLISH_MIN_LETTERS = 16  # ... and long enough to be a phrase, not an acronym or a name


class PhraseText(BaseModel):
    """A phrasebook expression's explanations in the translation's language; the expression itself is unchanged."""

    model_config = ConfigDict(extra="forbid")

    expression: str = Field(min_length=1)
    literal: str = ""
    signal: str = Field(min_length=1)
    response: str = Field(min_length=1)


class TranslationMeta(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    lang: Language
    translated_from: str = Field(pattern=rf"^[0-9a-f]{{{HASH_LENGTH}}}$")
    title: str = Field(min_length=1)
    summary: str = Field(min_length=1)
    triggers: list[str] = Field(min_length=1)
    phrases: list[PhraseText] = []


def source_hash(path: Path) -> str:
    """What `translated_from` must hold: the start of the English file's sha256 (`sha256sum <file> | cut -c1-12`)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:HASH_LENGTH]


def wanted(card: Card, lang: Language) -> bool:
    """Whether the card concerns the language's pair (its own or `any`), so its translation is expected."""
    return Culture.ANY in card.cultures or PAIR_OF[lang] in card.cultures


@dataclass
class Translations:
    """Every good translation by language and card id, what is stale (English changed since), and the problems."""

    cards: dict[Language, dict[str, Card]] = field(default_factory=dict)
    stale: dict[tuple[Language, str], Problem] = field(default_factory=dict)  # (language, card id) -> warning
    problems: list[Problem] = field(default_factory=list)

    def of(self, lang: Language) -> dict[str, Card]:
        return self.cards.get(lang, {})


def lint_translations(knowledge_dir: Path, english: dict[str, Card]) -> Translations:
    """Parse every translation and check it against its English card."""
    found = Translations()
    cards_dir = knowledge_dir / "cards"
    for folder in sorted(p for p in cards_dir.iterdir() if p.is_dir()) if cards_dir.is_dir() else []:
        if folder.name not in {lang.value for lang in PARTNER_LANGUAGES}:
            found.problems.append(Problem(display_path(folder), 1, f"unknown language folder '{folder.name}'; "
                                          "translations go in cards/ja, cards/ko or cards/zh"))
            continue
        for path in sorted(folder.glob("*.md")):
            card, problems, stale = parse_translation(path, Language(folder.name), english)
            found.problems.extend(problems)
            if stale:
                found.stale[(Language(folder.name), path.stem)] = stale
            if card is not None and not problems:
                found.cards.setdefault(card.lang, {})[card.id] = card
    for cards in found.cards.values():  # a language's triggers tie sibling cards just as English ones do
        found.problems.extend(trigger_collisions(list(cards.values())))
    return found


def load_translations(knowledge_dir: Path, english: list[Card]) -> dict[Language, dict[str, Card]]:
    """The translations to serve, or CardError listing every problem (a stale one is served, and only warned of)."""
    found = lint_translations(knowledge_dir, {c.id: c for c in english})
    if found.problems:
        raise CardError([str(p) for p in found.problems])
    return found.cards


def parse_translation(path: Path, lang: Language, english: dict[str, Card]
                      ) -> tuple[Card | None, list[Problem], Problem | None]:
    """One translation: the localised card (None if unusable), its problems, and a staleness warning if any."""
    problem = Report(display_path(path))
    name, problems = problem.name, problem.problems
    file = read_card_file(path, problem)
    if file is None:
        return None, problems, None
    lines = file.key_lines
    written = _HASH_LINE.search("\n".join(file.lines[: file.body_at]))
    if written and not isinstance(file.raw.get("translated_from"), str):
        file.raw["translated_from"] = written.group(1)  # YAML reads an all-digit hash as a number
    try:
        meta = TranslationMeta.model_validate(file.raw)
    except ValidationError as e:
        for err in e.errors():
            key = str(err["loc"][0]) if err["loc"] else "front matter"
            problem(lines.get(key, 2), f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}")
        return None, problems, None
    source = english.get(path.stem)
    if meta.id != path.stem:
        problem(lines.get("id", 2), f"id '{meta.id}' must equal the file name '{path.stem}'")
    if meta.lang is not lang:
        problem(lines.get("lang", 2), f"lang '{meta.lang.value}' must match the folder 'cards/{lang.value}'")
    if source is None:
        problem(lines.get("id", 2), f"no English card '{path.stem}': a translation mirrors knowledge/cards/<id>.md")
        return None, problems, None
    if len([t for t in meta.triggers if t.strip()]) < MIN_TRIGGERS:
        problem(lines.get("triggers", 2), f"too few triggers: {len(meta.triggers)} (need at least {MIN_TRIGGERS})")
    for line, message in section_problems(file) + _parity_problems(file, meta, source):
        problem(line, message)
    for line, text in _texts(file, meta):
        if _left_in_english(text):
            problem(line, f"left in English? '{text[:60]}': translate it (English to paste goes in \"quotes\")")
    stale = None
    english_path = path.parent.parent / f"{source.id}.md"
    if english_path.is_file() and source_hash(english_path) != meta.translated_from:
        stale = Problem(name, lines.get("translated_from", 2),
                        f"stale: {source.path} changed since this was translated; update the translation and set "
                        f"translated_from: {source_hash(english_path)}")
    return localise(source, meta, file.sections, name), problems, stale


def localise(card: Card, meta: TranslationMeta, sections: dict[str, str], path: str) -> Card:
    """The English card with the translated text: same id, topics, pair, side and sources."""
    texts = {p.expression: p for p in meta.phrases}
    phrases = [Phrase(expression=p.expression, variants=p.variants, romanization=p.romanization,
                      literal=texts[p.expression].literal or p.literal, signal=texts[p.expression].signal,
                      response=texts[p.expression].response) if p.expression in texts else p for p in card.phrases]
    return card.model_copy(update={"title": meta.title, "summary": meta.summary, "triggers": meta.triggers,
                                   "phrases": phrases, "sections": sections, "path": path, "lang": meta.lang})


def shape(sections: dict[str, str]) -> dict[str, list[str]]:
    """What a translation must match: paragraphs of What's going on, steps, What-to-say marks, watch-outs."""
    going_on = [p for p in re.split(r"\n\s*\n", sections.get(SECTION_TITLES[0], "")) if p.strip()]
    return {SECTION_TITLES[0]: ["paragraph"] * len(going_on),
            "What to do": ["step"] * len(items(sections.get("What to do", ""), _STEP)),
            SAY_SECTION: [line.side.value for line in say_lines_in(sections.get(SAY_SECTION, ""), Perspective.BOTH)],
            "Watch out for": ["bullet"] * len(items(sections.get("Watch out for", ""), _BULLET))}


def _parity_problems(file: CardFile, meta: TranslationMeta, source: Card) -> list[tuple[int, str]]:
    found = []
    mine, theirs = shape(file.sections), shape(source.sections)
    for title in SECTION_TITLES:
        line = file.section_lines.get(title, file.body_at + 1)
        if title in file.sections and mine[title] != theirs[title]:
            found.append((line, f"'## {title}' has {_count(title, mine[title])}, the English card "
                                f"{_count(title, theirs[title])}: keep one for each English one, in the same order"))
    expected = [p.expression for p in source.phrases]
    if source.kind is CardKind.PHRASEBOOK and [p.expression for p in meta.phrases] != expected:
        found.append((file.key_lines.get("phrases", 2), "phrases must list the English card's expressions, "
                      f"unchanged and in order: {', '.join(expected)}"))
    return found


def _count(title: str, shape_items: list[str]) -> str:
    return f"side marks [{', '.join(shape_items)}]" if title == SAY_SECTION else f"{len(shape_items)} items"


def _texts(file: CardFile, meta: TranslationMeta) -> list[tuple[int, str]]:
    """(first line, text) of everything a reader sees: title, summary, each paragraph and list item of the body."""
    out = [(file.key_lines.get("title", 2), meta.title), (file.key_lines.get("summary", 2), meta.summary)]
    previous = ""
    for number, line in enumerate(file.lines[file.body_at:], start=file.body_at + 1):
        text = line.strip()
        if text and not text.startswith("## "):
            if previous and not _STEP.match(line) and not _BULLET.match(line):
                out[-1] = (out[-1][0], f"{out[-1][1]} {text}")
            else:
                out.append((number, text))
        previous = text if not text.startswith("## ") else ""
    return out


def _left_in_english(text: str) -> bool:
    outside = _QUOTED.sub(" ", text)
    latin = len(_LATIN.findall(outside))
    cjk = len(CJK_CHAR.findall(outside))
    return latin >= ENGLISH_MIN_LETTERS and latin > ENGLISH_SHARE * (latin + cjk)


def main() -> None:
    """`python -m server.knowledge.translations check [--lang ja]`: a translator's quick check from a worktree."""
    import sys

    from server.knowledge.cards import load_cards

    args = sys.argv[1:]
    only = args[args.index("--lang") + 1] if "--lang" in args else None
    knowledge = Path("knowledge")
    found = lint_translations(knowledge, {c.id: c for c in load_cards(knowledge)})
    for item in found.problems + list(found.stale.values()):
        if only is None or f"/{only}/" in item.path:
            print(item)
    print(", ".join(f"{lang.value}: {len(found.of(lang))} good" for lang in PARTNER_LANGUAGES))


if __name__ == "__main__":
    main()
