"""Asks that name no topic of their own: "Is that normal?", "How should we respond?", "Is that paid upfront?",
「这正常吗」, 「どう対応すればいいですか」. Alone they are about nothing, so their situation or the sentence before them
says what they ask about (parts.py, partrank.py)."""

from __future__ import annotations

import re

from server.cjk import CJK_CHAR

# An ask that is only its frame, how to answer, negotiate or what to do: "How should we respond?", "How do we
# negotiate this?", 「怎么回应比较好？」, 「我们应该怎么谈？」, 「どう交渉すればいいですか」, 「どう返せばいい？」,
# 「어떻게 협상해야 할까요?」.
_FRAME_ONLY = re.compile(
    r"^(?:(?:and|so)\s+)?(?:how|what)\s+(?:should|do|can|could|would)\s+(?:i|we)\s+(?:respond|reply|answer|say|do|"
    r"handle (?:it|this|that)|deal with (?:it|this|that)|negotiate(?: (?:it|this|that))?|"
    r"push back(?: on (?:it|this|that))?|(?:negotiate|ask|push) for)"
    r"(?:\s+(?:to (?:them|it|this|that)|with them|now|here|next))?\s*[?.]?$|"
    r"^(?:那|那么)?(?:我们|我)?(?:应该|该)?(?:怎么|如何)(?:(?:跟|和|与)(?:他们|对方|美方))?(?:去)?"
    r"(?:回应|回复|应对|处理|办|说|回|谈判|谈|交涉)(?:比较好|才好|好|呢)?[？?。]?$|"
    r"^(?:どう|どのように)(?:対応|返事|返信|返答|答え|すれ|言え|返せ|返し|交渉|切り返)[^。？?、]{0,12}[。？?]?$|"
    r"^(?:어떻게|뭐라고)\s*(?:대응|대처|답|답변|말|하면|해야|협상|회신|답장)[^.?,]{0,14}[.?]?$", re.I)


# An ask that is only the asker's stance on the situation, whether to worry or whether it can be refused: "Should I
# worry?", "Can we push back on that?", 「断れますか」, 「걱정해야 하나요?」, 「能拒绝吗」. Alone its few words find a
# card about worrying or pushing back in general (the "I hear you, but" card); the situation says what it is about.
_STANCE_ONLY = re.compile(
    r"^(?:(?:and|so|but)\s+)?(?:should|do|must)\s+(?:i|we)\s+(?:be\s+)?(?:worry|worried|concerned)(?:\s+about"
    r"\s+(?:it|this|that))?\s*[?.]?$|"
    r"^(?:(?:and|so|but)\s+)?(?:can|could|should)\s+(?:i|we)\s+(?:push back|refuse|say no|object|decline|"
    r"fight (?:it|this|that))(?:\s+(?:on|to)\s+(?:it|this|that))?\s*[?.]?$|"
    r"^(?:これは|それは)?(?:心配|気に)(?:すべき|した(?:ほう|方)が|する必要|しなくて)[^。？?、]{0,10}[。？?]?$|"
    r"^(?:これを|それを)?(?:断れ|断って(?:も|いい)|拒否でき|押し返せ)[^。？?、]{0,10}[。？?]?$|"
    r"^(?:이거|그거)?\s*(?:걱정해야|걱정할 (?:일|필요)|거절할 수|거절해도|거절해야)[^.?,]{0,12}[.?]?$|"
    r"^(?:我们|我)?(?:要|需要|该|应该)?(?:担心|拒绝|推掉|顶回去)(?:吗|不|呢)?[？?。]?$|"
    r"^(?:我们|我)?(?:能|可以|能不能)(?:拒绝|推掉|不同意)(?:吗|呢)?[？?。]?$", re.I)
# An ask that is only whether to go along with what the partner asks, or to chase them: "Should we agree",
# "Can we live with that?", 「それでいいですか」, 「받아들여도 될까요?」, 「可以吗」, 「能不能催？」. Unlike a
# stance (whether to worry, whether to refuse), it asks about the one thing the statement before it says the
# partner wants.
_CONSENT_ONLY = re.compile(
    r"^(?:(?:and|so|but)\s+)?(?:should|can|could|do|must)\s+(?:i|we)\s+(?:agree|accept|go along|sign|live with|"
    r"chase|nudge)(?:\s+(?:to|with|on))?(?:\s+(?:it|this|that|them))?\s*[?.]?$|"
    r"^(?:それで|これで|そのまま)?(?:いい|良い|大丈夫|問題ない)(?:ん)?(?:です|でしょう)?か?[。？?]?$|"
    r"^(?:これを|それを)?(?:受け入れ|受け|応じ|同意し|飲ん|呑ん|催促し)て(?:も)?(?:いい|大丈夫|構わない)[^。？?、]{0,8}[。？?]?$|"
    r"^(?:催促|督促)(?:でき|して(?:も)?いい)[^。？?、]{0,8}[。？?]?$|"
    r"^(?:그래도|그냥|이대로)?\s*(?:괜찮을까요|괜찮나요|괜찮은가요|될까요)[.?]?$|"
    r"^(?:이걸|그걸)?\s*(?:받아들여도|수락해도|동의해도|재촉해도|독촉해도)\s*(?:될까요|되나요|괜찮을까요|돼요)[.?]?$|"
    r"^(?:那|那么)?(?:这样|这个)?(?:可以|行|好)(?:吗|不|不行)?[？?。]?$|"
    r"^(?:那|那么)?(?:这样|这个)?(?:行不行|可不可以|能不能接受|能接受吗|要不要答应|能不能答应)[？?。]?$|"
    r"^(?:那|那么)?(?:我们|我)?(?:能不能|可以|能|要不要|该不该)(?:去)?(?:催|催一下|催他们|催款|答应|接受|同意)"
    r"(?:吗|呢)?[？?。]?$", re.I)


