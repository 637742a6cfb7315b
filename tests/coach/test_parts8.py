"""Session 8's part rules: asks joined by 「、また」, the situation of a numbered list, "They want A, and they also
want B. … each?", a short part that points back, and which part the situation's own card answers."""

from __future__ import annotations

import numpy as np
import pytest

from server.coach.answer import Answerer
from server.coach.partrank import names_no_topic, part_heading, situation_card, with_part_alone
from server.coach.parts import split_parts
from server.coach.rank import Candidate
from server.models import Ask, Card, Culture, Hit, Perspective


def test_mata_joins_two_asks_inside_one_sentence() -> None:
    parts, context = split_parts("米国の制作会社で働いています。日本の製作委員会と組むとき、誰が最終的に決めるのか、"
                                 "また稟議にはどのくらい時間がかかるのか、上司に説明したいです。", [])
    assert parts[0] == "日本の製作委員会と組むとき、誰が最終的に決めるのか"
    assert parts[1].startswith("稟議にはどのくらい時間がかかるのか")
    assert context == "米国の制作会社で働いています。"


def test_a_numbered_lists_situation_is_everything_before_its_first_item() -> None:
    """「…사려고 합니다. 1) …」: the sentence that holds the first item starts with situation."""
    parts, context = split_parts("저희는 LA 제작사입니다. 한국 드라마 리메이크 판권을 사려고 합니다. "
                                 "1) 원작 웹툰 작가 동의도 받아야 하나요? "
                                 "2) 방송사와 제작사 중 누구와 계약해야 하나요?", [])
    assert len(parts) == 2 and "리메이크 판권" in context and "웹툰" not in context


def test_a_numbered_list_leaves_out_what_sums_it_up() -> None:
    parts, _ = split_parts("LAのプロデューサーと契約を詰めています。①準拠法と仲裁地はどこにすべきか、"
                           "②撮影が遅れた場合の追加費用は誰が負担するのか、の二点を相談したいです。", [])
    assert parts == ["①準拠法と仲裁地はどこにすべきか", "②撮影が遅れた場合の追加費用は誰が負担するのか"]


@pytest.mark.parametrize(("message", "parts", "context"), [
    ("Our Chinese co-producer wants disputes to go to a Hong Kong court, and they also want our share paid in RMB "
     "inside China. How should we respond to each?",
     ["Our Chinese co-producer wants disputes to go to a Hong Kong court",
      "they also want our share paid in RMB inside China"], ""),
    ("我们是中方出品方。美方要求审计我们的票房数据，另外还要求分账按美元结算。分别该怎么回应？",
     ["美方要求审计我们的票房数据", "还要求分账按美元结算"], "我们是中方出品方。"),
])
def test_the_wants_a_following_each_refers_to_are_the_asks_and_leave_the_situation(
        message: str, parts: list[str], context: str) -> None:
    """Each part is retrieved with the situation: the sentence of both wants would give each part the other's
    topic too."""
    assert split_parts(message, []) == (parts, context)


def test_a_lists_source_and_a_leading_and_are_no_items() -> None:
    parts, _ = split_parts("アメリカのパートナーから、完成保証を付けること、それとMFN条項を入れることを"
                           "求められています。それぞれどう考えればいいでしょうか。", [])
    assert parts == ["完成保証を付けること", "MFN条項"]


@pytest.mark.parametrize(("part", "topicless"), [
    ("Is that normal for a committee", True),
    ("왜 그런 건가요?", True),
    ("これはアメリカでは普通なのでしょうか。", True),
    ("这正常吗？", True),
    ("how do we raise it without a fight?", False),  # "raise … without a fight" is an ask of its own
    ("Should I read that as a no?", False),
    ("Who pays for the standby days?", False),  # names its topic
    ("How serious is this?", True),
    ("how do we answer?", True),
    ("どう返事すればいいですか？", True),
    ("어떻게 대응해야 하나요?", True),
    ("我们该怎么回应？", True),
    ("How do we answer their lawyer about the delivery clause?", False),  # names what it answers
    ("How do we answer in writing without admitting fault?", False),
])
def test_a_short_part_that_points_back_and_only_asks_if_it_is_usual_names_no_topic(part: str,
                                                                                   topicless: bool) -> None:
    assert names_no_topic(part) is topicless


def _candidate(card_id: str, probability: float) -> Candidate:
    card = Card(id=card_id, title=card_id, topics=["finance"], cultures=[Culture.ANY], perspective=Perspective.BOTH,
                triggers=["t"], summary="s", sources=["https://example.org"], sections={})
    hit = Hit(card_id=card_id, title=card_id, passage="", passage_kind="summary", score=0.03, dense_score=0.5,
              topics=card.topics, cultures=["any"], perspective="both")
    return Candidate(card, hit, np.zeros(1), probability)


def test_the_situations_card_answers_the_part_whose_own_words_rank_it() -> None:
    """「촬영 허가가 늦어져서 스태프가 대기 중입니다. 미국 측에 어떻게 알려야 할까요? 대기 비용은 누가
    부담하나요?」: the permit card tops both parts with the situation, but the first part's own words name the
    reporting card."""
    ranked = [[_candidate("permit", 0.99), _candidate("report", 0.46)],
              [_candidate("permit", 1.0), _candidate("other", 0.03)]]
    alone = [[_candidate("report", 0.99)], [_candidate("permit", 0.99)]]
    parts = ["미국 측에 어떻게 알려야 할까요?", "대기 비용은 누가 부담하나요?"]
    shared = situation_card(ranked, alone, parts)
    assert shared == ("permit", 1)
    chosen = [with_part_alone(r, a, [], False, (shared[0], n == shared[1]))
              for n, (r, a) in enumerate(zip(ranked, alone, strict=True))]
    assert [c[0].card.id for c in chosen] == ["report", "permit"]


