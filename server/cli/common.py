"""What every `coach` command shares: the consoles, one way to fail, and loading settings and the retriever."""

from __future__ import annotations

from typing import TYPE_CHECKING, NoReturn

import typer
from rich.console import Console

from server.settings import Settings

if TYPE_CHECKING:
    from server.coach.answer import Answerer
    from server.search.retrieval import Retriever

out = Console()
err = Console(stderr=True)


def fail(message: str, code: int = 1) -> NoReturn:
    """Print the error in red on stderr and exit with `code`."""
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def load_settings() -> Settings:
    """Settings from the environment and .env; exit 2 naming the bad variable."""
    try:
        return Settings()
    except Exception as e:  # pydantic ValidationError names the variable and the value
        fail(f"bad setting: {e}", 2)


def load_retriever(settings: Settings) -> Retriever:
    """The model and the index on disk, ready to search."""
    from server.search.embedder import LocalEmbedder
    from server.search.index import load_index, read_manifest
    from server.search.retrieval import Retriever

    read_manifest(settings.index_dir)  # a missing index fails before the slow model load
    embedder = LocalEmbedder(settings.embed_model, settings.embed_batch_size, settings.embed_backend,
                                           export_dir=settings.model_export_dir)
    return Retriever(load_index(settings.index_dir, embedder), embedder, settings.rrf_k)


def load_answerer(settings: Settings) -> Answerer:
    """The whole coach as a serving worker loads it (model, index, store, ranker, optional LLM writer)."""
    from server.service.runtime import Runtime, load_runtime

    runtime = Runtime(settings)
    with err.status("Loading the coach…"):
        load_runtime(runtime)
    if runtime.answerer is None:
        fail(runtime.error_detail or runtime.error or "the coach could not load")
    return runtime.answerer
