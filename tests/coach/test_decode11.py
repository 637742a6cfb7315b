"""Who said a quoted or reported line (the asker's own side or the partner), and the money-flow and airline-version
words that place a co-production question in scope."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.coach.offtopic import asks_for_task, domain_cue, trap_words
from server.coach.understand import partner_text, understand
from server.models import Ask


@pytest.mark.parametrize("question", [
    "社内では「難しいかもしれない」と言われていますが、アメリカ側にはどう返事をすればいいでしょうか？",
    "上司に「前向きに検討します」と言われたまま一週間たちました。どう動けばいいですか？",
    "「上と相談します」と上司に言われて話が止まっています。米国の配給会社には何と言って待ってもらえばいいでしょうか。",
    "社長が「何とかする」と言ってくれたので、米国側に納期は守れると伝えてもいいものでしょうか。",
    "うちの部長は「とりあえず仮の数字でいい」と言っていますが、予算案は仮のままで大丈夫でしょうか？",
    "저희 대표님이 \"좀 어렵다\"고 하셨는데, 미국 측이 요구한 추가 예산을 어떻게 거절하면 좋을까요?",
    "팀장님이 \"검토해 보겠다\"고만 하시고 답이 없어요. 미국 스튜디오에는 언제까지 답을 줘야 하나요?",
    "저희 PD가 일단 생각해 보겠다고 했는데 미국 쪽은 내일까지 답을 달라고 합니다.",
    "领导说\"再研究研究\"，美方那边一直在催，我该怎么回复？",
    "美方那边一直在催，我们老板说“原则上可以”，能先跟美方确认分账比例吗？",
    "总经理开会时说“到时候再说”，可美方要求我们这周确认档期，怎么办？",
    "My boss said 'let's circle back' when I raised the Korean remake option. How do I keep it alive?",
    "Our head of business affairs keeps saying \"we'll see\" about the Chinese distributor's offer.",
    "Our lawyer's first read was 'sounds good in principle' on the deal memo from Tokyo. What usually goes wrong?",
    "上司の「検討します」って断りですか？",  # asks about the own side's quote
    "회의 때마다 \"일단 최선을 다해 보자\"는 말만 나오고 결론이 없습니다. 미국 측에는 뭐라고 하죠?",  # a plain "let's"
    "The producer at our company said 'we'll see'. Should I wait for the budget?",
    # the partner named as an object, the speaker the asker's own side; the sentence longer than 60 characters
    "Our CEO's reaction to the Japanese committee's term sheet was \"sounds great, let's circle back after the "
    "holidays\". How do I buy time politely?",
    "사내 법무팀이 미국 측 계약서 초안을 보고 \"곤란하다\"는 의견을 냈습니다. 어떤 조항부터 다시 협상해야 할까요?",
])
def test_words_of_the_askers_own_side_are_not_decoded(kb_answerer: Answerer, question: str) -> None:
    assert kb_answerer.decode(question, understand(question)) == []


@pytest.mark.parametrize(("message", "expression"), [
    ("先方に「社内で調整が必要です」と言われました。上司は待てと言いますが、どのくらい待てばいいですか？",
     "社内で調整が必要です"),
    ("미국 측이 \"Let's park that for now\"라고 하면서 넘어갔어요. 저희 팀장님은 긍정적인 신호라고 하시는데 맞나요?",
     "Let's park that"),
    ("美方说\"Let me sleep on it\"，我们老板觉得这事成了。真的是这样吗？", "Let me think about it"),
    ("Their producer said 'let's circle back after AFM' when we asked about the MG. Should we wait?",
     "Let's circle back"),
    ("Our Korean co-producer told us \"좀 어려울 것 같습니다\" about moving the shoot. How do we respond?",
     "좀 어렵습니다"),
    ("中方导演对我们的修改意见说“差不多了，没问题”，可是样片明显还没改完。", "差不多"),  # 我们 is no speaker
    ("对方回我们：“回去讨论一下，再说吧。”我们这边下周就要定，怎么推进比较好？", "回去商量一下"),
    ("At our meeting the producer said 'we'll see'. Is that a no?", "We'll see"),  # "our meeting" names no one
    ("Our friends at CJ said \"검토해 보겠습니다\". Good sign?", "검토해 보겠습니다"),
    ("米国側の担当者の上司が「前向きに検討します」と言いました。", "前向きに検討します"),  # their boss
    ("先方の「検討します」って断りですか？", "検討します"),
    ("My Japanese counterpart answered our proposal with 'kentou shimasu'. Is it a no?", "検討します"),  # no one
])
def test_the_partners_reported_words_are_still_decoded(kb_answerer: Answerer, message: str,
                                                       expression: str) -> None:
    assert expression in {f.phrase.expression for f in kb_answerer.decode(message, understand(message))}


@pytest.mark.parametrize("question", [
    "总经理开会时说“到时候再说”，可美方要求我们这周确认档期，怎么办？",  # the 说 of 再说 reports nothing
    "我上周跟美方说了“我们考虑考虑”，现在内部决定不做了，怎么拒绝比较得体？",  # the asker's own 说了“…”
    "上司に言われました。米国側への回答期限が迫っていますが、どう動けばいいですか？",  # 回答期限 is Japanese
    "米国の配給会社には何と言って待ってもらえばいいでしょうか。",  # asks what to say
])
def test_no_partner_text_is_read_out_of_the_askers_question(question: str) -> None:
    assert partner_text(question) == []


def test_money_flow_and_post_words_place_a_question_in_dealings() -> None:
    assert domain_cue("美方让我们在美国开个银行账户来收分账款，说这样结算快。这样做安全吗？") == 1.0
    assert domain_cue("美方突然又要一个删减版，还要我们出钱做，合同里根本没这一项。") == 1.0


@pytest.mark.parametrize("question", [
    "The committee now wants us to pay for the airline cut. Do we have to?",
    "アメリカの配給会社から、航空会社向けの機内上映版を別に作ってほしいと言われました。",
    "美方突然又要一个给航空公司放的删减版，还要我们出钱做。",
])
def test_a_version_for_airlines_is_no_travel_question(question: str) -> None:
    assert "travel" not in trap_words(question)


@pytest.mark.parametrize("question", [
    "美方让我们在美国开个银行账户来收分账款，说这样结算快。这样做安全吗？钱能顺利汇回国内吗？",
    "我们这边调色都做完了，美方突然又要一个给航空公司放的删减版，还要我们出钱做，合同里根本没这一项。",
])
def test_co_production_money_questions_are_answered(kb_answerer: Answerer, question: str) -> None:
    assert kb_answerer.draft(Ask(message=question)).outcome != "decline"


@pytest.mark.parametrize("question", [
    "我要去洛杉矶常驻一年，在那边办银行卡需要准备什么材料？",
    "Which airline has the best lie-flat business seats from LAX to Tokyo?",
    "米国で個人の銀行口座を作るには、ソーシャルセキュリティ番号が必要ですか？",
])
def test_personal_banking_and_flights_stay_declined(kb_answerer: Answerer, question: str) -> None:
    assert kb_answerer.draft(Ask(message=question)).outcome == "decline"


def test_what_the_partner_may_be_asked_to_fix_is_no_task_for_the_coach() -> None:
    assert not asks_for_task("リテイクを頼むと追加費用だと言われます。どこまで無償で直してもらえるものですか？")
    assert asks_for_task("この企画書を英語に直してもらえますか？")
