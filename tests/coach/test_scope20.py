"""Near-domain traps the earlier lists missed: industry facts asked as a quiz (subscriber and viewer counts, who
scored a film, which platform has the most of something, the best show of a year), songs for a karaoke night, golf
gear, typing practice, personal savings, office software named by its task (Word, page numbers, opening a file on
Windows), barbecue and noodle places; asks where to buy something, whether there is an app or tool for it, and
which of two meeting apps is steadier. Dealings around the same words stay in scope: a partner who insists on their
own tools, who composes the theme song, where the rights are bought, a partner's e-mail run through a translator,
whether a request would be rude.
Examples are written for these tests, not taken from the labelled set."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.coach.offtopic import domain_cue, off_topic_cue, topics
from server.coach.picks import asks_to_pick
from server.models import Ask

KINDS = [
    ("How many paying subscribers does Disney+ have in Japan?", "trivia"),
    ("How many people watched the new Korean zombie series in its first week?", "trivia"),
    ("Who scored the soundtrack for Princess Mononoke?", "trivia"),
    ("Which app has the biggest anime catalogue in the US right now?", "trivia"),
    ("What's the best Japanese film of 2023?", "trivia"),
    ("ドラマの本数が一番多い配信サービスはどこですか？", "trivia"),
    ("この映画の主題歌は誰が作詞したんですか？", "trivia"),
    ("한국 드라마가 제일 많은 OTT는 어디예요?", "trivia"),
    ("哪个视频平台的韩剧最全？", "trivia"),
    ("Which Korean films did best at the box office this year?", "trivia"),
    ("Is Disney+ or Hulu better for watching Japanese anime?", "trivia"),
    ("日本で一番視聴率が高かったドラマは何ですか？", "trivia"),
    ("디즈니플러스와 넷플릭스 중에 한국에서 가입자가 더 많은 곳은?", "trivia"),
    ("Any fun Korean songs I could sing at the karaoke after the wrap party?", "leisure"),
    ("회식 끝나고 노래방에서 부를 노래 좀 추천해 주세요.", "leisure"),
    ("接待完美方去KTV，唱什么歌比较好？", "leisure"),
    ("Is there a good app for touch typing practice?", "software"),
    ("How do I put page numbers on every page except the cover in Word?", "software"),
    ("The Korean team sent a .hwp file. How do I open it on a Mac?", "software"),
    ("円が弱いうちに、外貨預金に移しておくべきですか？", "money"),
    ("달러 예금 금리가 제일 높은 은행이 어디예요?", "money"),
    ("人民币贬值，要不要把存款换成美元？", "money"),
    ("How long do I cook hot pot noodles?", "food"),
    ("The dailies I downloaded won't open in QuickTime. What do I do?", "software"),
    ("공유받은 영상 파일이 안 열리는데 코덱 문제인가요?", "software"),
    ("下载的样片文件打不开，是格式问题吗？", "software"),
    ("The Korean office sent an HWP file. Which converter should I download?", "software"),
]


@pytest.mark.parametrize(("question", "kind"), KINDS)
def test_a_new_trap_kind_is_read(question: str, kind: str) -> None:
    assert kind in topics(question)
    assert off_topic_cue(question) >= 0.5


PICKS = [
    "Where can I buy a prepaid SIM at Incheon airport?",
    "プロデューサーへの手土産の和菓子は、どこで買えますか？",
    "미국 측 대표에게 드릴 인삼은 어디서 사나요?",
    "美方导演爱喝白酒，上海哪里能买到好的茅台？",
    "英語の議事録を自動で取ってくれるアプリはありますか？",
    "有没有好用的软件能把采访录音转成英文字幕？",
    "钉钉和腾讯会议哪个在美国更流畅？",
    "Our US partner lands Friday. Which Korean BBQ place in Gangnam should we take her to?",
    "アメリカ側の監督をお連れするのに、どの焼肉屋がいいですか？",
]


@pytest.mark.parametrize("question", PICKS)
def test_asks_to_buy_or_pick_a_tool_or_venue_are_picks(question: str) -> None:
    assert asks_to_pick(question)
    assert off_topic_cue(question) >= 0.5


def test_face_and_people_do_not_discount_where_to_buy() -> None:
    """Who is involved (美方制片人) and the face at stake (面子) say nothing about a shop to find."""
    question = "美方制片人喜欢喝咖啡，北京哪里能买到送人有面子的咖啡豆？"
    assert domain_cue(question) >= 0.5
    assert off_topic_cue(question) >= 0.5


DEALINGS = [
    "The Japanese studio insists we keep the schedule in their Excel file instead of our own software. "
    "Is that worth pushing back on?",
    "Who should compose the theme song, their composer or ours, and who approves it?",
    "主题曲由谁来写，美方说了算吗？",
    "Where do we buy E&O insurance for the US release, and who pays for it?",
    "We ran the Korean partner's email through Papago and it says 'we will review it positively'. Is that a yes?",
    "翻訳アプリにかけたら、米国側のメールに「let's table this」とありました。保留という意味ですか？",
    "Our Korean partner booked a barbecue place for the wrap dinner. Do we offer to split the bill?",
]


@pytest.mark.parametrize("question", DEALINGS)
def test_dealings_around_the_same_words_are_no_trap(question: str) -> None:
    assert off_topic_cue(question) < 0.5


@pytest.mark.parametrize("question", ["Where can we buy the US remake rights to a Korean webtoon?",
                                      "日本のアニメの北米配信権はどこで買えるのですか？",
                                      "미국 리메이크 판권은 어디서 살 수 있나요?",
                                      "在哪里能买到这部小说的影视改编权？"])
def test_rights_are_acquired_not_shopped_for(question: str) -> None:
    assert not asks_to_pick(question)
    assert off_topic_cue(question) < 0.5


def test_asking_whether_it_is_rude_places_the_question_in_the_dealings() -> None:
    """Etiquette toward the other side (失礼, 무례, 不礼貌, rude) is what the coach is for; a venue asked for beside
    it is still a pick."""
    question = "韓国側が台本をHWPファイルで送ってきて開けません。形式を変えてほしいと頼むのは失礼ですか？"
    assert "software" in topics(question)
    assert off_topic_cue(question) < 0.5
    assert off_topic_cue("韓国側の監督を連れて行くのに、失礼のない焼肉屋はどこがいいですか？") >= 0.5


def test_a_partner_who_insists_places_the_question_in_the_dealings() -> None:
    assert domain_cue("Their producer insists on it. Is that worth pushing back on?") > \
        domain_cue("Their producer likes it. Is that worth a look?")


@pytest.mark.parametrize("question", [KINDS[0][0], KINDS[5][0], PICKS[3], PICKS[6], KINDS[13][0]])
def test_new_kinds_are_declined(kb_answerer: Answerer, question: str) -> None:
    assert kb_answerer.draft(Ask(message=question)).outcome == "decline"


@pytest.mark.parametrize("question", [DEALINGS[0], DEALINGS[1]])
def test_dealings_around_the_same_words_are_answered(kb_answerer: Answerer, question: str) -> None:
    assert kb_answerer.draft(Ask(message=question)).outcome != "decline"


def test_a_bare_ask_to_fix_it_is_not_discounted_by_who_is_involved() -> None:
    """「どうやって直せばいいですか」 asks to make the file work: that it came from the partner (先方, パートナー) says
    nothing about what is asked; what is dealt with (the budget) still discounts the trap."""
    tech = "パートナー企業から届いたWordの資料が、こちらのMacだと開けないそうです。どうやって直せばいいですか？"
    assert off_topic_cue(tech) >= 0.5
    assert off_topic_cue("The Japanese side sent the budget with a password in a separate e-mail. How do I fix it?") \
        < off_topic_cue("The Japanese side sent the file with a password in a separate e-mail. How do I fix it?")
