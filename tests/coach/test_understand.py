"""Who is asking and what exactly: side, pair, stage, sub-questions and the partner's own words."""

from __future__ import annotations

import pytest

from server.coach.understand import detect_pair, detect_side, detect_stage, partner_text, split_parts, understand
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
    ("미국 측에서 긍정적으로 검토하겠다고 답했는데, 거절인가요?", ["긍정적으로 검토하겠"]),
])
def test_partner_text_is_found(message: str, spans: list[str]) -> None:
    found = partner_text(message)
    assert all(any(s in f or f in s for f in found) for s in spans), found


@pytest.mark.parametrize("message", [
    "どうすればいいですか", "Quick question: who approves the voice cast?", "Is it fine if we push back?",
    "난처한 상황인데 어떻게 해야 하나요?",
    "미국 파트너에게 긍정적으로 검토하겠다고 답했는데, 이게 약속으로 받아들여질까요?",  # said to them, not by them
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


@pytest.mark.parametrize(("message", "parts"), [
    ("吹替の主役に有名俳優を使うと本当に効果があるのか、それと最終的に誰が決めるのかを知りたいです。",
     ["吹替の主役に有名俳優を使うと本当に効果があるのか", "最終的に誰が決めるのかを知りたいです。"]),
    ("吹替の費用は誰が持つのか分からないし、納品の締め切りがいつなのかも知りたい。",
     ["吹替の費用は誰が持つのか分からない", "納品の締め切りがいつなのかも知りたい。"]),
    ("撮影許可はいつ下りるのでしょうか。あと、待機中のスタッフの費用は誰が持つのか。",
     ["撮影許可はいつ下りるのでしょうか。", "あと、待機中のスタッフの費用は誰が持つのか。"]),
    ("회식에 꼭 참석해야 하는지 알고 싶고, 또 선배를 어떻게 불러야 하는지도 궁금합니다.",
     ["회식에 꼭 참석해야 하는지 알고 싶고", "선배를 어떻게 불러야 하는지도 궁금합니다."]),
    ("서울에서 몇 달 같이 일할 때 미리 알려줄 게 있을까요? 특히 회식 자리와 호칭이 걱정입니다.",
     ["서울에서 몇 달 같이 일할 때 미리 알려줄 게 있을까요?", "회식 자리", "호칭"]),  # the topics it names
    ("宣发费用应该由哪一方先回收？另外分账比例一般怎么定", ["宣发费用应该由哪一方先回收？", "另外分账比例一般怎么定"]),
    ("拍摄预算超支的部分由谁来承担，还有片尾署名顺序怎么排？",
     ["拍摄预算超支的部分由谁来承担", "片尾署名顺序怎么排？"]),
    ("试映结果到底有多大分量以及最终剪辑权应该怎么约定？", ["试映结果到底有多大分量", "最终剪辑权应该怎么约定？"]),
    ("Is a dub worth it for the US release? And who signs off on the English script - the licensor wants every line",
     ["Is a dub worth it for the US release?",
      "And who signs off on the English script - the licensor wants every line"]),
])
def test_asks_joined_inside_one_sentence_are_parts(message: str, parts: list[str]) -> None:
    assert understand(message).parts == parts


@pytest.mark.parametrize("message", [
    "先方の返事をこのまま待つべきか、押すべきか、どちらがいいでしょうか？",
    "先方の返事を待つべきか、それとももう一度催促すべきか、どちらがいいでしょうか？",
    "답을 더 기다려야 할지, 아니면 다시 연락해야 할지 모르겠어요?",
    "我们应该继续等，还是再催一次？",
    "预算以及进度都要报给谁？",
    "Should I wait or push?",
    "We've been waiting three weeks for the committee. Wait or push?",
    "検討し、返事しますと言われましたが、どういう意味ですか？",
])
def test_alternatives_are_one_question(message: str) -> None:
    assert understand(message).parts == [message]


def test_this_phrase_is_not_the_partners_words() -> None:
    u = understand("对方一个月前说“领导还要商量”，到现在也没消息。这句话一般是什么意思？要不要请美方高层直接出面？")
    assert u.partner_text == ["领导还要商量"]
    assert u.parts == ["这句话一般是什么意思？", "要不要请美方高层直接出面？"]


def test_what_the_asker_heard_is_not_the_partners_words() -> None:
    assert partner_text("한미 사이에는 공동제작 협정이 없다고 들었는데, 어떤 지원금을 받을 수 있나요?") == []
    assert partner_text("미국 측에서 어렵다고 들었습니다. 어떻게 해야 하나요?") != []


def test_a_short_quoted_term_stays_in_its_part() -> None:
    u = understand("Should we split the rights by territory or by platform? And what does 'North America' include "
                   "when we write it down?")
    assert u.parts[1] == "And what does 'North America' include when we write it down?"


def test_a_part_that_refers_back_keeps_the_situation() -> None:
    u = understand("The Chinese side went silent after we disagreed on the edit. How do I restart the "
                   "conversation, and what are the formal steps if that fails?")
    assert len(u.parts) == 2 and "Chinese side" in u.query(u.parts[1])


def test_what_the_partner_said_stays_in_the_situation_a_short_part_is_about() -> None:
    u = understand("The US distributor says they will recover all their marketing costs before we receive anything. "
                   "Is that normal, and can we cap it?")
    assert u.partner_text and len(u.parts) == 2
    assert "marketing costs" in u.query(u.parts[0]) and "marketing costs" in u.query(u.parts[1])
    assert "…" not in u.query(u.parts[0])


def test_a_first_japanese_part_without_its_topic_keeps_the_situation() -> None:
    u = understand("米国スタジオとの共同製作で、先方がコンプリーションボンドを付けるよう求めてきました。"
                   "①そもそも何を保証するものなのか、②もし予算をオーバーしたらどちらが負担するのか、知りたいです。")
    assert len(u.parts) == 2 and "コンプリーションボンド" in u.query(u.parts[0])


def test_the_other_choice_in_its_own_sentence_is_the_same_question() -> None:
    message = "米国側にはもう伝えるべき？それとも対策が決まってからのほうがいいですか。"
    assert understand(message).parts == [message]


def test_two_asks_joined_by_go_are_parts() -> None:
    u = understand("미국 측이 계속 재촉하는데 어떻게 설명하고, 다음에는 어떻게 일정을 잡아야 할까요?")
    assert u.parts == ["미국 측이 계속 재촉하는데 어떻게 설명하고", "다음에는 어떻게 일정을 잡아야 할까요?"]


def test_what_their_reply_answers_is_not_their_words() -> None:
    message = "Their reply to our design notes:\n\n\"We will use them as a reference.\"\n\nWill they change it?"
    assert partner_text(message) == ["We will use them as a reference."]


@pytest.mark.parametrize("message", [
    # the asker's employer or boss is American: the American side, in four languages
    "I work for an American studio as the local coordinator in Seoul. The Korean team keeps skipping my boss.",
    "I'm being sent to Tokyo for four months to work with the animation studio. What should I watch out for?",
    "ニューヨークの制作会社に雇われて、東京で現地の調整をしています。日本のスタジオの返事が遅いです。",
    "アメリカ人のプロデューサーが半年大阪に来て、日本のスタッフと一緒に働きます。私は通訳兼アシスタントです。",
    "LA의 제작사에서 부산 로케이션 준비를 맡고 있습니다. 한국 측 허가가 늦어요.",
    "미국 감독이 석 달 동안 서울에 머물며 한국 스태프들과 일합니다. 저는 현지 코디네이터인데 뭘 챙겨야 하나요?",
    "내년에 서울로 1년 파견 가서 한국 제작팀과 일하게 됐습니다. 뭘 조심해야 할까요?",
    "我在好莱坞一家公司负责亚洲项目，中方一直说“研究研究”。",
    "我们美方想知道：中方为什么一直不回邮件？",
    "中方董事长要我们先吃饭再谈合同，我该怎么准备？",
])
def test_staff_of_the_american_side_writing_in_any_language(message: str) -> None:
    assert understand(message).side is Perspective.US_SIDE


@pytest.mark.parametrize("message", [
    "Japanese publisher here. Our US licensee has done nothing with the rights. Can we get them back?",
    "Korean studio, co-owning a film with an American company. They want to sell it to a buyer we object to.",
    "米国人プロデューサーが弊社に3か月常駐します。受け入れる側として何に気をつけるべきですか。",
    "미국 제작사에서 받은 계약서가 너무 깁니다. 저희 한국 측은 어떻게 검토해야 하나요?",
    "我们是美方投资的中方出品方，美方的款一直没到账，怎么沟通？",
])
def test_the_asian_side_stays_the_asian_side(message: str) -> None:
    assert understand(message).side is Perspective.ASIA_SIDE


def test_the_partner_named_at_the_start_of_a_sentence_is_the_partner() -> None:
    assert understand("Korean partner said they would review it positively. Is that a yes?").side \
        is Perspective.US_SIDE
    assert understand("Japanese director, US financing. Who has final cut?").side is None


@pytest.mark.parametrize(("message", "pair"), [
    ("Our finance department assumes 'net profits' is like 純利益. Is it?", Culture.JP_US),  # 純: Japanese only
    ("They answered 一応 OK, is that a yes?", Culture.JP_US),  # 応: Japanese only
    ("Our partner said 领导还要商量, what now?", Culture.CN_US),  # 领, 导: simplified Chinese only
    ("They said 不太方便 about the date", Culture.CN_US),  # shared characters still read as Chinese
])
def test_kanji_in_an_english_question_is_read_as_japanese_or_chinese(message: str, pair: Culture) -> None:
    assert detect_pair(message) is pair


@pytest.mark.parametrize(("message", "side"), [
    ("Rights negotiation in Tokyo in 2 weeks. Should we bring our own interpreter?", Perspective.US_SIDE),
    ("Flying to Seoul next month for the first meeting, any advice?", Perspective.US_SIDE),
    ("We're based in Tokyo. How do we answer a term sheet?", None),  # where the asker is, not where they go
    ("We are the Chinese co-producer; the edit stays in Beijing. How do we split post?", Perspective.ASIA_SIDE),
])
def test_a_trip_to_an_asian_city_names_the_american_side_when_nothing_else_does(message: str,
                                                                                side: Perspective | None) -> None:
    assert detect_side(message, "en") is side


def test_staff_sent_from_an_american_company_writing_in_japanese_are_the_american_side() -> None:
    assert detect_side("LAの制作会社から、来月東京のスタジオに半年常駐することになりました。何に気をつければ？", "ja") \
        is Perspective.US_SIDE
    asked = "米国の会社から、共同製作の提案が来ました。どう返事すればいいですか。"
    assert detect_side(asked, "ja") is Perspective.ASIA_SIDE
