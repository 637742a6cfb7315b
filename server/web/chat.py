"""The browser chat: GET / (the page), POST /chat (htmx fragment, SSE stream, or the whole page without JS) and
POST /feedback."""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Iterator
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse
from markupsafe import escape
from pydantic import ValidationError
from starlette.datastructures import FormData

from server.models import Answer, Ask
from server.service.deps import RuntimeDep
from server.service.ratelimit import ASK, FEEDBACK, ClientLimiter
from server.service.runtime import Runtime
from server.web import checks, cookies, owner
from server.web.cookies import RECENT_MAX
from server.web.display import render_markdown
from server.web.i18n import N_, _, ngettext
from server.web.views import (
    Exchange,
    PageRoute,
    examples,
    exchange_from_answer,
    history,
    not_ready,
    render,
    topic_titles,
    translated_cards,
)

log = logging.getLogger("coach.web")

STREAM_EVERY = 0.08  # seconds between re-renders of a streaming answer
TOO_FAST = N_("You're sending messages faster than the coach can keep up with.")
NOT_HERE = N_("That conversation is not available in this browser: it was deleted, or it was started in another "
              "browser (ask whoever started it for a share link). Here is a new one.")
BAD_RATED = N_("The address has a bad answer number after rated=: use the Recent menu to open the conversation "
               "again.")
STREAM_FAILED = N_("Something went wrong while writing this answer. Please send your message again.")


router = APIRouter(tags=["web"], route_class=PageRoute, include_in_schema=False)


def _is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"


def _wait(request: Request, runtime: Runtime, what: str) -> int:
    """0, or the seconds this client must wait: a message draws on the same per-client budget as the API's
    questions (the app's limiter, on app.state; None when limits are off), a rating on the ratings budget."""
    limiter: ClientLimiter | None = getattr(request.app.state, "limiter", None)
    if limiter is None:
        return 0
    return limiter.wait(request.scope, ASK if what == "chat" else FEEDBACK)


def _too_fast(seconds: int) -> str:
    wait = ngettext("Please wait {n} second, then try again.", "Please wait {n} seconds, then try again.", seconds)
    return f"{_(TOO_FAST)} {wait.format(n=seconds)}"


