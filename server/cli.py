"""The `coach` command line: build and check the index, lint the cards, ask, evaluate, serve."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console
from rich.table import Table

from server.cli_report import report_app
from server.cli_slack import slack_app
from server.errors import CoachError
from server.settings import Settings

if TYPE_CHECKING:
    from server.retrieval import Retriever

cli = typer.Typer(
    help="Co-Production Coach: cross-cultural coaching for Asian-US film, series and animation co-productions.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
)
index_app = typer.Typer(help="Build and check the search index (var/index by default).", no_args_is_help=True)
kb_app = typer.Typer(help="Check the knowledge cards in knowledge/.", no_args_is_help=True)
cli.add_typer(index_app, name="index")
cli.add_typer(kb_app, name="kb")
cli.add_typer(report_app, name="report")
cli.add_typer(slack_app, name="slack")

out = Console()
err = Console(stderr=True)


def _fail(message: str, code: int = 1) -> NoReturn:
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def _settings() -> Settings:
    try:
        return Settings()
    except Exception as e:  # pydantic ValidationError names the variable and the value
        _fail(f"bad setting: {e}", 2)


def _load_retriever(settings: Settings) -> Retriever:
    from server.embedder import SentenceTransformerEmbedder
    from server.index import load_index, read_manifest
    from server.retrieval import Retriever

    read_manifest(settings.index_dir)  # a missing index fails before the slow model load
    embedder = SentenceTransformerEmbedder(settings.embed_model, settings.embed_batch_size)
    return Retriever(load_index(settings.index_dir, embedder), embedder, settings.rrf_k)


@index_app.command("build")
def index_build(
    force: Annotated[bool, typer.Option("--force", help="Rebuild even when the index is current.")] = False,
) -> None:
    """Lint the cards, embed new or changed passages, and swap in a new index atomically."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from server.embedder import SentenceTransformerEmbedder
    from server.index import build_index, check_index

    settings = _settings()
    if not force and check_index(settings.knowledge_dir, settings.index_dir, settings.embed_model) is None:
        out.print(f"Index at {settings.index_dir} is current; nothing to do (use --force to rebuild).")
        return
    try:
        with err.status("Loading the embedding model…"):
            embedder = SentenceTransformerEmbedder(settings.embed_model, settings.embed_batch_size)
        with Progress(TextColumn("Embedding passages"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=err, transient=True) as progress:
            task = progress.add_task("embed", total=0)
            manifest = build_index(
                settings.knowledge_dir, settings.index_dir, embedder, settings.cache_dir, settings.index_type,
                on_embed_start=lambda n: progress.update(task, total=n),
                on_embedded=lambda n: progress.advance(task, n),
            )
    except CoachError as e:
        _fail(str(e))
    table = Table(title=f"Index built: {settings.index_dir}", show_header=False)
    for key, value in [
        ("cards", manifest.card_count), ("passages", manifest.passage_count),
        ("embedded", manifest.embedded), ("from cache", manifest.cached),
        ("model", f"{manifest.model} ({manifest.dimension} dims)"), ("index type", manifest.index_type),
        ("build id", manifest.build_id), ("seconds", f"{manifest.seconds:.1f}"),
    ]:
        table.add_row(key, str(value))
    out.print(table)


@index_app.command("check")
def index_check() -> None:
    """Exit 0 if the index is current with knowledge/ and the configured model; otherwise say why (exit 1)."""
    from server.index import check_index

    settings = _settings()
    reason = check_index(settings.knowledge_dir, settings.index_dir, settings.embed_model)
    if reason is not None:
        _fail(reason)
    out.print(f"Index at {settings.index_dir} is current.")


@kb_app.command("lint")
def kb_lint(
    stats: Annotated[bool, typer.Option("--stats", help="Also print the coverage table.")] = False,
    duplicates: Annotated[bool, typer.Option(
        "--duplicates/--no-duplicates", help="Compare whole cards with the embedding model (slower).")] = True,
) -> None:
    """Check every card and print each problem as path:line: message (exit 1 if any)."""
    from server.cards import lint, load_topics

    settings = _settings()
    try:
        cards, problems = lint(settings.knowledge_dir)
        topics = load_topics(settings.topics_file)
        if duplicates and cards:
            from server.embedder import load_embedder
            from server.near_duplicates import near_duplicates

            problems += near_duplicates(cards, load_embedder(settings.embed_model), settings.cache_dir)
    except CoachError as e:
        _fail(str(e))
    for problem in problems:
        out.print(str(problem), highlight=False, soft_wrap=True)
    if stats:
        _print_stats(cards, list(topics))
    if problems:
        _fail(f"{len(problems)} problem(s) in {len(cards)} parsed card(s)")
    out.print(f"{len(cards)} cards, no problems.")


def _print_stats(cards: list, topics: list[str]) -> None:  # type: ignore[type-arg]
    from server.coverage import MIN_PER_TOPIC, coverage

    cov = coverage(cards)
    table = Table(title="Knowledge-base coverage")
    table.add_column("what")
    table.add_column("count", justify="right")
    rows = [("cards", cov.cards)]
    rows += [(f"culture {k}", v) for k, v in sorted(cov.per_pair.items())]
    rows += [(f"perspective {k}", v) for k, v in sorted(cov.per_perspective.items())]
    rows += [(f"kind {k}", v) for k, v in sorted(cov.per_kind.items())]
    rows += [(f"phrases {k}", v) for k, v in sorted(cov.phrases.items())]
    for key, value in rows:
        table.add_row(key, str(value))
    out.print(table)
    by_topic = Table(title=f"Cards per topic (minimum {MIN_PER_TOPIC}, and one jp-us each)")
    for column in ("topic", "cards", "jp-us"):
        by_topic.add_column(column)
    for slug in topics:
        if slug != "out-of-scope":
            by_topic.add_row(slug, str(cov.per_topic[slug]), str(cov.per_topic_jp[slug]))
    out.print(by_topic)
    shortfalls = cov.shortfalls(topics)
    out.print("Coverage minimums: " + ("all met." if not shortfalls else "short: " + "; ".join(shortfalls)),
              highlight=False)


@cli.command("eval")
def eval_command(
    file: Annotated[Path, typer.Argument(help="JSONL: one {\"question\": ..., \"topics\": [...]} per line.",
                                         exists=True, dir_okay=False, readable=True)],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    show_misses: Annotated[bool, typer.Option("--misses", help="List questions hybrid missed in the top 3.")] = False,
) -> None:
    """Measure hit@1, hit@3 and MRR per topic for dense, BM25 and hybrid retrieval side by side."""
    from server.cards import load_topics
    from server.evaluate import evaluate, read_questions, to_json

    settings = _settings()
    try:
        questions = read_questions(file, set(load_topics(settings.topics_file)))
        report = evaluate(_load_retriever(settings), questions)
    except CoachError as e:
        _fail(str(e))
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


@cli.command("search")
def search_command(
    question: Annotated[str, typer.Argument(help="What to look for.")],
    k: Annotated[int, typer.Option("-k", min=1, max=50, help="How many cards.")] = 5,
) -> None:
    """Show the cards retrieval finds for a question, with scores (for curators)."""
    from server.models import Query

    settings = _settings()
    try:
        hits = _load_retriever(settings).search(Query(text=question), k=k)
    except CoachError as e:
        _fail(str(e))
    table = Table(title=f"Cards for: {question}")
    for column in ("#", "card", "fused", "cosine", "topics", "passage"):
        table.add_column(column)
    for rank, hit in enumerate(hits, start=1):
        table.add_row(str(rank), hit.card_id, f"{hit.score:.4f}", f"{hit.dense_score:.2f}",
                      ", ".join(hit.topics), hit.passage_kind)
    out.print(table)


def _answerer(settings: Settings):  # type: ignore[no-untyped-def]
    from server.app import Runtime, load_runtime

    runtime = Runtime(settings)
    with err.status("Loading the coach…"):
        load_runtime(runtime)
    if runtime.answerer is None:
        _fail(runtime.error or "the coach could not load")
    return runtime.answerer


def _print_answer(answer, as_json: bool) -> None:  # type: ignore[no-untyped-def]
    from rich.markdown import Markdown

    if as_json:
        sys.stdout.write(answer.model_dump_json(indent=2) + "\n")
        return
    out.print(Markdown(answer.answer_markdown))
    if answer.suggestions:
        out.print("\n[bold]You could also ask:[/]")
        for suggestion in answer.suggestions:
            out.print(f"  • {suggestion}", highlight=False)
    out.print(f"[dim]confidence {answer.confidence:.2f} · conversation {answer.conversation_id}[/]")


@cli.command("ask")
def ask_command(
    question: Annotated[str | None, typer.Argument(help="Your question; leave out for an interactive session.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the /api/ask JSON instead of Markdown.")] = False,
    culture: Annotated[str | None, typer.Option(help="Culture pair: jp-us, kr-us, cn-us or any.")] = None,
    perspective: Annotated[str | None, typer.Option(help="Your side: us-side or asia-side.")] = None,
    conversation: Annotated[str | None, typer.Option(help="Continue this conversation id.")] = None,
) -> None:
    """Ask the coach a question and print grounded coaching with its sources.

    With no question, starts an interactive session that keeps the conversation (Ctrl-D or 'quit' to leave).
    """
    from pydantic import ValidationError

    from server.models import Ask

    settings = _settings()

    def make_ask(text: str, conversation_id: str | None) -> Ask:
        try:
            return Ask(message=text, conversation_id=conversation_id, culture=culture, perspective=perspective)
        except ValidationError as e:
            detail = "; ".join(f"{'.'.join(map(str, x['loc']))}: {x['msg']}" for x in e.errors())
            raise typer.BadParameter(detail) from e

    if question is not None:
        ask = make_ask(question, conversation)
        _print_answer(_answerer(settings).answer(ask), as_json)
        return
    answerer = _answerer(settings)
    conversation_id = conversation
    out.print("[bold]Co-Production Coach[/] — ask about your co-production; 'quit' or Ctrl-D to leave.")
    while True:
        try:
            text = out.input("[bold cyan]you>[/] ").strip()
        except (EOFError, KeyboardInterrupt):
            out.print()
            return
        if text.lower() in {"quit", "exit", ":q"}:
            return
        if not text:
            continue
        try:
            answer = answerer.answer(make_ask(text, conversation_id))
        except typer.BadParameter as e:
            err.print(f"[red]{e}[/]")
            continue
        conversation_id = answer.conversation_id
        _print_answer(answer, as_json)


@cli.command("serve")
def serve_command(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Worker processes (each loads model + index).")] = 1,
    log_level: Annotated[str, typer.Option(help="critical, error, warning, info or debug.")] = "info",
    json_logs: Annotated[bool, typer.Option("--json-logs", help="Log one JSON object per line.")] = False,
) -> None:
    """Serve the web chat and JSON API with uvicorn (model and index load once per worker)."""
    import logging.config

    import uvicorn

    from server.logs import logging_config

    config = logging_config(json_logs, log_level)
    logging.config.dictConfig(config)
    _settings()  # fail fast on a bad setting
    # coach.access logs each request (with route template and conversation id), so uvicorn's access log is off
    uvicorn.run("server.app:app_factory", factory=True, host=host, port=port, workers=workers, log_level=log_level,
                log_config=config, access_log=False)
