"""Word classes the glossary (knowledge/glossary.yaml) gives English words since session 10: industry money terms
(meal penalties, lump sums, the net production budget, investors, payments, assignment of all rights), a contract
already signed in Korean and Chinese, Japanese licensing (版権), and two readings that depend on who says a word:
「条件を飲む」 is accepting terms, not drinking, and 「我们是美方」 is the asker, not an American partner.

Examples are written for these tests (not taken from the labelled set)."""

from __future__ import annotations

import pytest

from server.coach.glossary import Glossary


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return Glossary.load()


@pytest.mark.parametrize(("question", "english"), [
    ("LA 촬영에서 밀 페널티가 매일 나와요.", "meal penalty"),
    ("美方说超过时间还有餐费罚款。", "meal penalty"),
    ("現場でミールペナルティが発生したと言われました。", "meal penalty"),
    ("미국 현장은 초과근무를 거의 안 한대요.", "overtime"),
    ("我们和摄制组是包干的，费用拆不开。", "lump sum"),
    ("見積もりは一式でしか出していません。", "lump sum"),
    ("순제작비가 30억인데 미국 측이 항목을 다 보자고 해요.", "net production budget"),
    ("投资方要求先回本。", "investor"),
    ("일본 쪽 투자자가 빠지겠다고 합니다.", "investor"),
    ("出資者の一社が条件を変えたいそうです。", "investor"),
    ("이미 계약했는데 조건을 바꾸자고 해요.", "already signed"),
    ("合同都签了，美方又要改。", "already signed"),
    ("米国側からの入金が二か月遅れています。", "payment"),
    ("미국 측 지급이 계속 늦어요.", "payment"),
    ("美方说制作款下个月才能打。", "payment"),
    ("著作権を全部譲ってほしいと言われました。", "own the copyright outright"),
    ("미국 스튜디오가 저작권 양도를 요구합니다.", "own the copyright outright"),
    ("版権元の出版社が首を縦に振りません。", "licensing"),
    ("制作委員会の幹事会社はどこですか。", "production committee"),
    ("추가 비용은 누가 내나요?", "additional costs"),
    ("미국 측이 잔여 제작비를 두 달째 안 보내고 있어요.", "payment"),
    ("美方拖欠尾款半年了。", "payment"),
    ("계약 위반 통지를 보내기 전에 할 일이 있나요?", "notice of breach"),
    ("先に違反通知を出すべきですか。", "notice of breach"),
    ("美方又要一个给航空公司放的删减版。", "deliverables"),
    ("미국 측이 납품물 목록에 기내판을 추가했어요.", "deliverables"),
])
def test_industry_words_have_english_words(glossary: Glossary, question: str, english: str) -> None:
    assert english in glossary.expand(question)


@pytest.mark.parametrize("question", [
    "原作の出版社としては、その条件はとても飲めません。",
    "向こうの条件を飲むしかないのでしょうか。",
    "その要求は飲めないと伝えたいです。",
])
def test_accepting_terms_is_not_drinking(glossary: Glossary, question: str) -> None:
    assert "drinking" not in glossary.expand(question)


def test_not_drinking_is_still_drinking(glossary: Glossary) -> None:
    assert "drinking" in glossary.expand("私はお酒が飲めません。会食はどうすれば？")


@pytest.mark.parametrize("question", [
    "我们是美方，中方的投资款一直汇不出来。",
    "作为美方制片人，我想知道中方谁拍板。",
    "저희는 미국 측 제작사인데 한국 파트너가 답이 없어요.",
])
def test_the_asker_naming_themselves_the_american_side_is_no_american_partner(glossary: Glossary,
                                                                              question: str) -> None:
    expanded = glossary.expand(question)
    assert "American partner" not in expanded and "US producer" in expanded


def test_the_american_side_named_by_an_asian_asker_is_still_the_american_partner(glossary: Glossary) -> None:
    assert "American partner" in glossary.expand("美方要求我们先做逐项预算。")
