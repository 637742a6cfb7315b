"""Retrieval quality over a JSONL question set: hit@1, hit@3 and MRR, per topic and overall, per mode."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from server.errors import CoachError
from server.models import Culture, Query
from server.search.retrieval import Mode, Retriever

OUT_OF_SCOPE = "out-of-scope"


class EvalError(CoachError):
    status = 422


class Question(BaseModel):
    question: str = Field(min_length=1)
    topics: list[str] = Field(min_length=1)
    culture: Culture | None = None


@dataclass
class Score:
    n: int = 0
    hit1: float = 0.0
    hit3: float = 0.0
    rr: float = 0.0

    def add(self, rank: int | None) -> None:
        self.n += 1
        if rank is not None:
            self.hit1 += rank == 1
            self.hit3 += rank <= 3
            self.rr += 1.0 / rank

    def as_dict(self) -> dict[str, float | int]:
        n = max(self.n, 1)
        return {"n": self.n, "hit@1": round(self.hit1 / n, 4), "hit@3": round(self.hit3 / n, 4),
                "mrr": round(self.rr / n, 4)}


@dataclass
class Report:
    modes: dict[str, dict[str, Score]] = field(default_factory=dict)  # mode -> topic ("overall") -> Score
    misses: list[dict[str, object]] = field(default_factory=list)  # hybrid questions with no hit in the top 3
    skipped: int = 0

    def as_dict(self) -> dict[str, object]:
        return {
            "modes": {m: {t: s.as_dict() for t, s in by.items()} for m, by in self.modes.items()},
            "misses": self.misses,
            "skipped_out_of_scope": self.skipped,
        }


def read_questions(path: Path, known_topics: set[str]) -> list[Question]:
    """Parse the JSONL file; every bad line is reported with its number."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise EvalError(f"cannot read {path}: {e}") from e
    questions, problems = [], []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            q = Question.model_validate_json(line)
        except ValidationError as e:
            first = e.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "line"
            problems.append(f"{path}:{number}: {where}: {first['msg']}")
            continue
        unknown = [t for t in q.topics if t not in known_topics]
        if unknown:
            problems.append(f"{path}:{number}: unknown topic(s) {', '.join(unknown)}; see knowledge/topics.yaml")
            continue
        questions.append(q)
    if problems:
        raise EvalError("\n".join(problems))
    if not questions:
        raise EvalError(f"{path} has no questions; write one JSON object per line: "
                        '{"question": "...", "topics": ["slug"]}')
    return questions


def evaluate(retriever: Retriever, questions: list[Question], k: int = 3) -> Report:
    """Score each mode; a hit is a retrieved card carrying one of the question's expected topics."""
    report = Report()
    in_scope = [q for q in questions if q.topics[0] != OUT_OF_SCOPE]
    report.skipped = len(questions) - len(in_scope)
    for mode in Mode:
        by_topic: dict[str, Score] = {"overall": Score()}
        for q in in_scope:
            hits = retriever.search(Query(text=q.question), k=max(k, 10), mode=mode)
            expected = set(q.topics)
            rank = next((i for i, h in enumerate(hits, start=1) if expected & set(h.topics)), None)
            by_topic["overall"].add(rank)
            by_topic.setdefault(q.topics[0], Score()).add(rank)
            if mode is Mode.HYBRID and (rank is None or rank > 3):
                report.misses.append({"question": q.question, "topics": q.topics,
                                      "got": [h.card_id for h in hits[:3]]})
        report.modes[mode.value] = by_topic
    return report


def to_json(report: Report) -> str:
    return json.dumps(report.as_dict(), ensure_ascii=False, indent=2)
