"""Topics listed without "each" and asks joined in ways real users write them (parts.split_parts, real morphological
analysers for the Japanese clause cuts), and the per-part candidate choice of coach/partrank.py on hand-built
candidates (the ranker's probabilities are inputs there, so no model is needed)."""

from __future__ import annotations

import numpy as np
import pytest

from server.coach.partrank import in_frame_first, situation_card, with_part_alone
from server.coach.parts import split_parts
from server.coach.rank import Asker, Candidate
from server.coach.understand import understand
from server.models import Card, Culture, Hit, Perspective


@pytest.mark.parametrize(("message", "parts"), [
    ("Drafting the long form with our Japanese co-producer. Still open: governing law, the currency clause and who "
     "has final cut. Any advice?", ["governing law", "the currency clause", "who has final cut"]),
    ("Going into the term sheet with a Chinese studio next week. What about IP ownership, the arbitration seat and "
     "the revenue audit?", ["IP ownership", "the arbitration seat", "the revenue audit"]),
    ("米国のプロデューサーと劇場アニメの契約を詰めています。バックエンド、MFN、ネットプロフィットについて教えてください。",
     ["バックエンド", "MFN", "ネットプロフィット"]),
    ("米国側との共同製作契約で、準拠法と仲裁地、それから為替条項で揉めています。どう考えればいいでしょうか。",
     ["準拠法と仲裁地", "為替条項"]),
    ("미국 파트너가 보낸 텀시트에서 수익 배분, 최종 편집권, 준거법이 걸립니다. 어떻게 봐야 할까요?",
     ["수익 배분", "최종 편집권", "준거법"]),
    ("美方发来的发行方案里，保底、营销费用和汇率我们都拿不准，请问怎么看？", ["保底", "营销费用", "汇率"]),
])
def test_topics_listed_with_an_ask_that_names_no_topic_are_the_asks(message: str, parts: list[str]) -> None:
    assert split_parts(message, [])[0] == parts


@pytest.mark.parametrize("message", [
    "We are a Beijing production company, the US side says we must front the overrun, the contract is unclear. "
    "What should we do?",
    "我们是北京的制片公司，美方说预算超支的部分要我们先垫付，合同里没写清楚。怎么办？",
    "저희는 서울 제작사인데, 미국 측이 초과 비용을 먼저 내라고 합니다, 계약서엔 없어요. 어떻게 해야 하나요?",
    "美方一直催我们先把合同签了，细节以后再见面谈。我们习惯先见面、把关系建立起来。该怎么处理？",
])
def test_clauses_that_tell_the_situation_before_what_should_we_do_are_one_question(message: str) -> None:
    """Who I am and what happened, clause by clause, then one generic ask: one question, not a heading for "we are
    a Beijing production company" (Korean clause endings read by Kiwi)."""
    assert split_parts(message, [])[0] == [message]


@pytest.mark.parametrize("message", [
    "Which currency and which rate date should they use for the MG?",
    "Can we get the KOFIC incentive, the regional rebate and the Busan film fund on the same shoot?",
    "We are talking to Toho, Kadokawa and Aniplex about the committee. Which of them should lead it?",
    "美方要求的保底、营销费用和汇率条款，哪一个最该先谈？",
])
def test_a_list_inside_an_ask_that_names_its_own_topic_stays_one_question(message: str) -> None:
    parts, _ = split_parts(message, [])
    assert parts == [message]


def test_and_also_followed_by_a_comma_joins_two_asks() -> None:
    parts, context = split_parts("We're in talks with a Shanghai studio. How does CFCC approval work, and also, how "
                                 "will we get our share of the box office out of China?", [])
    assert parts == ["How does CFCC approval work",
                     "how will we get our share of the box office out of China?"]
    assert context == "We're in talks with a Shanghai studio."


def test_asks_each_with_its_own_question_word_are_cut_at_the_comma() -> None:
    parts, _ = split_parts("The showrunner keeps rewriting scripts. Why the rewrites, why no overtime and how much "
                           "do test screenings matter?", [])
    assert parts == ["Why the rewrites", "why no overtime", "how much do test screenings matter?"]
    whole = "Who, when and how should we tell the committee?"
    assert split_parts(whole, [])[0] == [whole]


def test_a_too_short_ask_takes_the_sentence_that_names_its_topic() -> None:
    parts, _ = split_parts("미국 측 파트너가 모든 걸 이메일로 남기길 원합니다. 왜 그런가요? "
                           "또 회의 때 저희 대표님께도 이름을 그냥 부르는데 괜찮은 건가요?", [])
    assert parts == ["미국 측 파트너가 모든 걸 이메일로 남기길 원합니다. 왜 그런가요?",
                     "또 회의 때 저희 대표님께도 이름을 그냥 부르는데 괜찮은 건가요?"]


@pytest.mark.parametrize(("message", "first"), [
    ("美方在会上当着我们团队的面直接批评剪辑，大家都很不舒服。怎么回应比较好？另外他们在饭桌上也一直谈预算，这正常吗？",
     "美方在会上当着我们团队的面直接批评剪辑，大家都很不舒服。 怎么回应比较好？"),
    ("Their head of business affairs sent a lawyer's letter about the late delivery. How should we respond? And who "
     "pays the lawyers?", "Their head of business affairs sent a lawyer's letter about the late delivery. How should "
     "we respond?"),
])
def test_an_ask_that_is_only_its_frame_takes_the_sentence_that_names_its_topic(message: str, first: str) -> None:
    parts, _ = split_parts(message, [])
    assert len(parts) == 2 and parts[0] == first


