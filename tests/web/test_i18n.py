"""The web interface's languages: Accept-Language negotiation, the switch and its cookie, lang attributes on every
message, the answer-language choice, and catalogues that are complete, compiled and consistent with the code."""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from fastapi.testclient import TestClient

from server.settings import PROJECT_ROOT
from server.web import i18n
from server.web.i18n import accepted, negotiate

from ..conftest import FIXTURE_KB, make_settings, served_app

HTMX = {"HX-Request": "true"}
LOCALE = PROJECT_ROOT / "web" / "locale"
UI = ("ja", "ko", "zh")
WELCOME = {"en": "Your guide to working across cultures", "ja": "文化の違いを越えて仕事を進めるためのガイド",
           "ko": "문화의 차이를 넘어 함께 일하기 위한 가이드", "zh": "跨文化合作指南"}


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, fixture_index: Any) -> Iterator[TestClient]:
    tmp = tmp_path_factory.mktemp("i18n")
    settings = make_settings(tmp, FIXTURE_KB, database_url=f"sqlite:///{tmp / 'coach.db'}")
    settings.index_dir = Path(fixture_index.path)
    with served_app(settings) as client:
        yield client


@pytest.fixture()
def client(served: TestClient) -> TestClient:
    served.cookies.clear()
    return served


def lang_of_page(text: str) -> str:
    match = re.search(r'<html lang="([a-z]+)">', text)
    assert match, text[:200]
    return match[1]


# --- negotiation ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("header", "expected"), [
    ("ja", "ja"),
    ("ja-JP,ja;q=0.9,en-US;q=0.8,en;q=0.7", "ja"),  # Chrome on a Japanese system
    ("en-US,en;q=0.9,ko;q=0.8", "en"),
    ("fr-FR,fr;q=0.9,ko;q=0.5", "ko"),  # first language we have, by weight
    ("ko;q=0.4, ja;q=0.8", "ja"),  # weights, not order, decide
    ("ja;q=0.5, ko;q=0.5", "ja"),  # a tie keeps the header's order
    ("en;q=0.1, zh;q=1.000", "zh"),
    ("ja;q=0, ko", "ko"),  # q=0: "not this"
    ("zh-TW,zh;q=0.9", "zh"),  # Traditional Chinese readers get Simplified, the nearest we have
    ("zh-Hans-CN", "zh"),
    ("KO-kr", "ko"),  # tags are case-insensitive
    ("ja ; Q=0.8 , en;q=0.2", "ja"),  # optional whitespace, an upper-case Q
    ("*", "en"),
    ("de-DE", "en"),
    ("", "en"),
    (None, "en"),
])
def test_accept_language_picks_the_most_wanted_language_we_have(header: str | None, expected: str) -> None:
    assert negotiate(header) == expected


@pytest.mark.parametrize(("header", "expected"), [
    ("ja;q=abc, ko", "ko"),  # a bad weight drops that range only
    ("ja;q=1.5", "en"),  # above 1 is not a weight
    ("ja;q=0.12345", "en"),  # at most three decimals
    ("ja;q=-1, ko;q=0.3", "ko"),
    (";;;,,,", "en"),
    ("ja_JP", "en"),  # not a language tag
    ("日本語, ko", "ko"),
    ("ja-", "en"),
    ("x" * 10_000, "en"),
    ("fr," * 40 + "ja", "en"),  # read only so far: browsers send a handful of ranges
])
def test_a_malformed_accept_language_is_read_as_far_as_it_makes_sense(header: str, expected: str) -> None:
    assert negotiate(header) == expected


def test_weights_are_parsed_and_sorted() -> None:
    assert accepted("en;q=0.5, ja, ko;q=0.8") == [("ja", 1.0), ("ko", 0.8), ("en", 0.5)]


@pytest.mark.parametrize("header", ["ja;q=abc", ";;", "\x7f\x01", "ja;q=" + "9" * 5000])
def test_a_malformed_header_gets_the_english_page_not_an_error(client: TestClient, header: str) -> None:
    response = client.get("/", headers={"Accept-Language": header})
    assert response.status_code == 200 and lang_of_page(response.text) in ("en", "ja")


def test_a_header_that_is_not_text_gets_the_english_page(client: TestClient) -> None:
    response = client.get("/", headers=[(b"accept-language", b"ja\xff\xfe;q=1")])
    assert response.status_code == 200 and lang_of_page(response.text) == "en"


@pytest.mark.parametrize("lang", ["en", *UI])
def test_the_page_follows_the_browser_language(client: TestClient, lang: str) -> None:
    response = client.get("/", headers={"Accept-Language": f"{lang};q=0.9, de;q=0.1"})
    assert response.status_code == 200
    assert lang_of_page(response.text) == lang and response.headers["content-language"] == lang
    assert "Accept-Language" in response.headers["vary"]  # a shared cache keeps one copy per language
    assert WELCOME[lang] in response.text


# --- the switch and its cookie -------------------------------------------------------------------------------------

