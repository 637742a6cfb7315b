"""What the web pages show and how they are served: security headers, Markdown rendered safely, exchanges as
view models, the templates and the static files."""

from __future__ import annotations

import os
from collections.abc import Callable, Coroutine, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import jinja2
from fastapi import Request
from fastapi.routing import APIRoute
from markupsafe import Markup
from starlette.responses import Response
from starlette.staticfiles import StaticFiles

from server import __version__
from server.cjk import language_of
from server.errors import CoachError
from server.knowledge.cards import Topic, load_topics
from server.models import Answer, Card, Turn
from server.service.runtime import Runtime
from server.settings import PROJECT_ROOT
from server.web import i18n
from server.web.display import display_text, render_markdown
from server.web.i18n import N_, NP_, _

WEB_DIR = PROJECT_ROOT / "web"
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                    "Referrer-Policy": "same-origin", "X-Frame-Options": "DENY",
                    "Vary": "HX-Request, Cookie, Accept-Language"}  # the page's language follows the last two
NOT_READY_LOADING = N_("The coach is still loading its model and knowledge base. Try again in a few seconds.")
NOT_STARTED = N_("The coach could not start: {error}")
# The welcome chips: one per kind of situation the cards cover. Each catalogue holds its own language's questions
# (context "example question"), as a producer on the Asian side would ask them about an American partner.
EXAMPLE = "example question"
EXAMPLES = [  # TRANSLATORS: not a translation: six questions of your readers' own (the Asian side about an American
    # partner), written as they would type them, one per situation
    NP_("example question", "My partner won't say no directly. How do I read that?"),
    NP_("example question", "Who should have final cut in a Japan-US co-production?"),
    NP_("example question", "The yen moved 15 percent during our schedule. Who absorbs it?"),
    NP_("example question", "How do I read the room in a meeting in Seoul?"),
    NP_("example question", "How should I give notes to a Chinese partner without costing anyone face?"),
    NP_("example question", "What does 前向きに検討します really mean?"),
]
CULTURES = [("any", N_("Any")), ("jp-us", N_("Japan–US")), ("kr-us", N_("Korea–US")), ("cn-us", N_("China–US"))]
SIDES = [("", N_("either side")), ("us-side", N_("US side")), ("asia-side", N_("Asian side"))]
KIND_NAMES = {"phrasebook": N_("phrasebook"), "checklist": N_("checklist")}
CARD_LANG = "en"  # the cards the pages show come from the English index: their text is marked lang="en"
CULTURE_NAMES = {"any": N_("Any pair"), "jp-us": N_("Japan–US"), "kr-us": N_("Korea–US"), "cn-us": N_("China–US")}

class PageRoute(APIRoute):
    """Every web response carries the security headers (a strict CSP: no inline script, no eval)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def route(request: Request) -> Response:
            i18n.activate(i18n.choose(request))  # this request's templates and messages, in the reader's language
            response = await handler(request)
            response.headers.update(SECURITY_HEADERS)
            response.headers["X-Coach"] = "web"  # chat.js swaps in error pages only with this mark, never a proxy's
            response.headers.setdefault("Cache-Control", "no-store")
            response.headers.setdefault("Content-Language", i18n.current())
            return response

        return route


def not_ready(runtime: Runtime) -> str | None:
    """Why the coach cannot answer yet, or None once the model and index are loaded."""
    if runtime.answerer is not None:
        return None
    return _(NOT_STARTED).format(error=runtime.error) if runtime.error else _(NOT_READY_LOADING)


def examples() -> list[str]:
    """The welcome's example questions in the current interface language."""
    return [i18n.pgettext(EXAMPLE, e) for e in EXAMPLES]


@dataclass(frozen=True)
class SourceView:
    id: str
    title: str
    topics: list[str]
    summary: str
    lang: str = CARD_LANG  # the language its title and summary are shown in


@dataclass
class Exchange:
    """One question and the coach's reply, as the page shows it; `index` is the reply's turn number. `lang` is the
    reply's language and `question_lang` the question's (their elements carry them, so screen readers pick the right
    voice whatever the interface language)."""

    index: int
    question: str
    markdown: str
    html: Markup
    in_scope: bool
    sources: list[SourceView]
    suggestions: list[str] = field(default_factory=list)
    rated: bool = False  # rated already: the thanks replace the buttons
    focus: bool = False  # just rated without JS: the thanks take focus
    lang: str = "en"
    question_lang: str = "en"

    @property
    def kind(self) -> str:
        """answer, clarify (options, no sources) or decline (out of scope)."""
        return "decline" if not self.in_scope else "answer" if self.sources else "clarify"


