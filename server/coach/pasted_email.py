"""Where a pasted e-mail is in a message: from its greeting ("Dear Tom,", 「田中様」, 「안녕하세요」, 「王总您好」, also
after a cue on the same line: "Got this: Dear Tom, …") to its sign-off and signature ("Best, Tanaka",
「よろしくお願いいたします。\n山田」, 「김민수 드림」); without a greeting, the lines before a sign-off that the asker's
question follows. What comes after is the asker's own."""

from __future__ import annotations

import re

from server.coach.ask_marks import is_question
from server.coach.sign_off import INLINE_SIGN_OFF, SIGN_OFF, SIGNATURE
from server.coach.unmarked import asker_asks
from server.coach.wording import names_own_draft

GREETING = re.compile(r"^\s*(?:dear\b|hi\b|hello\b|good (?:morning|afternoon)|お世話になって|いつもお世話|"
                      r"안녕하세요|您好|你好|件名|subject:)|"  # 「田中様」, 「박 대표님께,」, 「王总：」 alone
                      r"^\s*(?:\S{1,8}\s)?\S{1,12}(?:様|さん|님께?|您好|你好|总|老师|先生|女士)[,，、:：]?\s*$", re.I)
# "Got this from Tanaka: Dear Tom, …": the e-mail starts after the cue, on the same line
_CUE_THEN_GREETING = re.compile(r"^[^:：\n]{1,80}[:：]\s*[\"“]?(?=(?:dear|hi|hello)\b|お世話になって|いつもお世話|"
                                r"안녕하세요)", re.I)
CHAT_GREETING = re.compile(r"^\s*(?:(?:hi|hello|hey|good (?:morning|afternoon))\b|안녕하세요|您好|你好|こんにちは)",
                           re.I)
_SEPARATOR = re.compile(r"^\s*(?:-{3,}|—{2,}|={3,}|_{3,}|─{3,})\s*$")  # "---" closes a pasted e-mail
# The partner named in the third person: the asker telling about them, not the partner writing to the asker
_NAMES_PARTNER = re.compile(r"先方|相手(?:方|側)|米国側|アメリカ側|米側|日本側|미국\s*측|상대\s*측|상대방|"
                            r"美方|对方|日方|韩方|\bthe (?:japanese|korean|chinese|american|us) side\b|"
                            r"\bour (?:partners?|co-?producers?)\b",
                            re.I)


def pasted_email(message: str) -> list[str]:
    """From a greeting line to the sign-off, unless the line before names it the asker's draft (「ドラフトです。」).
    A one-line message that opens with a chat greeting is the asker's own ("Hi! Quick question: who approves the dub
    cast?"); 「お世話になっております。…」 on one line is still an e-mail."""
    lines = message.splitlines()
    start = next((i for i, line in enumerate(lines) if GREETING.match(line)), None)
    if start is None:
        start = next((i for i, line in enumerate(lines) if _CUE_THEN_GREETING.match(line)), None)
        if start is None:
            return _signed_only(lines)
        lines[start] = _CUE_THEN_GREETING.sub("", lines[start], count=1)
    if sum(bool(line.strip()) for line in lines) == 1 and CHAT_GREETING.match(lines[start]) \
            and not INLINE_SIGN_OFF.search(lines[start]):
        return []
    if names_own_draft(next((line for line in reversed(lines[:start]) if line.strip()), "")):
        return []  # 「ドラフトです。」 then "Dear Mr. Kim, …": the asker's own e-mail
    end = next((i for i in range(start + 1, len(lines)) if SIGN_OFF.match(lines[i])), None)
    if end is None and _to_the_coach(lines[start:]):
        return []
    signed = [m.end() for m in INLINE_SIGN_OFF.finditer(lines[start])] if end is None else []
    if signed:  # 「안녕하세요. … 김민수 드림」, "Dear Tom, … Best, Tanaka." on one line, the asker's question after it
        return [lines[start][:signed[-1]].strip()]
    last = len(lines) - 1 if end is None else end + int(  # "Best regards," then the name on a line of its own
        end + 1 < len(lines) and bool(SIGNATURE.match(lines[end + 1])) and not is_question(lines[end + 1]))
    cut = next((i for i in range(start + 1, last + 1) if _SEPARATOR.match(lines[i])), None)
    if cut is None and end is None:  # no sign-off, but a signature or the asker's own ask, a blank line: the asker's
        blank = max((i for i in range(start + 2, last) if not lines[i].strip()), default=None)
        if blank is not None and is_question(lines[last]) and (
                SIGNATURE.match(lines[blank - 1]) or asker_asks("\n".join(lines[blank:]), "\n".join(lines[:blank]))):
            cut = blank
    return ["\n".join(lines[start:last + 1 if cut is None else cut]).strip()]


