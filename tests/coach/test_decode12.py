"""Words the asker will say, has said or keeps saying, quoted in the question ("should I open with 'I hear you,
but'", 「…とお伝えしても」, "…"라고만 답해도, 「我想先说一句“…”」), are the asker's and are not decoded; the partner's
words, quoted with an apostrophe inside single quotes or reported before a modal form, still are."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.coach.understand import partner_text, understand


@pytest.mark.parametrize("question", [
    "Should I open with 'I hear you, but' when I push back on the Korean side's overage request?",
    "What's a polite way to say 'sounds great' to a Chinese financier when I mean we're committed?",
    "I'm going to say 'let me run it by my team' to the Beijing distributor tomorrow. Will they read it as a stall?",
    "How should I phrase \"let's park that\" for a Japanese production committee?",
    "Before I reply 'sounds good' to the Chinese distributor, what should I check in the deal memo?",
    "I've said \"sounds great\" a few times to Toho. Did they take it as a commitment?",
    "My response was 'let me think about it', and now they're chasing me. What do I say?",
    "Our reply to their notes was \"we'll circle back after the table read\". Was that too vague for Tokyo?",
    "Everyone at our studio keeps saying 'let's circle back' about the Korean remake. How do I force a decision?",
    "米国のプロデューサーに「考えておきます」と返事してしまいました。どうフォローすればいいですか？",
    "何とかしますと言ってしまったのですが、正直VFXの予算が足りません。米国側にどう打ち明ければいいですか？",
    "「承知しました」とだけ返信しておけばいいですか？",
    "「努力します」と返すのはまずいですか？",
    "アメリカ側に「今回は見送らせていただきます」とお伝えしても角は立たないでしょうか。",
    "「検討します」と書いてメールを送ろうと思いますが、アメリカ人にはどう伝わりますか？",
    "こちらから「前向きに検討します」とは言わない方がいいですか？",
    "前向きに検討したいって伝えるには？",
    "'최선을 다하겠습니다'라고만 답해도 될까요?",
    "미국 배급사에 \"검토 후 연락드리겠습니다\"라고 보낼 생각인데, 너무 애매한가요?",
    "대표님이 \"좀 어렵겠네요\"라고 하셨어요. 미국 측에는 어떻게 말씀드리죠?",
    "대표님께서 \"긍정적으로 검토하겠습니다\"라고 하셨는데, 미국 측에 바로 전달해도 될까요?",
    "老实说我也不好说美方会不会接受，我们该先报哪个价？",
    "想跟美方说我们研究研究再答复，但又怕他们觉得是拒绝，怎么表达更好？",
    "下周要跟美方开会，我想先说一句“这个我们需要内部商量一下”，会不会显得很被动？",
    "回美方一句“没问题”可以吗？",
    "美方要是再催，我能不能先回一句“还在审批”？",
    "比如说我们先答应“原则上可以”，后面还能改吗？",
    "说实话，这个预算我们确实有难度，怎么回复美方比较好？",
])
def test_the_askers_own_planned_or_past_words_are_no_partner_text(question: str) -> None:
    assert partner_text(question) == []


@pytest.mark.parametrize(("message", "expression"), [
    # single quotes around words with an apostrophe are still a quote
    ("Toho's producer, in the hallway: 'Let's circle back once the budget's locked.' Good sign?", "Let's circle back"),
    # the partner's own title is named, so the bare title after it is theirs
    ("미국 측 대표님과 미팅했는데, 대표님이 \"좀 어려울 것 같습니다\"라고 하셨어요. 끝난 건가요?", "좀 어렵습니다"),
    # a modal form after the words, with the partner named as their speaker right before them
    ("상대 측에서 \"검토해 보겠습니다\"라고 하면 거절인가요?", "검토해 보겠습니다"),
    ("米国側が「検討します」と言ったら、どう受け取ればいいですか？", "検討します"),
    # answering the partner's words, not saying them; a culture's usage in general
    ("How do I answer 'let me sleep on it' from a Korean financier?", "Let me think about it"),
    ("Is it common in Japan to say \"kentou shimasu\" when they mean no?", "検討します"),
    # a modal clause about someone named (the chairman), not the asker
    ("如果董事长也只说「研究研究」呢？", "研究研究"),
    # "we'll see" with a time after it still waits
    ("They want us to wait: their EP wrote 'we'll see after Cannes'.", "We'll see"),
])
def test_the_partners_words_are_still_decoded(kb_answerer: Answerer, message: str, expression: str) -> None:
    assert expression in {f.phrase.expression for f in kb_answerer.decode(message, understand(message))}


@pytest.mark.parametrize("reply", ["Thanks, sounds good!", "Thank you, let me think about it.",
                                   "なるほど、考えておきます", "谢谢，我们研究研究", "감사합니다, 검토해 보겠습니다"])
def test_thanking_the_coach_is_not_the_partners_phrase(kb_answerer: Answerer, reply: str) -> None:
    assert kb_answerer.decode(reply, understand(reply)) == []


@pytest.mark.parametrize("phrase", ["考えておきます", "研究研究", "검토해 보겠습니다"])
def test_the_same_phrase_typed_alone_is_still_the_partners(kb_answerer: Answerer, phrase: str) -> None:
    assert kb_answerer.decode(phrase, understand(phrase))