def _field(form: FormData, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


def _recent(runtime: Runtime, ids: list[str], request: Request,
            mine: str | None = None) -> list[tuple[str, str]]:
    """(id, title) of this browser's recent conversations; the title is the first question. Only those this
    browser owns: the cookie's list is a convenience, never a key."""
    mine = mine or owner.browser(request, runtime.settings)
    if runtime.answerer is None or mine is None:
        return []
    out = []
    for conversation_id in runtime.answerer.store.owned_by(mine, ids):
        first = next((t.content for t in runtime.answerer.store.turns(conversation_id) if t.role == "user"), None)
        if first is not None:
            out.append((conversation_id, first if len(first) <= 70 else first[:69].rstrip() + "…"))
    return out


def _page(request: Request, runtime: Runtime, *, conversation_id: str = "", exchanges: list[Exchange] | None = None,
          error: str = "", draft: str = "", status: int = 200, notice: str = "", share_open: bool = False,
          prefs: dict[str, str] | None = None) -> HTMLResponse:
    reason = not_ready(runtime)
    html = render("page.html", conversation_id=conversation_id, exchanges=exchanges or [], error=error,
                  draft=draft, notice=notice or reason or "", loading=reason is not None and not runtime.error,
                  examples=examples(), recent=_recent(runtime, cookies.recent_ids(request), request),
                  share_url=owner.share_url(request, runtime, conversation_id), share_open=share_open,
                  llm_host=owner.llm_host(runtime.settings), **(prefs or cookies.prefs(request)))
    return HTMLResponse(html, status_code=status)


def _conversation(runtime: Runtime, conversation_id: str, focus: int | None = None) -> list[Exchange]:
    assert runtime.answerer is not None
    cards = runtime.answerer.retriever.index.cards
    titles = topic_titles(runtime.settings.topics_file)
    return history(runtime.answerer.store.turns(conversation_id), cards, titles, focus, translated_cards(runtime))


@router.get("/", response_class=HTMLResponse)
def page(request: Request, runtime: RuntimeDep, c: str = "", rated: str = "", share: str = "") -> HTMLResponse:
    """The chat page; `?c=<id>` reopens a conversation this browser started (`rated=<n>` after a rating)."""
    focus = checks.whole_number(rated) if rated else None
    if rated and focus is None:
        return _page(request, runtime, status=422, notice=_(BAD_RATED))
    if not c or runtime.answerer is None:
        return _page(request, runtime)
    if not owner.owns(request, runtime, c):
        return _page(request, runtime, notice=_(NOT_HERE))
    return _page(request, runtime, conversation_id=c, exchanges=_conversation(runtime, c, focus),
                 share_open=share == "open")


@router.get("/chat")
def chat_get() -> RedirectResponse:
    """A bookmarked or reloaded /chat goes back to the page."""
    return RedirectResponse("/", status_code=303)


def _explain(error: ValidationError, text: str) -> str:
    """The first problem, in words a user can act on."""
    field = str(error.errors()[0]["loc"][0]) if error.errors() else "message"
    if field == "message":
        n = len(text.strip())
        if n == 0:
            return _("Type a question or paste your partner's message first.")
        return _("Your message is {n} characters; the limit is 4,000. Shorten it or send it in parts.").format(
            n=f"{n:,}")
    if field == "culture":
        return _("Choose a culture pair from the list: Japan-US, Korea-US, China-US or any.")
    if field == "lang":
        return _("Choose the answer language from the list: the language of your question, English, Japanese, "
                 "Korean or Chinese.")
    return _("Choose which side you are on from the list: US side or Asian side.")


@router.post("/chat", response_model=None)
async def chat(request: Request, runtime: RuntimeDep) -> Response:
    """Answer one message: an htmx fragment, an SSE stream when the LLM writer is on, or (without JS) a redirect to
    the conversation's page."""
    if checks.cross_site(request):
        return checks.refused(request)
    form = await request.form()  # the only await: the rest reads the database and the model, so it runs in a thread
    names = ("message", "suggestion", "conversation_id", "culture", "perspective", "answer_lang")
    fields = {k: _field(form, k) for k in names}
    return await run_in_threadpool(_chat, request, runtime, fields)


def _chat(request: Request, runtime: Runtime, fields: dict[str, str]) -> Response:
    text = fields["suggestion"] or fields["message"]
    conversation_id, culture, side = fields["conversation_id"], fields["culture"], fields["perspective"]
    answer_lang = fields["answer_lang"]  # "": the language of the question
    prefs = cookies.prefs(request, culture or "any", side, answer_lang)
    status, problem, wait = 200, not_ready(runtime), 0
    ask = None
    if problem:
        status = 503
    elif nul := checks.nul_problem(fields):
        status, problem = 422, nul
    else:
        try:
            ask = Ask(message=text, culture=culture or None, perspective=side or None, lang=answer_lang or None)
        except ValidationError as e:
            status, problem = 422, _explain(e, text)
        wait = _wait(request, runtime, "chat") if ask is not None else 0
        if wait:
            status, problem = 429, _too_fast(wait)
    if problem or ask is None or runtime.answerer is None:
        headers = {"Retry-After": str(wait)} if status == 429 else {}
        return _chat_error(request, runtime, status, problem or "", text, conversation_id, prefs, headers)
    store = runtime.answerer.store
    mine, new_cookie = owner.claim(request, runtime.settings)
    cid = conversation_id if owner.owns(request, runtime, conversation_id) \
        else store.create(ask.culture.value if ask.culture else None,  # someone else's or unknown: a new one
                          ask.perspective.value if ask.perspective else None, owner=mine)
    ask = ask.model_copy(update={"conversation_id": cid})
    recent_ids = [cid] + [i for i in cookies.recent_ids(request) if i != cid]
    response: Response
    if _is_htmx(request) and runtime.answerer.writer is not None \
            and "text/event-stream" in request.headers.get("accept", ""):
        response = _stream(runtime, ask, request, mine)
    else:
        answer = runtime.answerer.answer(ask)
        latest = _latest(runtime, answer, ask.message)
        if _is_htmx(request):
            response = HTMLResponse(render("_reply.html", x=latest, conversation_id=cid, share_url="",
                                           recent=_recent(runtime, recent_ids, request, mine)))
        else:  # Post/Redirect/Get: a reload shows the page rather than sending the message again
            response = RedirectResponse(f"/?c={quote(cid)}#latest", status_code=303)
    if _is_htmx(request):  # a reload then reopens this conversation
        response.headers["HX-Replace-Url"] = f"/?c={quote(cid)}"
    owner.give_cookie(response, request, new_cookie, runtime.settings)
    cookies.remember(response, request, cid, prefs["culture"], prefs["side"], prefs["answer_lang"],
                     https_only=runtime.settings.https_only)
    return response


def _chat_error(request: Request, runtime: Runtime, status: int, problem: str, text: str, conversation_id: str,
                prefs: dict[str, str], headers: dict[str, str]) -> Response:
    """htmx: the message goes into the composer's error region; without JS: the page, with what they typed."""
    if _is_htmx(request):
        headers |= {"HX-Retarget": "#composer-error", "HX-Reswap": "innerHTML"}
        return HTMLResponse(render("_error.html", message=problem), status_code=status, headers=headers)
    known = owner.owns(request, runtime, conversation_id)
    exchanges = _conversation(runtime, conversation_id) if known else []
    response = _page(request, runtime, conversation_id=conversation_id if exchanges else "", status=status,
                     exchanges=exchanges, error=problem, draft=text, prefs=prefs)
    response.headers.update(headers)
    return response


def _latest(runtime: Runtime, answer: Answer, question: str) -> Exchange:
    """The exchange just answered; its follow-ups are stored with it, so a reload shows them again."""
    assert runtime.answerer is not None
    index = len(runtime.answerer.store.turns(answer.conversation_id)) - 1
    return exchange_from_answer(index, question, answer, runtime.answerer.retriever.index.cards,
                                topic_titles(runtime.settings.topics_file), translated_cards(runtime))


def _sse(html: str) -> str:
    """One server-sent event carrying HTML; htmx swaps unnamed events (and their OOB parts)."""
    return "".join(f"data: {line}\n" for line in html.splitlines() or [""]) + "\n"


def _stream(runtime: Runtime, ask: Ask, request: Request, mine: str) -> StreamingResponse:
    """The user's bubble at once, the answer re-rendered as the writer produces it, then the final bubble."""
    answerer = runtime.answerer
    assert answerer is not None and ask.conversation_id is not None
    key = "p" + secrets.token_hex(4)
    cid = ask.conversation_id
    recent = _recent(runtime, [i for i in cookies.recent_ids(request) if i != cid], request, mine)

    def events() -> Iterator[str]:
        yield _sse(render("_turn.html", x=None, question=ask.message, key=key, conversation_id=cid,
                          answer_lang=ask.lang.value if ask.lang else ""))
        pieces: list[str] = []
        last = time.monotonic()
        try:
            for item in answerer.stream(ask):
                if isinstance(item, Answer):
                    latest = _latest(runtime, item, ask.message)
                    title = ask.message if len(ask.message) <= 70 else ask.message[:69].rstrip() + "…"
                    recent.insert(0, (cid, title))
                    yield _sse(render("_reply.html", x=latest, conversation_id=cid, recent=recent[:RECENT_MAX],
                                      replace=f"t-{key}", share_url=""))
                    return
                pieces.append(item)
                if time.monotonic() - last >= STREAM_EVERY:
                    last = time.monotonic()
                    yield _sse(f'<div hx-swap-oob="innerHTML:#s-{key}">{render_markdown("".join(pieces))}</div>')
        except Exception:  # the stream has started: say so in the bubble rather than end it silently
            log.exception("streaming the answer failed")
            yield _sse(f'<div hx-swap-oob="innerHTML:#s-{key}"><p class="error">{escape(_(STREAM_FAILED))}</p></div>')

    return StreamingResponse(events(), media_type="text/event-stream",
                             headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})