def stance_only(ask: str) -> bool:
    """The ask is only whether to worry or refuse ("Should I worry?", 「断れますか」)."""
    return bool(_STANCE_ONLY.match(ask))


def consent_only(ask: str) -> bool:
    """The ask is only whether to agree or chase ("Should we agree", 「能不能催？」)."""
    return bool(_CONSENT_ONLY.match(ask))


def word_count(text: str) -> int:
    """Words, counting CJK script (written without spaces) as one word per two characters."""
    cjk = len(CJK_CHAR.findall(text))
    return len(re.findall(r"[^\W_]+", CJK_CHAR.sub(" ", text))) + (cjk + 1) // 2


def frame_only(ask: str) -> bool:
    """The ask only asks how to answer or what to do ("How should we respond?", 「どう対応すればいいですか」), whether
    to worry or refuse ("Should I worry?", 「断れますか」) or whether to agree or chase ("Should we agree",
    「能不能催？」): what to, the sentence before it or the message's situation says."""
    return bool(_FRAME_ONLY.match(ask)) or consent_only(ask) or stance_only(ask)


# A part that points back at the situation ("Is that normal?", 「これは普通ですか」, 「왜 그런 건가요?」, 「这正常吗」)
# and asks only whether it is usual, allowed or why: no verb or noun of an ask of its own ("raise it without a fight").
# "so" points back in "Why so?", "Is that so?", "if so", not as a degree word: "Why is the contract so long" names
# its topic.
POINTS_BACK = re.compile(r"\b(?:that|this|it|these|those)\b|\b(?:if|think|say|said)\s+so\b|"
                         r"(?<=\w\s)so\s*(?=[?.!;]|$)|それ|これ|そう|その|この|그런|그렇|그게|이게|이런|그것|이것|이걸|그걸|"
                         r"이거|그거|这|那", re.I)
_JUDGES_IT = re.compile(r"\b(?:normal|usual(?:ly)?|common|standard|typical|ok(?:ay)?|fine|true|real|reasonable|fair|"
                        r"right|correct|legit(?:imate)?|allowed|why|mean|serious|bad|worrying|risky|big deal|"
                        r"habit|custom|enough)\b|"
                        r"普通|一般的|本当|当たり前|よくある|なぜ|どうして|どういう意味|深刻|まずい|習慣|慣習|足り|"
                        r"왜|정상|보통|일반적|흔한|원래|무슨 뜻|심각|관행|습관|부족|충분|"
                        r"正常|常见|合理|为什么|什么意思|真的|严重|习惯|够", re.I)
# A judging word that describes a thing of the asker's or partner's, with the words it describes ("our usual Korean
# shooting hours", "their standard delivery list"), judges nothing: it is part of the topic the ask names.
_ATTRIBUTIVE = re.compile(r"\b(?:our|their|my|your|his|her)\s+(?:normal|usual|common|standard|typical|real)"
                          r"(?!\s+(?:way|thing|practice|approach|procedure|process|behaviou?r|style|habit)s?\b)"
                          r"(?:\s+[a-z][\w-]*){2,}", re.I)
TOPICLESS_WORDS = 9  # a part this short that points back names no topic of its own
# ... unless it asks how long: "How long does that usually take?" asks the timeline, not whether "that" is usual
_HOW_LONG = re.compile(r"\bhow (?:long|soon)\b|多久|얼마나 걸리|どのくらいかか|どれくらいかか", re.I)


# A pronoun as the subject an ask opens with: "Is that paid upfront?", "Does this mean no?" ("Can they do that?"
# asks about the whole situation; 「这样」, 「これ」 often name a topic of their own: 「为什么要这么长」)
_PRONOUN = re.compile(r"^(?:(?:and|but|so)\s+)?(?:is|was|are|does|did|will|would|can|could|should|isn't|doesn't)\s+"
                      r"(?:that|this|it)\b", re.I)


PRONOUN_WORDS = 10  # a pronoun-led ask this short asks about the sentence before it


def pronoun_ask(part: str) -> bool:
    """A short ask whose subject is a pronoun for the sentence before it ("They're offering a $300k MG. Is
    that paid upfront?", "… wants to shoot live like a Korean drama. Is that workable for a US streamer?"): alone
    it asks about nothing, or about the few words after the pronoun (the streamer) rather than what "that" is."""
    return word_count(part) <= PRONOUN_WORDS and bool(_PRONOUN.match(part))


def names_no_topic(part: str) -> bool:
    """A short part that points back at the situation and asks only whether it is usual, allowed or why ("Is that
    normal?", 「왜 그런 건가요?」): ranked alone it is about nothing, so the card its own words would pick (alone,
    「왜 그런 건가요?」 finds any card that asks 'why') is no evidence."""
    judged = _ATTRIBUTIVE.sub(" ", part)  # "Can those actors work our usual Korean shooting hours?" names hours
    return "…" not in part and word_count(part) <= TOPICLESS_WORDS and (
        bool(POINTS_BACK.search(part)) and bool(_JUDGES_IT.search(judged)) and not _HOW_LONG.search(part)
        or frame_only(part))
