"""The Slack app manifest (YAML) for a deployment: the command, event subscriptions, interactivity and scopes."""

from __future__ import annotations

import re
from typing import Any

import yaml

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