def test_a_situation_that_only_says_who_asks_has_a_card_that_answers_no_part() -> None:
    """「서울에서 6개월 일하게 된 미국 프로듀서입니다. 회식이랑 서열 문제, 각각…」."""
    ranked = [[_candidate("months-in-seoul", 0.80), _candidate("hoesik", 0.59)],
              [_candidate("months-in-seoul", 0.88), _candidate("hierarchy", 0.62)]]
    alone = [[_candidate("hoesik", 0.96)], [_candidate("hierarchy", 0.93)]]
    shared = situation_card(ranked, alone, ["회식", "나이에 따른 서열 문제"])
    assert shared == ("months-in-seoul", None)
    chosen = [with_part_alone(r, a, [], False, (shared[0], n == shared[1]))
              for n, (r, a) in enumerate(zip(ranked, alone, strict=True))]
    assert [c[0].card.id for c in chosen] == ["hoesik", "hierarchy"]


def test_the_first_part_keeps_the_situations_card_when_it_points_back_or_names_no_other_card() -> None:
    ranked = [[_candidate("georgia", 0.97), _candidate("cashflow", 0.3)],
              [_candidate("georgia", 0.98), _candidate("payments", 0.6)]]
    alone = [[_candidate("cashflow", 0.94)], [_candidate("payments", 0.96)]]
    assert situation_card(ranked, alone, ["①这对预算和补贴有什么影响", "②外汇怎么汇出去"]) == ("georgia", 0)
    weak = [[_candidate("interpreting", 0.14)], [_candidate("payments", 0.96)]]  # "What's the meeting for"
    assert situation_card(ranked, weak, ["What's the meeting for", "do we bring gifts?"]) == ("georgia", 0)


HOESIK = ("서울에서 반년 동안 현지 제작팀과 일하게 된 미국 프로듀서입니다. 회식이랑 나이에 따른 서열 문제, 각각 어떻게 "
          "대처하면 좋을까요?")


@pytest.mark.slow
def test_a_situation_that_says_who_asks_leaves_each_listed_topic_its_own_card(kb_answerer: Answerer) -> None:
    """Real model and index: the producer-in-Seoul card tops both parts with the situation, and answers neither."""
    cited = [c.id for c in kb_answerer.draft(Ask(message=HOESIK)).cards]
    assert cited == ["hoesik-relationship-building", "korean-hierarchy-age"]


@pytest.mark.slow
@pytest.mark.xfail(reason="after the 23rd session's lambdarank retrain the aspect-ratio part is answered from "
                   "splitting-the-shoot-across-countries without the closest-guidance note: the calibrated lambdarank "
                   "scores are overconfident on new questions (held-aside ECE 0.10 -> 0.19)", strict=False)
def test_a_part_with_no_card_that_fits_it_says_its_card_is_the_closest(kb_answerer: Answerer) -> None:
    """Which aspect ratio to shoot in is a camera choice no card covers (the premiere party of the first version of
    this test is now the festival-premiere card's: who pays for the festival trip)."""
    opening = ("Our Korean partner's producer replied \"검토해 보겠습니다\" to our request to move the premiere. "
               "Should I read that as a no? ")
    closest = kb_answerer.labels["en"]["closest_part"]
    draft = kb_answerer.draft(Ask(message=opening + "Also, what aspect ratio should we shoot in?"))  # no card covers it
    first, second = draft.plan.sections
    assert first.card.id == "geomto-hae-bogetseumnida" and closest not in first.notes  # the decoded phrase: sure
    assert second.notes[0] == closest and closest in draft.markdown
    # who decides there has its card (with the labelled questions as neighbours, the ranker is sure of it): no note
    draft = kb_answerer.draft(Ask(message=opening + "Also, who actually decides there, the producer or the CEO?"))
    assert draft.plan.sections[1].card.id == "korean-escalation-who-decides"
    assert closest not in draft.plan.sections[1].notes


@pytest.mark.slow
def test_a_part_that_names_no_topic_is_headed_with_its_cards_title(kb_answerer: Answerer) -> None:
    message = ("Our LA partner's head of business affairs just left and the new exec wants to revisit the budget. Is "
               "this normal in Hollywood, and do we have to reopen terms we already agreed? We are a Shanghai company.")
    sections = kb_answerer.draft(Ask(message=message)).plan.sections
    assert sections[0].heading == f"Is this normal in Hollywood — {sections[0].card.title}"
    assert sections[1].heading == "Do we have to reopen terms we already agreed?"  # the part's words, capitalised


def test_a_parts_heading_is_its_own_words_capitalised_and_cut() -> None:
    assert part_heading("how do we answer?") == "How do we answer?"
    assert part_heading("最終剪辑权怎么约定") == "最終剪辑权怎么约定"
    long = "what should we ask for in return if they insist on the change after the financing closed last month"
    assert part_heading(long).endswith(" …") and part_heading(long).startswith("What should")
