"""Near-domain traps of kinds the earlier word lists missed: documents and office software (PDFs, calendars,
slides), camera gear and its specs, health on a trip, border and customs, cards and fees, printing, festival
tickets and passes, chart and company trivia, flying itself, texts written for the asker, and a translation whose
quoted material names the partnership. Dealings around the same nouns (the partner's file-sharing habit, who pays a
visit, a holiday the partner should know of) are answered. Examples are written for these tests, not taken from
the labelled set."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.coach.offtopic import asks_for_task, domain_cue, off_topic_cue, topics
from server.coach.picks import asks_to_pick
from server.models import Ask

KINDS = [
    ("How do I compress a 200 MB PDF so I can upload it?", "software"),
    ("Outlookで署名を設定する方法を教えてください。", "software"),
    ("포토샵에서 레이어를 한꺼번에 바꾸는 방법이 있나요?", "software"),
    ("剪映怎么批量加字幕？", "software"),
    ("Is a DJI Ronin strong enough for a Sony Venice 2 with a zoom lens?", "camera"),
    ("夜の撮影用にジンバルと三脚を買い替えたいのですが、何が軽いですか？", "camera"),
    ("Which vaccinations do I need before flying to Yunnan?", "personal"),
    ("ソウル出張中に歯が痛くなったら、日本語が通じる歯医者はありますか？", "personal"),
    ("出差去东京，常用药可以带多少？", "personal"),
    ("미국 입국 심사 때 방문 목적은 뭐라고 말해야 하나요?", "paperwork"),
    ("My Amex got declined twice in Shanghai. Is Mastercard more widely accepted there?", "money"),
    ("Where can I get flyers printed overnight in Busan?", "errands"),
    ("도쿄국제영화제 티켓 예매는 언제부터예요?", "festival"),
    ("东京电影节的展映票怎么抢票？", "festival"),
    ("새로 나온 한국 좀비 드라마는 몇 부작이에요?", "trivia"),
    ("넷플릭스에서 요즘 가장 많이 본 한국 드라마가 뭐예요?", "trivia"),
    ("Can I bring a power bank in my carry-on from Incheon to LAX?", "travel"),
    ("Write a press release about our new animation studio in Osaka.", "writing"),
]


@pytest.mark.parametrize(("question", "kind"), KINDS)
def test_a_new_trap_kind_is_read(question: str, kind: str) -> None:
    assert kind in topics(question)
    assert off_topic_cue(question) >= 0.5


PICKS = [
    "Where in Seoul can I rent camera gear for a two-day shoot?",
    "회의 녹음을 한국어로 받아 적어 주는 앱 중에 무료인 거 있나요?",
    "上海哪里租器材比较便宜？",
    "有没有能自动把会议录音转成文字的软件？",
    "明洞あたりで安くて清潔なホテルはありますか？",
    "명동 근처에 싸고 깨끗한 호텔 있나요?",
    "上海外滩附近有便宜干净的酒店吗？",
    "Is there a cheap, clean hotel near Myeongdong?",
]


@pytest.mark.parametrize("question", PICKS)
def test_asks_to_rent_or_find_a_tool_are_picks(question: str) -> None:
    assert asks_to_pick(question)


def test_a_domain_word_beside_one_trap_word_still_discounts_it() -> None:
    """Left as it is: "shoot" or "episodes" in the asked clause make a single trap word weaker evidence."""
    assert 0.0 < off_topic_cue("Which vaccinations do I need for a shoot in rural Yunnan?") < 0.5


def test_quoted_material_of_a_task_does_not_discount_it() -> None:
    question = "Translate 'our partnership with your studio means a great deal to us' into formal Japanese."
    assert asks_for_task(question)
    assert off_topic_cue(question) >= 0.5


@pytest.mark.parametrize("question", [PICKS[0], PICKS[2], KINDS[12][0], KINDS[16][0]])
def test_new_kinds_are_declined(kb_answerer: Answerer, question: str) -> None:
    assert kb_answerer.draft(Ask(message=question)).outcome == "decline"


DEALINGS = [
    "Our Japanese partner keeps sending password-protected PDFs with the password in a second email. "
    "How do I suggest a shared folder without offending them?",
    "The Korean co-producer wants us to pay for her team's flights to LA for the mix. Is that normal?",
    "美方要求我们国庆期间也交片，怎么跟他们解释假期安排？",
    "미국 측이 카카오톡 대신 이메일로만 결정 사항을 보내 달라고 합니다. 왜 그런가요?",
    "Is there a standard hotel cap for per diems when the Japanese team visits us?",
]


@pytest.mark.parametrize("question", DEALINGS)
def test_dealings_around_the_same_nouns_are_no_trap(question: str) -> None:
    assert off_topic_cue(question) < 0.5


@pytest.mark.parametrize("question", DEALINGS[:2])
def test_dealings_around_the_same_nouns_are_answered(kb_answerer: Answerer, question: str) -> None:
    assert kb_answerer.draft(Ask(message=question)).outcome != "decline"


HOSTED = [
    "미국 파트너분들을 고깃집 회식에 모셨는데 한 시간 만에 호텔로 돌아갔어요. 저희가 실례한 걸까요?",
    "アメリカ側の監督を会食で焼肉屋に連れて行ったら、すぐホテルに帰ってしまいました。失礼があったのでしょうか？",
    "饭局上美方一直聊预算，我们在餐厅里很尴尬，下次怎么应对？",
]


@pytest.mark.parametrize("question", HOSTED)
def test_a_hosted_dinner_places_the_question_in_the_dealings(question: str) -> None:
    assert domain_cue(question) > domain_cue(question.replace("회식", "식사").replace("会食", "食事")
                                              .replace("饭局", "吃饭"))
    assert off_topic_cue(question) < 0.5


@pytest.mark.parametrize("question", ["회식 장소로 강남에 괜찮은 고깃집 있을까요?", "美方饭局定在哪家餐厅比较好？"])
def test_a_venue_for_the_hosted_dinner_is_still_a_pick(question: str) -> None:
    assert asks_to_pick(question)
    assert off_topic_cue(question) >= 0.5


@pytest.mark.parametrize("question", ["Any good books on screenwriting for a beginner?",
                                      "What capital gains tax would I owe if I sell my shares in the company?",
                                      "시나리오 입문서 중에 초보자한테 좋은 거 있을까요?"])
def test_learning_and_personal_investment_asks_are_traps(question: str) -> None:
    assert off_topic_cue(question) >= 0.5
