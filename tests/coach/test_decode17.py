"""The asker's own words are never decoded (coach/understand.py, coach/wording.py): a draft the asker introduces
("Here is my draft reply:", 「返信案です。」, 「답장 초안:」, 「我的回复草稿如下：」, 「ドラフトです。」 before an e-mail)
is no pasted partner text; a wording set aside (「「…」ではなく」) and a quote that repeats the asker's own earlier
words are the asker's. The partner's drafts, replies and reports stay theirs."""

from __future__ import annotations

import pytest

from server.coach.understand import partner_text, pasted_text
from server.coach.wording import names_own_draft


@pytest.mark.parametrize("question", [
    # the asker's draft introduced by a paste cue: no pasted text
    "Here is my draft reply:\nThanks for the notes. Let's circle back after our internal review.\nIs it too vague?",
    "Here's the draft I'm sending to the Japanese committee:\nWe'll keep you posted on the delivery date.\nOK?",
    "以下、返信案です。\nご提案ありがとうございます。社内で調整が必要ですので、少しお時間をください。\n失礼になりませんか？",
    "아래는 제 답장 초안입니다:\n제안 감사합니다. 내부적으로 논의해 보겠습니다.\n괜찮을까요?",
    "我的回复草稿如下：\n感谢贵方的方案，我们研究研究，下周答复。\n美方会不会觉得我们在拖？",
    # a draft e-mail named on the line before its greeting
    "ドラフトです。\nDear Ms. Park,\nLet me get back to you by Friday on the budget.\nBest regards,\nKen\n自然ですか？",
    # an English draft named before a quote
    "My draft to the Korean studio: \"I hear you, but the date can't move.\" Too blunt?",
    # the addressee named before the draft word is not its writer
    "先方への返信案です：「持ち帰って検討します」で失礼はないですか？",
    # a wording the asker sets aside, with the partner named as the one spoken to
    "来週、米国側に「前向きに検討します」ではなく、はっきり条件を伝えたいです。どう言えばいいですか？",
    "미국 측에 \"검토해 보겠습니다\"가 아니라 확실한 답을 주고 싶어요.",
    # a quote that repeats the asker's own words from a clause of theirs
    "I want to tell our Korean partner we need to take this offline with legal. Is 'take this offline' clear?",
])
def test_the_askers_own_words_are_no_partner_text(question: str) -> None:
    assert partner_text(question) == []


@pytest.mark.parametrize(("message", "words"), [
    ("Here is their reply:\nThanks for the notes. Let's circle back after AFM.\nIs it a no?", "Let's circle back"),
    ("Here is their draft of the side letter:\nWe'll pass for now on the sequel option.\nIs this a no?",
     "We'll pass for now"),
    ("The draft they sent says: \"We'll pass for now on the sequel option.\" Is that final?", "We'll pass for now"),
    ("先方の下書きに「持ち帰って検討します」とありました。どういう意味？", "持ち帰って検討します"),
    # the asker's words repeated from a report of theirs, or from a clause with no asker in it, stay the partner's
    ("They told us we need to take this offline. Is 'take this offline' a brush-off?", "take this offline"),
    ("Toho wants to take this offline for now. Is 'take this offline' a no?", "take this offline"),
])
def test_the_partners_words_stay_theirs(message: str, words: str) -> None:
    assert any(words in span for span in partner_text(message))


def test_a_draft_line_is_the_askers_unless_the_partner_wrote_it() -> None:
    assert names_own_draft("Draft below, going to the Japanese committee tomorrow:")
    assert names_own_draft("미국 측에 보낼 답장 초안입니다:")
    assert names_own_draft("给美方的回复草稿：")
    assert not names_own_draft("Here is their reply to my draft:")
    assert not names_own_draft("상대 측 초안입니다:")
    assert not names_own_draft("Here is their reply:")


def test_a_pasted_email_after_a_greeting_is_still_pasted() -> None:
    message = "Got this today:\nDear Tom,\nWe'll keep you posted on the budget.\nBest regards,\nKenji\nIs it a stall?"
    assert pasted_text(message)
