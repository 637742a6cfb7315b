"""Session 9's part rules: a short ask after the partner's reported words is an ask of its own, 「알려야 합니다」
says what the asker must do (no request), and the situation's card answers the part whose own words name it."""

from __future__ import annotations

import pytest

from server.coach.answer import Answerer
from server.coach.compose import Section
from server.coach.partrank import join_shared_asks, situation_card, with_part_alone
from server.coach.parts import names_no_topic, split_parts
from server.coach.rank import Asker
from server.coach.understand import understand
from server.models import Ask, Culture, Perspective
from tests.coach.test_parts8 import _candidate

POST = ("作为美方制片人：中方合作伙伴说后期要在北京做，钱从美国汇过去，但他们说换汇要审批，可能要几周。"
        "这正常吗？后期到底应该怎么分？")


def test_a_short_ask_after_the_partners_reported_words_is_an_ask_of_its_own() -> None:
    """「这正常吗？」 is too short to stand as a topic, and the sentence before it is the partner's (it stays the
    situation): it was dropped, and the message read as one question."""
    u = understand(POST)
    assert u.parts == ["这正常吗？", "后期到底应该怎么分？"]
    assert "换汇" in u.context


@pytest.mark.parametrize("message", [
    "撮影が遅れています。これは普通ですか？費用は誰が持つのが一般的ですか？",
    "They told us \"the schedule will move\". Is that normal? Who pays for the extra weeks?",
])
def test_a_topicless_short_ask_is_kept_beside_another(message: str) -> None:
    assert len(understand(message).parts) == 2


def test_a_short_fragment_that_asks_nothing_is_still_no_part() -> None:
    parts, _ = split_parts("Our partner wants a dub. Why? Also, who pays for the dub and who casts it?", [])
    assert "Why?" not in parts


def test_what_the_asker_must_tell_the_partner_is_situation_not_a_request() -> None:
    """「알려야 합니다」 ("we have to tell them") asks nothing; 「알려 주세요」 ("please tell me") does."""
    parts, context = split_parts("미국 쪽에 촬영이 2주 밀린다는 걸 알려야 합니다. 폭우로 로케이션 세 곳을 못 찍었어요. "
                                 "언제 말해야 하나요? 뭐라고 해야 신뢰를 안 잃을까요?", [])
    assert parts == ["언제 말해야 하나요?", "뭐라고 해야 신뢰를 안 잃을까요?"]
    assert "알려야" in context
    parts, _ = split_parts("MG가 뭔지 알려 주세요. 그리고 보통 언제 지급되나요?", [])
    assert len(parts) == 2


COMPOSER = ("Our Japanese co-producer just told us the composer they attached has pulled out, and they want to swap "
            "in someone from their own music label without asking us. Can they do that? And what should the contract "
            "have said?")


def test_a_long_line_reported_in_the_askers_words_stays_the_situation() -> None:
    """"told us the composer … has pulled out, and they want to swap in …": the asker's account is the topic both
    asks leave out; only a quoted or pasted long text is "…"."""
    u = understand(COMPOSER)
    assert u.parts == ["Can they do that?", "And what should the contract have said?"]
    assert "music label" in u.context and "…" not in u.context
    quoted = understand('They wrote: "We have received your notes on the character designs and will use them as a '
                        'reference when we revise the sheets for the next episodes of the series." Is this a no? '
                        'And who approves the sheets?')
    assert quoted.parts[0] == 'They wrote: "…" Is this a no?'


@pytest.mark.parametrize(("part", "topicless"), [
    ("这是美国人的习惯吗？", True),
    ("これはアメリカの習慣ですか？", True),
    ("Is that an American habit?", True),
    ("이걸로 부족할까요?", True),  # is it enough: a judgement of what the situation says
    ("これで足りますか？", True),
    ("这样够吗？", True),
    ("Is one interpreter enough for a six-week shoot?", False),  # names what it judges
    ("这是美国人谈合同的习惯，我们要不要也带律师？", False),  # asks something of its own
])
def test_asking_whether_it_is_their_habit_or_enough_names_no_topic(part: str, topicless: bool) -> None:
    assert names_no_topic(part) is topicless


def test_the_situations_card_answers_the_part_whose_own_words_name_it_even_if_the_first_points_back() -> None:
    """「…对方说挂名联合出品就行。这样能拿到合拍片待遇吗？怎么判断对方靠不靠谱？」: the partner-vetting card tops both
    parts with the situation; the first part points back (「这样」) but its own words name the approval card, and the
    second part's own words name the vetting card: the vetting card is the second part's, the first keeps its own."""
    ranked = [[_candidate("vetting", 0.82), _candidate("approval", 0.60)],
              [_candidate("vetting", 0.94), _candidate("other", 0.05)]]
    alone = [[_candidate("approval", 0.95), _candidate("token", 0.82)], [_candidate("vetting", 0.95)]]
    parts = ["这样能拿到合拍片待遇吗？", "怎么判断对方靠不靠谱？"]
    shared = situation_card(ranked, alone, parts)
    assert shared == ("vetting", 1)
    chosen = [with_part_alone(r, a, [], False, (shared[0], n == shared[1]))
              for n, (r, a) in enumerate(zip(ranked, alone, strict=True))]
    assert [c[0].card.id for c in chosen] == ["approval", "vetting"]


