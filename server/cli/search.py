"""`coach eval` and `coach search`: what retrieval finds, over a whole question set or for one question."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from server.cli.common import fail, load_retriever, load_settings, out
from server.errors import CoachError


def eval_command(
    file: Annotated[Path, typer.Argument(help="JSONL: one {\"question\": ..., \"topics\": [...]} per line.",
                                         exists=True, dir_okay=False, readable=True)],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    show_misses: Annotated[bool, typer.Option("--misses", help="List questions hybrid missed in the top 3.")] = False,
) -> None:
    """Measure hit@1, hit@3 and MRR per topic for dense, BM25 and hybrid retrieval side by side."""
    from server.knowledge.cards import load_topics
    from server.search.evaluate import evaluate, read_questions, to_json

    settings = load_settings()
    try:
        questions = read_questions(file, set(load_topics(settings.topics_file)))
        report = evaluate(load_retriever(settings), questions)
    except CoachError as e:
        fail(str(e))
    if as_json:
        sys.stdout.write(to_json(report) + "\n")
        return
    table = Table(title=f"Retrieval quality on {file} ({report.modes['hybrid']['overall'].n} questions)")
    table.add_column("topic")
    for mode in report.modes:
        for metric in ("hit@1", "hit@3", "MRR"):
            table.add_column(f"{mode} {metric}", justify="right")
    topics = ["overall"] + sorted(t for t in report.modes["hybrid"] if t != "overall")
    for topic in topics:
        row = [f"{topic} ({report.modes['hybrid'][topic].n})"]
        for by in report.modes.values():
            d = by[topic].as_dict()
            row += [f"{d['hit@1']:.2f}", f"{d['hit@3']:.2f}", f"{d['mrr']:.2f}"]
        table.add_row(*row, end_section=topic == "overall")
    Console(width=max(out.width, 150)).print(table)  # ten columns: never squeeze them into 80
    if show_misses:
        for miss in report.misses:
            out.print(json.dumps(miss, ensure_ascii=False), highlight=False, soft_wrap=True)


def search_command(
    question: Annotated[str, typer.Argument(help="What to look for.")],
    k: Annotated[int, typer.Option("-k", min=1, max=50, help="How many cards.")] = 5,
) -> None:
    """Show the cards retrieval finds for a question, with scores (for curators)."""
    from server.models import Query

    settings = load_settings()
    try:
        hits = load_retriever(settings).search(Query(text=question), k=k)
    except CoachError as e:
        fail(str(e))
    table = Table(title=f"Cards for: {question}")
    for column in ("#", "card", "fused", "cosine", "topics", "passage"):
        table.add_column(column)
    for rank, hit in enumerate(hits, start=1):
        table.add_row(str(rank), hit.card_id, f"{hit.score:.4f}", f"{hit.dense_score:.2f}",
                      ", ".join(hit.topics), hit.passage_kind)
    out.print(table)
