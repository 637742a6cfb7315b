"""English words for the business terms of a question written in Japanese, Korean or Chinese."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from server.coach.glossary import Glossary
from server.errors import CoachError


def test_terms_in_each_language_add_their_english_words() -> None:
    glossary = Glossary.load()
    assert "arbitration seat governing law" in glossary.expand("準拠法と仲裁地はどこにすべきですか？")
    assert "subtitles" in glossary.expand("자막과 더빙 중 무엇이 좋을까요?")
    assert "marketing costs" in glossary.expand("美方要求先收回全部宣发费用")


def test_english_questions_are_left_as_they_are() -> None:
    question = "Who holds final cut? 最終編集権 is what they called it."
    assert Glossary.load().expand(question) == question


def test_longer_terms_win_and_each_english_phrase_appears_once() -> None:
    expanded = Glossary.load().expand("最終編集権と最終編集について")
    assert expanded.count("final cut editing approval") == 1


@pytest.mark.parametrize("text", ["- {ja: [字幕]}\n", "not: [a, list\n", "- just a string\n"])
def test_a_broken_glossary_names_the_file_and_the_fix(tmp_path: Path, text: str) -> None:
    path = tmp_path / "glossary.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CoachError, match="(?s)glossary.yaml.*'en'"):
        Glossary.load(path)


def test_chinese_co_production_alone_is_not_read_as_a_treaty() -> None:
    """合拍 is any co-production; only 合拍协定/协议 names the treaties (a partner question must not look like one)."""
    glossary = Glossary.load()
    assert "treaty" not in glossary.expand("想找一家中国公司合拍动画电影，怎么判断对方靠不靠谱？")
    assert "vetting a partner" in glossary.expand("想找一家中国公司合拍动画电影，怎么判断对方靠不靠谱？")
    assert "co-production treaty" in glossary.expand("中美之间有没有合拍协定？")


@pytest.mark.parametrize(("question", "meant", "not_meant"), [
    ("미국 쪽 변호사가 계약서 초안을 보냈어요", "lawyer", "dispute"),  # a lawyer drafting is no dispute
    ("对方带法务和律师来开会，我们也要带律师吗？", "lawyer", "breach"),
    ("자료 보내 주셔서 감사합니다. 다음 주에 뵙겠습니다.", "", "audit"),  # 감사합니다 is "thank you"
    ("리메이크 판권을 미국 스튜디오에 넘겼어요", "remake", "distribution rights territory"),
    ("대본 초안을 미국 측에 보냈습니다", "draft", "term sheet"),  # a script's first draft is no deal memo
    ("孩子不爱看动画怎么办？", "animation", "retakes"),
])
def test_a_word_is_glossed_with_its_own_concept_not_a_neighbouring_one(question: str, meant: str,
                                                                       not_meant: str) -> None:
    expanded = Glossary.load().expand(question)
    assert meant in expanded and not_meant not in expanded


def test_a_term_inside_a_longer_matched_term_adds_nothing_of_its_own() -> None:
    """「공동제작 파트너」 is the partner, not also the production; 「预算超支」 an overrun, not also "budget"."""
    glossary = Glossary.load()
    assert glossary.expand("预算超支了。").endswith("(budget overage overrun)")
    assert glossary.expand("공동제작사와 공동 소유한 판권").count("co-production") == 1
    assert glossary.unglossed("预算超支") == 0.0  # the shorter term still counts as covered


@pytest.mark.parametrize(("question", "english"), [
    ("要不要直接写信给他们总裁？这样算不算越级？", "escalate"),
    ("미국 측 담당자가 3주째 답이 없습니다", "no reply"),
    ("미국 투자사가 피치덱이랑 룩북을 보내 달래요", "pitch deck"),
    ("미국 측이 예산서를 항목별로 달라고 합니다", "line-item budget"),
    ("宣发费用有没有上限？", "cap"),
    ("之前只是口头答应的，不算数吗？", "verbal"),
])
def test_everyday_words_chinese_and_korean_askers_use_have_english_words(question: str, english: str) -> None:
    assert english in Glossary.load().expand(question)


@pytest.mark.parametrize(("question", "not_meant"), [
    ("미국 스태프들은 무조건 정시에 끝내요.", "negotiation terms"),  # 무조건: no 조건
    ("미국 측 관계자가 노트북으로 회의록을 써요.", "trust relationship"),
    ("いずれアメリカ側にも話すつもりです。", "schedule delay slip"),  # いずれ: no ずれ
    ("米国チームが進捗をほとんど共有してくれません。", "co-owned"),  # sharing news, not co-owned rights
    ("投資ファンドから連絡がありました。", "fans complain"),
    ("没关系，美方说下周再谈。", "trust relationship"),
    ("好莱坞的编剧每天发新页过来。", "long contract"),  # new script pages, not a long contract
])
def test_a_word_that_only_contains_a_term_is_not_glossed_as_it(question: str, not_meant: str) -> None:
    assert not_meant not in Glossary.load().expand(question)


@pytest.mark.parametrize(("question", "english"), [
    ("共同製作した作品の権利を日米で共有しています。", "co-owned"),
    ("美方发来一份九十多页的英文合同。", "long contract"),
])
def test_the_term_itself_is_still_glossed_beside_its_false_friends(question: str, english: str) -> None:
    assert english in Glossary.load().expand(question)


SIGNING = re.compile(r"\bsign(?:s|ed|ing|ature)?\b")


@pytest.mark.parametrize(("question", "signing"), [
    ("사인했어요.", True),
    ("계약서에 사인했는데 다시 협상하자고 해요.", True),  # the real 사인 still counts
    ("저희는 한국 제작사인데, 미국 측이 일정을 당기자고 합니다.", False),  # 제작사인데: no 사인
])
def test_sain_is_glossed_as_signing_and_not_inside_a_word_that_contains_it(question: str, signing: bool) -> None:
    """Asserted on what the gloss means (signing), not on its exact words, so the gloss can say only that."""
    assert bool(SIGNING.search(own_words_gloss(question))) is signing


def own_words_gloss(question: str) -> str:
    """Only the English words the glossary appends to a question."""
    return Glossary.load().expand(question)[len(question):]


def test_a_false_friend_covers_nothing(tmp_path: Path) -> None:
    """A false friend's letters are unglossed: the English words appended say nothing about them."""
    path = tmp_path / "glossary.yaml"
    path.write_text('- {en: contract agreement, ko: [사인]}\n- {en: "", ko: [제작사인]}\n', encoding="utf-8")
    glossary = Glossary.load(path)
    assert glossary.expand("제작사인데") == "제작사인데"
    assert glossary.unglossed("제작사인데") == 1.0
    assert glossary.expand("사인했어요").endswith("(contract agreement)")


