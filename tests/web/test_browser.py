"""The chat in a real browser: Debian's Chromium driven by Playwright against uvicorn on loopback.

Never downloads a browser: it uses /usr/bin/chromium (`apt-get install -y chromium`; .ci/run installs it).
Screenshots land in var/test-artefacts/; `UPDATE_SCREENSHOT=1` also refreshes the README's web/static/screenshot.png
from the real knowledge base.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from server.app import create_app
from server.settings import PROJECT_ROOT, Settings
from server.store.conversations import ConversationStore

from ..conftest import FIXTURE_KB, REAL_KB, make_settings
from ..loopback import serve

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
ARTEFACTS = PROJECT_ROOT / "var" / "test-artefacts"
SOFT_NO = "my partner won't say no directly"


class Served:
    """The app on a free loopback port while in its `with` block (settings may still change before it starts)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.url = ""
        self._stack = ExitStack()

    def __enter__(self) -> Served:
        self.url = self._stack.enter_context(serve(create_app(self.settings, wait_until_loaded=True)))
        return self

    def __exit__(self, *_: object) -> None:
        self._stack.close()

    def store(self) -> ConversationStore:
        return ConversationStore.from_url(self.settings.database_url)


def _serve(tmp: Path, index_dir: Path, knowledge: Path) -> Served:
    settings = make_settings(tmp, knowledge, database_url=f"sqlite:///{tmp / 'coach.db'}")
    settings.index_dir = index_dir
    return Served(settings)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, fixture_index: Any) -> Iterator[Served]:
    with _serve(tmp_path_factory.mktemp("browser"), Path(fixture_index.path), FIXTURE_KB) as served:
        yield served


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: install Debian's Chromium with `apt-get install -y chromium`"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


def _open(browser: Browser, served: Served, width: int = 1280, height: int = 860,
          javascript: bool = True) -> tuple[Page, list[str]]:
    """A fresh context (no cookies) and page; collects page errors and console errors (CSP reports among them)."""
    context = browser.new_context(viewport={"width": width, "height": height}, base_url=served.url,
                                  java_script_enabled=javascript)
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error"
            and not m.text.startswith("Failed to load resource") else None)  # a 4xx reply we sent on purpose
    return page, errors


@pytest.fixture()
def page(browser: Browser, served: Served) -> Iterator[Page]:
    page, errors = _open(browser, served)
    yield page
    page.context.close()
    assert errors == []


def send(page: Page, text: str) -> None:
    box = page.locator("textarea")
    box.fill(text)
    box.press("Enter")


def test_ask_see_sources_and_follow_up_in_the_same_conversation(page: Page, served: Served) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto("/")
    expect(page.locator("textarea")).to_have_count(1)
    expect(page.locator("#welcome [data-suggestion]")).to_have_count(6)
    box = page.locator("textarea")
    send(page, SOFT_NO)
    answers = page.locator("[data-role=answer]")
    expect(answers).to_have_count(1)
    expect(answers.first).to_contain_text("Ask for the next concrete step.")
    expect(answers.first.locator("[data-role=source]")).to_have_count(1)
    expect(box).to_have_value("")
    expect(box).to_be_focused()
    expect(page.locator("#welcome")).to_have_count(0)
    cid = page.locator("#conversation-id").input_value()
    assert len(cid) == 32 and page.url == f"{served.url}/?c={cid}"

    box.type("line one")
    box.press("Shift+Enter")
    box.type("line two")
    expect(box).to_have_value("line one\nline two")
    expect(answers).to_have_count(1)
    box.fill("")

    source = answers.first.locator("[data-role=source]").first
    source.locator("summary").click()
    expect(source.get_by_role("link", name="Open the card")).to_have_attribute("href", "/kb/fx-soft-no")
    answers.first.get_by_role("button", name="Copy this answer as text").click()
    expect(answers.first.locator("[data-copy=text]")).to_have_text("Copied")
    plain = page.evaluate("navigator.clipboard.readText()")  # plain text, as it reads on screen
    first_block = answers.first.locator(".md > *").first.inner_text().strip()
    assert plain.startswith(first_block) and "##" not in plain and "**" not in plain and "[fx-soft-no]" not in plain
    assert plain.endswith("Sources: Fixture: a soft no from a Japanese partner")
    answers.first.get_by_role("button", name="Copy this answer as Markdown").click()
    expect(answers.first.locator("[data-copy=markdown]")).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == answers.first.get_attribute("data-markdown")

    suggestion = answers.first.locator("[data-suggestion]").first
    follow_up = suggestion.get_attribute("value")
    assert follow_up == "who decides the final edit of the film"
    suggestion.click()
    expect(answers).to_have_count(2)
    expect(page.locator(".user-text").nth(1)).to_have_text(follow_up)
    expect(answers.nth(1)).to_contain_text("Write the final-cut holder into the agreement.")
    assert page.locator("#conversation-id").input_value() == cid
    assert [t.role for t in served.store().turns(cid)] == ["user", "coach", "user", "coach"]
    expect(box).to_be_focused()
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / "chat-desktop.png"))


