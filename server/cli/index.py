"""`coach index`: build the search index and check that it is current."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from server.cli.common import err, fail, load_settings, out
from server.errors import CoachError

index_app = typer.Typer(help="Build and check the search index (var/index by default).", no_args_is_help=True)


@index_app.command("build")
def index_build(
    force: Annotated[bool, typer.Option("--force", help="Rebuild even when the index is current.")] = False,
) -> None:
    """Lint the cards, embed new or changed passages, and swap in a new index atomically."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from server.search.embedder import LocalEmbedder, build_threads
    from server.search.index import MANIFEST, build_index, check_index

    settings = load_settings()
    reason = check_index(settings.knowledge_dir, settings.index_dir, settings.embed_model, settings.embed_backend)
    if not force and reason is None:
        out.print(f"Index at {settings.index_dir} is current; nothing to do (use --force to rebuild).")
        return
    if not (settings.index_dir / MANIFEST).exists():  # a first run is not an error: say what happens next
        err.print("no index yet: building it (first run, about a minute)", highlight=False)
    elif reason is not None:
        err.print(f"rebuilding: {reason.split(': run ')[0]}", highlight=False)
    try:
        with err.status(f"Loading the embedding model ({settings.embed_backend})…"):
            embedder = LocalEmbedder(settings.embed_model, settings.embed_batch_size,
                                                   settings.embed_backend, build_threads(), settings.model_export_dir)
        with Progress(TextColumn("Embedding passages"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=err, transient=True) as progress:
            task = progress.add_task("embed", total=0)
            manifest = build_index(
                settings.knowledge_dir, settings.index_dir, embedder, settings.cache_dir, settings.index_type,
                on_embed_start=lambda n: progress.update(task, total=n),
                on_embedded=lambda n: progress.advance(task, n),
            )
    except CoachError as e:
        fail(str(e))
    table = Table(title=f"Index built: {settings.index_dir}", show_header=False)
    for key, value in [
        ("cards", manifest.card_count), ("passages", manifest.passage_count),
        ("embedded", manifest.embedded), ("from cache", manifest.cached),
        ("model", f"{manifest.model} ({manifest.dimension} dims, {manifest.backend})"),
        ("index type", manifest.index_type),
        ("build id", manifest.build_id),
        ("seconds", f"{manifest.seconds:.1f} ({manifest.embed_seconds:.1f} embedding)"),
    ]:
        table.add_row(key, str(value))
    out.print(table)


@index_app.command("check")
def index_check() -> None:
    """Exit 0 if the index is current with knowledge/ and the configured model; otherwise say why (exit 1)."""
    from server.search.index import check_index

    settings = load_settings()
    reason = check_index(settings.knowledge_dir, settings.index_dir, settings.embed_model, settings.embed_backend)
    if reason is not None:
        fail(reason)
    out.print(f"Index at {settings.index_dir} is current.")


@index_app.command("export-model")
def index_export_model() -> None:
    """Export the embedding model to ONNX once (make setup runs this; build and serve do it when it is missing)."""
    from server.search.embedder import exported_model_dir

    settings = load_settings()
    if settings.embed_backend == "torch":
        out.print("COACH_EMBED_BACKEND=torch: nothing to export.")
        return
    try:
        with err.status("Exporting the embedding model to ONNX (once)…"):
            folder = exported_model_dir(settings.embed_model, settings.model_export_dir)
    except CoachError as e:
        fail(str(e))
    out.print(f"ONNX model ready at {folder}")
