"""The asker's own words in wordings the earlier sets did not hold are not decoded: a reply the asker is "thinking of
replying", 「…と返そうと思う」, 「私から「…」と伝えました」, a phrase to put into English, the subject line of the
asker's own mail, 「我打算回美方一句“…”」, 「我写了一段回复草稿：“…”」, a greeting that opens the asker's own message
to the coach; the partner's words in the same frames still are."""

from __future__ import annotations

import pytest

from server.coach.understand import partner_text, understand


@pytest.mark.parametrize("question", [
    "I'm thinking of replying 'Let me think about it' to Toho's sequel offer. Is that too vague?",
    "We're considering responding 'we'll see' to the Korean side. Too noncommittal?",
    "「前向きに検討します」と返そうと思うのですが、米国側には通じますかね？",
    "「考えておきます」とだけ言おうと思っています。失礼でしょうか。",
    "先週の会議で私から「それはちょっと難しいです」と伝えました。米国側はノーと受け取ったでしょうか。",
    "米国のエージェントに丁寧に断るには？「今回は見送らせていただきます」の英語版のような言い方が知りたいです。",
    "「検討します」ってアメリカ人にはどう訳せば伝わりますか？",
    "“我们研究研究”翻译成英文怎么说比较自然？",
    "件名を「ご検討のお願い」にしてメールを送ろうと思うのですが、失礼ではないでしょうか。",
    "메일 제목을 \"일정 관련 검토 요청드립니다\"로 하려고 하는데 괜찮을까요?",
    "邮件标题我写的是“关于档期的再考虑”，美方会不会觉得我们要变卦？",
    "Subject line for my follow-up: 'Just checking in on the delivery schedule' - too casual?",
    "我打算回美方一句“我们研究研究”，会不会显得太敷衍？",
    "如果我回复美方“到时候再说”，他们会不会觉得我们不重视？",
    "我写了一段回复草稿：“我们内部商量一下，下周给您答复。”这样发给美方合适吗？",
    "いつもお世話になっております。\nできれば今週中に、米国側との完成保証の交渉について相談させてください。何から確認すればよいですか？",
    "Thinking of answering 'let me think about it' to Toho. Too vague?",
    "Would 'let's circle back' sound rude to our Japanese partner?",
    "What's the Japanese for 'we'll pass for now'?",
    "How would you say 'let me think about it' in Korean without sounding cold?",
    "I usually end my emails with 'We'll keep you posted'. Is that fine for Korean partners?",
    "Hello! Quick one: is 'ballpark' OK to use with a Japanese committee?",
    "「検討します」と言うのはNGですか？",
    "「大丈夫です」ってつい言っちゃうんですが、まずいですか？",
    "返信の文面を「一応確認しました」で始めたいのですが、問題ないでしょうか。",
    "답장에 \"내부적으로 논의해 보겠습니다\"라고 쓰면 미국 측이 거절로 받아들일까요?",
    "我想用“研究研究”来回应美方，合适吗？",
    "给美方的邮件里写“我们尽量”会不会被当成承诺？",
    # frames the second fresh batch (d14b) found, in other words
    "We wrapped up the call with the Korean financier by saying 'we'll keep you posted'. Too noncommittal?",
    "韓国側に「今回は見送り」を伝えたいのですが、角が立たない書き方はありますか？",
    "미국 측에 \"검토해 보겠습니다\"로 회신하면 너무 애매할까요?",
    "我打算在回信里写“应该没问题，但还要确认”，美方会不会只盯着“应该没问题”？",
    "我当时随口说了句“没问题”，现在美方当真了，怎么办才好？",
    # the asker's phrase used, or another wording for it asked
    "「承知しました」で返信してもいいですか？",
    "「とりあえず」を多用してしまうのですが、米国側にはどう聞こえますか？",
    "「前向きに検討します」という表現を使っても大丈夫ですか？",
    "What do you think of replying with 'let me think about it'?",
    "Is 'let's circle back' a good way to close an email to Toho?",
    "\"검토해 보겠습니다\"라는 표현을 써도 될까요?",
    "“研究研究”这个说法可以跟美方用吗？",
    "Instead of 'sounds great', what should I write to the Korean producer?",
    "「大丈夫です」の代わりに何と言えばいいですか？",
    "\"좀 어렵습니다\" 대신 뭐라고 하면 좋을까요?",
    "除了“没问题”，还可以怎么回美方？",
])
def test_the_askers_own_wording_is_no_partner_text(question: str) -> None:
    assert partner_text(question) == []


@pytest.mark.parametrize(("message", "words"), [
    ("先方から「少し難しいかもしれません」と伝えられました。どう受け止めれば？", "少し難しいかもしれません"),
    ("先方の「善処します」って英語で言うとどうなりますか？", "善処します"),
    ("Their subject line was 'We'll pass for now on the sequel'. Is the door closed?", "We'll pass for now"),
    ("What does 'we'll do our best' in Japanese business culture really promise?", "we'll do our best"),
    ("Does 'we'll see' sound like a no to you? That's what Toho wrote.", "we'll see"),
    ("They ended the call by saying 'we'll see' and I said nothing. Is that a no?", "we'll see"),
    ("米国側が「今回は見送り」を伝えてきました。どう返せば？", "今回は見送り"),
    ("Is 'we'll see' a polite way to say no? Toho wrote it after the pitch.", "we'll see"),
    ("先方のメールは「前向きに検討」という言葉を使っていますが、本気でしょうか？", "前向きに検討"),
    ("美方回复我们说“Let me run it by my team”，我想回“好的”，合适吗？", "Let me run it by my team"),
    ("いつもお世話になっております。\n先日のご提案ですが、社内で検討させていただきます。\nよろしくお願いいたします。",
     "社内で検討させていただきます"),
])
def test_the_partners_words_in_the_same_frames_are_still_theirs(message: str, words: str) -> None:
    assert any(words in span for span in partner_text(message))


def test_a_pasted_email_with_no_sign_off_that_names_no_third_party_is_still_the_partners() -> None:
    message = "お世話になっております。\n音楽の件、少し難しいかもしれません。\nご検討いただけますか？"
    assert understand(message).partner_text
