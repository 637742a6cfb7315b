"""Whether a message's own words ask about the partner's words (what they mean, whether it is a no, how to answer
them), which the decoded expression's phrase card answers, or about something else beside them (whether a demand
is fair, who pays, who decides). Shared by coach/quoted_ask.py (a quote beside another ask) and coach/partrank.py (a
part that refers back to the partner's words puts the decoded phrases' cards first).

Measured with coach/e2e_check.py on folds 0 and 1 of the training split (922 whole questions): a part in Japanese,
Korean or Chinese that refers back (「这合理吗？」 after 「美方说 "That's interesting"，但要求先收回全部宣发费用」)
used to count as asking about the words for any character outside ASCII, so the phrase card of the quote came first even
where the ranker rated the card of the demand far higher (0.99 against 0.76)."""

from __future__ import annotations

import re

from server.coach.understand import quote_spans, refers_back

# An ask about the partner's words or how to answer them: what they mean, whether it is a no, whether to wait,
# chase or believe it, how to reply (the phrase card's lines answer it).
ABOUT_THE_WORDS = re.compile(
    r"\b(?:mean|means|meant|meaning|a (?:yes|no)|yes or no|no or|brush[- ]?off|refus\w*|reject\w*|soft no|"
    r"polite (?:no|impossible)|real (?:yes|no)|good sign|bad sign|serious(?:ly)?|sincere|believe|take (?:it|that|this) "
    r"as|treat (?:it|that|this) as|wait or|push (?:back|for|them|him|her)?|chase|follow(?:ing)? up|nudge|remind|"
    r"respond|reply|answer(?:ing)?|get back to|commit(?:s|ted|ment)?|firm(?:er|ly)?|"
    r"let it go|agree(?:d)? or)\b|"
    r"意味|断(?:り|られ|わ)|脈|本気|本音|信じ|当てに|催促|せっつ|待つ|待った|押す|押し|返事|返信|どう返|どう答|答え|返答|回答|ノー|イエス|"
    r"社交辞令|お世辞|フォロー|"
    r"뜻|의미|거절|승낙|진심|믿어|믿을|재촉|독촉|기다려|기다릴|답해|답장|답변|회신|대답|빈말|인사치레|팔로업|"
    r"意思|拒绝|被否|答应|当真|能信|可信|靠谱|催|还是等|继续等|回复|怎么回|答复|真话|准话|同意还是|"
    r"客气话|客套|跟进", re.I)
# (polite talk and following up: 「这是客气话还是真的还有机会？还要不要再跟进？」 asks what "We're going to pass, but
# keep us in mind" means, as "is that just polite? should I follow up?" does)


# English words that point at what was said ("Is that a no?", "what does it mean?")
_AT_THE_WORDS = re.compile(r"\b(?:it|that|this|mean|means|meaning|yes|no|say|saying|said)\b", re.I)


def about_their_words(ask: str) -> bool:
    """The ask is about the partner's words or how to answer them, which their phrase card answers."""
    return bool(ABOUT_THE_WORDS.search(ask))


def points_at_their_words(part: str) -> bool:
    """The part refers back and asks about what was said: English words that point at it ("Is that a no?", "what
    does it mean?"), or, in a part not all in English, its quotes left out, those or an ask about the words
    (about_their_words: 「これは断り？」, 「这算是被否了吗？」); 「这合理吗？」 beside a quoted demand asks whether
    the demand is fair."""
    if not refers_back(part):
        return False
    if part.isascii():  # "How do I get a real commitment out of them?" asks what to do about them
        return bool(_AT_THE_WORDS.search(part))
    own = part
    for start, end in reversed(quote_spans(part)):
        own = f"{own[:start]} {own[end:]}"
    return bool(_AT_THE_WORDS.search(own)) or about_their_words(own)