def test_a_glossary_entry_without_english_text_names_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "glossary.yaml"
    path.write_text("- {en: , ko: [무조건]}\n", encoding="utf-8")
    with pytest.raises(CoachError, match=r"(?s)glossary.yaml.*not text.*false friends"):
        Glossary.load(path)


@pytest.mark.parametrize(("question", "english"), [
    ("한국 제작사가 중요한 결정도 카톡으로만 해요.", "KakaoTalk"),
    ("美方剧组12个小时一到就收工，我们的加班怎么算？", "overtime"),
    ("미국 쪽에서 얼굴도 한 번 안 보고 계약서 초안을 보냈어요.", "before the first meeting"),
    ("美方还没见面就发来合同。", "before the first meeting"),
    ("听说要喝很多酒、敬很多酒，我不太能喝。", "drinking"),
    ("编剧开机以后还在天天改剧本。", "script rewrites"),
    ("投资人撤资了，美方想重新谈。", "financing fell through"),
    ("본사가 인기 웹툰 실사화를 원해요.", "live-action adaptation"),  # 실사화 is no due diligence (실사)
    ("返事が遅れていて、催促してもいいですか。", "reply"),  # what the gloss means, not its exact words
    ("한국 감독님이 회의 내내 아무 말씀이 없으셨어요.", "silence in the meeting"),
    ("打ち合わせで提案したら、先方は誰も何も言わず沈黙が続きました。", "silence in the meeting"),
    ("美方第一次开会就要我们当场拍板。", "decision in the meeting"),
    ("美方又要一个删减版，合同里根本没这一项。", "not in the contract"),
])
def test_everyday_words_for_situations_have_english_words(question: str, english: str) -> None:
    assert english in Glossary.load().expand(question)


def test_a_late_reply_is_no_schedule_slip() -> None:
    assert "schedule" not in Glossary.load().expand("米国側からの返事が遅れています。")


@pytest.mark.parametrize(("question", "meant", "not_meant"), [
    # the shoot running over and who pays for it is a slip's cost, not crew on standby
    ("撮影が2週間押したので、押した分のコストは誰が負担するのが筋ですか。", "schedule delay slip", "standby"),
    ("촬영이 늦어졌는데 추가 비용은 누가 부담하나요?", "who pays", "standby"),
    # asking how the work is going is no slip; falling behind is
    ("怎么问美方的进度才靠谱？", "progress", "delay"),
    ("后期进度落后了一周。", "delay slip", "progress"),
    ("撮影の途中で円が大きく動きました。", "exchange rate", "budget"),
])
def test_everyday_words_are_glossed_with_their_own_concept(question: str, meant: str, not_meant: str) -> None:
    expanded = Glossary.load().expand(question)
    assert meant in expanded and not_meant not in expanded


def test_a_role_term_adds_its_english_only_where_the_message_asks_about_it() -> None:
    """幹事会社 is marked `setting`: a question asked to or as the lead company about something else (a reply the
    ringi cannot meet in time, a partner's 「前例がない」) does not get the lead-company card's title words, while a
    question about the lead company itself does."""
    glossary = Glossary.load()
    gloss = "lead company of the committee"
    assert gloss not in glossary.expand(
        "幹事会社の担当として回答を求められていますが、稟議が間に合いません。先方にはどう返事をすればいいでしょうか。")
    assert gloss not in glossary.expand("幹事会社から「前例がないので」と言われました。これは断りでしょうか。")
    assert gloss in glossary.expand("幹事会社が委員会全体を代表して契約に署名できますか？")
    assert gloss in glossary.expand("干事公司到底是什么角色？")


def test_a_setting_term_is_glossed_like_any_other_when_no_entry_marks_it(tmp_path: Path) -> None:
    path = tmp_path / "glossary.yaml"
    path.write_text("- {en: lead company, ja: [幹事会社]}\n", encoding="utf-8")
    assert "lead company" in Glossary.load(path).expand("幹事会社から連絡がありました。どう返事をすればいいですか。")
