"""English words for the business terms of a question written in Japanese, Korean or Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest

from server.coach.glossary import Glossary
from server.errors import CoachError


def test_terms_in_each_language_add_their_english_words() -> None:
    glossary = Glossary.load()
    assert "arbitration seat governing law" in glossary.expand("準拠法と仲裁地はどこにすべきですか？")
    assert "subtitles" in glossary.expand("자막과 더빙 중 무엇이 좋을까요?")
    assert "marketing costs" in glossary.expand("美方要求先收回全部宣发费用")


def test_english_questions_are_left_as_they_are() -> None:
    question = "Who holds final cut? 最終編集権 is what they called it."
    assert Glossary.load().expand(question) == question


def test_longer_terms_win_and_each_english_phrase_appears_once() -> None:
    expanded = Glossary.load().expand("最終編集権と最終編集について")
    assert expanded.count("final cut editing approval") == 1


@pytest.mark.parametrize("text", ["- {ja: [字幕]}\n", "not: [a, list\n", "- just a string\n"])
def test_a_broken_glossary_names_the_file_and_the_fix(tmp_path: Path, text: str) -> None:
    path = tmp_path / "glossary.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CoachError, match="(?s)glossary.yaml.*'en'"):
        Glossary.load(path)


def test_chinese_co_production_alone_is_not_read_as_a_treaty() -> None:
    """合拍 is any co-production; only 合拍协定/协议 names the treaties (a partner question must not look like one)."""
    glossary = Glossary.load()
    assert "treaty" not in glossary.expand("想找一家中国公司合拍动画电影，怎么判断对方靠不靠谱？")
    assert "vetting a partner" in glossary.expand("想找一家中国公司合拍动画电影，怎么判断对方靠不靠谱？")
    assert "co-production treaty" in glossary.expand("中美之间有没有合拍协定？")
