"""`coach slack …`: connecting the coach to a Slack workspace, starting with the app manifest (YAML) for a
deployment: the command, event subscriptions, interactivity and scopes."""

from __future__ import annotations

import re
from typing import Annotated, Any

import typer
import yaml

slack_app = typer.Typer(help="Slack integration helpers.", no_args_is_help=True)
BOT_SCOPES = ["app_mentions:read", "chat:write", "commands", "im:history"]
BOT_EVENTS = ["app_mention", "message.im"]


def manifest(base_url: str, command: str = "/coach", name: str = "Co-Production Coach") -> str:
    """A manifest to paste into "Create an app > From a manifest" at api.slack.com/apps."""
    base = base_url.strip().rstrip("/")
    if not re.fullmatch(r"https://[^\s/]+(/\S*)?", base):  # Slack calls only HTTPS request URLs
        raise ValueError(f"base URL '{base_url}' is not an https:// URL, e.g. https://coach.example.com")
    if not re.fullmatch(r"/[a-z0-9_-]{1,31}", command):
        raise ValueError(f"command '{command}' must start with / and use lower-case letters, digits, - or _")
    data: dict[str, Any] = {
        "display_information": {
            "name": name,
            "description": "Cross-cultural coaching for Asian-US film, series and animation co-productions.",
        },
        "features": {
            "app_home": {"messages_tab_enabled": True, "messages_tab_read_only_enabled": False},
            "bot_user": {"display_name": "Coach", "always_online": True},
            "slash_commands": [{
                "command": command, "url": f"{base}/slack/commands",
                "description": "Ask the co-production coach", "usage_hint": "[share] <question> | help",
                "should_escape": False,
            }],
        },
        "oauth_config": {"scopes": {"bot": BOT_SCOPES}},
        "settings": {
            "event_subscriptions": {"request_url": f"{base}/slack/events", "bot_events": BOT_EVENTS},
            "interactivity": {"is_enabled": True, "request_url": f"{base}/slack/interactions"},
            "org_deploy_enabled": False,
            "socket_mode_enabled": False,
            "token_rotation_enabled": False,
        },
    }
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


@slack_app.command("manifest")
def manifest_command(
    base_url: Annotated[str, typer.Option(help="Public https:// URL where Slack reaches the coach.")],
    command: Annotated[str, typer.Option(help="Slash command name.")] = "/coach",
) -> None:
    """Print a Slack app manifest (YAML) with this deployment's URLs, events and scopes."""
    try:
        typer.echo(manifest(base_url, command), nl=False)
    except ValueError as e:
        raise typer.BadParameter(str(e)) from e