def test_keyboard_alone_reaches_the_box_and_sends_an_example(page: Page) -> None:
    page.goto("/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to the message box")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("textarea")).to_be_focused()
    chip = page.locator("#welcome [data-suggestion]").nth(1)
    chip.focus()
    page.keyboard.press("Enter")
    expect(page.locator("[data-role=answer]")).to_have_count(1)
    expect(page.locator(".user-text")).to_have_text("Who should have final cut in a Japan-US co-production?")
    expect(page.locator("textarea")).to_be_focused()


def test_thumbs_down_with_a_comment_is_stored(page: Page, served: Served) -> None:
    page.goto("/")
    send(page, "the exchange rate moved and our budget is short")
    answer = page.locator("[data-role=answer]").first
    expect(answer).to_be_visible()
    answer.locator("details.down summary").click()
    comment = answer.get_by_label("What was missing or wrong? (optional)")
    expect(comment).to_be_focused()
    comment.type("Which clause covers the band?")
    comment.press("Enter")
    expect(answer.locator(".thanks")).to_be_visible()
    expect(answer.locator(".thanks")).to_be_focused()
    row = next(r for r in served.store().feedback_report(100)
               if r["question"] == "the exchange rate moved and our budget is short")
    assert row["down"] == 1 and row["card_ids"] == ["fx-yen"] and row["comments"] == ["Which clause covers the band?"]
    send(page, SOFT_NO)
    second = page.locator("[data-role=answer]").nth(1)
    second.get_by_role("button", name="Yes").click()
    expect(second.locator(".thanks")).to_be_visible()
    assert next(r for r in served.store().feedback_report(100) if r["question"] == SOFT_NO)["up"] >= 1


def test_selectors_persist_and_new_conversation_starts_empty(page: Page) -> None:
    page.goto("/")
    page.get_by_label("Partner", exact=True).select_option("kr-us")
    page.get_by_label("I am on the", exact=True).select_option("us-side")
    send(page, "how do I read the room in a meeting in Seoul?")
    expect(page.locator("[data-role=answer]")).to_have_count(1)
    expect(page.get_by_label("Partner", exact=True)).to_have_value("kr-us")
    page.reload()
    expect(page.locator("[data-role=answer]")).to_have_count(1)
    expect(page.get_by_label("Partner", exact=True)).to_have_value("kr-us")
    expect(page.get_by_label("I am on the", exact=True)).to_have_value("us-side")
    export = page.locator("#share a.export")
    expect(export).to_have_attribute("href", f"/c/{page.locator('#conversation-id').input_value()}/export")
    page.get_by_role("link", name="New conversation").click()
    expect(page.locator("#welcome")).to_be_visible()
    expect(page.locator("[data-role=answer]")).to_have_count(0)
    expect(page.get_by_label("Partner", exact=True)).to_have_value("kr-us")
    expect(page.locator("#conversation-id")).to_have_value("")
    page.get_by_text("Recent").click()
    page.get_by_role("link", name="how do I read the room in a meeting in Seoul?").click()
    expect(page.locator("[data-role=answer]")).to_have_count(1)
    expect(page.locator("[data-role=answer] [data-role=source]").first).to_contain_text("Korean meeting")


def test_pasted_script_is_shown_as_text_and_never_runs(page: Page) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto("/")
    hostile = "<script>alert(1)</script><img src=x onerror=alert(2)> they said 前向きに検討します"
    send(page, hostile)
    expect(page.locator("[data-role=answer]")).to_have_count(1)
    expect(page.locator(".user-text")).to_have_text(hostile)
    page.wait_for_timeout(300)
    assert dialogs == []
    expect(page.locator("#thread script")).to_have_count(0)
    expect(page.locator("#thread img")).to_have_count(0)


def test_a_too_long_message_gets_an_inline_error_and_is_kept(page: Page) -> None:
    page.goto("/")
    box = page.locator("textarea")
    box.fill("x" * 4001)
    box.dispatch_event("input")
    expect(page.locator("#counter")).to_have_text("4,001 / 4,000 characters: too long")
    box.press("Enter")
    expect(page.locator("#composer-error")).to_have_text(
        "Your message is 4,001 characters; the limit is 4,000. Shorten it or send it in parts.")
    expect(box).to_have_value("x" * 4001)
    expect(page.locator("[data-role=answer]")).to_have_count(0)
    box.fill("who decides the final edit of the film?")
    expect(page.locator("#composer-error")).to_be_empty()  # fixed: the old error goes at once
    box.press("Enter")
    expect(page.locator("[data-role=answer]")).to_have_count(1)
    expect(page.locator("#composer-error")).to_be_empty()


