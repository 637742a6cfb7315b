"""Near-domain traps of session 24: a train or a domestic flight for a scout (KTX, 新幹線, 高铁), the asker's own job
with their own employer (HR, comp time, a labour office, a raise: 労基署, 인사팀, 找HR), file sizes and sync tools, a
rental car or a driving permit, and which studio made a public film asked as a quiz. Dealings around the same words
stay in scope: a crew's overtime under the union rules, a partner's spreadsheet budget format, visas that push a shoot
and who pays for the wait, the partner's hotels. The labelled set may hold several out-of-scope files.
Examples are written for these tests, not taken from the labelled set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from server.coach.answer import Answerer
from server.coach.labelled import load_answer_set
from server.coach.offtopic import off_topic_cue, topics
from server.models import Ask

KINDS = [
    ("We scout Busan next week. Is the KTX from Seoul quicker than a domestic flight?", "travel"),
    ("大阪のロケハンには新幹線と国内線、どちらが便利ですか？", "travel"),
    ("부산 답사 가는데 고속철이 나아요, 국내선이 나아요?", "travel"),
    ("去横店看景，坐高铁还是坐国内航班？", "travel"),
    ("My manager keeps booking me on late calls with Tokyo. How do I ask HR for comp time?", "employment"),
    ("Am I owed severance if my company lets me go next month?", "employment"),
    ("A coworker on the Seoul team keeps taking credit for my work. What should I do?", "employment"),
    ("毎晩の海外との会議で過労気味です。労基署に相談できますか？", "employment"),
    ("代休をもらうには人事部に何と言えばいいですか？", "employment"),
    ("새벽 회의가 많은데 인사팀에 대체 휴무를 요청해도 될까요?", "employment"),
    ("经常半夜开会，能找HR要补休吗？", "employment"),
    ("녹화 파일이 너무 커서 못 보내요. 용량 줄이는 방법 있나요?", "software"),
    ("Our call sheet in Airtable won't sync with the calendar anymore. Any idea why?", "software"),
    ("How do I split a long subtitle line in Aegisub?", "software"),
    ("Do I need an international driving permit to rent a car in Japan for the scout?", "paperwork"),
    ("日本でレンタカーを借りるのに国際免許は必要ですか？", "paperwork"),
    ("미국에서 렌터카 빌리려면 국제 운전면허가 필요한가요?", "paperwork"),
    ("在洛杉矶租车需要国际驾照吗？", "paperwork"),
    ("Which anime studio made Spirited Away?", "trivia"),
    ("「となりのトトロ」はどこのスタジオが作ったんですか？", "trivia"),
    ("'괴물'은 어느 스튜디오에서 만들었나요?", "trivia"),
    ("《大鱼海棠》是哪个工作室做的？", "trivia"),
]


@pytest.mark.parametrize(("question", "kind"), KINDS)
def test_a_new_trap_is_read_as_its_kind(question: str, kind: str) -> None:
    assert kind in topics(question)
    assert off_topic_cue(question) >= 0.5


DEALINGS = [
    "The US line producer says the union rules mean overtime and meal penalties after ten hours. Who pays them?",
    "米国側から、組合のルールで残業代が発生すると言われました。どちらが負担しますか？",
    "美方说超过12小时要付加班费，这笔钱谁出？",
    "Our Korean partner wants the budget in their spreadsheet template. How do we agree a format the bond company "
    "accepts?",
    "美方演员的签证没下来，开机推迟一周，待机费用谁出？",
    "미국 측 스태프 비자가 늦어져서 촬영이 밀리면 대기 비용은 누가 내나요?",
    "Our Chinese partner wants us to pay their team's hotels during the LA post sessions. Is that standard?",
    "Which studio should hold the merchandising rights, ours or the Japanese one?",
]


@pytest.mark.parametrize("question", DEALINGS)
def test_dealings_around_the_same_words_are_no_trap(question: str) -> None:
    assert off_topic_cue(question) < 0.5


def test_a_quiz_about_a_studio_is_not_discounted_by_naming_the_studio() -> None:
    """"studio" names who made a public film, not a dealing; a bare ask after a partner's words keeps its discount."""
    assert off_topic_cue("Which anime studio made Your Name?") >= 0.5
    assert off_topic_cue("Their producer said 「善処します」 about the festival deadline. Can I count on it?") < 0.5


@pytest.mark.parametrize("question", [KINDS[0][0], KINDS[4][0], KINDS[7][0], KINDS[11][0], KINDS[14][0],
                                      KINDS[18][0]])
def test_new_traps_are_declined(kb_answerer: Answerer, question: str) -> None:
    assert kb_answerer.draft(Ask(message=question)).outcome == "decline"


@pytest.mark.parametrize("question", [DEALINGS[0], DEALINGS[3], DEALINGS[4], DEALINGS[6]])
def test_dealings_around_the_same_words_are_answered(kb_answerer: Answerer, question: str) -> None:
    assert kb_answerer.draft(Ask(message=question)).outcome != "decline"


def test_every_out_of_scope_file_is_loaded(tmp_path: Path) -> None:
    """out_of_scope.jsonl and each session's out_of_scope_<prefix>.jsonl are all read."""
    for name, item in [("out_of_scope.jsonl", "a"), ("out_of_scope_x1.jsonl", "b"), ("out_of_scope_x1b.jsonl", "c")]:
        (tmp_path / name).write_text(json.dumps({"id": item, "question": f"weather {item}?", "lang": "en"}) + "\n",
                                     encoding="utf-8")
    assert [q.id for q in load_answer_set(tmp_path).out_of_scope] == ["a", "b", "c"]
