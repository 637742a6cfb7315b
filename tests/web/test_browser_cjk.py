"""The interface in Japanese (then Korean and Chinese) in a real browser: Debian's Chromium through Playwright, with
Debian's fonts-noto-cjk (.ci/run installs both). Chromium's DevTools protocol says which platform font drew each
glyph of a text (CSS.getPlatformFontsForNode): every glyph must come from the language's own Noto Sans CJK face, so
none is a missing-glyph box, and Han characters take the shapes of the page's language."""

from __future__ import annotations

import os
import subprocess
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from .test_browser import ARTEFACTS, Served, browser, served

__all__ = ["browser", "served"]  # the fixtures, shared with test_browser.py
NOTO = {"ja": "Noto Sans CJK JP", "ko": "Noto Sans CJK KR", "zh": "Noto Sans CJK SC"}


@pytest.fixture(scope="module", autouse=True)
def cjk_fonts() -> None:
    found = subprocess.run(["fc-list", ":lang=ja", "family"], capture_output=True, text=True, check=False).stdout
    if "Noto Sans CJK JP" not in found:
        message = "Debian's fonts-noto-cjk is missing: `apt-get install -y fonts-noto-cjk` (.ci/run installs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def fonts(page: Page, selector: str) -> dict[str, int]:
    """Platform font family -> glyphs it drew, for the text directly inside the element."""
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        assert node, f"no element {selector}"
        used: list[dict[str, Any]] = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    finally:
        cdp.detach()
    return {f["familyName"]: int(f["glyphCount"]) for f in used}


def assert_drawn_in(page: Page, selector: str, lang: str) -> None:
    text = page.locator(selector).evaluate("e => Array.from(e.childNodes).filter(n => n.nodeType === 3)"
                                           ".map(n => n.data).join('').replace(/\\s/g, '')")
    assert text, selector
    assert fonts(page, selector) == {NOTO[lang]: len(text)}, (selector, text)


def test_the_japanese_interface_renders_with_real_cjk_glyphs(browser: Browser, served: Served) -> None:
    context = browser.new_context(viewport={"width": 1100, "height": 820}, base_url=served.url, locale="ja-JP")
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto("/")  # Playwright's locale sends Accept-Language: ja-JP
    expect(page.locator("html")).to_have_attribute("lang", "ja")
    expect(page.locator("#welcome-title")).to_have_text("文化の違いを越えて仕事を進めるためのガイド")
    chips = page.locator("#welcome [data-suggestion]")
    expect(chips).to_have_count(6)
    assert set(chips.evaluate_all("cs => cs.map(c => c.lang)")) == {"ja"}
    for selector in ("#welcome-title", "#examples-label", "#send span", "label[for=culture]"):
        assert_drawn_in(page, selector, "ja")
    assert page.locator("#welcome-title").evaluate("e => getComputedStyle(e).lineBreak") == "strict"
    assert "Noto Sans CJK JP" in page.locator("#welcome-title").evaluate("e => getComputedStyle(e).fontFamily")

    box = page.locator("textarea")
    box.fill("あ" * 3600)
    box.dispatch_event("input")
    expect(page.locator("#counter")).to_have_text("3,600 / 4,000 文字")  # chat.js speaks the page's language
    box.fill("")
    chips.first.click()
    answer = page.locator("[data-role=answer]")
    expect(answer).to_have_count(1)
    expect(page.locator(".user-text")).to_have_attribute("lang", "ja")
    assert answer.locator(".md").get_attribute("lang") in ("ja", "en")
    assert_drawn_in(page, ".user-text > span[lang=ja]:last-child", "ja")  # its last Japanese run
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / "chat-ja.png"))

    page.set_viewport_size({"width": 375, "height": 740})
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # the phone header still fits
    cid = page.locator("#conversation-id").input_value()
    page.get_by_label("表示言語: 日本語").click()
    page.get_by_role("link", name="한국어").click()  # back to the same conversation, now in Korean
    expect(page.locator("html")).to_have_attribute("lang", "ko")
    assert page.url.endswith(f"/?c={cid}")
    expect(page.locator("[data-role=answer]")).to_have_count(1)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert page.locator("#send").evaluate("e => getComputedStyle(e).wordBreak") == "keep-all"
    page.set_viewport_size({"width": 1100, "height": 820})
    assert_drawn_in(page, "#send span", "ko")
    page.get_by_label("표시 언어: 한국어").click()
    page.get_by_role("link", name="中文（简体）").click()
    expect(page.locator("html")).to_have_attribute("lang", "zh")
    assert_drawn_in(page, "#send span", "zh")  # 发送: Han alone, in the Simplified Chinese face
    assert_drawn_in(page, "label[for=culture]", "zh")
    page.reload()  # remembered
    expect(page.locator("html")).to_have_attribute("lang", "zh")
    context.close()
    assert errors == []
