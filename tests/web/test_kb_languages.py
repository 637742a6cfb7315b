"""The card browser in the interface language: a translated card is shown in it (lang="ja" on its text), a card
without a translation in English with one line saying so, the English original and the translations are linked,
and /kb searches in the interface language. The knowledge base is the fixture one plus a Japanese translation of
fx-soft-no (tests/web/data/ja), indexed with the real model."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from server.knowledge.translations import source_hash
from server.search.index import build_index

from ..conftest import FIXTURE_KB, make_settings, served_app
from .test_i18n import english_left

TRANSLATIONS = Path(__file__).parent / "data"
JA_TITLE = "フィクスチャ：日本側パートナーの遠回しな断り"
EN_TITLE = "Fixture: a soft no from a Japanese partner"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, embedder: Any) -> Iterator[TestClient]:
    tmp = tmp_path_factory.mktemp("kb-languages")
    kb = tmp / "kb"
    shutil.copytree(FIXTURE_KB, kb)
    for source in TRANSLATIONS.glob("*/*.md"):  # current: the hash of the fixture's English card
        english = kb / "cards" / source.name
        target = kb / "cards" / source.parent.name / source.name
        target.parent.mkdir(exist_ok=True)
        target.write_text(re.sub(r"(?m)^translated_from: .*$", f'translated_from: "{source_hash(english)}"',
                                 source.read_text(encoding="utf-8")), encoding="utf-8")
    build_index(kb, tmp / "index", embedder, tmp / "cache")
    settings = make_settings(tmp, kb, database_url=f"sqlite:///{tmp / 'coach.db'}")
    with served_app(settings) as client:
        yield client


@pytest.fixture()
def client(served: TestClient) -> TestClient:
    served.cookies.clear()
    return served


def test_the_japanese_interface_shows_the_japanese_card(client: TestClient) -> None:
    client.cookies.set("coach_lang", "ja")
    page = client.get("/kb/fx-soft-no")
    assert page.status_code == 200
    text = page.text
    assert f'<h1 lang="ja">{JA_TITLE}</h1>' in text and EN_TITLE not in text
    assert '<p class="lead" lang="ja">' in text and "丁寧な先送りのことがあります" in text
    assert "<h2>やること</h2>" in text and '<div class="md" lang="ja" hx-ignore>' in text
    assert "次の具体的な一歩を尋ねる。" in text and "Ask for the next concrete step." not in text
    assert '<em><span lang="ja">米国側</span>:</em>' in text and "[us-side]" not in text  # label: ja catalogue
    assert '<span lang="ja">今は進めないという意味のことが多い。' in text  # the phrase explained in Japanese
    assert 'lang="ja-Latn">(maemuki ni kentō shimasu)' in text
    assert '<a href="/kb/fx-soft-no?lang=en" hreflang="en">英語の原文を読む</a>' in text
    assert "翻訳されていない" not in text
    assert re.search(r'name="message" value="[^"]*検討しますと言われたまま返事が来ない"', text)  # ja questions
    assert english_left(text, "ja") == []


def test_the_english_original_link_shows_the_english_card_and_links_the_translation(client: TestClient) -> None:
    client.cookies.set("coach_lang", "ja")
    original = client.get("/kb/fx-soft-no?lang=en").text
    assert f'<h1 lang="en">{EN_TITLE}</h1>' in original and JA_TITLE not in original
    assert '<div class="md" lang="en" hx-ignore>' in original and "<li>Ask for the next concrete step.</li>" in original
    assert "<em>US side:</em>" in original  # the card's own language labels its lines
    assert "<h2>やること</h2>" in original  # the headings stay the page's
    assert '<a href="/kb/fx-soft-no?lang=ja" hreflang="ja" lang="ja">日本語</a>' in original
    assert "翻訳されていない" not in original  # asked for: no apology
    client.cookies.clear()
    english_ui = client.get("/kb/fx-soft-no", headers={"Accept-Language": "en"}).text
    assert f'<h1 lang="en">{EN_TITLE}</h1>' in english_ui and "<h2>What to do</h2>" in english_ui
    assert 'Also in: <a href="/kb/fx-soft-no?lang=ja" hreflang="ja" lang="ja">日本語</a></p>' in english_ui
    untranslated = client.get("/kb/fx-yen", headers={"Accept-Language": "en"}).text
    assert "Also in:" not in untranslated and "?lang=" not in untranslated


def test_a_card_without_a_korean_translation_is_english_and_says_so(client: TestClient) -> None:
    client.cookies.set("coach_lang", "ko")
    text = client.get("/kb/fx-soft-no").text
    assert f'<h1 lang="en">{EN_TITLE}</h1>' in text and '<p class="lead" lang="en">' in text
    assert '<div class="md" lang="en" hx-ignore>' in text and "<li>Ask for the next concrete step.</li>" in text
    assert '이 카드는 아직 <span lang="ko">한국어</span>(으)로 번역되지 않아 영어로 표시합니다.' in text
    assert "<h2>할 일</h2>" in text and "<em>US side:</em>" in text
    assert '<a href="/kb/fx-soft-no?lang=ja" hreflang="ja" lang="ja">日本語</a>' in text  # what there is
    assert english_left(text, "ko") == []
    asked = client.get("/kb/fx-soft-no?lang=ko").text  # asked for by link: the same, with the same line
    assert "번역되지 않아" in asked and f'<h1 lang="en">{EN_TITLE}</h1>' in asked


@pytest.mark.parametrize("lang", ["fr", "JA", "ja-JP", "x" * 300])
def test_a_card_language_the_links_cannot_send_gets_a_clear_404(client: TestClient, lang: str) -> None:
    client.cookies.set("coach_lang", "zh")
    response = client.get("/kb/fx-soft-no", params={"lang": lang})
    assert response.status_code == 404
    assert "卡片可用英语、日语、韩语和中文（简体）显示" in response.text and f"“{lang[:20]}”" in response.text
    assert "x" * 21 not in response.text


def test_lists_and_search_follow_the_interface_language(client: TestClient) -> None:
    client.cookies.set("coach_lang", "ja")
    listing = client.get("/kb").text
    assert f'<a class="card-link" href="/kb/fx-soft-no" lang="ja">{JA_TITLE}</a>' in listing
    assert '<a class="card-link" href="/kb/fx-yen" lang="en">' in listing  # no translation: English, marked so
    # words only the translation has (the English card has one Japanese trigger): found through Query.lang
    search = client.get("/kb", params={"q": "返事が来ないまま一週間"}).text
    found = re.findall(r'class="card-link" href="/kb/([a-z-]+)" lang="([a-z]+)"', search)
    assert found[0] == ("fx-soft-no", "ja"), found
    client.cookies.set("coach_lang", "ko")
    assert '<a class="card-link" href="/kb/fx-soft-no" lang="en">' in client.get("/kb").text


def test_related_cards_are_shown_in_the_interface_language(client: TestClient) -> None:
    client.cookies.set("coach_lang", "ja")
    text = client.get("/kb/fx-final-cut").text  # English (no translation); it relates to fx-soft-no
    related = text.split('id="related"')[1]
    assert f'lang="ja">{JA_TITLE}</a>' in related
