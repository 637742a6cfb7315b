"""The knowledge browser: /kb lists the cards by topic and searches them, /kb/{id} shows one card."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from server.knowledge.cards import SAY_SECTION, say_lines
from server.models import Card, Perspective, Query
from server.service.deps import RuntimeDep
from server.service.runtime import Runtime
from server.web.display import render_markdown
from server.web.i18n import _
from server.web.views import PageRoute, not_ready, render, topic_titles

router = APIRouter(tags=["web"], route_class=PageRoute, include_in_schema=False)
RELATED = 3  # related cards a card page offers at least


# In the card's language (English; the section around them says lang="en"), like the lines they lead.
SIDE_LABELS = {Perspective.US_SIDE: "US side", Perspective.ASIA_SIDE: "Asian side", Perspective.BOTH: "Either side"}


def _labelled(card: Card) -> str:
    """What to say as bullets led by a small label for the side that says each line, never the raw mark."""
    return "\n".join(f"- *{SIDE_LABELS[line.side]}:* {line.text}" for line in say_lines(card))


def _kb_unavailable(runtime: Runtime) -> HTMLResponse | None:
    reason = not_ready(runtime)
    if reason is None:
        return None
    return HTMLResponse(render("error.html", title=_("Knowledge base not available yet"), message=reason),
                        status_code=503, headers={"Retry-After": "5"})


@router.get("/kb", response_class=HTMLResponse)
def kb(runtime: RuntimeDep, q: str = "") -> HTMLResponse:
    """Every card, grouped by topic; `?q=` searches them with the same retrieval the coach uses."""
    if (unavailable := _kb_unavailable(runtime)) is not None:
        return unavailable
    assert runtime.answerer is not None
    retriever = runtime.answerer.retriever
    cards = retriever.index.cards
    titles = topic_titles(runtime.settings.topics_file)
    q = q.strip()[:200]
    results = [cards[h.card_id] for h in retriever.search(Query(text=q), k=10)] if q else []
    groups = [(topic, sorted((c for c in cards.values() if slug in c.topics), key=lambda c: c.title))
              for slug, topic in titles.items()]
    html = render("kb.html", q=q, results=results, groups=[g for g in groups if g[1]], titles=titles,
                  count=len(cards))
    return HTMLResponse(html, headers={"Cache-Control": "no-cache"})


@router.get("/kb/{card_id}", response_class=HTMLResponse)
def kb_card(card_id: str, runtime: RuntimeDep) -> HTMLResponse:
    """One card: summary, the four sections, phrases, related cards and sources."""
    if (unavailable := _kb_unavailable(runtime)) is not None:
        return unavailable
    assert runtime.answerer is not None
    cards = runtime.answerer.retriever.index.cards
    card = cards.get(card_id)
    if card is None:
        message = _("There is no card '{id}'. Browse or search the knowledge base.").format(id=card_id)
        return HTMLResponse(render("error.html", title=_("No such card"), message=message),
                            status_code=404)
    titles = {i: c.title for i, c in cards.items()}
    sections = [(title, render_markdown(_labelled(card) if title == SAY_SECTION else body, titles))
                for title, body in card.sections.items()]
    related = [cards[r] for r in card.related if r in cards]
    if len(related) < RELATED:  # never a dead end: the nearest cards by the coach's own retrieval fill up the list
        hits = runtime.answerer.retriever.search(Query(text=f"{card.title}. {card.summary}"), k=RELATED + 4)
        related += [cards[h.card_id] for h in hits if h.card_id != card.id and cards[h.card_id] not in related]
    questions = [t for t in card.triggers if len(t.split()) >= 4][:3] or [card.title]
    html = render("kb_card.html", card=card, sections=sections, related=related[:max(RELATED, len(card.related))],
                  questions=questions, titles=topic_titles(runtime.settings.topics_file))
    return HTMLResponse(html, headers={"Cache-Control": "no-cache"})
