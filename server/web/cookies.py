"""What the browser remembers between visits: its recent conversations and the asker's partner and side."""

from __future__ import annotations

import re
from typing import Any

from fastapi import Request
from fastapi.responses import Response

RECENT_COOKIE, CULTURE_COOKIE, SIDE_COOKIE = "coach_recent", "coach_culture", "coach_side"
RECENT_MAX = 8
YEAR = 365 * 24 * 3600
CONVERSATION_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")


def recent_ids(request: Request) -> list[str]:
    """The ids of this browser's recent conversations, newest first."""
    raw = request.cookies.get(RECENT_COOKIE, "")
    return [i for i in raw.split("/") if CONVERSATION_ID.match(i)][:RECENT_MAX]


def prefs(request: Request, culture: str | None = None, side: str | None = None) -> dict[str, str]:
    """The culture pair and side to show: what was just chosen, else what the cookies remember."""
    culture = culture if culture is not None else request.cookies.get(CULTURE_COOKIE, "any")
    side = side if side is not None else request.cookies.get(SIDE_COOKIE, "")
    return {"culture": culture if culture in ("any", "jp-us", "kr-us", "cn-us") else "any",
            "side": side if side in ("us-side", "asia-side") else ""}


def remember(response: Response, request: Request, conversation_id: str, culture: str, side: str,
             https_only: bool = False) -> None:
    """Put this conversation first in the recent list and keep the chosen pair and side."""
    recent = [conversation_id] + [i for i in recent_ids(request) if i != conversation_id]
    options: dict[str, Any] = {"httponly": True, "samesite": "lax", "max_age": YEAR,
                               "secure": https_only or request.url.scheme == "https"}
    response.set_cookie(RECENT_COOKIE, "/".join(recent[:RECENT_MAX]), **options)
    response.set_cookie(CULTURE_COOKIE, culture or "any", **options)
    response.set_cookie(SIDE_COOKIE, side or "either", **options)
