"""Checks on what the web's forms send: that a POST comes from this site's own pages (CSRF), that numbers are
numbers a form could send, and that text holds no NUL. Each failure has words a user can act on."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse

from server.web.i18n import N_, _
from server.web.views import render

CROSS_SITE = N_("This form was sent from another web site, so the coach refused it. Open the coach's own page and "
                "send it from there.")
NUL = N_("Your {what} contains a NUL character (often left by copying from a PDF or a binary file). Remove it, or "
         "paste the text again from a plain-text source, and send again.")
_FIELD_NAMES = {"message": N_("message"), "suggestion": N_("message"), "comment": N_("comment")}
REQUEST = N_("request")
_NUMBER = re.compile(r"[0-9]{1,6}")  # ASCII digits only: "²".isdigit() is True, and int() of 5,000 digits raises


def cross_site(request: Request) -> bool:
    """True for a form another site made the browser send. Browsers say where a request comes from in
    Sec-Fetch-Site (current ones) or Origin (every POST); a request with neither is not a browser's form post."""
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site is not None:
        return fetch_site not in ("same-origin", "none")
    origin = request.headers.get("origin")
    if origin is None:
        return False
    return origin == "null" or urlsplit(origin).netloc.lower() != request.headers.get("host", "").lower()


def whole_number(text: str) -> int | None:
    """A turn number from a form or query: up to six ASCII digits, else None."""
    return int(text) if _NUMBER.fullmatch(text) else None


def nul_problem(fields: dict[str, str]) -> str | None:
    """What to tell the user when a field holds a NUL character (PostgreSQL cannot store one), else None."""
    for name, value in fields.items():
        if "\x00" in value:
            return _(NUL).format(what=_(_FIELD_NAMES.get(name, REQUEST)))
    return None


def refused(request: Request) -> HTMLResponse:
    """403 for a form another site sent (cross-site request forgery)."""
    if request.headers.get("hx-request") == "true":
        return HTMLResponse(render("_error.html", message=_(CROSS_SITE)), status_code=403,
                            headers={"HX-Retarget": "#composer-error", "HX-Reswap": "innerHTML"})
    return HTMLResponse(render("error.html", title=_("Refused"), message=_(CROSS_SITE)), status_code=403)
