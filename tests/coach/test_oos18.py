"""An ask to pick a venue or a product for the asker (coach/picks.py) is a trap even when the question names the
co-production and its people: "our Korean co-producer", 美方制片, 先方 and 面子 say who is involved, not what is asked.
Dealings around the same nouns (who pays the hotel, whether an expensive dinner shows respect) are answered.
Examples are written for these tests, not taken from the labelled set."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.coach.offtopic import asks_for_task, dealing_cue, domain_cue, off_topic_cue
from server.coach.picks import asks_to_pick
from server.models import Ask

PICKS = [
    "Our Japanese co-producer is in town next week. Which sushi place in Santa Monica should I take her to?",
    "The Korean studio's producer asked me for a good app to track his expenses here, which one?",
    "アメリカ側の監督が来日中なんですが、新宿で泊まるならどのホテルがいいですか？",
    "合作の相手方プロデューサーを連れて行くので、赤坂でおすすめの天ぷら屋を教えてください。",
    "미국 파트너사 대표님이 오시는데 여의도 쪽 호텔 어디로 잡으면 좋을까요?",
    "일본 측 감독님 모시고 갈 만한 종로 한정식집 어디가 괜찮아요?",
    "美方制片人下周来深圳，带他去哪家海鲜馆比较有面子？",
    "日方合作公司的导演想买个相机，哪款适合拍vlog？",
]


@pytest.mark.parametrize("question", PICKS)
def test_a_pick_naming_the_partner_is_a_firm_trap(question: str) -> None:
    assert off_topic_cue(question) >= 0.5, (domain_cue(question), dealing_cue(question))


@pytest.mark.parametrize("question", [PICKS[1], PICKS[4], PICKS[6]])
def test_a_pick_naming_the_partner_is_declined(kb_answerer: Answerer, question: str) -> None:
    assert kb_answerer.draft(Ask(message=question)).outcome == "decline"


DEALINGS = [
    "美方制片人下周来深圳，我们请他吃海鲜是不是越贵越有面子？美国人在乎这个吗？",
    "米国側のクルーが台風でホテルに足止めされています。この待機費用はどちらが持つべきですか？",
    "미국 측 프로듀서 호텔비는 저희가 내야 하나요, 아니면 그쪽 회사가 내나요?",
    "Our Korean co-producer is flying in for the signing. Do we pay for her hotel, or does her company?",
    "We're hosting the Korean studio's team in LA. Is picking the most expensive restaurant a sign of respect?",
]


@pytest.mark.parametrize("question", DEALINGS)
def test_a_dealing_around_the_same_nouns_is_no_pick(question: str) -> None:
    assert not asks_to_pick(question)
    assert off_topic_cue(question) < 0.5


@pytest.mark.parametrize("question", DEALINGS[:3])
def test_a_dealing_around_the_same_nouns_is_answered(kb_answerer: Answerer, question: str) -> None:
    assert kb_answerer.draft(Ask(message=question)).outcome != "decline"


def test_people_words_do_not_discount_a_pick_but_dealings_do() -> None:
    question = "美方制片人来北京，带他去哪家烤鸭店比较有面子？"
    assert dealing_cue(question) == 0.0 < domain_cue(question)
    assert dealing_cue("这次的预算里，美方的酒店费用由谁出？") > 0.0


@pytest.mark.parametrize(("question", "requested"), [
    ("日方推荐了一位配乐师，但费用比预算高一倍，我们该怎么回？", False),
    ("投资方要求用他们推荐的剪辑师，我们导演不同意，怎么谈？", False),
    ("미국 측이 추천한 작곡가를 쓰자고 하는데 예산이 안 맞아요. 어떻게 거절하죠?", False),
    ("杀青宴想订个包间，上海有推荐的吗？", True),
    ("홍대 쪽 카페 추천해 주세요.", True),
])
def test_a_partners_recommendation_is_reported_not_requested(question: str, requested: bool) -> None:
    assert asks_for_task(question) is requested


@pytest.mark.parametrize(("question", "trap"), [
    ("The Tokyo office e-mails every deck as a zip, then sends its password in a second message. Why?", False),
    ("Every file from the Osaka team comes in two emails, the zip and then its password. Is that a security rule?",
     False),
    ("ソウルの制作会社から届いた添付ファイルのパスワードが別便で来ません。催促は失礼ですか？", False),
    ("How do I reset my Zoom password before tomorrow's call with the Toho team?", True),
])
def test_a_password_for_a_partners_attachment_is_a_dealing(question: str, trap: bool) -> None:
    """A password sent in a second e-mail is Japanese business practice (the ppap cards), not an IT question."""
    assert (off_topic_cue(question) >= 0.5) is trap


@pytest.mark.parametrize("question", [
    "韩国合作方的人下周来成都，帮我订两晚酒店吧。",
    "What paperwork does my husband need for a residence permit while we live in Seoul next year?",
    "도쿄 출장 가는데 일본에서도 알리페이 쓸 수 있나요?",
    "動画の字幕を焼き付けられるソフトでいいのはありますか？",
    "How do I share a Dropbox link that expires after a week?",
])
def test_personal_errands_tools_and_file_sharing_are_traps(question: str) -> None:
    """Kinds of trap the cross-validated scope model let through on the training split (a booking asked of the coach,
    a family's residence permit, a payment app, a software pick, file-sharing settings), in other words."""
    assert off_topic_cue(question) >= 0.5
