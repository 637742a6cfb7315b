"""The web interface's language: English, Japanese, Korean or Chinese (Simplified). Chosen from the browser's
Accept-Language, overridden by the page's language switch (remembered in a cookie), and translated with the gettext
catalogues in web/locale/ (`make messages` extracts, updates and compiles them). The language of the request being
served lives in a context variable, so the templates and the error messages of these modules need no parameter."""

from __future__ import annotations

import gettext as gnu
import re
from contextvars import ContextVar
from functools import cache

from fastapi import Request

from server.settings import PROJECT_ROOT
from server.web.cookies import LANG_COOKIE

# Each language's name in its own script: the switch and the answer-language choice show these, never translated.
LANGUAGES = {"en": "English", "ja": "日本語", "ko": "한국어", "zh": "中文（简体）"}
DEFAULT = "en"
LOCALE_DIR = PROJECT_ROOT / "web" / "locale"
MAX_RANGES = 32  # an Accept-Language longer than this is read only this far: browsers send a handful
_RANGE = re.compile(r"\*|[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")
_QVALUE = re.compile(r"[qQ]=(0(?:\.[0-9]{0,3})?|1(?:\.0{0,3})?)")  # RFC 9110 section 12.4.2
_current: ContextVar[str] = ContextVar("coach_web_lang", default=DEFAULT)


def accepted(header: str) -> list[tuple[str, float]]:
    """The language ranges of an Accept-Language header with their weights, most wanted first (equal weights keep
    the header's order). Malformed ranges or weights are skipped, never an error: a browser's header is a hint."""
    ranges: list[tuple[str, float]] = []
    for item in header.split(",")[:MAX_RANGES]:
        tag, *params = (part.strip() for part in item.split(";"))
        if not _RANGE.fullmatch(tag):
            continue
        weight: float | None = 1.0
        for param in params:
            if param[:2].lower() == "q=":
                match = _QVALUE.fullmatch(param)
                weight = float(match[1]) if match else None
        if weight is not None:
            ranges.append((tag.lower(), weight))
    return sorted(ranges, key=lambda pair: -pair[1])


def negotiate(header: str | None) -> str:
    """The interface language for an Accept-Language header: the first range with a weight above 0 whose primary
    subtag we have (any Chinese variant, Traditional included, gets Simplified: the nearest we have, and the switch
    offers English). `*` or nothing we have: English."""
    for tag, weight in accepted(header or ""):
        primary = tag.split("-")[0]
        if weight > 0 and primary in LANGUAGES:
            return primary
    return DEFAULT


def choose(request: Request) -> str:
    """The language switch's choice (the cookie) when it names a language we have, else the browser's."""
    chosen = request.cookies.get(LANG_COOKIE, "")
    return chosen if chosen in LANGUAGES else negotiate(request.headers.get("accept-language"))


def activate(lang: str) -> None:
    """Serve the rest of this request (its templates, its messages) in `lang`."""
    _current.set(lang if lang in LANGUAGES else DEFAULT)


def current() -> str:
    return _current.get()


@cache
def translations(lang: str) -> gnu.NullTranslations:
    """The compiled catalogue of `lang` (English is the source language: no catalogue). A missing .mo file is an
    error, not a silent fallback: `make messages` writes it."""
    if lang == DEFAULT:
        return gnu.NullTranslations()
    with open(LOCALE_DIR / lang / "LC_MESSAGES" / "messages.mo", "rb") as mo:
        return gnu.GNUTranslations(mo)


def _(message: str) -> str:
    """`message` in the current request's language."""
    return translations(current()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations(current()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return translations(current()).pgettext(context, message)


def N_(message: str) -> str:  # noqa: N802 (the gettext convention: marks a string for extraction only)
    """Marks a module-level message for `pybabel extract`; it is translated where it is shown, with `_`."""
    return message


def NP_(context: str, message: str) -> str:  # noqa: N802
    """N_ with a context (`make messages` extracts it as NP_:1c,2); translated where shown, with `pgettext`."""
    return message
