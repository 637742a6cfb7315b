"""Session 11's part rules: a list summed up before its ask (「…，这三点各自…」) and a listed topic with its own
"and"; a short English ask whose pronoun points at the sentence before it; a three-word ask right after the
partner's quoted line; and which part the situation's card answers when the
first part's own words name another card that holds with the situation."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.coach.partrank import situation_card, with_part_alone
from server.coach.parts import split_parts
from server.models import Ask
from tests.coach.test_parts8 import _candidate


def test_a_phrase_summing_up_the_list_is_no_topic_of_it() -> None:
    """「…，这三点各自…」: 「这三点」 was a third topic, and 「营销费用和结算货币」 stayed one."""
    parts, context = split_parts("我们是中方出品方，在和美方谈发行合同。保底金额、营销费用和结算货币，"
                                 "这三点各自怎么把握？", [])
    assert parts == ["保底金额", "营销费用", "结算货币"]
    assert "发行合同" in context
    parts, _ = split_parts("미국 배급사와 협상 중입니다. MG 금액, 정산 통화, 회계 감사 권한, "
                           "이 세 가지 각각 어떻게 봐야 할까요?", [])
    assert parts == ["MG 금액", "정산 통화", "회계 감사 권한"]


def test_a_listed_topic_may_hold_an_and_of_its_own() -> None:
    """"the holdbacks and windows" is one topic of three; cut at every "and" the list had four and was dropped."""
    parts, context = split_parts("We're buying a Japanese anime film for US release. Still open: the minimum "
                                 "guarantee, the holdbacks and windows, and who pays for the dub. Thoughts on each?",
                                 [])
    assert parts == ["the minimum guarantee", "the holdbacks and windows", "who pays for the dub"]
    assert context.startswith("We're buying")


MG = ("Licensing our Korean drama film to an American distributor. They're offering a $250k MG. Is that paid upfront? "
      "And what currency will the overages be reported in?")


def test_a_short_ask_whose_pronoun_points_back_takes_the_sentence_before_it() -> None:
    parts, _ = split_parts(MG, [])
    assert parts == ["They're offering a $250k MG. Is that paid upfront?",
                     "And what currency will the overages be reported in?"]
    # a Chinese 「这」 often starts a topic of its own (「为什么要这么长？」): not taken
    parts, _ = split_parts("对方律师发来八十多页的合同草案。1. 为什么要这么长？2. 我们要不要另外请美国律师？", [])
    assert parts[0] == "1. 为什么要这么长？"


def test_a_three_word_ask_after_the_partners_quoted_line_is_an_ask() -> None:
    """「거절인가요?」 ("is it a no?") is too short to stand alone by its length; after the partner's quoted words it
    asks about them, so the message asks two things."""
    message = ("미국 회사 서울 지사 직원입니다. 한국 측 피디가 '검토해 보겠습니다'라고만 하고 3주째 답이 없습니다. "
               "거절인가요? 윗선에 직접 연락해도 될까요?")
    parts, context = split_parts(message, ["검토해 보겠습니다"])
    assert parts == ["거절인가요?", "윗선에 직접 연락해도 될까요?"]
    assert "검토해 보겠습니다" in context


def test_two_japanese_asks_joined_by_noka_without_a_cue_stay_one() -> None:
    """「…誰が負担するのか、契約にどう書けばいいのか」: the second leaves its topic to the first (the FX loss), and cut
    apart it was ranked on nothing (measured: the right card lost on both such questions); with 「また」 they split."""
    message = "制作費はほとんど円です。円安になった場合の損失は誰が負担するのか、契約にどう書けばいいのか知りたいです。"
    assert len(split_parts(message, [])[0]) == 1
    parts, _ = split_parts(message.replace("のか、契約", "のか、また契約"), [])
    assert len(parts) == 2


def test_the_situations_card_goes_to_the_part_that_names_it_when_the_first_names_another_that_holds() -> None:
    """「…MG를 제시하면서 P&A 비용은 먼저 회수하겠다고 합니다. MG 금액이 적정한지는 어떻게 판단하고, 마케팅비 회수에는
    상한을 걸 수 있나요?」: the marketing-costs card tops both parts with the situation; the first part's own words name
    the MG card (0.72, under OWN_CARD) and it holds with the situation (0.78); the second's name marketing costs."""
    ranked = [[_candidate("marketing", 0.98), _candidate("mg", 0.78)],
              [_candidate("marketing", 0.98), _candidate("mg", 0.18)]]
    alone = [[_candidate("mg", 0.72), _candidate("mg-both", 0.54)], [_candidate("marketing", 0.99)]]
    parts = ["MG 금액이 적정한지는 어떻게 판단하고", "마케팅비 회수에는 상한을 걸 수 있나요?"]
    shared = situation_card(ranked, alone, parts)
    assert shared == ("marketing", 1)
    chosen = [with_part_alone(r, a, [], False, (shared[0], n == shared[1]))
              for n, (r, a) in enumerate(zip(ranked, alone, strict=True))]
    assert [c[0].card.id for c in chosen] == ["mg", "marketing"]


@pytest.mark.slow
def test_each_ask_gets_its_card_on_the_real_engine(kb_answerer: Answerer) -> None:
    draft = kb_answerer.draft(Ask(message="북미 배급사가 MG를 제시하면서 마케팅 비용은 먼저 회수하겠다고 합니다. "
                                          "MG가 적정한 수준인지는 어떻게 판단하고, 마케팅비 회수에 상한을 둘 수 "
                                          "있나요?"))
    # the MG card widened to Korea and China (seventeenth session) answers "is the MG a good number?" too
    first, second = [card.id for card in draft.plan.cards][:2]
    assert first in {"minimum-guarantee-vs-backend-asia-side", "minimum-guarantee"}
    assert second == "marketing-costs-off-the-top"
    draft = kb_answerer.draft(Ask(message="We're licensing a Korean thriller for a US theatrical release. Open points: "
                                          "the minimum guarantee, the distributor's fees and expenses, and whether we "
                                          "dub it. What should we watch for on each?"))
    assert "subtitles-or-dub-us-release" in [card.id for card in draft.plan.cards]
