"""The kind of ask a question makes (coach.ask_kind) and the ranker's `ask_fit` signal built from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from server.coach.ask_kind import CardAsks, ask_kinds
from server.coach.rank import FEATURES
from server.knowledge.cards import load_cards

KNOWLEDGE = Path(__file__).resolve().parents[2] / "knowledge"


@pytest.mark.parametrize(("question", "kind"), [
    ("Who should approve the English voice cast, us or them?", "who"),
    ("On our Japan-US feature, who has the final say on the edit?", "who"),
    ("キャラクターデザインの最終承認は、どちらの会社が持つべきでしょうか？", "who"),
    ("영화제 출품은 누가 결정하나요?", "who"),
    ("美方那边到底谁能拍板？", "who"),
    ("What share of the profits does the Korean producer usually expect?", "money"),
    ("The Japanese producers are flying in. Who normally pays their hotel?", "money"),
    ("片方最后能拿到几成？", "money"),
    ("How long will the committee take to approve a script revision?", "when"),
    ("いつまでに書類を送ればいいですか？", "when"),
    ("미국 측 법무 검토는 보통 얼마나 걸리나요?", "when"),
    ("Our US partner sent a notes memo. How do we write back?", "wording"),
    ("뭐라고 답장해야 하나요?", "wording"),
    ("我该怎么回复，才不伤合作关系？", "wording"),
    ("Is it normal for a US studio to ask to own the copyright outright?", "refuse"),
    ("再編集を求めてきました。断ってもいいのでしょうか？", "refuse"),
    ("这正常吗？我们可以拒绝吗？", "refuse"),
    ("We've sent two reminders and they still haven't replied. What next?", "still"),
    ("두 번 독촉했는데도 답이 없으면 어떻게 해야 하나요?", "still"),
    ("催了两次还是没回复，怎么办？", "still"),
])
def test_the_kind_of_ask_is_read_in_every_language(question: str, kind: str) -> None:
    assert kind in ask_kinds(question)


def test_who_pays_is_money_not_a_decision() -> None:
    assert ask_kinds("Who is supposed to cover the overage?") == {"money"}
    assert "who" not in ask_kinds("費用は誰が払うのですか？ 誰が負担？")


def test_when_as_a_conjunction_asks_no_date() -> None:
    assert "when" not in ask_kinds("Can we refuse when the distributor wants to recut our film?")
    assert ask_kinds("Tell me about the production committee.") == frozenset()


def test_of_two_cards_on_one_topic_the_one_for_the_ask_fits_it() -> None:
    """The dub cast: who approves it is voice-casting-approval's ask, not the seiyuu-or-celebrity card's."""
    cards = {c.id: c for c in load_cards(KNOWLEDGE)}
    asks = CardAsks(cards, {})
    who = ask_kinds("Who should approve the English voice cast?")
    assert asks.fit(who, "voice-casting-approval") > asks.fit(who, "seiyuu-vs-celebrity-dub-cast")
    when = ask_kinds("How long does their approval usually take?")
    assert asks.fit(when, "approval-turnaround-times") > asks.fit(when, "mapping-who-decides-japan")
    still = ask_kinds("Our US partner went silent. What if they still don't reply after another follow-up?")
    assert asks.fit(still, "us-partner-gone-quiet") > asks.fit(still, "american-fast-email-replies")
    assert asks.fit(frozenset(), "voice-casting-approval") == 0.0


def test_the_ranker_reads_the_fit_and_how_it_compares_with_the_rivals() -> None:
    assert {"ask_fit", "ask_fit_margin", "ask_fit_best", "ask_fit_rank"} <= set(FEATURES)
