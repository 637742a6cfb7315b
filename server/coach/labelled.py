"""The labelled answer set (tests/data/answers/): questions with the cards a senior producer would put first,
multi-part questions, conversations, out-of-scope questions and the decoder sets. A fifth of every file, chosen by
a hash of each item's id, is the held-aside test split: never used to train the ranker or to tune anything."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from server.errors import CoachError
from server.settings import PROJECT_ROOT

ANSWER_SET = PROJECT_ROOT / "tests" / "data" / "answers"
ITEM_LABEL_CHARS = 12  # an "items" label shorter than this could name more than one item


def split_of(item_id: str) -> str:
    """"test" for a fixed fifth of the ids, "train" for the rest."""
    return "test" if int(hashlib.sha256(item_id.encode()).hexdigest()[:8], 16) % 5 == 0 else "train"


@dataclass(frozen=True)
class Part:
    text: str
    cards: list[str]


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    lang: str
    cards: list[str]
    pair: str | None = None
    side: str | None = None
    stage: str | None = None
    parts: list[Part] = field(default_factory=list)
    items: list[str] = field(default_factory=list)  # substrings of the steps/lines/watch-outs the answer must show


@dataclass(frozen=True)
class Conversation:
    id: str
    turns: list[Question]


@dataclass
class AnswerSet:
    questions: list[Question]
    conversations: list[Conversation]
    out_of_scope: list[Question]
    plain: list[Question]  # questions with no partner text: nothing may be decoded
    pasted: list[dict[str, Any]]  # partner text with the expressions that must be found

    def only(self, split: str, prefix: str = "") -> AnswerSet:
        """The items of one split (test, train or all) whose ids start with `prefix` (one file's fresh questions)."""
        def keep(item_id: str) -> bool:
            return (split == "all" or split_of(item_id) == split) and item_id.startswith(prefix)

        return AnswerSet([q for q in self.questions if keep(q.id)], [c for c in self.conversations if keep(c.id)],
                         [q for q in self.out_of_scope if keep(q.id)], [q for q in self.plain if keep(q.id)],
                         [p for p in self.pasted if keep(p["id"])])


def _rows(path: Path) -> list[dict[str, Any]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise CoachError(f"{path}:{number}: not valid JSON ({e.msg}); fix the line") from e
            problem = _items_problem(rows[-1].get("items"))
            if problem:
                raise CoachError(f"{path}:{number}: \"items\" {problem}")
    return rows


def _items_problem(labels: Any) -> str | None:
    """What is wrong with a question's optional "items" label, or None: a list of 1-3 distinct strings, each a
    substring (ITEM_LABEL_CHARS characters or more, so that it names one item) of the English card's step, line
    or watch-out that the answer must show."""
    if labels is None:
        return None
    if not isinstance(labels, list) or not 1 <= len(labels) <= 3:
        return "must be a list of 1-3 substrings of the steps, lines or watch-outs the answer must show"
    for label in labels:
        if not isinstance(label, str) or len(label.strip()) < ITEM_LABEL_CHARS:
            return (f"entry {label!r} is not a string of {ITEM_LABEL_CHARS} characters or more: quote a distinctive "
                    "substring of the English card's item")
    if len(set(labels)) != len(labels):
        return "repeats an entry: list each item once"
    return None


def _question(row: dict[str, Any], fallback_id: str = "") -> Question:
    return Question(id=row.get("id", fallback_id), question=row.get("question") or row["message"],
                    lang=row.get("lang", "en"), cards=list(row.get("cards", [])), pair=row.get("pair"),
                    side=row.get("side"), stage=row.get("stage"),
                    parts=[Part(p["text"], list(p["cards"])) for p in row.get("parts", [])],
                    items=list(row.get("items", [])))


def load_answer_set(folder: Path = ANSWER_SET) -> AnswerSet:
    if not folder.is_dir():
        raise CoachError(f"no labelled answer set at {folder}: it ships in tests/data/answers")
    questions = [_question(r) for path in sorted(folder.glob("questions_*.jsonl")) for r in _rows(path)]
    conversations = [
        Conversation(r["id"], [_question({**r, **t}, f"{r['id']}-{n}") for n, t in enumerate(r["turns"], 1)])
        for path in sorted(folder.glob("conversations*.jsonl")) for r in _rows(path)]

    def load(name: str) -> list[dict[str, Any]]:
        return _rows(folder / name) if (folder / name).exists() else []

    out_of_scope = [_question(r) for path in sorted(folder.glob("out_of_scope*.jsonl")) for r in _rows(path)]
    return AnswerSet(questions, conversations, out_of_scope,
                     [_question(r) for r in load("decoder_plain.jsonl")], load("decoder_pasted.jsonl"))
