"""The asker's own words in the frames the d15 set found are not decoded: a scene written as a script
("Me: '…'", 私「…」, 나: "…", 我：“…”), the asker's words named as such (제 답변:, 我的原话), an
instruction from the asker's own side to tell the partner something ("tell CJ …", 「先方には…と伝えておいて」),
English weighed for an audience ("is '…' rude to say to them"), a meeting named before the words
(「회의에서 "…"라고 하면」), headlines, and wordings offered as alternatives ("'…' or '…'?", 「…」と「…」、どっち);
the partner's words in the same frames still are. The decoder reads no hedge into a request that the reader
consider something (「ご検討のほどよろしくお願いいたします」)."""

from __future__ import annotations

import pytest

from server.coach.decode import Decoder
from server.coach.understand import partner_text


@pytest.mark.parametrize(("question", "asker_words"), [
    ("Me to the Toho producer last week: 'let's park that for now.' Did that kill the music deal?", "park that"),
    ("配給会社の人が「前向きに考えます」と言いました。「承知しました」と返すだけでいいですか？", "承知しました"),
    ("Notes from the call. Me: 'We'll see how the budget settles.' Them: 'Understood.' Too vague?", "We'll see"),
    ("Them: 'Can you confirm by Friday?' Me: 'We'll see.' Was that rude?", "We'll see"),
    ("私：「今回はちょっと難しいです」\n米国側：「So is that a no?」\nまずかったですか？", "難しいです"),
    ("나: \"검토해 볼게요\"\n미국 EP: \"Great, talk Friday.\"\n너무 애매했나요?", "검토해 볼게요"),
    ("我：“我们再考虑考虑。”\n美方：“OK, let us know.”\n是不是太被动了？", "考虑考虑"),
    ("회의 때 제 답변: \"긍정적으로 검토하겠습니다.\" 미국 측이 확답으로 들었을까요?", "긍정적으로"),
    ("会议上我的原话是：“原则上可以。”美方会当真吗？", "原则上可以"),
    ("Our CEO pinged me: 'tell CJ we'll circle back after Busan.' Is that enough?", "circle back"),
    ("Got a Slack from Dana: 'just tell Toho we'll keep you posted.' Enough for now?", "keep you posted"),
    ("チャットで「先方には前向きに検討しますとだけ伝えておいて」と来ました。大丈夫でしょうか？", "前向きに検討"),
    ("사내 메신저에 이사님이 \"미국 측엔 생각해 보겠다고만 해\"라고 남기셨어요. 괜찮을까요?", "생각해 보겠다"),
    ("팀 채팅방에 같은 팀 PD가 \"미국엔 일단 검토해 볼게요라고 해 둬\"라고 했는데 괜찮을까요?", "검토해 볼게요"),
    ("群里有人发了一句“跟美方说原则上可以”，这样转达合适吗？", "原则上可以"),
    ("専務からLINEで「先方には社内で調整が必要ですと伝えておいて」と来ました。このままでいいですか？", "社内で調整"),
    ("실장님이 카톡으로 \"미국 측엔 좀 어렵겠다고 전해\"라고 하셨어요. 그대로 전해도 될까요?", "어렵겠다"),
    ("总监在群里说“先跟对方说还要请示领导”，这样说合适吗？", "请示领导"),
    ("Is 'let me think about it' too vague to say to Korean partners?", "think about it"),
    ("Does 'we'll keep you posted' come across as a brush-off to Japanese executives?", "keep you posted"),
    ("“以后再说”这句话对美方说会不会显得敷衍？", "以后再说"),
    ("다음 주 미국 스튜디오 회의에서 \"최선을 다하겠습니다\"라고 하면 약속으로 들릴까요?", "최선을 다하겠습니다"),
    ("그냥 \"검토해 보겠습니다\" 한마디로 끝내면 실례일까요?", "검토해 보겠습니다"),
    ("新聞の見出しに「ハリウッド進出は時期尚早」とありました。うちの企画にも関係ありますか？", "時期尚早"),
    ("Deadline headline: 'We'll See: Korean Studios Cool On US Remakes'. Relevant to our slate?", "We'll See"),
    ("Should I end with 'we'll keep you posted' or 'we'll be in touch'?", "be in touch"),
    ("「承知しました」と「了解しました」、米国側へのメールにはどっちがいいですか？", "了解しました"),
    ("\"좀 어렵습니다\"랑 \"곤란합니다\" 중 미국 측에 뭐가 나아요?", "곤란합니다"),
    ("回美方“我们尽量”还是“尽力而为”更好？", "尽力而为"),
    # frames the second fresh batch (d15b) found, in other words
    ("Draft reply to Toho: 'Let me run it by my team and revert.' Too vague?", "run it by my team"),
    ("明日の会議で「可能であれば今週中にお返事ください」と締めるつもりです。強すぎますか？", "可能であれば"),
    ("미국 측 메일에 \"좀 어렵습니다\"를 쓰는 게 나을까요?", "좀 어렵습니다"),
    ("案は二つです。A「考えさせてください」、B「持ち帰って検討します」。どちらが無難ですか？", "持ち帰って検討します"),
])
def test_the_askers_own_words_in_new_frames_are_no_partner_text(question: str, asker_words: str) -> None:
    assert not any(asker_words in span for span in partner_text(question))


@pytest.mark.parametrize(("message", "words"), [
    ("我跟美方开会，美方说“Let me think about it”，到现在没回音。", "Let me think about it"),
    ("Them: 'We'll see.' Me: 'OK.' Is that a no?", "We'll see"),
    ("They said 'we'll see' or 'let me think about it', I forget which. Is that a no?", "we'll see"),
    ("미국 측이 회의에서 \"We'll see\"라고 하면 어떻게 하죠?", "We'll see"),
    ("The Korean side texted 'tell your boss we will do our best'. Is that a promise?", "we will do our best"),
    ("Their reply title was 'We'll pass for now'. Is the door closed?", "We'll pass for now"),
    ("Their draft reply read: 'we'll see how it goes'. Is that a no?", "we'll see"),
    ("先方は「前向きに検討します」と締めくくりました。脈ありですか？", "前向きに検討します"),
    ("先方から「検討します」と「難しいです」を繰り返されています。", "難しいです"),
    ("米国側の担当者：「Let's circle back next week.」\n私：「承知しました」\nこれで良かったですか？", "circle back"),
])
def test_the_partners_words_in_the_same_frames_are_still_theirs(message: str, words: str) -> None:
    assert any(words in span for span in partner_text(message))


@pytest.mark.parametrize("text", ["ご検討のほどよろしくお願いいたします。", "前向きにご検討いただければ幸いです。",
                                  "件名：ご検討のお願い"])
def test_a_request_that_the_reader_consider_is_no_hedge(decoder: Decoder, text: str) -> None:
    assert decoder.find(text) == []


@pytest.mark.parametrize(("text", "expression"), [("検討させていただきます", "検討します"),
                                                  ("今回はご縁がなく", "今回はご縁がなかったということで"),
                                                  ("ご意見として承ります", "ご意見として伺います")])
def test_the_writers_own_consideration_and_honorific_forms_still_decode(decoder: Decoder, text: str,
                                                                       expression: str) -> None:
    assert expression in {f.phrase.expression for f in decoder.find(text)}
