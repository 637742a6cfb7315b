"""`coach ask`: one question, or an interactive session that keeps the conversation."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from server.cli.common import err, load_answerer, load_settings, out

if TYPE_CHECKING:
    from server.coach.answer import Answerer
    from server.models import Answer


def _print_answer(answer: Answer, as_json: bool, answerer: Answerer) -> None:
    from rich.markdown import Markdown
    from rich.markup import escape

    if as_json:
        sys.stdout.write(answer.model_dump_json(indent=2) + "\n")
        return
    chat = answerer.labels[answer.lang.value]["chat"]
    out.print(Markdown(answer.answer_markdown))
    more = [s for s in answer.suggestions if s not in answer.answer_markdown]  # a decline already lists its examples
    if more:
        out.print(f"\n[bold]{escape(chat['also_ask'])}[/]")
        for suggestion in more:
            out.print(f"  • {suggestion}", highlight=False, markup=False)
    out.print(f"[dim]{escape(chat['confidence'])} {answer.confidence:.2f} · conversation {answer.conversation_id}[/]")


def ask_command(
    question: Annotated[str | None, typer.Argument(help="Your question; leave out for an interactive session.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the /api/ask JSON instead of Markdown.")] = False,
    culture: Annotated[str | None, typer.Option(help="Culture pair: jp-us, kr-us, cn-us or any.")] = None,
    perspective: Annotated[str | None, typer.Option(help="Your side: us-side or asia-side.")] = None,
    conversation: Annotated[str | None, typer.Option(help="Continue this conversation id.")] = None,
    lang: Annotated[str | None, typer.Option(
        help="Answer in en, ja, ko or zh (default: the language the question is written in).")] = None,
) -> None:
    """Ask the coach a question and print grounded coaching with its sources.

    With no question, starts an interactive session that keeps the conversation (Ctrl-D or 'quit' to leave).
    """
    from pydantic import ValidationError

    from server.models import Ask

    settings = load_settings()

    def make_ask(text: str, conversation_id: str | None) -> Ask:
        try:
            return Ask(message=text, conversation_id=conversation_id, culture=culture, perspective=perspective,
                       lang=lang)
        except ValidationError as e:
            detail = "; ".join(f"{'.'.join(map(str, x['loc']))}: {x['msg']}" for x in e.errors())
            raise typer.BadParameter(detail) from e

    if question is not None:
        ask = make_ask(question, conversation)
        answerer = load_answerer(settings)
        _print_answer(answerer.answer(ask), as_json, answerer)
        return
    answerer = load_answerer(settings)
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
        _print_answer(answer, as_json, answerer)
