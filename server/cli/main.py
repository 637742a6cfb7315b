"""The `coach` command: one Typer app with a sub-app or command per module of this package.

Commands import heavy parts (torch, faiss, uvicorn) inside their bodies, so `coach --help` stays fast.
"""

from __future__ import annotations

import typer

from server.cli.answers import eval_answers_command
from server.cli.ask import ask_command
from server.cli.index import index_app
from server.cli.kb import kb_app
from server.cli.report import report_app
from server.cli.search import eval_command, search_command
from server.cli.serve import serve_command
from server.cli.slack import slack_app

cli = typer.Typer(
    help="Co-Production Coach: cross-cultural coaching for Asian-US film, series and animation co-productions.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
)
cli.add_typer(index_app, name="index")
cli.add_typer(kb_app, name="kb")
cli.command("eval")(eval_command)
cli.command("eval-answers")(eval_answers_command)
cli.command("search")(search_command)
cli.command("ask")(ask_command)
cli.command("serve")(serve_command)
cli.add_typer(report_app, name="report")
cli.add_typer(slack_app, name="slack")
