"""Who is asking and what exactly: side, pair, stage, sub-questions and the partner's own words."""

from __future__ import annotations

import pytest

from server.coach.understand import detect_side, detect_stage, partner_text, split_parts, understand
from server.models import Culture, Perspective


@pytest.mark.parametrize(("message", "side"), [
    ("My Japanese partner never says no directly. What should I do?", Perspective.US_SIDE),
    ("We are the Japanese studio and our US partner wants a decision in the first meeting.", Perspective.ASIA_SIDE),
    ("Our American co-producer keeps emailing our director directly.", Perspective.ASIA_SIDE),
    ("アメリカ側のプロデューサーが初回の会議で結論を求めてきます。", Perspective.ASIA_SIDE),
    ("미국 파트너가 계약서에 없는 추가 작업을 요구합니다.", Perspective.ASIA_SIDE),
    ("Who should have final cut?", None),
])
def test_the_askers_side(message: str, side: Perspective | None) -> None:
    assert understand(message).side == side


def test_side_needs_a_clear_cue_in_english() -> None:
    assert detect_side("The Japanese side and the US side disagree on the cut.", "en") is None


@pytest.mark.parametrize(("message", "stage"), [
    ("We signed last month and now they want to change the split.", "signed"),
    ("We're three weeks from picture lock and the notes keep coming.", "production"),
    ("Their lawyer sent a notice of breach.", "dispute"),
    ("We're negotiating the term sheet.", "negotiating"),
    ("How does a production committee work?", None),
])
def test_the_stage(message: str, stage: str | None) -> None:
    assert detect_stage(message) == stage


@pytest.mark.parametrize(("message", "spans"), [
    ("My Japanese partner said 「前向きに検討します」. Is that a no?", ["前向きに検討します"]),
    ("They replied: we'll see. Should I wait or push?", ["we'll see"]),
    ("先方から少し難しいかもしれませんと言われました。どうすればいいですか", ["先方から少し難しいかもしれません"]),
    ("対方说再说吧，这是拒绝吗？", ["再说吧，这是拒绝吗？"]),
])
def test_partner_text_is_found(message: str, spans: list[str]) -> None:
    found = partner_text(message)
    assert all(any(s in f or f in s for f in found) for s in spans), found


@pytest.mark.parametrize("message", [
    "どうすればいいですか", "Quick question: who approves the voice cast?", "Is it fine if we push back?",
    "난처한 상황인데 어떻게 해야 하나요?",
])
def test_the_askers_own_question_is_not_partner_text(message: str) -> None:
    assert partner_text(message) == []


def test_a_pasted_email_is_partner_text() -> None:
    message = "Hi Tom,\nThanks for the draft. We will consider it internally.\nBest,\nKenji\n\nWhat does this mean?"
    assert any("consider it internally" in span for span in partner_text(message))


def test_a_two_part_question_is_split_and_keeps_its_situation() -> None:
    parts, context = split_parts("We signed last month. Now the Korean co-producer wants to change the split. "
                                 "Can they do that? What should we say to them?", [])
    assert parts == ["Can they do that?", "What should we say to them?"]
    assert "Korean co-producer" in context
    u = understand("We signed last month. Now the Korean co-producer wants to change the split. "
                   "Can they do that? What should we say to them?")
    assert all("Korean co-producer" in u.query(p) for p in u.parts)
    assert u.pair is Culture.KR_US and u.stage == "signed"


def test_one_question_stays_whole() -> None:
    message = "Who should approve the voice cast for the English dub?"
    assert split_parts(message, [])[0] == [message]


def test_and_between_two_asks_splits_them() -> None:
    parts, _ = split_parts("Who should approve the voice cast, and if we disagree with the committee's pick, how do "
                           "we push back without damaging the relationship?", [])
    assert len(parts) == 2 and parts[0].startswith("Who should approve")


@pytest.mark.parametrize(("message", "parts"), [
    ("アメリカ側から最終編集権を求められています。誰が持つのが普通ですか？また、映画祭版は誰が決めますか？",
     ["誰が持つのが普通ですか？", "また、映画祭版は誰が決めますか？"]),
    ("双方争了两个月。一、以后这类事到底谁说了算，能不能提前约定好？二、眼下这个僵局要不要报给双方老板？",
     ["一、以后这类事到底谁说了算，能不能提前约定好？", "二、眼下这个僵局要不要报给双方老板？"]),
])
def test_short_questions_written_without_spaces_are_parts_too(message: str, parts: list[str]) -> None:
    u = understand(message)
    assert u.parts == parts and u.partner_text == []  # 谁说了算 ("who has the final say") reports no one's words


@pytest.mark.parametrize(("message", "side"), [
    ("Signed in June. Now the Korean side says the won rate means the split should change. What now?", "us-side"),
    ("The American co-producer wants audit rights on our box office statements. Is it normal?", "asia-side"),
    ("米国の制作会社で日本担当のコーディネーターをしています。委員会の返事が来ません。", "us-side"),
    ("我在一家美国制片公司的北京办公室工作。中方说原则上可以，我老板以为谈妥了。", "us-side"),
])
def test_the_side_is_read_from_how_the_asker_names_the_partner(message: str, side: str) -> None:
    assert understand(message).side == Perspective(side)


def test_a_pronoun_is_not_the_partners_words() -> None:
    u = understand("What does it mean? Who decides?")
    assert u.partner_text == [] and u.parts == ["What does it mean?", "Who decides?"]


@pytest.mark.parametrize(("message", "theirs"), [
    ("Sent a change to the specs, got back 承知しました. Can I tell the post house to go ahead?", "承知しました"),
    ("They say 没问题 to everything. How do I find out what's really a problem?", "没问题 to everything"),
])
def test_reported_replies_are_the_partners_words(message: str, theirs: str) -> None:
    assert partner_text(message) == [theirs]


def test_asking_how_to_say_something_reports_no_one() -> None:
    assert partner_text("How do I say no politely? What should I say to them?") == []


@pytest.mark.parametrize(("message", "parts"), [
    ("予算のルールが曖昧です。①予算の変更はだれがサインするのか、②予算超過の負担はどう決めるべきか、教えてください。",
     ["①予算の変更はだれがサインするのか", "②予算超過の負担はどう決めるべきか、教えてください"]),
    ("哪些条款要特别注意？尤其是：一、争议解决放在哪里仲裁比较好；二、如果一方中途想退出该怎么处理。",
     ["一、争议解决放在哪里仲裁比较好", "二、如果一方中途想退出该怎么处理"]),
    ("Two things: 1) who approves the voice cast, 2) who pays for the reshoots?",
     ["1) who approves the voice cast", "2) who pays for the reshoots?"]),
])
def test_numbered_asks_in_one_sentence_are_parts(message: str, parts: list[str]) -> None:
    assert understand(message).parts == parts


def test_a_lone_number_is_not_a_list() -> None:
    assert understand("Our budget is 1) too low. Who pays?").parts == ["Our budget is 1) too low. Who pays?"]
