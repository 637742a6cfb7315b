"""Follow-ups and pasted e-mails (talk26): the asker's side held across turns, an e-mail's sign-off and signature
never a part or its topic, and a pasted e-mail's concrete requests answered with wording for a reply."""

from __future__ import annotations

from server.coach.answer import Answerer
from server.coach.asker_frame import states_side
from server.coach.pasted_email import answers_request, pasted_email
from server.coach.sign_off import is_sign_off, is_signature, unsigned
from server.coach.understand import partner_requests, understand
from server.models import Ask, Culture, Perspective

US, ASIA = Perspective.US_SIDE, Perspective.ASIA_SIDE


def test_a_follow_up_keeps_the_side_the_conversation_established() -> None:
    first = understand("米国スタジオの東京オフィスで働いています。幹事会社から「前向きに検討します」と返事が来ました。")
    assert first.side is US
    follow_up = "アメリカの本社にはどう報告すればいいですか？"
    later = understand(follow_up, first.pair, first.side, first.pair, held_side=True)
    assert later.side is US  # 「アメリカ」 named is no statement that the asker is the Asian side
    alone = understand(follow_up)
    assert alone.side is ASIA  # without the conversation, the weak sign still reads as before


def test_a_follow_up_that_states_its_own_side_wins() -> None:
    later = understand("Actually we're the Japanese studio here. How do we answer them?", Culture.JP_US, US,
                       Culture.JP_US, held_side=True)
    assert later.side is ASIA
    assert states_side("What if they still don't answer after a month?", "en") is None
    assert states_side("Our US partner went quiet again.", "en") is ASIA
    assert states_side("저는 미국 제작사 서울 지사에서 일합니다. 그럼 어떻게 하죠?", "ko") is US


def test_an_asian_city_as_the_subject_is_the_partner_in_the_third_person() -> None:
    assert understand("Tokyo hasn't answered my email in two weeks. Wait or push?").side is US
    assert understand("Beijing still hasn't signed the deal memo.").side is US


def test_sign_offs_and_signatures() -> None:
    for closing in ["Best, Tanaka", "Best regards,", "Regards", "Thanks,", "よろしくお願いいたします。", "감사합니다.",
                    "此致", "김민수 드림", "Sincerely, Robert Hall"]:
        assert is_sign_off(closing), closing
    for ask in ["Best way to reply?", "Thanks, but what does this mean?", "What does this mean?",
                "Thank you for the revised terms."]:
        assert not is_sign_off(ask), ask
    assert is_signature("Tanaka") and is_signature("山田") and not is_signature("What now?")
    assert unsigned("We will consider it. Best regards, Tanaka") == "We will consider it."


def test_a_signature_is_never_a_part_heading_nor_its_topic() -> None:
    u = understand("Thank you for the revised terms. We will consider it positively. Could you send us the updated "
                   "budget by Friday?\nBest, Tanaka\n\nWhat does this mean? And should I send it?")
    assert len(u.parts) == 2
    assert not any("Tanaka" in p or "Best" in p for p in u.parts)
    assert u.partner_text and "Best, Tanaka" in u.partner_text[0]


def test_an_inline_sign_off_ends_the_pasted_email() -> None:
    message = ("Dear John, thank you for the revised terms. We will consider it positively. Could you send us the "
               "updated budget by Friday? Best, Tanaka. What does this mean?")
    (email,) = pasted_email(message)
    assert email.endswith("Best, Tanaka") and "What does this mean" not in email


def test_an_email_after_a_cue_on_the_same_line() -> None:
    message = ("Got this: Dear John, Thank you for the revised terms. We will consider it positively. Could you send "
               "us the updated budget by Friday? Best, Tanaka\nWhat does this mean and how should I reply?")
    u = understand(message)
    assert u.partner_text and u.partner_text[0].startswith("Dear John")
    assert not any("Could you send" in p for p in u.parts)  # their request is not one of the asker's asks
    assert [r.deadline for r in partner_requests(u.partner_text)] == ["Friday"]


def test_a_message_that_only_ends_with_thanks_is_the_askers_own() -> None:
    assert pasted_email("How do we split the dub costs with our Japanese partner?\nThanks!") == []
    assert pasted_email("Who approves the voice cast?\nThanks,\nBob") == []


def test_asking_how_to_answer_their_request_is_left_to_the_reply_lines() -> None:
    requests = ["Could you send us the updated budget by Friday?"]
    assert answers_request("And how do I answer the budget request?", requests)
    assert answers_request("How should I reply about the budget?", requests)
    assert not answers_request("Should I send the breakdown?", requests)  # whether to share it: a card answers
    assert not answers_request("How do I answer the budget request?", [])
    u = understand("Dear John,\nThank you for the revised terms. We will consider it positively. Could you send us "
                   "the updated budget by Friday?\nBest,\nTanaka\n\nWhat does this mean? And how do I answer the "
                   "budget request?")
    assert len(u.parts) == 1 and "how do I answer" not in u.parts[0]
    assert "Could you send us the updated budget" not in u.parts[0]  # ranked without the request's topic


def test_a_pasted_emails_request_gets_a_reply_line_and_no_budget_card(kb_answerer: Answerer) -> None:
    answer = kb_answerer.answer(Ask(message=(
        "Dear John,\nThank you for the revised terms. We will consider it positively. Could you send us the updated "
        "budget by Friday?\nBest,\nTanaka\n\nWhat does this mean? And how do I answer the budget request?")))
    assert [c.id for c in answer.sources][:1] == ["maemuki-ni-kentou"]
    assert "Could you send us the updated budget by Friday?" in answer.answer_markdown.split("##")[-1]
    assert "Tanaka" not in "".join(line for line in answer.answer_markdown.splitlines() if line.startswith("## "))


def test_the_side_is_held_in_a_conversation(kb_answerer: Answerer) -> None:
    first = kb_answerer.answer(Ask(message=(
        "Tokyo hasn't answered my email about the budget in two weeks. Should I wait or push?")))
    second = kb_answerer.answer(Ask(message="What if they still don't answer after a month?",
                                         conversation_id=first.conversation_id))
    card = kb_answerer.retriever.index.cards[second.sources[0].id]
    assert card.perspective in (US, Perspective.BOTH)  # not the card on an American partner gone quiet
