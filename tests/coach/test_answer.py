"""The answer engine on the real knowledge base: composition, grounding, scope, follow-ups, decoding, pairs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from server.coach.answer import Answerer
from server.coach.compose import build_section, load_labels, prompt_environment
from server.coach.followup import is_followup
from server.coach.understand import detect_pair, understand
from server.models import Answer, Ask, Card, Culture, Language, Perspective, Turn
from server.search.retrieval import Retriever
from server.settings import PROJECT_ROOT
from server.store.conversations import ConversationStore
from tests.conftest import CACHE

ENGLISH = {"words": load_labels(prompt_environment(Path("prompts")))["en"], "lang": Language.EN}
SECTIONS = ["**Short answer:**", "### What to do", "### What to say", "**Sources:**"]


def _card_text(card: Card) -> str:
    phrases = [f"{p.signal} {p.response} {p.literal} {p.romanization}" for p in card.phrases]
    return re.sub(r"\s+", " ", " ".join([card.summary, *card.sections.values(), *phrases]))


def _claims(markdown: str) -> list[str]:
    """Every sentence-bearing line of an answer, stripped of list markers and our own labels."""
    out = []
    for line in markdown.splitlines():
        line = line.strip()
        if not line or line.startswith(("#", "**Sources:**")) or re.fullmatch(r"\*[^*].*\*", line):
            continue  # headings, sources and our own one-line frame notes
        line = re.sub(r"^(\d+\.|-)\s+", "", line).replace("*How to respond:* ", "")
        out.extend(line.removeprefix("**Short answer:** ").split(" First move: "))
    return out


def _assert_grounded(answer: Answer, answerer: Answerer) -> None:
    cited = [answerer.retriever.index.cards[s.id] for s in answer.sources]
    decoded_cards = [answerer.retriever.index.cards[d.card_id] for d in answer.decoded]
    corpus = " ".join(_card_text(c) for c in cited + decoded_cards)
    for claim in _claims(answer.answer_markdown):
        if claim.startswith("**"):  # a decoded expression line: check its explanation part
            claim = claim.split(": ", 1)[1]
        assert re.sub(r"\s+", " ", claim) in corpus, f"not from a cited card: {claim!r}"


def test_a_scenario_question_opens_with_a_short_answer_and_cites_by_title(kb_answerer: Answerer) -> None:
    answer = kb_answerer.answer(Ask(message="my partner won't say no directly"))
    assert answer.in_scope and answer.sources
    markdown = answer.answer_markdown
    positions = [markdown.index(s) for s in SECTIONS]
    assert positions == sorted(positions) and positions[0] == 0
    assert {"indirect-no"} & set(answer.sources[0].topics)
    core = markdown.split("**Sources:**")[0]
    assert answer.sources[0].id not in core
    assert f"**Sources:** {answer.sources[0].title}" in markdown
    assert len(core.split()) <= 260
    assert 1 <= len(answer.suggestions) <= 3
    _assert_grounded(answer, kb_answerer)


@pytest.mark.parametrize("question", [
    "who should approve voice casting for the English dub?",
    "The yen fell 15% in the middle of our 18-month schedule. Who eats the difference?",
    "Our Chinese partner says the script has to go through CFCC review. How long should we plan for?",
    "How do I disagree with the Korean director's cut without embarrassing him in front of his team?",
])
def test_every_sentence_comes_from_a_cited_card(kb_answerer: Answerer, question: str) -> None:
    answer = kb_answerer.answer(Ask(message=question))
    assert answer.in_scope and answer.sources
    _assert_grounded(answer, kb_answerer)


def _card(steps: list[str], say: list[str], perspective: str = "both") -> Card:
    return Card(id="c", title="C", topics=["indirect-no"], cultures=[Culture.JP_US], perspective=perspective,
                triggers=["a b c", "d e f", "g h i"], summary="The coaching point.", sources=["x"],
                sections={"What's going on": "Context.", "What to do": "\n".join(
                    f"{i}. {s}" for i, s in enumerate(steps, 1)), "What to say": "\n".join(f"- {s}" for s in say),
                    "Watch out for": "- Pressing for a yes in the meeting."})


def test_a_section_keeps_the_steps_that_bear_on_the_ask_in_card_order() -> None:
    card = _card(["Agree the budget owner.", "Send a follow-up email within two days.", "Book the dinner.",
                  "Ask who approves the email draft.", "Plan the festival launch.", "Hire a translator."], [])
    section = build_section(card, "should I send a follow-up email?", None, None, None, None, 230, [], **ENGLISH)
    assert section.short == "The coaching point. First move: Send a follow-up email within two days."
    assert "Send a follow-up email within two days." not in section.steps  # said once, in the short answer
    assert section.steps[0] == "Agree the budget owner."  # ties keep the card's order
    assert len(section.steps) <= 4


def test_a_followup_on_the_same_card_leads_with_what_is_new() -> None:
    card = _card(["Send a follow-up email within two days.", "If two follow-ups get no reply, ask a senior "
                  "colleague to call.", "Keep alternatives open."], [])
    shown = ["The coaching point. First move: Send a follow-up email within two days."]
    section = build_section(card, "what if they still don't reply after two follow-ups?", None, None, None, None,
                            230, shown, **ENGLISH)
    assert section.short.startswith("If two follow-ups get no reply")
    assert "Send a follow-up email within two days." not in section.steps


def test_wording_for_the_other_side_is_left_out_and_the_frame_is_named() -> None:
    card = _card(["Step one."], ['[us-side] "Could we hear from your head office by Friday?"',
                                 '[asia-side] "本社の確認に二週間いただけますか。"', '[both] "Thank you."'],
                 perspective="us-side")
    section = build_section(card, "x", None, Perspective.ASIA_SIDE, Culture.KR_US, "signed", 230, [], **ENGLISH)
    assert section.say == ['"本社の確認に二週間いただけますか。"', '"Thank you."']
    assert any("written for the American side" in n for n in section.notes)
    assert any("Japan-US" in n for n in section.notes)


def test_a_vague_question_gets_one_clarifying_question_with_options(kb_answerer: Answerer) -> None:
    answer = kb_answerer.answer(Ask(message="budget"))
    assert answer.in_scope and answer.sources == []
    assert "Which of these is closest to your situation?" in answer.answer_markdown
    assert 2 <= len(answer.suggestions) <= 3
    for option in answer.suggestions:
        assert f"- {option}" in answer.answer_markdown
        follow = kb_answerer.answer(Ask(message=option, conversation_id=answer.conversation_id))
        assert follow.sources, f"option {option!r} should lead to an answer"


def test_followups_over_two_and_three_turns_carry_the_context(kb_answerer: Answerer) -> None:
    first = kb_answerer.answer(Ask(message="My Tokyo partner keeps saying they will consider our proposal"))
    cid = first.conversation_id
    second = kb_answerer.answer(Ask(message="what if they still don't answer?", conversation_id=cid))
    third = kb_answerer.answer(Ask(message="and in writing?", conversation_id=cid))
    assert first.in_scope and second.in_scope and third.in_scope
    turns = kb_answerer.store.turns(cid)
    users = [t for t in turns if t.role == "user"]
    assert [t.content for t in users] == ["My Tokyo partner keeps saying they will consider our proposal",
                                          "what if they still don't answer?", "and in writing?"]
    assert users[1].resolved_query == f"{users[0].content} what if they still don't answer?"
    assert users[2].resolved_query == f"{users[1].resolved_query} and in writing?"
    assert {"indirect-no", "written-communication", "consensus-approvals"} & {
        t for s in second.sources + third.sources for t in s.topics}
    # A long, self-contained question starts afresh.
    fresh = kb_answerer.answer(Ask(message="Who should hold final cut between the American studio and the "
                                           "Japanese production committee on our animated feature?",
                                   conversation_id=cid))
    assert "decision-rights" in fresh.sources[0].topics


TWO_PARTS = ("Two things on the anime feature with our Tokyo partner: who normally has the final say on the English "
             "voice cast, and how do we push back on the studio's pick for the lead without offending anyone?")


def test_a_followup_after_a_two_part_question_continues_its_last_part(kb_answerer: Answerer) -> None:
    first = kb_answerer.answer(Ask(message=TWO_PARTS))
    cid = first.conversation_id
    follow = kb_answerer.answer(Ask(message="what if they still refuse?", conversation_id=cid))
    resolved = [t.resolved_query or "" for t in kb_answerer.store.turns(cid) if t.role == "user"][1]
    assert resolved.startswith("how do we push back") and "voice cast" not in resolved
    assert follow.in_scope and follow.sources
    core = follow.answer_markdown.split("**Sources:**")[0]
    assert core != first.answer_markdown.split("**Sources:**")[0]
    assert not set(_claims(core)) & set(_claims(first.answer_markdown))  # nothing said twice


def test_a_followup_that_names_an_earlier_part_continues_that_part(kb_answerer: Answerer) -> None:
    first = kb_answerer.answer(Ask(message=TWO_PARTS))
    kb_answerer.answer(Ask(message="and the voice cast?", conversation_id=first.conversation_id))
    resolved = [t.resolved_query or "" for t in kb_answerer.store.turns(first.conversation_id) if t.role == "user"][1]
    assert "voice cast" in resolved and "push back" not in resolved


def test_decoding_a_japanese_phrase_and_a_pasted_email(kb_answerer: Answerer) -> None:
    one = kb_answerer.answer(Ask(message="what does 「前向きに検討させていただきます」 mean?"))
    assert [(d.expression, d.card_id) for d in one.decoded] == [("前向きに検討させていただきます", "maemuki-ni-kentou")]
    assert one.answer_markdown.startswith("## What their words usually signal")
    email = ("お世話になっております。先日ご提案いただいた件ですが、社内で検討しましたところ、予算面で"
             "ちょっと難しいです。今回は見送らせていただきます。またの機会によろしくお願いいたします。")
    many = kb_answerer.answer(Ask(message=email))
    assert many.in_scope and len(many.decoded) >= 2
    assert {"muzukashii-desu", "miokuri-pass-this-time"} <= {d.card_id for d in many.decoded}
    for item in many.decoded:
        assert item.expression in email or item.expression.replace(" ", "") in email
        assert f"**{item.expression}**" in many.answer_markdown
    _assert_grounded(many, kb_answerer)


def test_decoding_english_korean_and_chinese(kb_answerer: Answerer) -> None:
    english = kb_answerer.answer(Ask(message="アメリカのプロデューサーに \"Let's circle back on this\" と言われた"))
    assert "american-lets-circle-back" in {d.card_id for d in english.decoded}
    korean = kb_answerer.answer(Ask(message="대표님이 긍정적으로 검토하겠습니다 라고 했어요"))
    assert korean.decoded and all(d.card_id in kb_answerer.retriever.index.cards for d in korean.decoded)
    chinese = kb_answerer.answer(Ask(message="对方说：这个我们研究研究，原则上可以。"))
    assert {"yanjiu-yanjiu", "yuanze-shang-keyi"} <= {d.card_id for d in chinese.decoded}


def test_an_explicit_pair_in_the_question_sets_the_pair(kb_answerer: Answerer) -> None:
    assert detect_pair("our Korean partner went quiet") is Culture.KR_US
    assert detect_pair("the Beijing studio wants approval") is Culture.CN_US
    assert detect_pair("東京の会社") is Culture.JP_US
    assert detect_pair("Korean and Japanese partners") is None
    answer = kb_answerer.answer(Ask(message="Our Korean partner never says no directly in meetings",
                                    culture=Culture.JP_US))
    assert all({"kr-us", "any"} & set(s.cultures) for s in answer.sources)
    chinese = kb_answerer.answer(Ask(message="How do we build trust with our partner?", culture=Culture.CN_US))
    assert all({"cn-us", "any"} & set(s.cultures) for s in chinese.sources)


def test_followup_detection_rules() -> None:
    answered = [Turn(role="user", content="q", created_at="", in_scope=True)]
    assert is_followup("and in writing?", answered)
    assert is_followup("what if they still don't answer after two weeks?", answered)
    assert not is_followup("and in writing?", [])
    assert not is_followup("Who should hold final cut between the studio and the committee on our film?",
                           answered)


def test_cjk_messages_count_words_by_characters() -> None:
    from server.coach.answer import word_count

    answered = [Turn(role="user", content="q", created_at="", in_scope=True)]
    assert word_count("書面では？") == 2 and word_count("and in writing?") == 3
    assert is_followup("書面では？", answered)
    assert not is_followup("アメリカのプロデューサーから「Any update?」というメールが二日おきに来ます。", answered)


def test_a_repeated_first_question_is_planned_once_but_stored_in_each_conversation(kb_answerer: Answerer) -> None:
    question = "How do I read silence from the Japanese side in a negotiation meeting?"
    first = kb_answerer.answer(Ask(message=question))
    calls = []
    plan = kb_answerer.planner.plan
    kb_answerer.planner.plan = lambda *a, **k: calls.append(1) or plan(*a, **k)  # type: ignore[method-assign]
    try:
        again = kb_answerer.answer(Ask(message=f"  {question} "))
        other = kb_answerer.answer(Ask(message=question, lang="ja"))  # another setting is another answer
    finally:
        del kb_answerer.planner.plan
    assert again.answer_markdown == first.answer_markdown and again.conversation_id != first.conversation_id
    assert len(calls) == 1 and other.lang.value == "ja"
    for answer in (first, again):
        turns = kb_answerer.store.turns(answer.conversation_id)
        assert [t.role for t in turns] == ["user", "coach"] and turns[1].content == answer.answer_markdown


def test_declined_turns_in_one_conversation_never_offer_the_same_example_twice(kb_answerer: Answerer) -> None:
    first = kb_answerer.answer(Ask(message="What is a good recipe for ramen broth?"))
    second = kb_answerer.answer(Ask(message="And which hotel in Osaka has the best gym?",
                                    conversation_id=first.conversation_id))
    assert not first.in_scope and not second.in_scope and first.suggestions
    assert not set(first.suggestions) & set(second.suggestions)


@pytest.mark.parametrize("message", [
    "请示领导之前，我想先搞清楚保底和分成哪个更划算。",  # the asker's own plan, not the partner's phrase
    "米国側の条件に、それで結構ですと返事をしてしまったのですが、まずかったでしょうか。",  # what the asker replied
])
def test_the_askers_own_use_of_a_phrase_is_not_decoded(kb_answerer: Answerer, message: str) -> None:
    assert kb_answerer.decode(message, understand(message)) == []



def test_warming_up_loads_the_item_vectors_and_stores_nothing(kb_retriever: Retriever, tmp_path: Path) -> None:
    store = ConversationStore.from_url(f"sqlite:///{tmp_path}/warm.db")
    answerer = Answerer(kb_retriever, store, prompt_environment(PROJECT_ROOT / "prompts"), cache_dir=CACHE)
    assert not answerer.planner.items.vectors
    answerer.warm()
    assert answerer.planner.items.vectors  # the service's first user does not wait for them
    assert store.turns("warm-up") == [] and store.feedback_counts() == {}