def test_the_switch_remembers_the_choice_over_the_browser_language(client: TestClient) -> None:
    response = client.get("/language/ko", headers={"Referer": "http://testserver/kb?q=final+cut"},
                          follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/kb?q=final+cut"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("coach_lang=ko;") and "HttpOnly" in cookie and "SameSite=lax" in cookie
    page = client.get("/", headers={"Accept-Language": "ja"})
    assert lang_of_page(page.text) == "ko" and WELCOME["ko"] in page.text
    assert '<a href="/language/ko" hreflang="ko" lang="ko" aria-current="true">한국어</a>' in page.text
    client.get("/language/en", follow_redirects=False)
    assert lang_of_page(client.get("/", headers={"Accept-Language": "ja"}).text) == "en"


@pytest.mark.parametrize("referer", ["https://elsewhere.example/page", "http://testserver//elsewhere.example/",
                                     "http://testserver/\\elsewhere.example", "not a url", ""])
def test_the_switch_never_sends_the_browser_to_another_site(client: TestClient, referer: str) -> None:
    response = client.get("/language/ja", headers={"Referer": referer}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/"


def test_an_unknown_language_in_the_switch_says_which_there_are(client: TestClient) -> None:
    response = client.get("/language/fr", headers={"Accept-Language": "ja"}, follow_redirects=False)
    assert response.status_code == 404 and "set-cookie" not in response.headers
    assert lang_of_page(response.text) == "ja"
    assert "その言語には対応していません" in response.text and "「fr」" in response.text
    assert response.text.count('href="/language/') == 4  # the menu to choose from is on the page


@pytest.mark.parametrize("cookie", ["fr", "", "ja-JP", "../ja", "JA"])
def test_an_unknown_language_in_the_cookie_falls_back_to_the_browser_language(client: TestClient,
                                                                              cookie: str) -> None:
    client.cookies.set("coach_lang", cookie)
    response = client.get("/", headers={"Accept-Language": "zh-CN"})
    assert response.status_code == 200 and lang_of_page(response.text) == "zh"


# --- messages and the answer language ------------------------------------------------------------------------------

def test_each_message_carries_its_own_language_whatever_the_interface(client: TestClient) -> None:
    client.cookies.set("coach_lang", "ja")
    fragment = client.post("/chat", data={"message": "my partner won't say no directly"}, headers=HTMX).text
    assert '<p class="user-text" dir="auto" lang="en">' in fragment
    assert '<div class="md" lang="en" hx-ignore>' in fragment  # an English answer in the Japanese interface
    assert "コーチ<span class=\"visually-hidden\">の回答</span>" in fragment
    fragment = client.post("/chat", data={"message": "相手がはっきり断らないのはなぜですか？"}, headers=HTMX).text
    assert '<p class="user-text" dir="auto" lang="ja">' in fragment
    assert re.search(r'<div class="md" lang="(en|ja)" hx-ignore>', fragment)


def test_the_answer_language_choice_is_passed_on_and_remembered(client: TestClient) -> None:
    response = client.post("/chat", data={"message": "my partner won't say no directly", "answer_lang": "ja"},
                           headers=HTMX)
    assert response.status_code == 200
    assert '<div class="md" lang="ja" hx-ignore>' in response.text  # Ask.lang reached the engine: Answer.lang
    assert response.cookies.get("coach_answer_lang") == "ja"
    page = client.get("/").text
    assert '<option value="ja" lang="ja" selected>日本語</option>' in page
    client.post("/chat", data={"message": "my partner won't say no directly", "answer_lang": ""}, headers=HTMX)
    assert '<option value="" selected>' in client.get("/").text


@pytest.mark.parametrize("value", ["fr", "JA", "japanese", "ja "])
def test_an_answer_language_the_form_cannot_send_gets_a_clear_error(client: TestClient, value: str) -> None:
    client.cookies.set("coach_lang", "ko")
    response = client.post("/chat", data={"message": "who decides the final cut?", "answer_lang": value},
                           headers=HTMX)
    assert response.status_code == 422
    assert "목록에서 답변 언어를 선택하세요" in response.text


def test_errors_from_the_code_are_translated_too(client: TestClient) -> None:
    client.cookies.set("coach_lang", "zh")
    response = client.post("/chat", data={"message": "x" * 4001}, headers=HTMX)
    assert response.status_code == 422 and "你的消息有 4,001 个字符，上限为 4,000 个。" in response.text
    response = client.get("/kb/no-such-card")
    assert response.status_code == 404 and "没有“no-such-card”这张卡片。" in response.text
    response = client.post("/chat", data={"message": "hi"}, headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403 and "此表单是从其他网站提交的" in response.text


# --- every page in every language, nothing left in English --------------------------------------------------------

ALLOWED_LATIN = {"Co", "Production", "Coach", "English", "Markdown", "Enter", "Shift", "PDF", "NUL", "rated", "up",
                 "down", "IP", "We", "love", "it", "MG", "e", "g"}


class _Visible(HTMLParser):
    """Text a reader sees or hears in the interface's language: text nodes and labelling attributes, leaving out
    elements marked with another language (questions, answers, card text) and the data attribute for chat.js."""

    VOID = {"meta", "link", "input", "br", "img", "hr", "path", "circle"}

    def __init__(self, ui: str) -> None:
        super().__init__()
        self.ui, self.stack, self.seen = ui, [ui], []  # type: tuple[str, list[str], list[str]]
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        lang = values.get("lang") or self.stack[-1]
        if self.stack[-1] == self.ui and lang == self.ui:
            self.seen += [v for k, v in attrs if k in ("aria-label", "placeholder", "title", "alt") and v]
        if tag in ("script", "style", "title", "svg"):
            self.skip += 1
        if tag not in self.VOID:
            self.stack.append(lang)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "title", "svg"):
            self.skip -= 1
        if tag not in self.VOID and len(self.stack) > 1:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not self.skip and self.stack[-1] == self.ui and data.strip():
            self.seen.append(data)


def english_left(page: str, ui: str) -> list[str]:
    """The visible texts of the page, in its interface language, that hold English words."""
    parser = _Visible(ui)
    parser.feed(page)
    texts = [html.unescape(t).strip() for t in parser.seen]
    return [t for t in texts if any(w not in ALLOWED_LATIN for w in re.findall(r"[A-Za-z]+", t))]


@pytest.mark.parametrize("lang", UI)
def test_every_page_is_in_the_interface_language(client: TestClient, lang: str) -> None:
    client.cookies.set("coach_lang", lang)
    reply = client.post("/chat", data={"message": "my partner won't say no directly"}, follow_redirects=False)
    conversation = reply.headers["location"].split("#")[0]
    share = client.post("/share", data={"conversation_id": conversation.removeprefix("/?c=")},
                        follow_redirects=False)
    assert share.status_code == 303
    pages = {path: client.get(path) for path in (conversation, "/", "/kb", "/kb?q=final+cut", "/kb/fx-soft-no",
                                                 "/kb/0-0", "/language/00")}
    token = re.search(r'value="http://testserver/s/([^"]+)"', client.get(conversation + "&share=open").text)
    assert token, "no share link on the page"
    pages["/s/"] = client.get(f"/s/{token[1]}")
    for path, response in pages.items():
        assert lang_of_page(response.text) == lang, path
        assert english_left(response.text, lang) == [], path


# --- the catalogues ------------------------------------------------------------------------------------------------

def _catalogue(lang: str) -> Any:
    with open(LOCALE / lang / "LC_MESSAGES" / "messages.po", "rb") as po:
        return read_po(po, locale=lang)


def _extracted() -> set[str | tuple[str, str]]:
    """Every message the code and templates mark, extracted as `make messages` does (web/babel.cfg)."""
    with open(PROJECT_ROOT / "web" / "babel.cfg", encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    keywords = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2), "NP_": ((1, "c"), 2)}
    found: set[str | tuple[str, str]] = set()
    for _file, _line, message, _comments, context in extract_from_dir(
            PROJECT_ROOT, method_map, options_map, keywords=keywords):
        msgid = message[0] if isinstance(message, tuple) else message
        found.add((context, msgid) if context else msgid)
    return found


@pytest.mark.parametrize("lang", UI)
def test_every_marked_string_has_a_translation(lang: str) -> None:
    catalogue = _catalogue(lang)
    present: set[str | tuple[str, str]] = set()
    for message in catalogue:
        if not message.id:
            continue
        msgid = message.id[0] if isinstance(message.id, tuple) else message.id
        present.add((message.context, msgid) if message.context else msgid)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(s.strip() for s in strings), f"{lang}: no translation for {message.id!r}"
        assert not message.fuzzy, f"{lang}: fuzzy translation for {message.id!r}"
    missing = _extracted() - present
    assert not missing, f"{lang}: run `make messages` and translate {sorted(map(str, missing))}"


_MARKUP = re.compile(r"<[^>]+>|%\([a-z_]+\)s|\{[a-z_]+\}")


@pytest.mark.parametrize("lang", UI)
def test_translations_keep_the_placeholders_and_markup(lang: str) -> None:
    for message in _catalogue(lang):
        if not message.id:
            continue
        source = message.id[-1] if isinstance(message.id, tuple) else message.id
        for text in message.string if isinstance(message.string, tuple) else (message.string,):
            assert sorted(_MARKUP.findall(text)) == sorted(_MARKUP.findall(source)), (lang, source, text)


@pytest.mark.parametrize("lang", UI)
def test_the_compiled_catalogues_are_up_to_date(lang: str) -> None:
    compiled = io.BytesIO()
    write_mo(compiled, _catalogue(lang))  # what `pybabel compile` writes
    mo = (LOCALE / lang / "LC_MESSAGES" / "messages.mo").read_bytes()
    assert compiled.getvalue() == mo, f"web/locale/{lang}/LC_MESSAGES/messages.mo is stale: run `make messages`"


@pytest.mark.parametrize("lang", UI)
def test_example_questions_are_written_in_the_language_not_translated_from_english(lang: str) -> None:
    from server.cjk import language_of
    from server.web.views import EXAMPLES, examples

    i18n.activate(lang)
    try:
        shown = examples()
    finally:
        i18n.activate("en")
    assert len(shown) == len(EXAMPLES) == len(set(shown))
    assert [language_of(q) for q in shown] == [lang] * len(shown)
