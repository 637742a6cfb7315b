"""`coach slack …`: helpers for connecting the coach to a Slack workspace."""

from __future__ import annotations

from typing import Annotated

import typer

slack_app = typer.Typer(help="Slack integration helpers.", no_args_is_help=True)


@slack_app.command("manifest")
def manifest_command(
    base_url: Annotated[str, typer.Option(help="Public https:// URL where Slack reaches the coach.")],
    command: Annotated[str, typer.Option(help="Slash command name.")] = "/coach",
) -> None:
    """Print a Slack app manifest (YAML) with this deployment's URLs, events and scopes."""
    from server.slack.manifest import manifest

    try:
        typer.echo(manifest(base_url, command), nl=False)
    except ValueError as e:
        raise typer.BadParameter(str(e)) from e
