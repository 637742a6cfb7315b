"""The web chat over HTTP: the page, htmx fragments, the page without JS, streaming, escaping, feedback, limits,
the knowledge browser and the curators' reports built from what the web stores."""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape
from typer.testing import CliRunner

from server.app import create_app
from server.cli.main import cli
from server.service.ratelimit import ClientLimiter
from server.settings import PROJECT_ROOT, Settings
from server.store.conversations import ConversationStore
from server.web.chat import TOO_FAST
from server.web.display import display_text, render_markdown
from server.web.views import CSP

from ..conftest import FIXTURE_KB, make_settings, served_app
from ..llm_server import LLMServer

HTMX = {"HX-Request": "true"}
SOFT_NO = "my partner won't say no directly"
STATIC = PROJECT_ROOT / "web" / "static"


def esc(text: str) -> str:
    """Text as the templates escape it."""
    return str(escape(text))


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, fixture_index: Any) -> Iterator[tuple[TestClient, Settings]]:
    """One app for the module (loading takes a second); each test clears the cookies and uses its own conversations."""
    tmp = tmp_path_factory.mktemp("web")
    settings = make_settings(tmp, FIXTURE_KB, database_url=f"sqlite:///{tmp / 'coach.db'}")
    settings.index_dir = Path(fixture_index.path)
    with served_app(settings) as client:
        yield client, settings


@pytest.fixture()
def client(served: tuple[TestClient, Settings]) -> TestClient:
    served[0].cookies.clear()
    return served[0]


@pytest.fixture()
def store(served: tuple[TestClient, Settings]) -> ConversationStore:
    return ConversationStore.from_url(served[1].database_url)


def ask(client: TestClient, message: str = SOFT_NO, **fields: str) -> tuple[str, str]:
    """Send one message the way htmx does; returns (conversation id, the fragment)."""
    response = client.post("/chat", data={"message": message, **fields}, headers=HTMX)
    assert response.status_code == 200, response.text
    return response.headers["hx-replace-url"].removeprefix("/?c="), response.text


