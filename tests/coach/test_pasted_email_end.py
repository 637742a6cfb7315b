"""Where a pasted e-mail ends (coach/understand.py): at a "---" line, at a signature followed by the asker's own
question, or at a sign-off line, but not at a body line that opens with thanks. Examples are written for these tests,
not taken from the labelled set."""

from __future__ import annotations

from server.coach.understand import partner_text


def test_a_separator_line_closes_the_pasted_email() -> None:
    message = ("先方からのメールです。\n---\nお世話になっております。\n本件、社内で検討いたします。\n---\n"
               "本社にはどう説明すればいいですか？")
    assert partner_text(message) == ["お世話になっております。\n本件、社内で検討いたします。"]


def test_the_askers_question_after_the_signature_is_not_the_partners() -> None:
    message = ("件名：Re: 配信時期\n田中様\nご連絡ありがとうございます。\n今回は見送らせていただきます。\n"
               "株式会社サンプル 佐藤\n\n上司にはどう伝えればいいでしょうか。")
    assert all("上司" not in span for span in partner_text(message))
    assert any("見送らせていただきます" in span for span in partner_text(message))


def test_a_body_line_that_opens_with_thanks_does_not_end_the_email() -> None:
    message = "Hi John,\n\nThanks for the notes.\n\nCould you send the revised budget by Friday?"
    assert partner_text(message) == [message]


def test_a_sign_off_with_a_name_ends_the_email() -> None:
    message = "Hi John,\n\nWe cannot accept the MG as proposed.\n\nBest regards, Kenji\n\nIs this a hard no?"
    assert partner_text(message) == ["Hi John,\n\nWe cannot accept the MG as proposed.\n\nBest regards, Kenji"]