def _signed_only(lines: list[str]) -> list[str]:
    """An e-mail pasted without its greeting: the lines after the asker's cue ("They sent this:") or first line, up
    to a sign-off and its signature, when the asker's question follows them ("Thank you for … by Friday?\nBest,\n
    Tanaka\n\nWhat does this mean?"). A message that only ends "Thanks!" is the asker's own."""
    end = next((i for i in range(1, len(lines)) if SIGN_OFF.match(lines[i])), None)
    if end is None:
        return []
    last = end + int(end + 1 < len(lines) and bool(SIGNATURE.match(lines[end + 1])) and not is_question(lines[end + 1]))
    after = [line for line in lines[last + 1:] if line.strip()]
    if not after or not is_question(after[-1]) or names_own_draft("\n".join(lines[:end])):
        return []
    cue = max((i for i in range(end) if lines[i].rstrip().endswith((":", "："))), default=None)
    if cue is None:
        blank = next((i for i in range(end) if not lines[i].strip()), None)
        cue = blank if blank is not None and sum(bool(line.strip()) for line in lines[:blank]) == 1 else -1
    body = [line for line in lines[cue + 1:end] if line.strip()]
    return ["\n".join(lines[cue + 1:last + 1]).strip()] if body else []


def _to_the_coach(lines: list[str]) -> bool:
    """Lines opening with a business greeting that are the asker's own message to the coach, not a pasted e-mail:
    no sign-off, the partner named in the third person, and a question at the end (「いつもお世話になっております。
    米国側との交渉について相談させてください。何から確認すればよいですか？」)."""
    text = [line for line in lines if line.strip()]
    return bool(text) and is_question(text[-1]) and bool(_NAMES_PARTNER.search("\n".join(text)))


# "How do I answer the budget request?", "what do I reply to their request?", 「予算の依頼にはどう返事すれば？」,
# 「예산 요청에는 어떻게 답하면 될까요?」, 「预算的要求怎么回复？」: how to answer one of the e-mail's
# requests, which the reply lines under the answer do (compose.reply_lines), not a card on that request's topic.
_HOW_TO_ANSWER = re.compile(
    r"\b(?:how|what) (?:do|should|can|would|shall) (?:i|we) (?:answer|reply|respond|say)(?: to)?\b|"
    r"\bhow (?:to|best to) (?:answer|reply|respond)\b|"
    r"(?:どう|どのように|何と|なんと)(?:返事|返信|回答|答え|返)|(?:어떻게|뭐라고)\s*(?:답|회신|답장|대답)|"
    r"(?:怎么|如何)(?:回复|答复|回应|回)", re.I)
_REQUEST_WORD = re.compile(r"\brequests?\b|\bask(?:ing)?\b|依頼|お願い|要望|요청|부탁|要求|请求", re.I)
_KEY = re.compile(r"[a-z]{4,}|[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]{2,}", re.I)
_FRAME = {"could", "would", "please", "send", "this", "that", "their", "them", "with", "your", "from", "answer",
          "reply", "respond", "request", "should"}


def answers_request(part: str, requests: list[str]) -> bool:
    """The part asks how to answer one of the pasted e-mail's requests: a how-to-reply ask that names a request
    ("the budget request") or one of its words of four letters or more ("how do I answer about the budget?")."""
    if not requests or not _HOW_TO_ANSWER.search(part):
        return False
    asked = {w.lower() for w in _KEY.findall(part)} - _FRAME
    return bool(_REQUEST_WORD.search(part)) or any(asked & {w.lower() for w in _KEY.findall(r)} for r in requests)
