"""data25: Chinese payment words mean a payment, not currency controls; milestones and instalments have their
English words (the milestone payment schedule card's), so a question on tranches is not read as one on FX."""

from __future__ import annotations

from server.coach.glossary import Glossary

FX = "foreign exchange controls"


def test_a_chinese_payment_is_a_payment_not_currency_controls() -> None:
    glossary = Glossary.load()
    for question in ("美方提出投资款分四笔付，哪些节点适合作为付款条件？", "第二笔款什么时候到账？美方一直没打款。"):
        expanded = glossary.expand(question)
        assert "payment paid transfer" in expanded
        assert FX not in expanded
    assert "partner payment is late" in glossary.expand("美方拖款两个月了")


def test_money_crossing_the_border_still_reads_as_currency_controls() -> None:
    glossary = Glossary.load()
    assert FX in glossary.expand("换汇要审批，钱汇不出去")
    assert FX in glossary.expand("付汇的材料还没备齐")


def test_milestones_and_instalments_have_their_english_words() -> None:
    glossary = Glossary.load()
    assert "milestone" in glossary.expand("美方要按里程碑分期付款")
    assert "instalments tranches" in glossary.expand("美方要按里程碑分期付款")
    assert "milestone" in glossary.expand("マイルストーンごとの分割払いを提案された")
    assert "instalments tranches" in glossary.expand("マイルストーンごとの分割払いを提案された")
