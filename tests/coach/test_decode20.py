"""Words the asker plans to say to the partner, with the partner named as the one they go TO (「先方には「…」と返そう」,
「미국 측에는 "…"라고 할 생각」, 「想这样回复对方：“…”」) or announced in a sentence of their own before the quote
(「이렇게 답하려고 하는데요. "…"」, 「次のように返信しようと思います。「…」」), are the asker's; 「米国側のメールです」
is no American asker; a partner's message pasted with no mark before the asker's short question is found; "let me
push back a little on X" is the American phrase; whose English a text is counts only words one pair alone reads;
"review it internally" is 검토, not 논의; an American phrase said for the team ("we hear you, but", "run it by the
team") is that phrase; a decoded variant shows the expression its romanisation belongs to; and Han alone
(「予算」) is answered in the conversation's language."""

from __future__ import annotations

import pytest

from server.cjk import in_context, language_of, simplified_only
from server.coach.answer import Answerer
from server.coach.decode import Decoder
from server.coach.understand import partner_text, understand
from server.coach.unmarked import unmarked_paste
from server.coach.whose import features
from server.models import Ask, Culture, Perspective
from tests.coach.decoding import decoded


@pytest.mark.parametrize("message", [
    "先方には「社内で調整が必要です」と返そうと思っています。失礼ではないでしょうか。",
    "アメリカ側へは「一応OKです」とだけ返すつもりです。",
    "미국 측에는 \"검토해 보겠습니다\"라고 할 생각인데 괜찮을까요?",
    "想这样回复对方：“原则上没问题，细节再说吧。”",
    "我打算这样回复美方：“原则上可以，但是时间上有点难度。”可以吗？",
    "이렇게 답하려고 하는데요. \"내부적으로 검토해 보겠습니다.\" 괜찮을까요?",
    "미국 측에 이렇게 보내려고 합니다. \"일정이 좀 어렵지만 최선을 다해 보겠습니다.\" 어떤가요?",
    "이렇게 회신할까 합니다: \"윗선에 보고드리고 다시 연락드리겠습니다.\"",
    "次のように返信しようと思います。「スケジュール的に厳しいですが、何とかします。」",
    "米国側には、とりあえず「前向きに検討します」とだけ伝えておこうと思います。",
    "对美方说“回去商量一下”会不会显得没诚意？",
    "回美方的时候说“原则上可以”会不会被抓住把柄？",
    "给美方的回信这样写行不行：“这个问题不大，下周应该可以交。”",
    "Tomorrow I'll open the Tokyo call with \"We'll see how the test screening goes\". Too noncommittal?",
    "Our EP wants to answer the Chinese platform with 'we'll see what we can do' on the episode count.",
    "My plan is to say \"let's circle back after AFM\" to the Chinese partner. Will they read that as a brush-off?",
    "Before I hit send: \"I hear you, but the delivery date can't move.\" Too blunt for a Japanese distributor?",
    "Could you check my reply before I send it to the Tokyo committee? \"Sounds great, we'll keep you posted.\"",
    "내일 미국 스튜디오에 보낼 메일 좀 봐 주실 수 있나요? \"제안 감사합니다. 일정은 좀 어렵습니다만 방법을 "
    "찾아보겠습니다.\"",
    "다음 주 미국 스튜디오 콜에서 \"내부적으로 논의해 보겠습니다\" 정도로 답하려고 하는데, 너무 성의 없어 "
    "보일까요?",
    "미국 공동제작사에 \"알겠습니다\"만 보내면 동의한 걸로 볼까요?",
    "혹시 \"힘들 것 같습니다\"를 영어 이메일로 옮길 때 덜 딱딱하게 쓰는 방법이 있을까요?",
    "米国の配給会社への回答ですが、「前向きに検討しております」で一旦止めておくつもりです。問題ありますか？",
    "英語で「検討します」ってどう言えば誤解されませんか？",
    "麻烦帮我看看，我回美方的这句“这个有难度，但我们会想办法”是不是太含糊了？",
    "我打算跟美方说这个进度有点难度，怎么说比较得体？",
])
def test_a_planned_reply_to_the_partner_is_the_askers_by_the_rules(decoder: Decoder, message: str) -> None:
    assert partner_text(message) == []
    assert decoded(decoder, message) == set()


