"""What users hit in the web chat, in a real browser (Debian's Chromium through Playwright, the app on loopback):
errors, the typing indicator, what a reload keeps, sources, the phone layout, screen readers, copy, the first
screen, the card pages, share links and forms from other sites. Network failures and a proxy's 502 are made with
Playwright's request routing, because no real proxy runs here; everything else is the real app."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Browser, Page, Route, expect

from server.web.checks import CROSS_SITE

from .test_browser import SOFT_NO, Served, _open, browser, page, send, served

__all__ = ["browser", "page", "served"]  # the fixtures, shared with test_browser.py
PROXY_502 = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>"


def test_a_network_failure_shows_one_inline_error_and_retry_sends_again(browser: Browser, served: Served) -> None:
    page, errors = _open(browser, served)
    page.goto("/")
    page.route("**/chat", lambda route: route.abort("internetdisconnected"))
    send(page, SOFT_NO)
    error = page.locator("#composer-error")
    expect(error).to_contain_text("Could not reach the coach: check your connection.")
    expect(error.get_by_role("button", name="Retry")).to_have_count(1)
    expect(page.locator("[data-role=answer]")).to_have_count(0)
    expect(page.locator("#pending-turn")).to_have_count(0)
    expect(page.locator("textarea")).to_have_value(SOFT_NO)  # nothing typed is lost
    send(page, SOFT_NO)  # a second failure replaces the first: one error, never a pile
    expect(error.locator(".composer-error-text")).to_have_count(1)
    page.unroute("**/chat")
    error.get_by_role("button", name="Retry").click()
    expect(page.locator("[data-role=answer]")).to_have_count(1)
    expect(error).to_be_empty()
    expect(page.locator("textarea")).to_have_value("")
    page.context.close()
    assert len(errors) == 2 and all(e.startswith("htmx: htmx:error: Failed to fetch") for e in errors)  # htmx's log


def test_a_proxys_502_page_never_enters_the_thread(page: Page) -> None:
    page.goto("/")
    page.route("**/chat", lambda route: route.fulfill(status=502, content_type="text/html", body=PROXY_502))
    chip = page.locator("#welcome [data-suggestion]").first
    question = chip.get_attribute("value")
    chip.click()
    expect(page.locator("#composer-error")).to_contain_text("error 502")
    expect(page.locator("#thread")).not_to_contain_text("Bad Gateway")
    expect(page.locator("#thread .turn")).to_have_count(0)
    page.unroute("**/chat")
    page.locator("#composer-error").get_by_role("button", name="Retry").click()
    expect(page.locator("[data-role=answer]")).to_have_count(1)
    expect(page.locator(".user-text")).to_have_text(question or "")
    expect(page.locator("#composer-error")).to_be_empty()


def test_the_question_and_a_typing_indicator_show_at_once_on_a_slow_connection(page: Page) -> None:
    held: list[Route] = []
    page.goto("/")
    page.route("**/chat", lambda route: held.append(route))  # the reply waits until the test lets it go
    send(page, SOFT_NO)
    pending = page.locator("#pending-turn")
    expect(pending.locator(".user-text")).to_have_text(SOFT_NO)
    expect(pending.locator("[data-role=typing]")).to_contain_text("The coach is typing")
    expect(page.locator("#announcer")).to_have_text("Sent. The coach is typing.")
    assert len(held) == 1
    held[0].continue_()
    expect(page.locator("[data-role=answer]")).to_have_count(1)
    expect(pending).to_have_count(0)
    expect(page.locator("#thread .turn")).to_have_count(1)


def test_a_reload_keeps_the_follow_ups_and_the_rating(page: Page) -> None:
    page.goto("/")
    send(page, SOFT_NO)
    answer = page.locator("[data-role=answer]").first
    expect(answer.locator("[data-suggestion]")).to_have_count(1)
    answer.get_by_role("button", name="Yes").click()
    expect(answer.locator(".thanks")).to_be_visible()
    page.reload()
    answer = page.locator("[data-role=answer]").first
    expect(answer.locator("[data-suggestion]")).to_have_text("who decides the final edit of the film")
    expect(answer.locator(".thanks")).to_be_visible()
    expect(answer.get_by_role("button", name="Yes")).to_have_count(0)  # rated once: no second rating


def test_sources_show_once_by_title_and_cjk_text_carries_its_language(page: Page) -> None:
    page.goto("/")
    send(page, "they wrote 前向きに検討します after our pitch, what now?")
    answer = page.locator("[data-role=answer]").first
    expect(answer.locator("[data-role=source]")).to_have_count(1)
    prose = answer.locator(".md")
    titles = {"Fixture: a soft no from a Japanese partner", "Fixture: who holds final cut",
              "Fixture: reading the room in a Korean meeting", "Fixture: the yen moves mid-schedule"}
    assert set(prose.locator("a.cite").all_inner_texts()) <= titles  # citations, if any, by title
    assert "[fx-" not in prose.inner_text() and "Sources" not in prose.inner_text()
    expect(page.locator('.user-text span[lang="ja"]')).to_have_text("前向きに検討します")
    for run in prose.locator("span[lang]").all():  # CJK in the answer carries its language too
        assert run.get_attribute("lang") in ("ja", "ko", "zh")


def test_direction_overrides_and_zero_width_characters_are_not_shown(page: Page) -> None:
    page.goto("/")
    send(page, "final cut: exe.\u202etxt\u202c and in\u200bvisible\u2066 words")
    text = page.locator(".user-text").first
    expect(text).to_have_text("final cut: exe.txt and invisible words")


def test_screen_readers_get_headings_a_short_announcement_and_no_footer_landmark(page: Page) -> None:
    page.goto("/")
    expect(page.get_by_role("contentinfo")).to_have_count(0)
    expect(page.get_by_role("form", name="Ask the coach").get_by_role("textbox")).to_have_count(1)
    assert page.locator("#thread").get_attribute("aria-live") is None  # the answer is not read out whole
    send(page, SOFT_NO)
    expect(page.locator("[data-role=answer]")).to_have_count(1)
    expect(page.locator("#announcer")).to_have_text("Answer received.")
    expect(page.get_by_role("heading", name="You asked", level=2)).to_have_count(1)
    expect(page.get_by_role("heading", name="Coach answered", level=3)).to_have_count(1)
    expect(page.locator("[data-role=answer] .md").locator("h1, h2, h3")).to_have_count(0)  # its own sit below


def test_the_first_screen_says_nothing_leaves_the_server(page: Page) -> None:
    page.goto("/")
    expect(page.locator("#privacy")).to_have_text(
        "Nothing you type leaves this server: answers come from the cards, unless an operator configures a "
        "language model.")


def test_phone_header_is_one_row_and_every_control_is_a_44px_target(browser: Browser, served: Served) -> None:
    page, errors = _open(browser, served, width=375, height=740)
    page.goto("/")
    send(page, SOFT_NO)
    expect(page.locator("[data-role=answer]")).to_have_count(1)
    header = page.locator("header.bar").bounding_box()
    assert header is not None and header["height"] <= 52, header  # one row of 44 px targets
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    selectors = ("header .navlink", ".brand", "select", "#send", "[data-suggestion]", "[data-copy]",
                 ".feedback button", ".feedback summary", "[data-role=source] summary")
    small: list[Any] = []
    for selector in selectors:
        for element in page.locator(selector).all():
            box = element.bounding_box()
            if box is not None and box["height"] < 44:
                small.append((selector, box["height"]))
    assert small == []
    page.context.close()
    assert errors == []


def test_a_card_page_offers_related_cards_and_asking_about_it(page: Page, served: Served) -> None:
    page.goto("/kb/fx-yen")
    expect(page.get_by_role("heading", name="Related cards")).to_be_visible()
    assert page.locator("#related ~ ul .card-link").count() >= 3 or page.locator(".card-link").count() >= 3
    ask = page.locator(".related-ask [name=message]").first
    question = ask.get_attribute("value")
    ask.click()
    expect(page.locator("[data-role=answer]")).to_have_count(1)
    expect(page.locator(".user-text")).to_have_text(question or "")
    assert "/?c=" in page.url


def test_a_share_link_opens_a_read_only_copy_in_another_browser_until_revoked(browser: Browser,
                                                                           served: Served) -> None:
    owner, owner_errors = _open(browser, served)
    friend, friend_errors = _open(browser, served)
    owner.goto("/")
    send(owner, SOFT_NO)
    expect(owner.locator("[data-role=answer]")).to_have_count(1)
    private = owner.url
    friend.goto(private)  # the address alone opens nothing
    expect(friend.locator(".notice")).to_contain_text("That conversation is not available in this browser")
    expect(friend.locator("[data-role=answer]")).to_have_count(0)
    owner.locator("#share summary").click()
    owner.get_by_role("button", name="Create a read-only link").click()
    link = owner.locator("#share-url")
    expect(link).to_have_value(__import__("re").compile(r"^http://127\.0\.0\.1:\d+/s/[A-Za-z0-9_-]{32}$"))
    url = link.input_value()
    friend.goto(url)
    expect(friend.locator("[data-role=answer]")).to_have_count(1)
    expect(friend.locator("textarea")).to_have_count(0)
    expect(friend.locator(".feedback")).to_have_count(0)
    owner.get_by_role("button", name="Stop sharing").click()
    expect(owner.get_by_role("button", name="Create a read-only link")).to_be_visible()
    friend.reload()
    expect(friend.get_by_role("heading", name="Link not available")).to_be_visible()
    for p in (owner, friend):
        p.context.close()
    assert owner_errors == [] and friend_errors == []


def test_a_form_on_another_site_cannot_post_to_the_chat(page: Page, served: Served) -> None:
    form = (f'<form method="post" action="{served.url}/chat"><input name="message" value="forged">'
            '<button>Win a prize</button></form>')
    page.route("http://evil.test/", lambda route: route.fulfill(status=200, content_type="text/html", body=form))
    page.goto("http://evil.test/")
    page.get_by_role("button", name="Win a prize").click()
    expect(page.locator("body")).to_contain_text(CROSS_SITE)
    assert page.url.startswith(served.url)
