"""Questions written in Japanese, Korean and Chinese, session 11: glosses that say what a term means and nothing more
(knowledge/glossary.yaml), and the asker's frame read from their own words (coach/asker_frame.py).

Examples are written for these tests (not taken from the labelled set)."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.coach.asker_frame import detect_pair, detect_side
from server.coach.glossary import Glossary
from server.models import Ask, Culture, Perspective

US, ASIA = Perspective.US_SIDE, Perspective.ASIA_SIDE


def _gloss(text: str) -> str:
    """The English words the glossary appends to `text`."""
    return Glossary.load().expand(text)[len(text):]


@pytest.mark.parametrize("message", [
    "대표님 결재가 아직 안 났다고 합니다.", "换汇要走审批，可能要几周。",
    "社内の決裁が下りるまで待ってほしいそうです。"])
def test_an_approval_is_glossed_approval_not_the_budget_cards_sign_off(message: str) -> None:
    assert "approval" in _gloss(message) and "sign-off" not in _gloss(message)


@pytest.mark.parametrize("message", [
    "先方から一週間返事がありません。", "对方一直没有回复。", "답장이 늦어지고 있어요."])
def test_a_reply_is_glossed_reply_not_an_email_follow_up(message: str) -> None:
    assert "reply" in _gloss(message) and "follow up" not in _gloss(message) and "email" not in _gloss(message)


def test_a_japanese_henshin_is_an_emails_reply_and_ringi_the_circulation() -> None:
    assert _gloss("返信はいつまでにすべきですか？") == " (email reply)"
    assert "ringi" in _gloss("稟議にはどのくらい時間がかかりますか？")


@pytest.mark.parametrize("message", [
    "계약서에 감독 교체 조항이 없어요.", "合同里没写这一条。", "契約書を確認しました。"])
def test_a_contract_is_glossed_contract_only(message: str) -> None:
    assert "contract" in _gloss(message) and "agreement" not in _gloss(message)


def test_a_korean_equity_stake_is_no_revenue_share() -> None:
    assert "equity stake" in _gloss("저희 지분이 30%입니다.") and "revenue" not in _gloss("저희 지분이 30%입니다.")


@pytest.mark.parametrize(("message", "language", "side"), [
    # what the American side should do (「…のはずです」) is not the asker saying they are it
    ("韓国の配給会社から北米の権利も欲しいと言われました。北米はアメリカ側の担当のはずですが、どう断ればいいですか？",
     "ja", ASIA),
    ("米国側の担当者として、日本の委員会とどう話せばいいですか？", "ja", US),
    # a company in a place: 「LA에 있는 제작사」, 「서울에 있는 제작사」
    ("저희는 LA에 있는 제작사인데 한국 방송사와 드라마를 만듭니다. 정산은 어떻게 하나요?", "ko", US),
    ("저희는 뉴욕에 본사를 둔 배급사인데 한국 영화 판권을 사려고 합니다.", "ko", US),
    ("저희는 서울에 있는 제작사인데 미국 스트리머가 전편 사전제작을 요구합니다.", "ko", ASIA),
    # the partner of the American side (「美方的合作伙伴」) is not the American side
    ("我们是美方的合作伙伴，美方要求按净收入分账，这样合理吗？", "zh", ASIA),
    ("我们是美国公司的合作方，他们要求审计权。", "zh", ASIA),
    ("我们是美国的发行公司，中国合作方的分成款一直没到。", "zh", US),
])
def test_the_asker_says_which_side_they_are(message: str, language: str, side: Perspective) -> None:
    assert detect_side(message, language) is side


@pytest.mark.parametrize(("message", "pair"), [
    # an American asker writing in Korean names the partner's country: Japan or China, not Korea
    ("저희는 LA에 있는 제작사인데 중국 파트너와 합작 계약을 앞두고 있습니다.", Culture.CN_US),
    ("일본 애니메이션 스튜디오와 공동제작을 준비하는 미국 회사입니다. 제작위원회는 어떻게 움직이나요?", Culture.JP_US),
    # a Korean company that names China is still the Korean side of a Korea-US deal
    ("중국 배급사와도 얘기 중인데, 미국 측이 계약서 초안을 먼저 보내왔어요.", Culture.KR_US),
    ("저희는 한국 제작사인데 중국 쪽 투자도 받으려 합니다. 미국 측 계약서는 어떻게 봐야 하나요?", Culture.KR_US),
])
def test_the_pair_an_american_asker_writing_korean_names(message: str, pair: Culture) -> None:
    assert detect_pair(message) is pair


def _ranked(answerer: Answerer, message: str) -> list[str]:
    draft = answerer.draft(Ask(message=message))
    return [c.card.id for c in draft.plan.candidates]


@pytest.mark.slow
def test_a_contract_mentioned_in_passing_leaves_room_for_the_card_on_what_is_asked(kb_answerer: Answerer) -> None:
    ranked = _ranked(kb_answerer, "저희는 한국 제작사인데, 미국 측이 주연 배우를 바꾸자고 합니다. "
                                  "계약서에는 그런 조항이 없어요. 거절할 수 있나요?")
    assert "partner-replaces-key-creative" in ranked[:3]  # before: the long-contract cards, "contract agreement"


@pytest.mark.slow
def test_an_unanswered_email_asks_about_follow_up_cadence(kb_answerer: Answerer) -> None:
    ranked = _ranked(kb_answerer, "米国の配給会社に字幕データの納期を確認するメールを送ったのに、"
                                  "もう10日返信がありません。もう一度送っても失礼になりませんか？")
    # before: why Americans want fast replies; the card on an American partner gone quiet (asia-side, session 14)
    # answers exactly this too ("one more short e-mail is not rude in US business")
    assert ranked[0] in {"email-follow-up-cadence", "us-partner-gone-quiet"}