def test_an_ask_that_names_its_topic_stays_apart_from_the_situation() -> None:
    """The existing rule: "Can they do that?" is its own part; the situation is retrieved with it, not inside it."""
    parts, context = split_parts("Now the Korean co-producer wants to change the split. How should we respond to "
                                 "the new split? And who decides on their side?", [])
    assert parts[0] == "How should we respond to the new split?"
    assert context == "Now the Korean co-producer wants to change the split."


def _candidate(card_id: str, probability: float, perspective: Perspective = Perspective.BOTH,
               cultures: tuple[Culture, ...] = (Culture.ANY,)) -> Candidate:
    card = Card(id=card_id, title=card_id, topics=["finance"], cultures=list(cultures), perspective=perspective,
                triggers=["t"], summary="s", sources=["https://example.org"], sections={})
    hit = Hit(card_id=card_id, title=card_id, passage="", passage_kind="summary", score=0.03, dense_score=0.5,
              topics=card.topics, cultures=[c.value for c in cultures], perspective=perspective.value)
    return Candidate(card, hit, np.zeros(1), probability)


def test_the_situations_card_answers_the_first_part_and_counts_only_alone_in_the_others() -> None:
    """「美方要求在佐治亚州拍。①补贴 ②外汇 ③后期」: the Georgia card tops every part ranked with the situation."""
    ranked = [[_candidate("georgia", 0.97), _candidate("cashflow", 0.3)],
              [_candidate("georgia", 0.98), _candidate("payments", 0.6)],
              [_candidate("georgia", 0.99), _candidate("post", 0.05)]]
    alone = [[_candidate("cashflow", 0.94)], [_candidate("payments", 0.96)], [_candidate("post", 0.85)]]
    parts = ["①这对预算和补贴有什么影响", "②拍摄费用的外汇怎么汇出去", "③后期放在哪边做比较好"]
    shared = situation_card(ranked, alone, parts)
    assert shared == ("georgia", 0)  # the first part points back at the situation (这)
    chosen = [with_part_alone(r, a, [], False, (shared[0], n == shared[1]))
              for n, (r, a) in enumerate(zip(ranked, alone, strict=True))]
    assert [c[0].card.id for c in chosen] == ["georgia", "payments", "post"]
    assert with_part_alone(ranked[2], alone[2], [], False)[0].card.id == "georgia"  # the plain mean: the situation's
    assert situation_card([ranked[0], [_candidate("payments", 0.9)]], alone[:2], parts[:2]) is None  # tops differ
    assert situation_card(ranked[:1], alone[:1], parts[:1]) is None  # one part: no situation apart from it
    assert situation_card([ranked[0], [_candidate("georgia", 0.1)]], alone[:2], parts[:2]) is None  # a weak top


def test_a_card_for_the_askers_side_comes_before_its_both_sided_counterpart() -> None:
    both = _candidate("mg-vs-backend", 0.99)
    own = _candidate("mg-vs-backend-asia-side", 0.92, Perspective.ASIA_SIDE)
    other = _candidate("marketing", 0.5)
    first, _ = in_frame_first([both, own, other], Asker(Culture.KR_US, Perspective.ASIA_SIDE))
    assert [c.card.id for c in first] == ["mg-vs-backend-asia-side", "mg-vs-backend", "marketing"]
    first, _ = in_frame_first([both, own, other], Asker(Culture.KR_US, None))  # side unknown: as ranked
    assert [c.card.id for c in first] == ["mg-vs-backend", "mg-vs-backend-asia-side", "marketing"]
    shorter = _candidate("mg", 0.99)  # `mg-vs-backend-asia-side` is no counterpart of `mg`, a card of its own
    first, _ = in_frame_first([shorter, own], Asker(Culture.KR_US, Perspective.ASIA_SIDE))
    assert [c.card.id for c in first] == ["mg", "mg-vs-backend-asia-side"]


@pytest.mark.parametrize(("message", "count"), [
    ("Our Korean co-producer's team calls each other 'sunbae' and I never know how I should address their CEO. Also "
     "they've invited us to a team dinner on Friday - do I have to drink?", 2),
    ("社長をどう呼べばいいか分からないです。あと、飲み会では飲まないといけませんか？", 2),
    ("대표님을 어떻게 불러야 할지 모르겠어요. 그리고 회식에서 꼭 술을 마셔야 하나요?", 2),
    ("不知道该怎么称呼对方的董事长。另外，饭局上一定要喝酒吗？", 2),
    ("We don't know yet if they will approve. Should we wait?", 1),  # a fact about them, not an ask of the asker's
])
def test_an_ask_put_as_what_the_asker_does_not_know_is_an_ask(message: str, count: int) -> None:
    assert len(split_parts(message, [])[0]) == count


def test_clauses_that_go_on_are_one_situation_not_a_list_of_topics() -> None:
    message = ("うちは制作会社で、幹事会社は別の出版社です。米国のパートナーが直接うちに連絡してきて、"
               "委員会を通さずに条件を決めようとしています。どう対応すべきですか。")
    assert len(understand(message).parts) == 1
    listed = "準拠法と、源泉徴収税の扱い、為替の条項で揉めています。それぞれどう考えればいいですか。"
    assert len(understand(listed).parts) == 3  # topics listed, then what the asker does about them