@router.post("/feedback", response_model=None)
async def feedback(request: Request, runtime: RuntimeDep) -> Response:
    """Thumbs up or down on one answer, with an optional comment, stored with the question and its cards."""
    if checks.cross_site(request):
        return checks.refused(request)
    form = await request.form()
    fields = {k: _field(form, k) for k in ("conversation_id", "turn", "rating", "comment")}
    return await run_in_threadpool(_feedback, request, runtime, fields)


def _feedback(request: Request, runtime: Runtime, fields: dict[str, str]) -> Response:
    cid, turn, rating_text = fields["conversation_id"], fields["turn"], fields["rating"]
    comment = " ".join(fields["comment"].split())[:500] or None
    rating = {"up": 1, "down": -1}.get(rating_text)
    number = checks.whole_number(turn)
    index = -1 if number is None else number
    status, problem = 200, not_ready(runtime)
    if problem:
        status = 503
    elif nul := checks.nul_problem(fields):
        status, problem = 422, nul
    elif rating is None or number is None:
        status, problem = 422, _("A rating needs an answer number (digits 0-9) and 'up' or 'down'.")
    elif runtime.answerer is not None and not owner.owns(request, runtime, cid):
        status, problem = 404, _("That conversation is not available in this browser, so the rating was not "
                                 "saved.")
    elif wait := _wait(request, runtime, "feedback"):
        status, problem = 429, _too_fast(wait)
    if not problem and runtime.answerer is not None and rating is not None:
        store = runtime.answerer.store
        turns = store.turns(cid)
        if not (0 < index < len(turns) and turns[index].role == "coach" and turns[index - 1].role == "user"):
            status, problem = 400, _("There is no answer number {n} in this conversation.").format(n=index)
        elif not store.rate(cid, index, rating):
            status, problem = 409, _("You have already rated this answer; each answer can be rated once.")
        else:
            store.add_feedback(cid, turns[index - 1].content, turns[index].content, turns[index].card_ids, rating,
                               comment, "web")
    if _is_htmx(request):
        return HTMLResponse(render("_feedback.html", conversation_id=cid, index=index, rated=status in (200, 409),
                                   focus=True, error=problem if status != 409 else ""), status_code=status)
    if problem:
        return HTMLResponse(render("error.html", title=_("Feedback not saved"), message=problem),
                            status_code=status)
    return RedirectResponse(f"/?c={quote(cid)}&rated={index}#a-{index}", status_code=303)
