"""Whose words a quote is (coach/speaker.py, coach/wording.py): the partner named as the one spoken to is no speaker,
a draft named before the words is the asker's, the partner's meeting is where, not who."""

from __future__ import annotations

import pytest

from server.coach.understand import partner_text


@pytest.mark.parametrize("question", [
    # the partner named as the one the own side spoke to (Japanese に, Korean 에, a Chinese verb of addressing)
    "同僚が先方に「前向きに検討します」と返事していましたが、問題ないですか？",
    "팀장님이 일본 측에 \"긍정적으로 검토하겠습니다\"라고 답하셨는데, 괜찮을까요?",
    "老板回对方说“原则上可以”，现在改口还来得及吗？",
    "领导让我们下次见日方就说“考虑考虑”，这样合适吗？",
    # a draft named right before the words
    "来週送るメールの下書きです。「前向きに検討します。少しお時間をください。」硬すぎますか？",
    "미국 측에 보낼 회신 초안: \"검토해 보겠습니다\" 이 정도면 될까요?",
    "回信草稿：“我们回去商量一下，尽快答复。”美方会觉得我们在拖吗？",
    # the own side's words at the partner's meeting
    "저희 대표님이 미국 쪽 미팅에서 \"최선을 다하겠습니다\"라고 하셨는데 약속으로 들렸을까요?",
    # the asker's wording weighed against another: 「…」 같은 표현 대신
    "\"생각해 보겠습니다\" 같은 모호한 말 대신 뭐라고 하면 좋을까요?",
    # words weighed with an adverb between ("ever okay to say"), a phrase the asker uses (这句话我…用)
    "Is \"let's park that\" ever okay to say to a Korean director?",
    "“看情况”这句话我开会时经常用，美国人会不会觉得我在推脱？",
    # the partner's meeting is where the own side spoke (在和韩方的饭局上)
    "我们导演昨天在和韩方的饭局上说了“没问题”，结果韩方当真了，怎么办？",
    # a phrase asked about as a topic
    "What does 'we'll keep you posted' usually mean in general?",
    # after decode16e: the partner told (English), the asker said it (と言った), the partner's e-mail as where the own
    # side writes (미국 측 메일에), a phrase the asker avoids (같은 말을 안 쓰고)
    "Our head of finance told the Korean studio \"we'll see\" on the bonus. Was that a mistake?",
    "私が会議で「前向きに検討します」と言ったので、先方が期待しています。どうしましょう？",
    "본부장님이 중국 측 메일에 \"최선을 다하겠습니다\"라고 답하라고 하셨어요. 괜찮을까요?",
    "\"다음 기회에\" 같은 말을 안 쓰고 정중하게 거절하는 방법이 있을까요?",
    "Our GM keeps saying \"Let's circle back\" on calls. Is that hurting us?",  # a GM is an own-side role
])
def test_the_askers_side_words_are_no_partner_text(question: str) -> None:
    assert partner_text(question) == []


@pytest.mark.parametrize(("message", "words"), [
    # に of the passive: said by them
    ("先方に「前向きに検討します」と言われました。脈はありますか？", "前向きに検討します"),
    ("美方跟我们说“We'll see”，是不是没戏了？", "We'll see"),
    ("미국 측에서 \"Let's circle back\"이라고 했어요.", "Let's circle back"),
    ("要是日方社长也说“検討します”，我们还等吗？", "検討します"),  # 要是: "if", someone else named
    ("先方の下書きに「善処します」とありました。", "善処します"),  # the partner's draft
])
def test_the_partners_words_stay_theirs(message: str, words: str) -> None:
    assert any(words in span for span in partner_text(message))
