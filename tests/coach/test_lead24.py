"""Session 24: a question written in Chinese about a Japanese partner is Japan-US, asked from the side that is not
Japanese; a declined question is as sure as its card and the scope model together."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.coach.understand import understand
from server.models import Ask, Culture, Perspective


@pytest.mark.parametrize("message", [
    "日方一直说要研究一下，我们该怎么办？",
    "日本合作方在美国的办事处说他们要回去和总部商量，这是拒绝吗？",
    "我们要向日本的制作委员会提修改意见，应该找谁？",
])
def test_a_chinese_question_about_a_japanese_partner_is_japan_us_from_the_other_side(message: str) -> None:
    u = understand(message)
    assert (u.pair, u.side) == (Culture.JP_US, Perspective.US_SIDE)


@pytest.mark.parametrize("message", [
    "听说日本和韩国都跟中国签了电影合拍协定，美国没有。那我们美国公司想跟中国合拍，能走什么路径？",  # Korea, a treaty
    "我们是日本公司，美方要求我们第一次开会就决定出资，怎么回应？",  # the asker is the Japanese company
    "美国流媒体说我们中国公司的剧本太慢，怎么办？",  # no Japan at all
])
def test_japan_named_otherwise_in_chinese_is_not_read_as_a_japanese_partner(message: str) -> None:
    u = understand(message)
    assert (u.pair, u.side) != (Culture.JP_US, Perspective.US_SIDE)


@pytest.mark.parametrize("message", ["明日の大阪の天気は？", "How do I fix a KeyError in my Python subtitle script?"])
def test_a_declined_question_is_as_sure_as_its_best_card_and_the_scope_model_together(
        kb_answerer: Answerer, message: str) -> None:
    draft = kb_answerer.draft(Ask(message=message))
    best = max(draft.plan.candidates, key=lambda c: c.probability)
    assert draft.outcome == "decline"
    assert draft.confidence == pytest.approx(best.probability * kb_answerer.planner.ranker.in_scope(best), abs=1e-3)
    assert draft.confidence < best.probability