def make_exchange(index: int, question: str, markdown: str, in_scope: bool, card_ids: Sequence[str],
                  cards: Mapping[str, Card], topics: Mapping[str, Topic], suggestions: Sequence[str] = (),
                  rated: bool = False, focus: bool = False, lang: str | None = None,
                  translated: Mapping[str, Mapping[str, Card]] | None = None) -> Exchange:
    """`lang`: the answer's language as the engine wrote it (a stored turn does not keep it, so it is read off the
    text). Sources and citations show a card's translation in that language where `translated` has one."""
    lang = lang or language_of(markdown)
    local = (translated or {}).get(lang, {})
    shown = markdown
    if suggestions and not card_ids:  # clarify / decline: the listed options are shown as buttons instead
        options = {s.strip() for s in suggestions}
        shown = "\n".join(line for line in markdown.splitlines()
                          if not (line.startswith("- ") and line[2:].strip() in options))
    sources = [SourceView(c.id, c.title, [topics[t].title if t in topics else t for t in c.topics], c.summary,
                          lang if c.id in local else CARD_LANG)
               for c in (local.get(i) or cards.get(i) for i in card_ids) if c is not None]
    titles = {i: c.title for i, c in cards.items()} | {i: c.title for i, c in local.items()}
    html = render_markdown(shown, titles, shift_headings=2, drop_sources=True)
    return Exchange(index, question, markdown, html, in_scope, sources, list(suggestions), rated, focus,
                    lang, language_of(question))


def exchange_from_answer(index: int, question: str, answer: Answer, cards: Mapping[str, Card],
                         topics: Mapping[str, Topic],
                         translated: Mapping[str, Mapping[str, Card]] | None = None) -> Exchange:
    return make_exchange(index, question, answer.answer_markdown, answer.in_scope, [s.id for s in answer.sources],
                         cards, topics, answer.suggestions, lang=answer.lang.value, translated=translated)


def history(turns: list[Turn], cards: Mapping[str, Card], topics: Mapping[str, Topic],
            focus: int | None = None, translated: Mapping[str, Mapping[str, Card]] | None = None) -> list[Exchange]:
    """Stored turns as exchanges, with the follow-ups they offered and whether they were rated."""
    return [make_exchange(i, turns[i - 1].content, t.content, bool(t.in_scope), t.card_ids, cards, topics,
                          t.suggestions, rated=t.rating is not None, focus=i == focus, translated=translated)
            for i, t in enumerate(turns) if t.role == "coach" and i > 0 and turns[i - 1].role == "user"]


def translated_cards(runtime: Runtime) -> dict[str, Mapping[str, Card]]:
    """The loaded index's translated cards by language (ja, ko, zh -> id -> card); empty before it has loaded."""
    if runtime.answerer is None:
        return {}
    return {str(lang): language.cards for lang, language in runtime.answerer.retriever.index.languages.items()}


@lru_cache(maxsize=8)
def _topics(path: str, _mtime: float) -> dict[str, Topic]:
    try:
        return load_topics(Path(path))
    except CoachError:
        return {}


def topic_titles(path: Path) -> dict[str, Topic]:
    """The taxonomy (slug -> Topic), re-read only when the file changes; empty when it is unreadable."""
    try:
        mtime = os.stat(path).st_mtime
    except OSError:
        return {}
    return _topics(str(path), mtime)


@cache
def _environment() -> jinja2.Environment:
    # autoescape is on for every template: answers echo pasted partner text. Translations are looked up per call in
    # the request's language (i18n.current); trimmed: a {% trans %} block's whitespace is collapsed, as extracted.
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(WEB_DIR / "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             extensions=["jinja2.ext.i18n"])
    env.install_gettext_callables(i18n._, i18n.ngettext, newstyle=True, pgettext=i18n.pgettext)  # type: ignore[attr-defined]
    env.policies["ext.i18n.trimmed"] = True
    env.globals.update(version=__version__, cultures=CULTURES, sides=SIDES, culture_names=CULTURE_NAMES,
                       kind_names=KIND_NAMES, card_lang=CARD_LANG, languages=i18n.LANGUAGES)
    env.filters["display"] = display_text
    env.filters["lang_of"] = language_of
    return env


def render(template: str, **context: Any) -> str:
    """A template in the current request's language (`ui_lang` is on every page's <html lang>)."""
    return _environment().get_template(template).render(ui_lang=i18n.current(), **context)


class _StaticFiles(StaticFiles):
    """Static files that browsers must not sniff into another type."""

    def file_response(self, *args: Any, **kwargs: Any) -> Response:
        response = super().file_response(*args, **kwargs)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Cache-Control"] = "public, max-age=3600"
        return response


def static_files() -> StaticFiles:
    """web/static: our CSS and script, the vendored htmx 4 and its SSE extension."""
    return _StaticFiles(directory=WEB_DIR / "static")
