"""How a message in a conversation is read: a short or back-referring message continues the last answered
question; any other message is read both on its own and as continuing it, and the engine keeps the reading that
answers with more confidence. A message that only thanks asks nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass

from server.coach.offtopic import asks_for_task, off_topic_cue
from server.coach.understand import refers_back, word_count
from server.models import Turn

FOLLOWUP_WORDS = 6
DANGLING_WORDS = 8
_CONTINUES = re.compile(r"^(?:and|but|so|also|then|ok|okay|still|again|in writing)\b|^(?:じゃあ|それでも|それなら|그럼|"
                        r"그래도|그러면|那么|那如果|那要是)", re.I)
_WHAT_IF = re.compile(r"^(?:what if|what about|how about|and if)\b|(?:たら|なら|면요|呢)\s*[？?]\s*$", re.I)
_FOLLOWUP_CUE = re.compile(
    r"^(and|but|also|then|so|ok|okay|what if|what about|how about|and if|what else|in writing|"
    r"they|he|she|it|that|this|those|still|again|same|why|how)\b", re.IGNORECASE)
# ... and in Japanese, Korean, Chinese: 「1か月たっても返事がなかったら？」「…없으면요?」「那…」「…呢？」
_FOLLOWUP_CJK = re.compile(r"^(?:じゃあ|では|それで|それでも|でも|그럼|그러면|그래도|근데|那|那么|如果|要是)|"
                           r"(?:たら|なら|れば|면요|면|는요|呢|的话)\s*[？?]?\s*$")
# A message that only thanks or acknowledges ("thanks!", 「ありがとうございます」) asks nothing to answer.
_THANKS = re.compile(r"^\s*(?:(?:ok(?:ay)?|great|perfect|got it|cool)[,!.\s]*)?(?:thanks?|thank you|thx|"
                     r"many thanks|ok(?:ay)?|got it|great|perfect|cool|ありがとう(?:ございます|ございました)?|"
                     r"了解(?:です|しました)?|わかりました|감사합니다|고맙습니다|알겠습니다|谢谢|多谢|好的|明白了)"
                     r"(?:\s*(?:so much|a lot|very much))?[\s!！.。~]*$", re.IGNORECASE)


def dangling(message: str) -> bool:
    """A follow-up with nothing to follow ("what if they still refuse?", "and in writing?", 「それでもダメなら？」
    as a conversation's first message): what it refers to is unknown, so the answer is a clarifying choice."""
    return word_count(message) <= DANGLING_WORDS and bool(
        _CONTINUES.search(message.strip()) or (_WHAT_IF.search(message.strip()) and refers_back(message)))


def is_thanks(message: str) -> bool:
    """The message only thanks or acknowledges: there is nothing to answer or to continue."""
    return bool(_THANKS.match(message))


def is_followup(message: str, history: list[Turn]) -> bool:
    """Short or back-referring messages continue the last answered question."""
    if not any(t.role == "user" and t.in_scope for t in history):
        return False
    words = word_count(message)
    cue = _FOLLOWUP_CUE.match(message.strip()) or _FOLLOWUP_CJK.search(message.strip())
    return words <= FOLLOWUP_WORDS or (words <= 14 and bool(cue))


@dataclass(frozen=True)
class Reading:
    """One way to read a message: on its own (`continues` None) or as continuing an earlier question; a
    continuation is in scope as what it continues was (`in_scope_known`)."""

    continues: str | None
    in_scope_known: bool = False


def readings(message: str, history: list[Turn], continued: str | None) -> list[Reading]:
    """The readings to plan, the one preferred on a tie first. A message with an off-topic cue of its own ("what's
    the weather in Osaka?") is read on its own, unless it is short, and never vouched for by what it continues."""
    if continued is None:
        return [Reading(None)]
    off_topic = bool(off_topic_cue(message) or asks_for_task(message))
    continuation = Reading(continued, in_scope_known=not off_topic)
    if is_followup(message, history):
        return [continuation]
    return [Reading(None)] if off_topic else [Reading(None), continuation]
