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


@pytest.mark.parametrize(("question", "meant", "not_meant"), [
    ("미국 쪽 변호사가 계약서 초안을 보냈어요", "lawyer", "dispute"),  # a lawyer drafting is no dispute
    ("对方带法务和律师来开会，我们也要带律师吗？", "lawyer", "breach"),
    ("자료 보내 주셔서 감사합니다. 다음 주에 뵙겠습니다.", "", "audit"),  # 감사합니다 is "thank you"
    ("리메이크 판권을 미국 스튜디오에 넘겼어요", "remake", "distribution rights territory"),
    ("대본 초안을 미국 측에 보냈습니다", "draft", "term sheet"),  # a script's first draft is no deal memo
    ("孩子不爱看动画怎么办？", "animation", "retakes"),
])
def test_a_word_is_glossed_with_its_own_concept_not_a_neighbouring_one(question: str, meant: str,
                                                                       not_meant: str) -> None:
    expanded = Glossary.load().expand(question)
    assert meant in expanded and not_meant not in expanded


def test_a_term_inside_a_longer_matched_term_adds_nothing_of_its_own() -> None:
    """「공동제작 파트너」 is the partner, not also the production; 「预算超支」 an overrun, not also "budget"."""
    glossary = Glossary.load()
    assert glossary.expand("预算超支了。").endswith("(budget overage overrun)")
    assert glossary.expand("공동제작사와 공동 소유한 판권").count("co-production") == 1
    assert glossary.unglossed("预算超支") == 0.0  # the shorter term still counts as covered


@pytest.mark.parametrize(("question", "english"), [
    ("要不要直接写信给他们总裁？这样算不算越级？", "escalate"),
    ("미국 측 담당자가 3주째 답이 없습니다", "no reply"),
    ("미국 투자사가 피치덱이랑 룩북을 보내 달래요", "pitch deck"),
    ("미국 측이 예산서를 항목별로 달라고 합니다", "line-item budget"),
    ("宣发费用有没有上限？", "cap"),
    ("之前只是口头答应的，不算数吗？", "verbal"),
])
def test_everyday_words_chinese_and_korean_askers_use_have_english_words(question: str, english: str) -> None:
    assert english in Glossary.load().expand(question)
