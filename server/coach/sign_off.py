"""How a pasted e-mail closes: a sign-off ("Best,", "Best regards, Kenji", 「よろしくお願いいたします」, 「감사합니다」,
「此致 敬礼」, 「김민수 드림」) and the signature after it. Neither is an ask, nor a phrase of the partner's to decode,
nor the topic of the asker's question after the e-mail ("Best, Tanaka. What does this mean?" asks about the e-mail)."""

from __future__ import annotations

import re

_CLOSING = (r"(?:best|regards|kind regards|best regards|warm regards|warmest regards|warmly|sincerely|"
            r"yours(?: sincerely| truly)?|respectfully|best wishes|all the best|thanks|thank you|with thanks|cheers|"
            r"many thanks)")
# "Thanks," or "Best regards, Kenji" closes an e-mail; "Thanks for the notes." opens its body
SIGN_OFF = re.compile(rf"^\s*(?:{_CLOSING}(?: (?:again|so much|in advance))?[.!]?"
                      r"(?:,\s*(?-i:[A-Z])[\w. -]{0,30}|,)?\s*$|"
                      r"よろしくお願い|何卒|감사합니다|고맙습니다|此致|敬礼\s*$|谢谢|祝好|顺(?:祝|颂)商祺|"
                      r"[^.!?。！？]{1,20}\s?(?:드림|올림|배상|敬上|谨上)\s*$)", re.I)  # 「김민수 드림」
# A sign-off inside a line that goes on with the asker's question: 「…よろしくお願いします。どういう意味？」,
# "… by Friday? Best, Tanaka. What does this mean?"
INLINE_SIGN_OFF = re.compile(r"よろしくお願い(?:いた)?します[。！!]?|よろしくお願い申し上げます[。！!]?|"
                             r"此致[\s，,]*(?:敬礼)?[\s，,。]*[^\s，,。？?]{0,6}|[^\s.。]{1,6}\s?(?:드림|올림)|"
                             r"\b(?:best|kind|warm) regards,?(?:\s+(?-i:[A-Z])[\w.-]*){1,2}|"
                             r"\b(?:best|regards|thanks|cheers|sincerely|best wishes|many thanks),\s+"
                             r"(?-i:[A-Z])[\w-]*(?:[ \t]+(?-i:[A-Z])[\w-]*)?\.?(?![ \t]*[\w?])", re.I)
SIGNATURE = re.compile(r"^[^.!?。！？,，、:：]{1,30}$")  # 「株式会社エムスタジオ 鈴木」, "Kenji Sato, Toho"
_NAME_ONLY = re.compile(r"^\s*(?:(?-i:[A-Z])[\w.-]*(?:[ \t]+(?-i:[A-Z])[\w.-]*){0,2}|[^\s\w]{0,1}"
                        r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]{1,6}(?:\s[\u4e00-\u9fff\uac00-\ud7af]{1,4})?)\s*$",
                        re.I)
_ASKS = re.compile(r"[?？]|\b(?:what|how|why|should|is|are|can|do|does)\b", re.I)


def is_sign_off(sentence: str) -> bool:
    """The sentence only closes an e-mail ("Best, Tanaka", "Regards,", 「よろしくお願いいたします。」, 「此致」)."""
    text = sentence.strip(" \t\"'“”「」")
    if not text or _ASKS.search(text):
        return False
    whole = INLINE_SIGN_OFF.fullmatch(text.rstrip("。.!！")) or INLINE_SIGN_OFF.fullmatch(text)
    return bool(whole or SIGN_OFF.match(text) and len(text) <= 40)


def is_signature(sentence: str) -> bool:
    """A name alone, as signed under a sign-off ("Tanaka", "Kenji Sato", 「田中」, 「이수진」)."""
    return bool(_NAME_ONLY.match(sentence)) and not _ASKS.search(sentence)


def unsigned(text: str) -> str:
    """The text without the sign-off and signature it ends with ('… by Friday? Best regards, Tanaka' as a heading
    quotes it)."""
    found = [m for m in INLINE_SIGN_OFF.finditer(text) if not text[m.end():].strip(" \t\n.。\"'”」")]
    return text[:found[-1].start()].rstrip() if found and found[-1].start() > 0 else text