def test_the_first_part_keeps_the_situations_card_when_its_own_card_fades_with_the_situation() -> None:
    """「完成保証を求められています。①その費用はどちらが負担するのか、②保証会社が制作に口を出してくるのか」: alone,
    「その費用」 reads as budget overages, but with the situation it is the bond's cost: the bond card stays the
    first's."""
    ranked = [[_candidate("bond", 0.96), _candidate("overages", 0.16)], [_candidate("bond", 0.98)]]
    alone = [[_candidate("overages", 0.91)], [_candidate("bond", 0.99)]]
    assert situation_card(ranked, alone, ["①その費用はどちらが負担するのか", "②保証会社が制作に口を出すのか"]) \
        == ("bond", 0)


def test_a_topicless_part_does_not_take_the_situations_card_from_the_first() -> None:
    """"How serious is this?" ranked alone is its ranking with the situation: that is no naming of its own."""
    ranked = [[_candidate("letter", 0.95), _candidate("slip", 0.5)], [_candidate("letter", 0.96)]]
    alone = [[_candidate("reply", 0.3)], ranked[1]]
    assert situation_card(ranked, alone, ["What do we send back to their counsel?", "How serious is this?"]) \
        == ("letter", 0)


def _section(card_id: str, heading: str) -> Section:
    return Section(card=_candidate(card_id, 1.0).card, heading=heading, short="s", steps=["a step"])


ASKER = Asker(Culture.JP_US, Perspective.ASIA_SIDE, frozenset())


def test_a_later_ask_whose_best_card_answers_an_earlier_one_is_answered_there() -> None:
    """"How serious is this?" took the lawyer's-letter card; "How do we answer?" had no card left: the section's
    heading names both asks."""
    sections = [_section("letter", "How serious is this — Lawyer's letters")]
    chosen = [[_candidate("letter", 0.97)], [_candidate("letter", 0.95), _candidate("clause", 0.2)]]
    join_shared_asks(sections, ["How serious is this?", "How do we answer?"], chosen, ASKER, set(), 0.5)
    assert [s.heading for s in sections] == ["How serious is this / How do we answer? — Lawyer's letters"]


def test_a_weak_section_of_the_later_ask_stays() -> None:
    """Under the answer cut-off, the later part's own card is often still right ("What does 'zenrei ga nai' mean?"
    beside 'kentou shimasu'): it is not folded into the earlier section."""
    sections = [_section("kentou", "Is 'kentou shimasu' a no?"), _section("zenrei", "What does 'zenrei ga nai' mean?")]
    chosen = [[_candidate("kentou", 0.97)], [_candidate("kentou", 0.6), _candidate("zenrei", 0.2)]]
    join_shared_asks(sections, ["Is 'kentou shimasu' a no?", "What does 'zenrei ga nai' mean?"], chosen, ASKER,
                     set(), 0.5)
    assert [s.card.id for s in sections] == ["kentou", "zenrei"]


def test_a_later_ask_with_a_strong_card_of_its_own_keeps_its_section() -> None:
    sections = [_section("letter", "How serious is this"), _section("clause", "What should the clause say?")]
    chosen = [[_candidate("letter", 0.97)], [_candidate("letter", 0.9), _candidate("clause", 0.8)]]
    join_shared_asks(sections, ["How serious is this?", "What should the clause say?"], chosen, ASKER, set(), 0.5)
    assert [s.card.id for s in sections] == ["letter", "clause"]
    off = [_section("letter", "How serious is this")]
    join_shared_asks(off, ["How serious is this?", "which sushi place near the office?"],
                     [[_candidate("letter", 0.97)], [_candidate("letter", 0.3)]], ASKER, {1}, 0.5)
    assert off[0].heading == "How serious is this"  # an off-topic part is answered by nothing
    weak = [_section("budget", "Why do they need that")]
    join_shared_asks(weak, ["Why do they need that", "which sushi restaurant in Ginza should we take them to?"],
                     [[_candidate("budget", 0.97)], [_candidate("budget", 0.3)]], ASKER, set(), 0.5)
    assert weak[0].heading == "Why do they need that"  # its best card is too weak to be its answer


LETTER = ("We're the Japanese studio. We missed a milestone payment by ten days because of a bank transfer problem, "
          "and the US side's outside counsel sent a letter 'reserving all rights' and giving formal notice of breach. "
          "How serious is this? How do we answer?")


@pytest.mark.slow
def test_two_asks_answered_by_one_card_are_both_named(kb_answerer: Answerer) -> None:
    draft = kb_answerer.draft(Ask(message=LETTER))
    assert [c.id for c in draft.cards] == ["american-lawyer-letter-escalation"]
    assert "How serious is this / How do we answer?" in draft.markdown


TOKEN = ("我们是美国公司，想找一家中国公司合拍。对方说挂名联合出品就行，不需要真正参与创作。这样能拿到合拍片待遇吗？"
         "怎么判断对方靠不靠谱？")


@pytest.mark.slow
def test_each_part_gets_its_own_card_when_the_situations_card_belongs_to_the_second(kb_answerer: Answerer) -> None:
    cited = [c.id for c in kb_answerer.draft(Ask(message=TOKEN)).cards]
    assert "choosing-a-chinese-partner" in cited
    assert {"cfcc-coproduction-approval", "china-real-vs-token-coproduction"} & set(cited)
