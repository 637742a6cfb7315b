"""`coach eval-answers`: what users feel, measured on the labelled answer set, next to the previous engine."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from server.cli.common import fail, load_answerer, load_settings, out
from server.errors import CoachError

BASELINE = Path(__file__).resolve().parents[2] / "tests" / "data" / "answers" / "baseline_previous_engine.json"
# The answers issue's targets; "max" marks figures that must stay at or under the target.
TARGETS = {"hit@1": 0.85, "hit@3": 0.95, "frame": 0.95, "sub-questions": 0.85, "in-scope answered": 0.97,
           "out-of-scope declined": 0.95, "repeated answers": ("max", 0), "repeated suggestions": ("max", 0),
           "decodes of the asker's words": ("max", 0), "decoder recall": 0.9, "core words p50": ("max", 250),
           "first paragraph <= 60 words": 1.0, "ECE": ("max", 0.1)}


def eval_answers_command(
    split: Annotated[str, typer.Option(help="Which part of the set: test (held aside), train, or all.")] = "test",
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    show_misses: Annotated[bool, typer.Option("--misses", help="List questions whose first card was wrong.")] = False,
    only: Annotated[str, typer.Option(help="Only items whose id starts with this (e.g. one new file's prefix).")] = "",
) -> None:
    """Card hit@1/@3, frame, sub-questions, scope, follow-ups, decoder, length and calibration (ECE)."""
    from server.coach.labelled import load_answer_set
    from server.coach.quality import evaluate_answers

    if split not in ("test", "train", "all"):
        fail(f"unknown split {split!r}: use test, train or all", 2)
    settings = load_settings()
    with tempfile.TemporaryDirectory() as tmp:  # evaluation conversations never mix with real ones
        settings = settings.model_copy(update={"database_url": f"sqlite:///{Path(tmp) / 'eval.db'}",
                                               "llm_base_url": None})
        selected = load_answer_set().only(split, only)
        if not (selected.questions or selected.conversations or selected.out_of_scope or selected.plain
                or selected.pasted):
            fail(f"no labelled items in the {split} split have ids starting with {only!r}: check the prefix", 2)
        try:
            report = evaluate_answers(load_answerer(settings), selected)
        except CoachError as e:
            fail(str(e))
    previous = json.loads(BASELINE.read_text(encoding="utf-8")).get(split, {}) \
        if BASELINE.exists() and not only else {}  # the baseline was measured on whole splits
    if as_json:
        json.dump({"split": split, "figures": report.figures, "previous": previous, "counts": report.counts,
                   "reliability": report.reliability, "misses": report.misses if show_misses else []},
                  sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    table = Table(title=f"Answer quality on the {split} split ({report.counts['questions']} questions)")
    for column in ("measure", "previous engine", "this engine", "target"):
        table.add_column(column, justify="left" if column == "measure" else "right")
    for name, value in report.figures.items():
        target = TARGETS.get(name)
        shown = f"<= {target[1]}" if isinstance(target, tuple) else f">= {target}" if target is not None else ""
        table.add_row(name, _fmt(previous.get(name)), _fmt(value), shown)
    out.print(table)
    reliability = Table(title="Reliability (top card's confidence against how often it was right)")
    for column in ("confidence bin", "questions", "mean confidence", "accuracy"):
        reliability.add_column(column, justify="right")
    for row in report.reliability:
        reliability.add_row(f"{row['from']:.1f}-{row['to']:.1f}", str(row["count"]), f"{row['confidence']:.2f}",
                            f"{row['accuracy']:.2f}")
    out.print(reliability)
    out.print("counts: " + ", ".join(f"{k} {v}" for k, v in report.counts.items()), highlight=False)
    if show_misses:
        for miss in report.misses:
            out.print(json.dumps(miss, ensure_ascii=False), highlight=False, soft_wrap=True)


def _fmt(value: float | int | None) -> str:
    return "" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)
