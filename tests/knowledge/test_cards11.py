"""Neighbouring cards that stole questions (session 11): each question below got a near neighbour as its first card
(the budget sign-off card for a stuck FX transfer, budget overages for a bond takeover, music rights for "who approves
what", a contract card for a director the partner wants replaced) until the right card's triggers, title and summary
said it in the asker's words. They must keep the first place on the real engine. A partner's late instalment had no
card at all; `partner-payment-late` serves it for every pair and side.
"""

from __future__ import annotations

import pytest

from server.cjk import HAN, HANGUL, KANA
from server.coach.answer import Answerer
from server.models import Ask, Card, Culture, Perspective

from ..conftest import REAL_KB

FIRST_CARD = [
    # parts9-036: 换汇要审批 is the partner's word for FX paperwork, not a budget approval
    ("作为美方制片人：中方合作伙伴说后期要在北京做，钱从美国汇过去，但他们说换汇要审批，可能要几周。这正常吗？后期到底应该怎么分？",
     "china-payments-currency-controls"),
    # lead7-002
    ("The finance head at our Beijing partner says remitting our share 'needs SAFE paperwork' and it has been two "
     "months. Is that real or a stall? What can I ask them for?", "china-payments-currency-controls"),
    # cards9-022
    ("What happens if the bond company takes over our Korean-American feature halfway through the shoot? do we lose "
     "the director?", "completion-bond-explained"),
    # en-single-071
    ("We keep arguing with the Tokyo side about who approves what (music, edits, marketing). Is there a standard way "
     "to lay this out?", "decision-rights-matrix"),
    # lead10-012, oos9-in-006, oos9-in-017
    ("저희는 한국 제작사인데, 미국 쪽이 감독을 바꾸자고 합니다. 계약서에는 감독 교체 조항이 없어요. 어떻게 대응하죠?",
     "partner-replaces-key-creative"),
    ("米国側から監督の交代を求められました。契約に定めがない場合、こちらは断れますか？",
     "partner-replaces-key-creative"),
    ("美方想换掉我们的导演，合同里没写，我们能拒绝吗？", "partner-replaces-key-creative"),
    # cards11-005, cards11-014
    ("One of our investors in Seoul assumes our series with an LA company will count as a Korean production under "
     "some treaty. Is that right? If not, where does public money come from?", "no-treaty-soft-money"),
    ("契約書に署名した後になって、米国側がMGを下げて、その分をバックエンドで払いたいと言ってきました。向こうの配給先が変わったそうです。"
     "応じる義務はありますか。", "us-partner-reopens-signed-deal"),
    # a late instalment had no card of its own (frame9b-006 got the American legal-letter card)
    ("美方第二笔制作款拖了两个月还没打过来，邮件也只说在走流程。我们是先停工，还是先发正式的催款函？",
     "partner-payment-late"),
    ("Our Korean co-producer is six weeks late on the second instalment of their contribution. How hard do we push?",
     "partner-payment-late"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("question", "card_id"), FIRST_CARD)
def test_the_right_card_beats_its_neighbour(kb_answerer: Answerer, question: str, card_id: str) -> None:
    draft = kb_answerer.draft(Ask(message=question))
    assert draft.outcome == "answer"
    assert draft.cards[0].id == card_id


def test_the_chinese_budget_sign_off_card_does_not_lead_with_the_fx_word_shenpi() -> None:
    """审批 is also what a Chinese partner calls FX paperwork (换汇要审批): the budget card's title, summary and
    triggers say 签字 and 批准 instead, so that word alone does not pull FX questions to it."""
    head = (REAL_KB / "cards" / "zh" / "budget-sign-off-authority.md").read_text(encoding="utf-8").split("---")[1]
    assert "审批" not in head


def test_is_there_a_korea_us_treaty_belongs_to_the_no_treaty_card(cards: dict[str, Card]) -> None:
    """The Korea-China treaty card is about a US company joining a Korea-China film; a Korea-US project's missing
    treaty, and its soft money, is the no-treaty card's."""
    assert "is there a Korea-US co-production treaty?" in cards["no-treaty-soft-money"].triggers
    assert not any("Korea US co-production treaty" in t or "Korea-US co-production treaty" in t
                   for t in cards["korea-china-treaty-third-country"].triggers)


def test_the_late_instalment_card_serves_every_pair_in_the_askers_languages(cards: dict[str, Card]) -> None:
    card = cards["partner-payment-late"]
    assert card.cultures == [Culture.ANY] and card.perspective is Perspective.BOTH
    assert any(KANA.search(t) for t in card.triggers) and any(HANGUL.search(t) for t in card.triggers)
    assert any(HAN.search(t) and not KANA.search(t) and not HANGUL.search(t) for t in card.triggers)
    for lang in ("ja", "ko", "zh"):
        assert (REAL_KB / "cards" / lang / "partner-payment-late.md").is_file(), f"no {lang} translation"
    # server.cjk.language_of reads Hangul in a Japanese or Chinese answer as Korean: romanised there instead
    for lang in ("ja", "zh"):
        assert not HANGUL.search((REAL_KB / "cards" / lang / "partner-payment-late.md").read_text(encoding="utf-8"))
    assert "not legal advice" in card.sections["What to do"]
