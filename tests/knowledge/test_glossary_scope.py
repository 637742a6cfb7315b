"""knowledge/glossary.yaml: a term glosses a question only when it names the business concept, not any sentence
that happens to contain its letters (a child's dinner, a conglomerate, any cost, expense claims)."""

from __future__ import annotations

import pytest

from server.coach.glossary import Glossary


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return Glossary.load()


@pytest.mark.parametrize("question, english", [
    ("孩子不爱吃饭怎么办？", "dinner drinking socialising"),
    ("周末想和朋友一起吃饭，推荐个地方", "dinner drinking socialising"),
    ("대기업에 다니는 친구가 이직을 고민합니다", "crew standby costs"),
    ("승인 대기 중인데 언제쯤 결과가 나올까요", "crew standby costs"),
    ("서울에서 LA로 장비를 보내는 비용이 얼마인가요", "marketing costs"),
    ("변호사 비용을 아끼고 싶어요", "marketing costs"),
    ("出張の経費精算のやり方を教えてください", "marketing costs"),
])
def test_a_broad_word_does_not_gloss_an_unrelated_question(glossary: Glossary, question: str, english: str) -> None:
    assert english not in glossary.expand(question)


@pytest.mark.parametrize("question, english", [
    ("美方请我们吃饭，饭桌上一直谈分成，正常吗？", "dinner drinking socialising"),
    ("下个月有宴请，敬酒有什么讲究？", "banquet toasts"),
    ("촬영 허가가 늦어 스태프가 일주일 대기했는데 대기 비용은 누가 내나요?", "crew standby costs"),
    ("배급사가 마케팅비를 먼저 회수하겠다고 합니다", "marketing costs"),
    ("미국 배급사가 마케팅 비용을 먼저 전부 회수한다고 합니다", "marketing costs"),
    ("P&Aなどの配給経費は上限なしで全額回収と書いてあります", "marketing costs"),
])
def test_the_longer_forms_still_gloss_the_business_question(glossary: Glossary, question: str, english: str) -> None:
    assert english in glossary.expand(question)


def test_post_production_is_glossed_by_its_work_not_by_any_cost_that_comes_after() -> None:
    """后期 alone also names the money paid to a post house (付后期费用): a payments question, not a split of work."""
    glossary = Glossary.load()
    assert "post-production" not in glossary.expand("合拍片的钱要从国内汇到美国付后期费用，换汇要多久？")
    assert "post-production" in glossary.expand("美方想把调色和混音放在洛杉矶，剪辑留在北京")
