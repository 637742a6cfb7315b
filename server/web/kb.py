"""The knowledge browser: /kb lists the cards by topic and searches them, /kb/{id} shows one card. Cards are shown
in the interface language where a translation exists (knowledge/cards/<lang>/<id>.md), else in English with one
line saying so; a card page links its English original and the translations there are."""

from __future__ import annotations

from collections.abc import Mapping

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from server.cjk import language_of
from server.knowledge.cards import SAY_SECTION, say_lines
from server.models import SECTION_TITLES, Card, Language, Perspective, Query
from server.service.deps import RuntimeDep
from server.service.runtime import Runtime
from server.web import i18n
from server.web.display import render_markdown
from server.web.i18n import N_, _
from server.web.views import PageRoute, not_ready, render, topic_titles

router = APIRouter(tags=["web"], route_class=PageRoute, include_in_schema=False)
RELATED = 3  # related cards a card page offers at least
QUESTIONS = 3  # "ask the coach" questions a card page offers
MIN_WORDS, MIN_CJK_CHARS = 4, 10  # a trigger this long reads as a question, not a keyword

# The section headings are the page's (interface language); the side labels lead the card's own lines, so they are
# in the card's language (the catalogue of card.lang), like the lines they lead.
HEADINGS = {SECTION_TITLES[0]: N_("What's going on"), SECTION_TITLES[1]: N_("What to do"),
            SECTION_TITLES[2]: N_("What to say"), SECTION_TITLES[3]: N_("Watch out for")}
SIDE_LABELS = {Perspective.US_SIDE: N_("US side"), Perspective.ASIA_SIDE: N_("Asian side"),
               Perspective.BOTH: N_("Either side")}


def _labelled(card: Card) -> str:
    """What to say as bullets led by a small label for the side that says each line, never the raw mark."""
    label = i18n.translations(card.lang.value).gettext
    return "\n".join(f"- *{label(SIDE_LABELS[line.side])}:* {line.text}" for line in say_lines(card))


def _kb_unavailable(runtime: Runtime) -> HTMLResponse | None:
    reason = not_ready(runtime)
    if reason is None:
        return None
    return HTMLResponse(render("error.html", title=_("Knowledge base not available yet"), message=reason),
                        status_code=503, headers={"Retry-After": "5"})


def _translated(runtime: Runtime) -> dict[Language, Mapping[str, Card]]:
    """The loaded index's translated cards by language (ja, ko, zh -> id -> card)."""
    assert runtime.answerer is not None
    return {lang: language.cards for lang, language in runtime.answerer.retriever.index.languages.items()}


def _in(lang: Language, cards: Mapping[str, Card], translated: Mapping[Language, Mapping[str, Card]]
        ) -> dict[str, Card]:
    """Every card in `lang` where it is translated, in English where not (card.lang says which)."""
    return {**cards, **translated.get(lang, {})}


def _questions(card: Card) -> list[str]:
    """Triggers long enough to read as questions (words in English, characters in Japanese, Korean, Chinese)."""
    long = [t for t in card.triggers
            if len(t.split()) >= MIN_WORDS or (language_of(t) != "en" and len(t.strip()) >= MIN_CJK_CHARS)]
    return long[:QUESTIONS] or [card.title]


@router.get("/kb", response_class=HTMLResponse)
def kb(runtime: RuntimeDep, q: str = "") -> HTMLResponse:
    """Every card, grouped by topic; `?q=` searches them in the interface language with the coach's retrieval."""
    if (unavailable := _kb_unavailable(runtime)) is not None:
        return unavailable
    assert runtime.answerer is not None
    retriever = runtime.answerer.retriever
    ui = Language(i18n.current())
    cards = _in(ui, retriever.index.cards, _translated(runtime))
    titles = topic_titles(runtime.settings.topics_file)
    q = q.strip()[:200]
    results = [cards[h.card_id] for h in retriever.search(Query(text=q, lang=ui), k=10)] if q else []
    groups = [(topic, sorted((c for c in cards.values() if slug in c.topics), key=lambda c: c.title))
              for slug, topic in titles.items()]
    html = render("kb.html", q=q, results=results, groups=[g for g in groups if g[1]], titles=titles,
                  count=len(cards))
    return HTMLResponse(html, headers={"Cache-Control": "no-cache"})


def _no_such(message: str, title: str) -> HTMLResponse:
    return HTMLResponse(render("error.html", title=title, message=message), status_code=404)


@router.get("/kb/{card_id}", response_class=HTMLResponse)
def kb_card(card_id: str, runtime: RuntimeDep, lang: str = "") -> HTMLResponse:
    """One card: summary, the four sections, phrases, related cards and sources. `?lang=en|ja|ko|zh` asks for the
    card in that language (the English original, a translation); by default it is the interface language."""
    if (unavailable := _kb_unavailable(runtime)) is not None:
        return unavailable
    assert runtime.answerer is not None
    if lang and lang not in i18n.LANGUAGES:
        message = _("Cards are shown in English, Japanese, Korean and Chinese (Simplified); '{lang}' is none of "
                    "these. Use the links on the card page to choose one.")
        return _no_such(message.format(lang=lang[:20]), _("No such language"))
    english = runtime.answerer.retriever.index.cards
    if card_id not in english:
        message = _("There is no card '{id}'. Browse or search the knowledge base.").format(id=card_id)
        return _no_such(message, _("No such card"))
    translated = _translated(runtime)
    wanted = Language(lang or i18n.current())
    cards = _in(wanted, english, translated)
    card = cards[card_id]
    titles = {i: c.title for i, c in cards.items()}
    sections = [(_(HEADINGS.get(title, title)),
                 render_markdown(_labelled(card) if title == SAY_SECTION else body, titles))
                for title, body in card.sections.items()]
    related = [cards[r] for r in card.related if r in cards]
    if len(related) < RELATED:  # never a dead end: the nearest cards by the coach's own retrieval fill up the list
        query = Query(text=f"{card.title}. {card.summary}", lang=card.lang)
        hits = runtime.answerer.retriever.search(query, k=RELATED + 4)
        related += [cards[h.card_id] for h in hits if h.card_id != card.id and cards[h.card_id] not in related]
    # A translation links its English original; the English card links the translations there are.
    others = [other for other in Language if other is not Language.EN and card_id in translated.get(other, {})]
    versions = [(v.value, i18n.LANGUAGES[v.value]) for v in (others if card.lang is Language.EN else [])]
    html = render("kb_card.html", card=card, sections=sections, related=related[:max(RELATED, len(card.related))],
                  questions=_questions(card), titles=topic_titles(runtime.settings.topics_file),
                  translations=versions, untranslated=i18n.LANGUAGES[wanted.value] if card.lang is not wanted else "",
                  wanted=wanted.value)
    return HTMLResponse(html, headers={"Cache-Control": "no-cache"})