def test_the_partner_replying_or_named_before_its_words_is_still_theirs(decoder: Decoder) -> None:
    assert decoded(decoder, "先方から「社内で調整が必要です」と返事がありました。どう受け取ればいいですか？") == \
        {"社内で調整が必要です"}
    assert decoded(decoder, "对方回复：“原则上没问题，细节再说吧。”这是同意吗？") >= {"原则上可以"}
    assert partner_text("미국 측이 \"검토해 보겠습니다\"라고 하면 어떻게 하죠?") == ["검토해 보겠습니다"]
    assert decoded(decoder, "跟美方开会，美方说“原则上可以”，这是同意吗？") == {"原则上可以"}
    assert decoded(decoder, "跟美方开会时他们说“原则上可以”，这是同意吗？") == {"原则上可以"}


def test_the_american_sides_message_named_in_japanese_is_no_american_asker(decoder: Decoder) -> None:
    message = ("以下、米国側のメールです。\n---\nHi Tanaka-san,\nThanks for the update. We'll see how the first cut "
               "tests. Let me think about it over the weekend.\nCheers,\nJohn\n---\nこのまま待つべきですか？")
    u = understand(message)
    assert u.side is Perspective.ASIA_SIDE and u.asian_partner is None
    assert {"We'll see", "Let me think about it"} <= decoded(decoder, message)
    assert understand("米国側のプロデューサーです。日本の制作会社との契約について").side is Perspective.US_SIDE


@pytest.mark.parametrize(("message", "expected"), [
    ("ご提案の件、社内で検討しましたが、今回は見送らせていただきます。またの機会にぜひよろしくお願いいたします。\n\n"
     "How should I respond to this?", {"今回は見送らせていただきます", "またの機会に"}),
    ("这个方案原则上可以，但预算方面有难度，领导还要商量。\n\nHow should I read this?",
     {"原则上可以", "有难度", "领导还要商量"}),
    ("That's an interesting idea. Let me run it by my team and we'll circle back next week.\n\n"
     "この返事はどう受け止めればいいでしょうか？", {"That's interesting", "Let me think about it"}),
    ("We have reviewed the proposal. Unfortunately the budget is a little difficult for us at this stage, and we will "
     "consider it positively for next year. Thank you for your patience.\n\nWhat do they actually mean?",
     {"前向きに検討します"}),
])
def test_a_message_pasted_with_no_mark_before_a_short_question_is_the_partners(
        decoder: Decoder, message: str, expected: set[str]) -> None:
    assert unmarked_paste(message)
    assert expected <= decoded(decoder, message)


@pytest.mark.parametrize("message", [
    "ご提案ありがとうございます。社内で調整が必要ですので、来週までお時間をいただけますか。\n\n"
    "Is this OK to send to the Japanese studio?",
    "米国の配給会社と交渉中です。予算的に厳しいです。\nHow should I push back?",
    "We signed with Toho last month and the budget is a little difficult for us now.\n\nWhat should we do next?",
    "Quick question.\n\nWho approves the dub cast?",
])
def test_the_askers_own_draft_or_situation_is_no_unmarked_paste(decoder: Decoder, message: str) -> None:
    assert unmarked_paste(message) == []
    assert decoded(decoder, message) == set()


def test_a_softened_push_back_on_anything_is_the_american_phrase(decoder: Decoder) -> None:
    found = decoder.find("let me push back a little on the indemnity language")
    assert [f.phrase.expression for f in found] == ["Let me push back on that"]
    assert [f.phrase.expression for f in decoder.find("let me push back on the mfn clause")] == \
        ["Let me push back on that"]
    assert decoder.find("let me push the date back") == []


def test_whose_english_counts_only_what_one_pair_alone_reads(decoder: Decoder) -> None:
    both = "hi kenji, it's a bit hard for us to hit friday, we will review it internally. best, mike"
    assert decoder._writer(both) is None  # as Korean as it is Japanese
    assert decoder._writer("dear tom, we will consider it positively. best regards, kenji") is Culture.JP_US


def test_reviewing_internally_is_the_korean_review_not_the_discussion(decoder: Decoder) -> None:
    found = {f.phrase.expression for f in decoder.find("we will review it internally", Culture.KR_US)}
    assert found == {"검토해 보겠습니다"}
    assert {f.phrase.expression for f in decoder.find("we will discuss it internally", Culture.KR_US)} == \
        {"내부적으로 논의해 보겠습니다"}


def test_han_alone_in_japanese_words_is_read_as_japanese() -> None:
    assert not simplified_only("時期尚早") and simplified_only("领导")
    message = "先方には「時期尚早」と伝えるつもりです"
    start = message.index("時期尚早")
    assert "same-language" in features(message, start, start + 4)


