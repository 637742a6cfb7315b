"""Film trivia and other near-domain traps in four languages (coach/offtopic.py), and how the decoder chooses
between matches that overlap (coach/decode.py). Examples are written for these tests, not taken from the labelled
set."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.coach.offtopic import off_topic_cue, trap_words
from server.coach.understand import understand
from server.models import Culture


@pytest.mark.parametrize("question", [
    "Who directed Oldboy, and who starred in it?",
    "How much did Train to Busan gross worldwide... I mean, how much did it earn in Korea?",
    "When was Shoplifters released in the US?",
    "『万引き家族』の監督は誰？",
    "この映画の監督は誰ですか",
    "『おくりびと』の興行収入はどのくらいでしたか",
    "『ゴジラ-1.0』はいつ公開されましたか？",
    "'밀정' 감독이 누구예요?",
    "그 영화 출연진 좀 알려 주세요",
    "'택시운전사' 관객이 몇 명 들었어요?",
    "《红高粱》的导演是谁？",
    "《唐人街探案》票房一共多少？",
    "那部电影是什么时候上映的？《少年的你》",
    "《活着》的主演都有谁？",
])
def test_trivia_about_a_public_film_is_an_off_topic_cue(question: str) -> None:
    assert "trivia" in trap_words(question), trap_words(question)
    assert off_topic_cue(question) >= 0.5


@pytest.mark.parametrize("question", [
    "『万引き家族』の監督は誰？", "'밀정' 감독이 누구예요?", "《红高粱》的导演是谁？", "这部电影的导演是谁？",
])
def test_a_named_film_makes_the_fact_asked_about_it_firm(question: str) -> None:
    """The title (《》, 『』, Korean '…') or "this film" beside a fact asked is a quiz, whatever the word count."""
    assert off_topic_cue(question) == 1.0


@pytest.mark.parametrize("question", [
    "导演是谁定的？美方说他们要有最终决定权。",
    "导演是谁说了算？合同里没写。",
    "監督は誰が決めるんですか？委員会と米国側のどちらですか。",
    "米国側から監督の交代を求められました。断れますか？",
    "감독은 누가 정하나요? 미국 스튜디오가 승인권을 달라고 합니다.",
    "미국 측이 감독을 바꾸자고 하는데 거절해도 되나요?",
    "Who approves the director on our co-production?",
    "The US side wants approval over the director. Is that normal?",
    "美方报的北美票房比我们预期低，能要求看明细吗？",
    "미국 개봉일이 밀렸는데 한국 개봉은 언제 하는 게 좋을까요? 배급사와 협의 중입니다.",
])
def test_deciding_about_a_director_or_a_release_is_no_trivia(question: str) -> None:
    assert off_topic_cue(question) == 0.0, trap_words(question)


@pytest.mark.parametrize(("question", "kind"), [
    ("I'm burned out after ten years as a line producer. Should I switch careers?", "career"),
    ("映像業界で転職するなら何歳までがいいですか？", "career"),
    ("영화사에서 일하다가 이직하려는데 연봉은 어떻게 올리죠?", "career"),
    ("做了三年执行制片，想转行值得吗？", "career"),
    ("Best app to learn Mandarin before my move?", "language"),
    ("英会話を早く上達させる方法は？", "language"),
    ("영어 회화 실력을 늘리려면 어떻게 해야 하나요?", "language"),
    ("零基础学日语用什么教材？", "language"),
    ("アメリカで口座を作るには何が必要ですか？", "paperwork"),
    ("일본에서 휴대폰 개통하려면 뭐가 필요해요?", "paperwork"),
    ("去首尔前要不要办一张手机卡？哪家运营商好？", "paperwork"),
    ("A Japanese studio paid me as a freelancer. Does it go on my US return?", "personal_tax"),
    ("Fastest way from Gimpo to Gangnam at night?", "travel"),
    ("Who played the villain in Oldboy?", "trivia"),
    ("오사카에 가면 라멘집 어디가 좋아요?", "food"),
    ("銀座でいい寿司屋はありますか？", "food"),
])
def test_more_near_domain_traps_are_recognised(question: str, kind: str) -> None:
    assert kind in trap_words(question), trap_words(question)


@pytest.mark.parametrize("question", [
    "LA 쪽에서 우리 영화를 맡던 부사장이 넷플릭스로 이직했대요. 후임자랑은 뭐부터 다시 맞춰야 하죠?",
    "先方のプロデューサーが別のスタジオに転職してしまいました。契約はどうなりますか？",
])
def test_a_partner_who_changed_jobs_is_no_career_question(question: str) -> None:
    assert "career" not in trap_words(question), trap_words(question)


@pytest.mark.parametrize("question", [
    "이번 주말에 볼 영화 하나 골라 주세요.", "找几部周末看的电影给我。",
])
def test_asking_the_coach_to_pick_something_is_a_task(question: str) -> None:
    assert off_topic_cue(question) >= 0.5


@pytest.mark.parametrize(("partner", "expressions"), [
    # a reading on dictionary forms wins over a shorter written form inside it
    ("긍정적으로 검토해 볼게요", {"긍정적으로 검토하겠습니다"}),
    # two expressions that share a word are two signals
    ("내부적으로 검토해 본 후 다시 연락드리겠습니다", {"내부적으로 논의해 보겠습니다", "검토해 보겠습니다"}),
    # 商量一下 is one word to the analyser; its verb is 商量
    ("我跟领导商量一下", {"领导还要商量"}),
    # aspect and modal words change from one telling to the next: 还得走流程 is 还在走流程
    ("原则上同意，不过具体还得走流程。", {"原则上可以", "上面还没批"}),
    ("这个我要先请示一下领导", {"要请示领导"}),
    # what is heard may stand between "I hear you" and "but"
    ("I hear you on the timing, but we need it Friday.", {"I hear you, but"}),
    ("I understand the concern, but the date is fixed.", {"I hear you, but"}),
    # a light word skipped inside a longer reading is still its own signal
    ("スケジュール的にちょっと厳しいです", {"厳しいです", "ちょっと…"}),
])
def test_overlapping_matches_keep_every_signal_and_the_longest_reading(kb_answerer: Answerer, partner: str,
                                                                      expressions: set[str]) -> None:
    found = {f.phrase.expression for f in kb_answerer.decoder.find(partner)}
    assert expressions <= found, found


def test_a_shorter_form_of_the_same_expression_is_not_shown_twice(kb_answerer: Answerer) -> None:
    found = kb_answerer.decoder.find("一度持ち帰らせていただきます")
    assert [f.phrase.expression for f in found] == ["持ち帰って検討します"], found


def test_an_earlier_english_rendering_still_wins_over_a_later_one_on_the_same_words(kb_answerer: Answerer) -> None:
    """'consider it carefully' is 慎重に検討します, not also 検討します ('we will consider it')."""
    found = {f.phrase.expression for f in kb_answerer.decoder.find("We will consider it carefully.", Culture.JP_US)}
    assert found == {"慎重に検討します"}, found


@pytest.mark.parametrize("question", [
    "I hear you can get a completion bond on a Japanese co-production, but is it normal?",
    "我们领导还要商量一下预算，怎么跟美方说明？",
    "様子を見るべきか、すぐ米国側に連絡すべきか迷っています。",
])
def test_the_askers_own_words_are_still_not_decoded(kb_answerer: Answerer, question: str) -> None:
    assert kb_answerer.decode(question, understand(question)) == []


def test_a_loose_chinese_word_is_not_dropped_from_a_key_it_would_leave_too_short(kb_answerer: Answerer) -> None:
    """还在审批 ("still in approval") keeps 在: 审批 alone would read every approval in the text as a stall."""
    found = {f.phrase.expression for f in kb_answerer.decoder.find("审批已经通过了，下周签约。")}
    assert "上面还没批" not in found, found


@pytest.mark.parametrize("question", [
    "Who plays the decision-maker role on the Japanese side?",
    "韩国方面负责人说下周的会议由谁主持还没定。",
])
def test_roles_in_dealings_are_no_cast_trivia(question: str) -> None:
    assert "trivia" not in trap_words(question), trap_words(question)
