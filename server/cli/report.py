"""`coach report`: what curators should write or fix next, from stored feedback and conversations."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from server.cli.common import load_settings, out
from server.coach.rank import Ranker

if TYPE_CHECKING:
    from server.settings import Settings
    from server.store.conversations import ConversationStore

report_app = typer.Typer(help="Reports for curators: badly rated answers and questions the coach could not answer.",
                         no_args_is_help=True)


def _open() -> tuple[Settings, ConversationStore]:
    from server.store.conversations import ConversationStore

    settings = load_settings()
    return settings, ConversationStore.from_url(settings.database_url)


def _json(rows: list[dict[str, Any]]) -> None:
    sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")


@report_app.command("feedback")
def feedback(
    limit: Annotated[int, typer.Option(min=1, max=1000, help="How many questions to show.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """The worst-rated questions first, with the cards behind their answers and the users' comments."""
    _, store = _open()
    rows = store.feedback_report(limit)
    if as_json:
        _json(rows)
        return
    if not rows:
        out.print("No feedback yet. Ratings arrive from the thumbs under each answer in the web chat.")
        return
    table = Table(title=f"Worst-rated questions (up to {limit})")
    for column, justify in (("question", "left"), ("up", "right"), ("down", "right"), ("cards", "left"),
                            ("comments", "left")):
        table.add_column(column, justify=justify, overflow="fold")  # type: ignore[arg-type]
    for row in rows:
        table.add_row(row["question"], str(row["up"]), str(row["down"]), "\n".join(row["card_ids"]) or "-",
                      "\n".join(row["comments"]) or "-")
    out.print(table)


@report_app.command("gaps")
def gaps(
    below: Annotated[float, typer.Option(min=0.0, max=1.0, help=(
        "Confidence under this counts as low (answers start at COACH_CLARIFY_THRESHOLD, 0.6 by default)."))] = 0.7,
    limit: Annotated[int, typer.Option(min=1, max=5000, help="How many recent questions to look at.")] = 200,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Questions the coach declined, asked to clarify, or answered with low confidence: cards to write next."""
    settings, store = _open()
    answer_at = Ranker.load().with_cutoffs(settings.clarify_threshold, settings.scope_threshold).answer_at
    grouped: dict[str, dict[str, Any]] = {}
    for row in store.gaps(below, limit):
        key = " ".join(row["content"].split()).casefold()
        confidence = float(row["confidence"] or 0.0)
        outcome = ("declined" if row["in_scope"] is False else
                   "asked to clarify" if confidence < answer_at else "low-confidence answer")
        item = grouped.setdefault(key, {"question": row["content"], "times": 0, "confidence": confidence,
                                        "outcome": outcome, "last_asked": row["created_at"]})
        item["times"] += 1
        item["confidence"] = round(min(item["confidence"], confidence), 3)
    rows = sorted(grouped.values(), key=lambda r: (-r["times"], r["confidence"]))
    if as_json:
        _json(rows)
        return
    if not rows:
        out.print(f"No gaps: every recent question was answered with confidence of at least {below:.2f}.")
        return
    table = Table(title=f"Questions declined or answered with confidence under {below:.2f}")
    for column, justify in (("question", "left"), ("times", "right"), ("confidence", "right"),
                            ("outcome", "left"), ("last asked (UTC)", "left")):
        table.add_column(column, justify=justify, overflow="fold")  # type: ignore[arg-type]
    for row in rows:
        table.add_row(row["question"], str(row["times"]), f"{row['confidence']:.2f}", row["outcome"],
                      row["last_asked"][:19].replace("T", " "))
    out.print(table)