def test_a_decoded_variant_shows_the_expression_its_romanisation_belongs_to(kb_answerer: Answerer) -> None:
    answer = kb_answerer.answer(Ask(message="The Korean production company wrote: \"제안 주신 구조는 내부적으로 검토해 "
                                            "보겠습니다.\" How do I report this to my US investors?"))
    line = next(line for line in answer.answer_markdown.splitlines() if "내부적으로 검토해 보겠습니다" in line)
    assert "a form of 내부적으로 논의해 보겠습니다, naebujeogeuro nonui-hae" in line
    plain = kb_answerer.answer(Ask(message="what does 「前向きに検討します」 mean?"))
    assert "**前向きに検討します** (maemuki ni kentō shimasu" in plain.answer_markdown


def test_an_unsigned_emails_end_is_the_askers_own_question_about_it(decoder: Decoder) -> None:
    email = "田中様\nご連絡ありがとうございます。承知しました。\nただ、納期については正直厳しいです。"
    message = f"{email}\n\nどうすればいいですか？"
    assert partner_text(message) == [email]
    assert decoded(decoder, message) == {"承知しました", "厳しいです"}  # not いいです of the asker's question
    request = "Dear Tom,\nThanks for the cut. We'll see how the first screening goes.\n\nCould you send the cue sheet?"
    assert partner_text(request) == [request]  # the e-mail's own question to its reader stays in it


def test_the_askers_quote_of_words_also_in_the_email_cuts_the_email_at_the_askers_line(decoder: Decoder) -> None:
    email = ("田中様\nご連絡ありがとうございます。承知しました。\n"
             "ただ、納期については正直厳しいです。社内で調整が必要ですので、少しお時間をください。")
    message = f"{email}\n\nこちらは「承知しました」とだけ返そうと思いますが、大丈夫でしょうか？"
    assert partner_text(message) == [email]
    assert {"厳しいです", "社内で調整が必要です"} <= decoded(decoder, message)


def test_the_name_under_the_sign_off_is_part_of_the_email() -> None:
    message = ("Dear Mr. Kim,\nThank you for the revised budget. We will review it internally.\nBest regards,\n"
               "Park Ji-ho\n\nWhat do they mean?")
    u = understand(message)
    assert u.partner_text[0].endswith("Park Ji-ho") and u.asian_partner is Culture.KR_US


def test_an_american_phrase_said_for_the_team_is_the_same_phrase(decoder: Decoder) -> None:
    assert [f.phrase.expression for f in decoder.find("we hear you, but the mfn clause stays")] == ["I hear you, but"]
    assert [f.phrase.expression for f in decoder.find("let me run it by the team first")] == ["Let me think about it"]
    assert decoder.find("we hear you") == []


def test_han_alone_takes_the_conversations_language(kb_answerer: Answerer) -> None:
    assert in_context("zh", ["米国側との契約で最初に確認すべきことは？", "予算"]) == "ja"
    assert in_context("zh", ["美方要求我们承担宣发费用，合理吗？", "合同"]) == "zh"
    assert in_context("zh", ["米国側との契約で最初に確認すべきことは？", "领导"]) == "zh"  # simplified: Chinese
    assert in_context("zh", ["予算"]) == "zh" and in_context("ja", ["予算は？"]) == "ja"
    first = kb_answerer.answer(Ask(message="米国の配給会社と契約交渉中です。最初に何を確認すべきですか？"))
    again = kb_answerer.answer(Ask(message="予算", conversation_id=first.conversation_id))
    assert language_of(again.answer_markdown) == "ja"


@pytest.mark.parametrize("message", [
    "Drafting my reply to the Beijing distributor now — 'We'll keep you in the loop on the festival plan.' Too vague?",
    "アメリカ側に返す前に確認させてください。「今回は見送らせていただきます。またの機会にぜひ」で大丈夫でしょうか。",
    "미국 배급사에 \"긍정적으로 검토해 보겠습니다\"라고 회신했는데, 확답으로 받아들였을까 봐 걱정이에요.",
    "이번에는 \"알겠습니다\"로 괜찮을까요?",
    "我回“原则上同意”可以吗？",
])
def test_wording_weighed_or_sent_by_the_asker_is_theirs_by_the_rules(decoder: Decoder, message: str) -> None:
    assert partner_text(message) == []
