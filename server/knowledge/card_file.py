"""A card file (English or translated) read and split: front matter with each key's line, body sections."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

SECTION_RE = re.compile(r"^##\s+(.+?)\s*$")


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class Report:
    """The problems found in one file; call it with (line, message) to add one."""

    name: str
    problems: list[Problem] = field(default_factory=list)

    def __call__(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.name, line, message))


# libyaml's parser when PyYAML was built with it: about ten times faster over the ~500 card files of a build
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse_front(front: str, first_line: int) -> tuple[Any, dict[str, int]]:
    """The front matter's data and each top-level key's line in the file, from one parse."""
    loader = _LOADER(front)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key, _ in node.value:
            lines[str(key.value)] = first_line + key.start_mark.line
    return data, lines


def _split_sections(body: str, first_line: int) -> tuple[dict[str, str], dict[str, int], list[str]]:
    """Split the Markdown body into `## ` sections; returns texts, their lines, and headings in order."""
    sections: dict[str, list[str]] = {}
    lines_of: dict[str, int] = {}
    order: list[str] = []
    current: str | None = None
    for offset, line in enumerate(body.split("\n")):
        match = SECTION_RE.match(line)
        if match:
            current = match.group(1)
            order.append(current)
            sections.setdefault(current, [])
            lines_of.setdefault(current, first_line + offset)
        elif current is not None:
            sections[current].append(line)
    return {k: "\n".join(v).strip() for k, v in sections.items()}, lines_of, order


@dataclass
class CardFile:
    """A card file split into its parts: the raw front matter with each key's line, and the body sections."""

    name: str
    raw: dict[str, Any]
    key_lines: dict[str, int]
    lines: list[str]
    body_at: int  # index in `lines` where the body starts
    sections: dict[str, str]
    section_lines: dict[str, int]
    order: list[str]


def read_card_file(path: Path, problem: Report) -> CardFile | None:
    """Read and split one card file (English or a translation); reports what is unreadable through `problem`."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        problem(1, "file is not valid UTF-8; save it as UTF-8")
        return None
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        problem(1, "missing front matter: the file must start with a '---' line")
        return None
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        problem(1, "front matter is not closed: add a '---' line after it")
        return None
    front = "\n".join(lines[1:end])
    try:
        raw, key_lines = _parse_front(front, 2)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = 2 + mark.line if mark is not None else 1
        problem(line, f"bad YAML in front matter: {getattr(e, 'problem', None) or e}")
        return None
    if not isinstance(raw, dict):
        problem(2, "front matter must be a YAML mapping of fields")
        return None
    sections, section_lines, order = _split_sections("\n".join(lines[end + 1 :]), end + 2)
    return CardFile(display_path(path), raw, key_lines, lines, end + 1, sections, section_lines, order)


def display_path(path: Path) -> str:
    """Paths relative to the working directory when inside it, so editors can jump to path:line."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
