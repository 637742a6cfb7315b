"""What each part of a multi-part message retrieves with: the message's situation, the partner's short quoted line
included; short asks written without spaces found too."""

from __future__ import annotations

import pytest

from server.coach.understand import understand


@pytest.mark.parametrize(("message", "topic"), [
    # the quoted line is the topic: 「上限を付けずに呑んでいいのか」 alone is about nothing
    ("米国の配給会社から「宣伝費（P&A）は全額、先に回収させてもらう」と言われました。上限を付けずに呑んでいいものなのか、"
     "それと使った宣伝費の中身をこちらが監査できるのか、相場感を知りたいです。", "宣伝費（P&A）は全額"),
    # a numbered ask leaves the topic in the sentence before it
    ("米国スタジオとの共同製作で、先方がコンプリーションボンドを付けるよう求めてきました。①そもそも何を保証するものなのか、"
     "②もし制作費が予算をオーバーしたら結局どちらが負担するのか、整理して知りたいです。", "コンプリーションボンド"),
    # a reported line ("says ...") is the situation too
    ("Our partner says CFCC has to approve the script. How long does that take, and what happens if we change the "
     "script after approval?", "CFCC has to approve"),
    # a long part carries the situation as well: it names no partner, no project
    ("We signed with a Beijing studio in March. Their finance team now says the first installment is late. Is that "
     "a real thing or are they stalling, and how should the payment schedule be written so this doesn't happen "
     "again?", "Beijing studio"),
])
def test_every_part_is_retrieved_with_the_situation(message: str, topic: str) -> None:
    u = understand(message)
    assert len(u.parts) >= 2
    assert all(topic in u.query(p) for p in u.parts)


def test_the_parts_themselves_still_show_the_partners_line_as_an_ellipsis() -> None:
    u = understand("米国の配給会社から「宣伝費（P&A）は全額、先に回収させてもらう」と言われました。"
                   "上限を付けずに呑んでいいものなのか、それと使った宣伝費の中身をこちらが監査できるのか、"
                   "相場感を知りたいです。")
    assert not any("宣伝費（P&A）" in p for p in u.parts)
    assert "宣伝費（P&A）は全額" in u.context


def test_a_pasted_email_is_no_part_of_the_situation() -> None:
    message = ("Got this from the studio producer this morning:\n\n\"Thank you always for your support. Regarding your "
               "request to move the episode 8 delivery forward by one week, we understand your situation. However, "
               "it is a little difficult for our team at this time. We will consider internally and reply.\"\n\n"
               "Is this a no? And if it is, what are my options with the platform date?")
    u = understand(message)
    assert len(u.parts) == 2 and "episode 8" not in u.context and "…" in u.context


def test_a_one_part_message_is_retrieved_as_written() -> None:
    message = "Our partner says CFCC has to approve the script. How long does that take?"
    u = understand(message)
    assert u.parts == [message] and u.query(message) == message


def test_a_numbered_part_is_retrieved_without_its_number() -> None:
    u = understand("双方争了两个月。一、以后这类事到底谁说了算，能不能提前约定好？二、眼下这个僵局要不要报给双方老板？")
    assert not any(u.query(p).split()[-1].startswith(("一、", "二、")) for p in u.parts)


@pytest.mark.parametrize(("message", "first"), [
    ("製作委員会の幹事会社から「社内で調整します」と返事がありました。これは断りなのか、それとあとどれくらい待てば"
     "いいのか知りたいです。", "これは断りなのか"),
    ("中方说“原则上可以”。这算是同意了吗？我们应该等多久再追问？", "这算是同意了吗？"),
])
def test_a_short_ask_written_without_spaces_is_a_part(message: str, first: str) -> None:
    u = understand(message)
    assert len(u.parts) == 2 and u.parts[0] == first


def test_a_short_clause_that_does_not_ask_is_no_part() -> None:
    message = "予算の件です。先方の話では、来週には決まるとのことでした。結局どちらが負担するのか知りたいです。"
    assert understand(message).parts == [message]


def test_a_part_alone_is_its_own_words() -> None:
    u = understand("米国スタジオとの共同製作で、先方がコンプリーションボンドを付けるよう求めてきました。"
                   "①そもそも何を保証するものなのか、②もし制作費が予算をオーバーしたら結局どちらが負担するのか、"
                   "整理して知りたいです。")
    assert u.query(u.parts[0], situation=False) == "そもそも何を保証するものなのか"