def test_375px_wide_layout_has_no_horizontal_scroll(browser: Browser, served: Served) -> None:
    page, errors = _open(browser, served, width=375, height=740)
    page.goto("/")
    send(page, SOFT_NO)
    expect(page.locator("[data-role=answer]")).to_have_count(1)
    page.locator("[data-role=source] summary").first.click()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert page.evaluate("window.scrollY") == 0  # the page itself never scrolls; the thread does
    for selector in ("textarea", "#send", ".brand", "[data-role=answer]"):
        box = page.locator(selector).first.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 375, selector
    send_box = page.locator("#send").bounding_box()
    assert send_box is not None and send_box["y"] + send_box["height"] <= 740
    page.get_by_text("Recent").click()
    menu = page.locator("#recent .menu-panel").bounding_box()
    assert menu is not None and menu["x"] >= 0 and menu["x"] + menu["width"] <= 375
    page.keyboard.press("Escape")
    expect(page.locator("#recent")).not_to_have_attribute("open", "")
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / "chat-375.png"))
    page.context.close()
    assert errors == []


def test_without_javascript_the_chat_still_works(browser: Browser, served: Served) -> None:
    page, errors = _open(browser, served, javascript=False)
    page.goto("/")
    page.locator("textarea").fill(SOFT_NO)
    page.get_by_role("button", name="Send").click()
    expect(page.locator("[data-role=answer]")).to_have_count(1)
    expect(page.locator("[data-role=source]")).to_have_count(1)
    page.locator("[data-role=answer] [data-suggestion]").first.click()
    expect(page.locator("[data-role=answer]")).to_have_count(2)
    cid = page.locator("#conversation-id").input_value()
    assert page.url == f"{served.url}/?c={cid}#latest"  # redirected after the POST: a reload never re-posts
    expect(page.locator("[data-role=answer]").nth(1)).to_be_in_viewport()
    expect(page.locator(".brand")).to_be_in_viewport()
    page.locator("[data-role=answer]").nth(1).get_by_role("button", name="Yes").click()
    expect(page.locator("[data-role=answer]").nth(1).locator(".thanks")).to_be_visible()
    with page.expect_request("**/*") as again:
        page.reload()
    assert again.value.method == "GET"  # nothing is sent twice
    expect(page.locator("[data-role=answer]")).to_have_count(2)
    page.context.close()
    assert errors == []


@pytest.mark.skipif(not os.environ.get("UPDATE_SCREENSHOT"),
                    reason="set UPDATE_SCREENSHOT=1 to refresh the README image")
def test_refresh_the_readme_screenshot(browser: Browser, kb_index_dir: Path, tmp_path: Path) -> None:
    with _serve(tmp_path, kb_index_dir, REAL_KB) as served:
        page, _ = _open(browser, served, width=1100, height=820)
        page.goto("/")
        page.get_by_label("Partner", exact=True).select_option("jp-us")
        send(page, "My Japanese partner keeps saying they will consider it positively. Is that a no?")
        expect(page.locator("[data-role=answer]")).to_have_count(1)
        page.evaluate("document.querySelector('[data-role=source]').open = true")  # no click: clicks scroll
        page.wait_for_timeout(800)  # let the smooth scroll to the new question finish
        page.screenshot(path=str(PROJECT_ROOT / "web" / "static" / "screenshot.png"))
        page.context.close()


def test_a_streamed_answer_fills_its_bubble_when_the_llm_writer_is_on(browser: Browser, fixture_index: Any,
                                                                       tmp_path: Path) -> None:
    from ..llm_server import LLMServer

    with LLMServer() as llm:
        served = _serve(tmp_path, Path(fixture_index.path), FIXTURE_KB)
        served.settings.llm_base_url = llm.url
        served.settings.llm_model = "cite"
        with served:
            page, errors = _open(browser, served)
            page.goto("/")
            with page.expect_response("**/chat") as reply:
                send(page, SOFT_NO)
            assert reply.value.headers["content-type"].startswith("text/event-stream")
            answer = page.locator("[data-role=answer]")
            expect(answer).to_have_count(1)
            expect(answer.first).to_contain_text("Your partner is avoiding a public refusal")
            expect(answer.first.locator("[data-role=source]")).to_have_count(1)
            expect(answer.first).not_to_have_attribute("aria-busy", "true")
            expect(page.locator("textarea")).to_have_value("")
            expect(page.locator("textarea")).to_be_focused()
            assert llm.requests and llm.requests[-1]["stream"] is True
            page.context.close()
            assert errors == []
