"""The interface language switch: GET /language/{lang} remembers the choice in a cookie and goes back to the page it
was made on. A link, not a form: it works without JavaScript, and choosing a language changes nothing but the look."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from server.service.deps import RuntimeDep
from server.web import cookies, i18n
from server.web.i18n import _
from server.web.views import PageRoute, render

router = APIRouter(tags=["web"], route_class=PageRoute, include_in_schema=False)


def back(request: Request) -> str:
    """The page the switch was used on: this site's address in Referer (path and query only), else the chat. Never
    another site, nor a path a browser would read as one (`//host`, `/\\host`)."""
    parts = urlsplit(request.headers.get("referer", ""))
    same_site = parts.netloc.lower() == request.headers.get("host", "").lower()
    if not same_site or not parts.path.startswith("/") or parts.path.startswith("//") or "\\" in parts.path:
        return "/"
    return urlunsplit(("", "", parts.path, parts.query, ""))


@router.get("/language/{lang}", response_model=None)
def switch(lang: str, request: Request, runtime: RuntimeDep) -> Response:
    """Show the pages in `lang` (en, ja, ko or zh) from now on, in this browser."""
    if lang not in i18n.LANGUAGES:
        message = _("The coach's pages are written in English, Japanese, Korean and Chinese (Simplified); "
                    "'{lang}' is none of these. Choose a language from the menu at the top of the page.")
        return HTMLResponse(render("error.html", title=_("No such language"), message=message.format(lang=lang[:20])),
                            status_code=404)
    response = RedirectResponse(back(request), status_code=303)
    cookies.remember_language(response, request, lang, runtime.settings.https_only)
    return response
