"""`coach kb`: lint the knowledge cards and show how well the knowledge base covers each pair, side and topic."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from server.cli.common import fail, load_settings, out
from server.errors import CoachError

if TYPE_CHECKING:
    from server.knowledge.translations import Translations
    from server.models import Card

kb_app = typer.Typer(help="Check the knowledge cards in knowledge/.", no_args_is_help=True)


@kb_app.command("lint")
def kb_lint(
    stats: Annotated[bool, typer.Option("--stats", help="Also print the coverage table.")] = False,
    duplicates: Annotated[bool, typer.Option(
        "--duplicates/--no-duplicates", help="Compare whole cards with the embedding model (slower).")] = True,
) -> None:
    """Check every card and translation; print each problem as path:line: message (exit 1 if any). A stale
    translation (its English card changed since) is a warning."""
    from server.knowledge.cards import lint, load_topics
    from server.knowledge.translations import lint_translations

    settings = load_settings()
    try:
        cards, problems = lint(settings.knowledge_dir)
        translations = lint_translations(settings.knowledge_dir, {c.id: c for c in cards})
        problems += translations.problems
        topics = load_topics(settings.topics_file)
        if duplicates and cards:
            from server.search.embedder import load_embedder
            from server.search.near_duplicates import near_duplicates

            problems += near_duplicates(cards, load_embedder(settings.embed_model), settings.cache_dir)
    except CoachError as e:
        fail(str(e))
    for problem in problems:
        out.print(str(problem), highlight=False, soft_wrap=True, markup=False)
    for warning in translations.stale.values():
        out.print(f"warning: {warning}", highlight=False, soft_wrap=True, markup=False)
    if stats:
        _print_stats(cards, list(topics))
        _print_languages(cards, translations)
    if problems:
        fail(f"{len(problems)} problem(s) in {len(cards)} parsed card(s) and their translations")
    done = sum(len(translations.of(lang)) for lang in translations.cards)
    out.print(f"{len(cards)} cards and {done} translations, no problems.")


def _print_stats(cards: list[Card], topics: list[str]) -> None:
    from server.knowledge.coverage import MIN_PER_TOPIC, coverage

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


def _print_languages(cards: list[Card], translations: Translations) -> None:
    """Per language: the cards that should be translated (the pair's and `any`), how many are, and how many stale."""
    from server.knowledge.translations import PARTNER_LANGUAGES, wanted

    table = Table(title="Translations (cards of the language's pair and `any`)")
    for column in ("language", "wanted", "translated", "stale", "missing", "coverage"):
        table.add_column(column, justify="right")
    for lang in PARTNER_LANGUAGES:
        want = [c.id for c in cards if wanted(c, lang)]
        done = [cid for cid in want if cid in translations.of(lang)]
        old = sum(1 for cid in done if (lang, cid) in translations.stale)
        share = f"{len(done) / len(want):.0%}" if want else "-"
        table.add_row(lang.value, str(len(want)), str(len(done)), str(old), str(len(want) - len(done)), share)
    out.print(table)
