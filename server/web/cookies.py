"""What the browser remembers between visits: its recent conversations, the asker's partner and side, the language
answers should be written in, and the interface language chosen with the page's switch."""

from __future__ import annotations

import re
from typing import Any

from fastapi import Request
from fastapi.responses import Response

RECENT_COOKIE, CULTURE_COOKIE, SIDE_COOKIE = "coach_recent", "coach_culture", "coach_side"
ANSWER_LANG_COOKIE, LANG_COOKIE = "coach_answer_lang", "coach_lang"
RECENT_MAX = 8
YEAR = 365 * 24 * 3600
CONVERSATION_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
ANSWER_LANGS = ("en", "ja", "ko", "zh")  # server.models.Language; "" is "the language of my question"


def recent_ids(request: Request) -> list[str]:
    """The ids of this browser's recent conversations, newest first."""
    raw = request.cookies.get(RECENT_COOKIE, "")
    return [i for i in raw.split("/") if CONVERSATION_ID.match(i)][:RECENT_MAX]


def prefs(request: Request, culture: str | None = None, side: str | None = None,
          answer_lang: str | None = None) -> dict[str, str]:
    """The culture pair, side and answer language to show: what was just chosen, else what the cookies remember
    (a value the form could not have sent falls back to the default)."""
    culture = culture if culture is not None else request.cookies.get(CULTURE_COOKIE, "any")
    side = side if side is not None else request.cookies.get(SIDE_COOKIE, "")
    answer_lang = answer_lang if answer_lang is not None else request.cookies.get(ANSWER_LANG_COOKIE, "")
    return {"culture": culture if culture in ("any", "jp-us", "kr-us", "cn-us") else "any",
            "side": side if side in ("us-side", "asia-side") else "",
            "answer_lang": answer_lang if answer_lang in ANSWER_LANGS else ""}


def _options(request: Request, https_only: bool) -> dict[str, Any]:
    return {"httponly": True, "samesite": "lax", "max_age": YEAR,
            "secure": https_only or request.url.scheme == "https"}


def remember(response: Response, request: Request, conversation_id: str, culture: str, side: str,
             answer_lang: str = "", https_only: bool = False) -> None:
    """Put this conversation first in the recent list and keep the chosen pair, side and answer language."""
    recent = [conversation_id] + [i for i in recent_ids(request) if i != conversation_id]
    options = _options(request, https_only)
    response.set_cookie(RECENT_COOKIE, "/".join(recent[:RECENT_MAX]), **options)
    response.set_cookie(CULTURE_COOKIE, culture or "any", **options)
    response.set_cookie(SIDE_COOKIE, side or "either", **options)
    response.set_cookie(ANSWER_LANG_COOKIE, answer_lang or "same", **options)


def remember_language(response: Response, request: Request, lang: str, https_only: bool = False) -> None:
    """Keep the interface language chosen with the page's switch."""
    response.set_cookie(LANG_COOKIE, lang, **_options(request, https_only))
