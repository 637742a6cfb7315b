""""Can you draft the reply?" gets a short e-mail built from the shown card's wording: which of a card's lines are
sentences to send (the quoted sentence, the translated sentence before its English, a line in 「」), and the e-mail's
frame (greeting, statements, the card's question as the ask, sign-off) in each answer language, one ask only. Also
the card a follow-up switching the country answers with (choice.for_pair), on the real cards."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import yaml

from server.coach.choice import carried_over, for_pair, unsure_for_pair
from server.coach.compose import build_section
from server.coach.draft_reply import draft_email, utterance
from server.coach.plan import Plan
from server.coach.rank import Candidate
from server.knowledge.cards import lint
from server.models import Culture, Hit, Language

ROOT = Path(__file__).resolve().parents[2]
LABELS = yaml.safe_load((ROOT / "prompts" / "labels.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("line", "said"), [
    ('"Thank you, we really appreciate it. What\'s the biggest risk to the date, and when will we know for sure?"',
     "Thank you, we really appreciate it. What's the biggest risk to the date, and when will we know for sure?"),
    ('Follow-up: "Sorry to trouble you again. Could you let us know when you expect to have an answer on point 2?"',
     "Sorry to trouble you again. Could you let us know when you expect to have an answer on point 2?"),
    ('我们愿意按常规条件写入审计权。（英文: "We\'re happy to include audit rights on normal terms."）',
     "我们愿意按常规条件写入审计权。"),
    ('기꺼이 도와드리겠습니다. (영어로: "Happy to help with this.")', "기꺼이 도와드리겠습니다."),
    ("「ご依頼の件、影響をまとめてお送りします。」", "ご依頼の件、影響をまとめてお送りします。"),
    ('検討の余地があります (kentō no yochi ga arimasu), "there is room for consideration": open; make an offer.',
     None),  # a gloss of their phrase, not a sentence to send
    ('"Quick question"（ちょっとした質問）：質問が短いだけで、答えが簡単とも急ぎとも限らない。', None),
    ("对我方团队说：审计条款在美国合同里是标准条款，不是针对我们。", None)])  # a note to one's own team
def test_the_sentence_a_wording_line_would_have_the_asker_write(line: str, said: str | None) -> None:
    assert utterance(line) == said


@pytest.mark.parametrize("lang", ["en", "ja", "ko", "zh"])
def test_the_email_is_greeting_statements_the_cards_question_and_sign_off(lang: str) -> None:
    words = LABELS[lang]
    lines = ['"Could we agree a checkpoint date next week?"', '"Thank you for the update on the schedule."',
             'Their word: "ok" means heard.', '"We will send the revised plan by Friday, your time."']
    email = draft_email(lines, words)
    assert email == [words["draft"]["greeting"], "Thank you for the update on the schedule.",
                     "We will send the revised plan by Friday, your time.",
                     "Could we agree a checkpoint date next week?", words["draft"]["sign_off"]]
    # without a question of the card's own, our plain ask for a date in the answer's language
    assert draft_email(lines[1:2], words)[-2] == words["draft"]["ask"]
    assert draft_email(["Their word: 'ok' means heard."], words) == []  # nothing to send: no e-mail
    asking = draft_email(['"Sorry to trouble you again. Could you tell us when to expect an answer?"'], words)
    assert asking[1:-1] == ["Sorry to trouble you again. Could you tell us when to expect an answer?"]  # one ask


def _candidates(*ids: str) -> list[Candidate]:
    cards = {c.id: c for c in lint(ROOT / "knowledge")[0]}
    return [Candidate(cards[i], Hit(card_id=i, title=i, passage="", passage_kind="summary", score=1.0, dense_score=1.0,
                                    topics=[], cultures=[], perspective="both"), np.zeros(1), probability=p)
            for i, p in zip(ids, (0.65, 0.3, 0.1), strict=False)]


def test_and_in_japan_never_answers_with_the_korean_card() -> None:
    ranked = _candidates("korean-producer-profit-share", "why-coproduce", "production-committee-basics")
    korean = Plan(confidence=0.65, outcome="answer", candidates=ranked)
    chosen = for_pair(korean, Culture.JP_US)
    assert chosen is not None and chosen.id == "production-committee-basics"  # the Japan card before an `any` one
    assert for_pair(korean, None) is None
    unsure = unsure_for_pair(Plan(confidence=0.1, outcome="answer", candidates=ranked), Culture.JP_US, 0.44)
    assert unsure.outcome == "clarify"
    assert [c.card.id for c in unsure.candidates] == ["why-coproduce", "production-committee-basics"]
    assert unsure_for_pair(Plan(confidence=0.6, outcome="answer"), Culture.JP_US, 0.44).outcome == "answer"


def test_a_new_card_carried_only_by_the_earlier_question_gives_way_to_the_shown_card() -> None:
    ranked = _candidates("zaishuo-ba-later", "choosing-a-chinese-partner", "yanjiu-yanjiu")
    section = build_section(ranked[1].card, "", None, None, None, None, 200, [], words=LABELS["en"], lang=Language.EN)
    glued = Plan(confidence=0.65, outcome="answer", sections=[section], candidates=ranked, earned=0.16)
    # blended 0.16 with 0.30 glued: 0.02 on the follow-up's own words
    assert carried_over(glued, {"zaishuo-ba-later"}, 0.44) is ranked[0].card
    own = replace(glued, earned=0.5)  # 0.70 on its own words: the follow-up asks about it
    assert carried_over(own, {"zaishuo-ba-later"}, 0.44) is None
    assert carried_over(glued, {"yanjiu-yanjiu"}, 0.44) is None  # the leading card was not shown
    assert carried_over(replace(glued, earned=None), {"zaishuo-ba-later"}, 0.44) is None  # not a continuation