def test_page_is_one_form_with_strict_headers_and_no_inline_script(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200 and response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.headers["content-security-policy"] == CSP
    assert "script-src 'self';" in CSP and "unsafe" not in CSP
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "same-origin"
    assert response.headers["cache-control"] == "no-store"
    page = response.text
    assert page.count("<textarea") == 1 and '<label for="message"' in page
    assert '<form id="composer"' in page and 'method="post" action="/chat"' in page and 'hx-post="/chat"' in page
    assert re.findall(r"<script[^>]*>", page) == [
        f'<script src="/static/{name}?v=0.1.0" defer>' for name in ("htmx.min.js", "ext/hx-sse.js", "chat.js")]
    assert "hx-on" not in page and "js:" not in page and " style=" not in page
    assert '"mode": "same-origin"' in page
    assert '<div id="thread" class="thread" aria-label="Conversation">' in page  # answers are announced briefly
    assert "<footer" not in page and 'aria-label="Ask the coach"' in page  # the box is not in a footer landmark
    assert "Nothing you type leaves this server" in page
    chips = re.findall(r"<button class=\"chip\"[^>]*data-suggestion>([^<]+)</button>", page)
    assert 4 <= len(chips) <= 6 and html.unescape(chips[0]) == "My partner won't say no directly. How do I read that?"


def test_static_files_are_the_vendored_htmx_4_and_our_own(client: TestClient) -> None:
    recorded = (STATIC / "htmx.VERSION").read_text().splitlines()
    assert recorded[0].startswith("htmx.org 4.")
    for path in ("htmx.min.js", "ext/hx-sse.js"):
        response = client.get(f"/static/{path}")
        assert response.status_code == 200 and "javascript" in response.headers["content-type"]
        assert response.headers["x-content-type-options"] == "nosniff"
        assert f"{hashlib.sha256(response.content).hexdigest()}  {path}" in recorded
    assert "registerExtension('sse'" in client.get("/static/ext/hx-sse.js").text
    assert "Zero-Clause BSD" in (STATIC / "htmx.LICENSE").read_text()
    for path, kind in (("app.css", "text/css"), ("chat.js", "javascript"), ("favicon.svg", "image/svg+xml")):
        response = client.get(f"/static/{path}")
        assert response.status_code == 200 and kind in response.headers["content-type"]
    assert client.get("/static/nope.js").status_code == 404


def test_htmx_post_returns_the_new_turn_and_updates_the_page_out_of_band(client: TestClient,
                                                                          store: ConversationStore) -> None:
    cid, fragment = ask(client, culture="jp-us", perspective="us-side")
    assert "<html" not in fragment and fragment.startswith('<article class="turn" id="t-1">')
    assert fragment.count('data-role="answer"') == 1 and fragment.count('data-role="source"') == 1
    assert '<a href="/kb/fx-soft-no">Open the card' in fragment
    shown = fragment.split('<div class="md" lang="en" hx-ignore>')[1].split("</div>")[0]  # sources once, below
    assert "<h2" not in shown and "fx-soft-no" not in shown and "Sources" not in shown  # headings sit under the turn
    assert 'value="who decides the final edit of the film" lang="en" formnovalidate data-suggestion' in fragment
    assert f'<input type="hidden" id="conversation-id" name="conversation_id" value="{cid}" hx-swap-oob="true">' \
        in fragment
    assert '<div id="welcome" hx-swap-oob="delete"></div>' in fragment
    assert f'href="/c/{cid}/export" download' in fragment
    assert [t.role for t in store.turns(cid)] == ["user", "coach"]
    assert client.cookies["coach_culture"] == "jp-us" and client.cookies["coach_side"] == "us-side"
    assert client.cookies["coach_recent"] == cid


def test_without_javascript_the_form_posts_and_the_whole_page_comes_back(client: TestClient,
                                                                          store: ConversationStore) -> None:
    first = client.post("/chat", data={"message": SOFT_NO, "culture": "any", "perspective": ""},
                        follow_redirects=False)
    cid = client.cookies["coach_recent"]
    assert first.status_code == 303 and first.headers["location"] == f"/?c={cid}#latest"  # a reload cannot re-post
    page = client.get(first.headers["location"]).text
    assert page.count("<textarea") == 1 and page.count('data-role="answer"') == 1
    assert f'id="conversation-id" name="conversation_id" value="{cid}"' in page
    suggestion = html.unescape(re.findall(r'name="suggestion" value="([^"]+)" lang="en" formnovalidate', page)[0])
    assert suggestion == "who decides the final edit of the film"
    # a suggestion button submits the composer form: the suggestion wins over the empty message box
    second = client.post("/chat", data={"message": "", "suggestion": suggestion, "conversation_id": cid})
    assert second.status_code == 200 and second.url.path == "/" and second.text.count('data-role="answer"') == 2
    assert [t.content for t in store.turns(cid) if t.role == "user"] == [SOFT_NO, suggestion]
    again = client.get(f"/?c={cid}")
    assert again.text.count('data-role="answer"') == 2 and "Fixture: who holds final cut" in again.text
    assert 'id="welcome"' not in again.text
    reload = client.get("/chat", follow_redirects=False)
    assert reload.status_code == 303 and reload.headers["location"] == "/"


@pytest.mark.parametrize("headers", [HTMX, {}], ids=["htmx", "no-js"])
def test_pasted_html_and_script_are_shown_as_text(client: TestClient, headers: dict[str, str]) -> None:
    message = '<script>alert(1)</script><img src=x onerror=alert(2)> they said 前向きに検討します'
    response = client.post("/chat", data={"message": message}, headers=headers)
    assert response.status_code == 200
    assert "<script>alert" not in response.text and "<img" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;" in response.text
    assert "Often not now; sometimes real when a date follows." in response.text  # still decoded
    recent = client.get("/").text  # the title in the recent list is escaped too
    assert "&lt;script&gt;alert(1)" in recent and "<script>alert" not in recent


def test_markdown_is_rendered_with_html_escaped_and_unsafe_links_dropped() -> None:
    out = render_markdown('## Hi\n<b>x</b> <div hx-get="/x">y</div> [a](javascript:alert(1)) '
                          "[fx-soft-no] [nope] [ok](https://example.org)", {"fx-soft-no": "A <soft> no"})
    assert out.startswith("<h2>Hi</h2>\n<p>&lt;b&gt;x&lt;/b&gt; &lt;div hx-get=&quot;/x&quot;&gt;y&lt;/div&gt;")
    assert "javascript:" not in out.replace("[a](javascript:alert(1))", "")
    assert 'href="javascript' not in out
    assert '<a class="cite" href="/kb/fx-soft-no">A &lt;soft&gt; no</a>' in out  # a citation shows the card's title
    assert "[nope]" in out and "/kb/nope" not in out
    assert '<a href="https://example.org">ok</a>' in out


def test_answers_show_sources_once_with_headings_under_the_turn_and_languages_marked() -> None:
    answer = ("## What their words usually signal\n- **前向きに検討します**: maybe [fx-soft-no]\n\n"
              "한국 팀은 \u202eevil\u202c ok\u200b.\n\n**Sources:** Soft no [fx-soft-no]\n")
    out = render_markdown(answer, {"fx-soft-no": "Soft no"}, shift_headings=2, drop_sources=True)
    assert out.startswith("<h4>What their words usually signal</h4>") and "Sources" not in out
    assert '<strong><span lang="ja">前向きに検討します</span></strong>: maybe <a class="cite"' in out
    assert '<span lang="ko">한국 팀은</span> evil ok.' in out  # no direction override, no zero-width space
    assert str(display_text("说中文 \u2066x\u2069 <b>")) == '<span lang="zh">说中文</span> x &lt;b&gt;'
    assert str(display_text("稟議 and 日本語です")) == \
        '<span lang="ja">稟議</span> and <span lang="ja">日本語です</span>'


@pytest.mark.parametrize(("fields", "message"), [
    ({"message": ""}, "Type a question or paste your partner's message first."),
    ({"message": "  \n\t "}, "Type a question or paste your partner's message first."),
    ({"message": "x" * 4001}, "Your message is 4,001 characters; the limit is 4,000. Shorten it or send it in parts."),
    ({"message": "hi", "culture": "jp-fr"},
     "Choose a culture pair from the list: Japan-US, Korea-US, China-US or any."),
    ({"message": "hi", "perspective": "middle"}, "Choose which side you are on from the list: US side or Asian side."),
    ({"message": "hi\x00there"}, "Your message contains a NUL character"),
], ids=["empty", "blank", "too-long", "culture", "perspective", "nul"])
def test_bad_input_gets_422_with_an_inline_error(client: TestClient, fields: dict[str, str], message: str) -> None:
    partial = client.post("/chat", data=fields, headers=HTMX)
    assert partial.status_code == 422
    assert partial.headers["hx-retarget"] == "#composer-error" and partial.headers["hx-reswap"] == "innerHTML"
    assert partial.text.startswith('<p class="composer-error-text">') and esc(message) in partial.text
    full = client.post("/chat", data=fields)
    assert full.status_code == 422 and full.text.startswith("<!doctype html>")
    assert 'role="alert"><p class="composer-error-text">' in full.text and esc(message) in full.text
    typed = re.search(r"<textarea[^>]*>([^<]*)</textarea>", full.text)
    assert typed is not None and typed.group(1) == esc(fields["message"])  # what they typed is kept
    assert "coach_recent" not in client.cookies


def test_too_many_messages_get_a_friendly_429(served: tuple[TestClient, Settings], client: TestClient) -> None:
    app: Any = client.app
    before = app.state.limiter
    app.state.limiter = ClientLimiter(2, 2)  # two at once, then two a minute
    try:
        assert client.post("/chat", data={"message": SOFT_NO}, headers=HTMX).status_code == 200
        assert client.post("/chat", data={"message": SOFT_NO}, headers=HTMX).status_code == 200
        third = client.post("/chat", data={"message": SOFT_NO}, headers=HTMX)
        assert third.status_code == 429 and third.headers["retry-after"] in ("59", "60")
        wait = third.headers["retry-after"]
        assert esc(f"{TOO_FAST} Please wait {wait} seconds, then try again.") in third.text
        assert third.headers["hx-retarget"] == "#composer-error"
        assert client.post("/chat", data={"message": SOFT_NO}).status_code == 429
    finally:
        app.state.limiter = before


def test_feedback_is_stored_with_the_question_answer_and_cards(client: TestClient, store: ConversationStore) -> None:
    question = "what does 前向きに検討させていただきます mean here?"
    cid, _ = ask(client, question)
    down = client.post("/feedback", headers=HTMX, data={"conversation_id": cid, "turn": "1", "rating": "down",
                                                        "comment": "  Needed the   Korean side  "})
    assert down.status_code == 200 and down.text.startswith('<div class="feedback" id="f-1">')
    assert "Thanks for rating this answer." in down.text and "<form" not in down.text
    row = next(r for r in store.feedback_report(1000) if r["question"] == question)
    assert row == {"question": question, "up": 0, "down": 1,
                   "card_ids": ["fx-soft-no"], "comments": ["Needed the Korean side"]}
    again = client.post("/feedback", data={"conversation_id": cid, "turn": "1", "rating": "up"})
    assert again.status_code == 409 and "You have already rated this answer" in again.text  # rated once only
    assert next(r for r in store.feedback_report(1000) if r["question"] == question)["up"] == 0
    assert client.get(f"/?c={cid}").text.count("Thanks for rating this answer.") == 1  # a reload shows it rated
    cid, _ = ask(client, question, conversation_id=cid)
    up = client.post("/feedback", data={"conversation_id": cid, "turn": "3", "rating": "up"}, follow_redirects=False)
    assert up.status_code == 303 and up.headers["location"] == f"/?c={cid}&rated=3#a-3"
    page = client.get(up.headers["location"]).text
    assert '<p class="thanks" tabindex="-1" autofocus>' in page and page.count('name="rating" value="up"') == 0
    for bad in ("²", "9" * 5000, "-1"):
        refused = client.get(f"/?c={cid}&rated={bad}")
        assert refused.status_code == 422 and "bad answer number after rated=" in refused.text


@pytest.mark.parametrize(("fields", "status", "message"), [
    ({"rating": "meh"}, 422, "A rating needs an answer number (digits 0-9) and 'up' or 'down'."),
    ({"turn": "one"}, 422, "A rating needs an answer number (digits 0-9) and 'up' or 'down'."),
    ({"turn": "²"}, 422, "A rating needs an answer number (digits 0-9) and 'up' or 'down'."),
    ({"turn": "9" * 5000}, 422, "A rating needs an answer number (digits 0-9) and 'up' or 'down'."),
    ({"comment": "a\x00b"}, 422, "Your comment contains a NUL character"),
    ({"conversation_id": "nope"}, 404, "That conversation is not available in this browser, so the rating was not"),
    ({"turn": "0"}, 400, "There is no answer number 0 in this conversation."),
    ({"turn": "9"}, 400, "There is no answer number 9 in this conversation."),
])
def test_bad_feedback_is_refused_and_not_stored(client: TestClient, store: ConversationStore, fields: dict[str, str],
                                                status: int, message: str) -> None:
    cid, _ = ask(client)
    count = sum(r["up"] + r["down"] for r in store.feedback_report(1000))
    data = {"conversation_id": cid, "turn": "1", "rating": "down", **fields}
    partial = client.post("/feedback", data=data, headers=HTMX)
    assert partial.status_code == status and esc(message) in partial.text
    assert 'name="rating" value="up"' in partial.text  # the buttons stay so the user can try again
    full = client.post("/feedback", data=data)
    assert full.status_code == status and full.text.startswith("<!doctype html>") and esc(message) in full.text
    assert sum(r["up"] + r["down"] for r in store.feedback_report(1000)) == count


def test_recent_conversations_new_conversation_and_persistent_selectors(client: TestClient) -> None:
    first, _ = ask(client, "who decides the final edit of the film?", culture="kr-us", perspective="asia-side")
    second, _ = ask(client, SOFT_NO, culture="kr-us", perspective="asia-side")
    page = client.get("/").text  # "/" is a new conversation: empty thread, welcome, selectors remembered
    assert 'id="welcome"' in page and 'data-role="answer"' not in page
    assert 'name="conversation_id" value=""' in page
    assert '<option value="kr-us" selected>' in page and '<option value="asia-side" selected>' in page
    links = re.findall(r'<li><a href="/\?c=([0-9a-f]+)" lang="en">([^<]+)</a></li>', page)
    assert links == [(second, esc(SOFT_NO)), (first, "who decides the final edit of the film?")]
    browser = client.cookies["coach_browser"]
    client.cookies.clear()
    client.cookies.set("coach_browser", browser)
    client.cookies.set("coach_recent", f"../../etc/passwd/nope/{first}")
    assert re.findall(r'<li><a href="/\?c=([0-9a-f]+)"', client.get("/").text) == [first]
    gone = client.get("/?c=doesnotexist").text
    assert "That conversation is not available in this browser" in gone and 'id="welcome"' in gone
    opened = client.get(f"/?c={first}").text
    assert f'href="/c/{first}/export" download' in opened
    export = client.get(f"/c/{first}/export")
    assert export.status_code == 200 and "who decides the final edit of the film?" in export.text


def test_knowledge_browser_lists_searches_and_shows_cards(client: TestClient) -> None:
    listing = client.get("/kb").text
    assert "4 guidance cards" in listing
    assert [t for t in ("Decision rights", "Currency risk", "Meetings and etiquette") if f">{t}</h2>" in listing] \
        == ["Decision rights", "Currency risk", "Meetings and etiquette"]
    for card in ("fx-final-cut", "fx-nunchi", "fx-soft-no", "fx-yen"):
        assert f'href="/kb/{card}"' in listing
    search = client.get("/kb", params={"q": "who decides the final edit"}).text
    assert re.findall(r'class="card-link" href="/kb/([a-z-]+)"', search)[0] == "fx-final-cut"
    hostile = client.get("/kb", params={"q": "<script>x</script>"}).text
    assert "&lt;script&gt;x&lt;/script&gt;" in hostile and "<script>x" not in hostile
    card = client.get("/kb/fx-soft-no")
    assert card.status_code == 200 and '<h1 lang="en">Fixture: a soft no from a Japanese partner</h1>' in card.text
    assert "前向きに検討します" in card.text and "maemuki ni kentō shimasu" in card.text
    assert "<h2>What to do</h2>" in card.text and "<li>Ask for the next concrete step.</li>" in card.text
    assert 'href="/kb/fx-final-cut"' in card.text and "Erin Meyer, The Culture Map (2014)" in card.text
    assert "<em>US side:</em> \u201cWhat would help your review" in card.text or \
        "<em>US side:</em> &quot;What would help your review" in card.text or \
        '<em>US side:</em> "What would help your review' in card.text, card.text
    assert "[us-side]" not in card.text  # the side mark shows as a label, never raw
    assert 'name="message" value="my partner won&#39;t say no directly"' in card.text
    missing = client.get("/kb/nope")
    assert missing.status_code == 404 and "There is no card &#39;nope&#39;." in missing.text


def test_not_ready_is_explained_on_every_route(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, FIXTURE_KB, database_url=f"sqlite:///{tmp_path / 'coach.db'}")
    with TestClient(create_app(settings, wait_until_loaded=True)) as client:
        page = client.get("/")
        assert page.status_code == 200 and "The coach could not start:" in page.text
        assert "run `coach index build`" in page.text
        partial = client.post("/chat", data={"message": SOFT_NO}, headers=HTMX)
        assert partial.status_code == 503 and partial.headers["hx-retarget"] == "#composer-error"
        assert "The coach could not start:" in partial.text
        assert client.post("/chat", data={"message": SOFT_NO}).status_code == 503
        assert client.get("/kb").status_code == 503 and client.get("/kb/fx-yen").status_code == 503
        assert client.post("/feedback", data={"conversation_id": "x", "turn": "1", "rating": "up"}).status_code == 503


def _events(body: str) -> list[str]:
    """The data of each server-sent event, lines joined as the browser joins them."""
    return ["\n".join(line.removeprefix("data: ") for line in block.splitlines() if line.startswith("data: "))
            for block in body.split("\n\n") if block.strip()]


def test_answers_stream_as_server_sent_events_when_the_llm_writer_is_on(tmp_path: Path, fixture_index: Any) -> None:
    with LLMServer() as llm:
        settings = make_settings(tmp_path, FIXTURE_KB, database_url=f"sqlite:///{tmp_path / 'coach.db'}",
                                 llm_base_url=llm.url, llm_model="cite")
        settings.index_dir = Path(fixture_index.path)
        with TestClient(create_app(settings, wait_until_loaded=True)) as client:
            accept = {**HTMX, "Accept": "text/html, text/event-stream"}
            response = client.post("/chat", data={"message": SOFT_NO}, headers=accept)
            assert response.status_code == 200 and response.headers["content-type"].startswith("text/event-stream")
            assert response.headers["content-security-policy"] == CSP
            events = _events(response.text)
            key = re.search(r'id="t-(p[0-9a-f]{8})"', events[0])
            assert key is not None and 'aria-busy="true"' in events[0] and "my partner won&#39;t say no" in events[0]
            assert all(e.startswith(f'<div hx-swap-oob="innerHTML:#s-{key.group(1)}">') for e in events[1:-1])
            final = events[-1]
            assert final.startswith(f'<article class="turn" id="t-1" hx-swap-oob="outerHTML:#t-{key.group(1)}">')
            assert 'data-role="answer"' in final and 'data-role="source"' in final
            assert "Your partner is avoiding a public refusal" in final and "not-a-real-card" not in final
            cid = response.headers["hx-replace-url"].removeprefix("/?c=")
            assert f'name="conversation_id" value="{cid}" hx-swap-oob="true"' in final
            plain = client.post("/chat", data={"message": SOFT_NO, "conversation_id": cid}, headers=HTMX)
            assert plain.headers["content-type"].startswith("text/html") and "t-3" in plain.text


def test_reports_show_curators_what_users_rated_badly_and_what_went_unanswered(
        client: TestClient, served: tuple[TestClient, Settings], monkeypatch: pytest.MonkeyPatch) -> None:
    rated = "the exchange rate moved and our budget is short"
    cid, _ = ask(client, rated)
    client.post("/feedback", headers=HTMX, data={"conversation_id": cid, "turn": "1", "rating": "down",
                                                 "comment": "Which currency clause?"})
    ask(client, "what is the best pizza topping in Naples?")
    monkeypatch.setenv("COACH_DATABASE_URL", served[1].database_url)
    runner = CliRunner()
    worst = runner.invoke(cli, ["report", "feedback", "--json"])
    assert worst.exit_code == 0, worst.output
    row = next(r for r in json.loads(worst.output) if r["question"] == rated)
    assert row["down"] == 1 and row["card_ids"] == ["fx-yen"] and row["comments"] == ["Which currency clause?"]
    table = runner.invoke(cli, ["report", "feedback", "--limit", "50"])
    assert table.exit_code == 0 and "Worst-rated questions" in table.output and "fx-yen" in table.output
    gaps = runner.invoke(cli, ["report", "gaps", "--json"])
    assert gaps.exit_code == 0, gaps.output
    pizza = next(r for r in json.loads(gaps.output) if r["question"] == "what is the best pizza topping in Naples?")
    assert pizza["outcome"] == "declined" and pizza["times"] == 1
    assert runner.invoke(cli, ["report", "gaps"]).exit_code == 0
    monkeypatch.setenv("COACH_DATABASE_URL", served[1].database_url.replace("coach.db", "empty.db"))
    assert "No feedback yet." in runner.invoke(cli, ["report", "feedback"]).output
    assert "No gaps" in runner.invoke(cli, ["report", "gaps"]).output
