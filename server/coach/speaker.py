"""Who said quoted or reported words in a message: the asker, the asker's own side (a boss, a colleague, the own
company), or the partner. Only the partner's words are decoded (see coach/understand.py and coach/decode.py)."""

from __future__ import annotations

import re

from server.coach.sides import KO_WHERE, OWN, PARTNER_NOUNS, SENTENCE_END, THEIR_SIDE, ZH_PARTNERS
from server.coach.wording import own_draft, own_wording, will_say_after, will_say_before

# 「…」と上司に言われた (the own side), 「…」と先方に (the partner's): the one it names right after the words
_AGENT_AFTER = re.compile(r"[」』”\"']?\s*(?:と|って|という|との)\s*(?:(社内|上司|うちの\S{0,6}?|弊社の\S{0,6}?|"
                          r"社長|部長|課長|経理|法務|同僚)|先方|相手|米国側|アメリカ側|向こう)(?:に|から|が|で|は)")
# A reported Japanese or Korean line that opens with its own-side speaker: 「저희 PD가 일단 …」, 「社内では …」
_OWN_SUBJECT = re.compile(r"\s*(?:저희|우리|사내|社内|上司|うちの|弊社|当社)[^、。.,\n\"“「]{0,10}?"
                          r"(?:께서|이|가|은|는|에서|では|から|が|は)(?=\s|[^\s])")
_OBJECT_BEFORE = re.compile(r"\b(?:to|on|with|about|for|of|in|at|during|after|before|from|by|into|than|against|"
                            r"over)\s+(?:[\w'-]+\s+){0,2}$", re.I)  # "replied to our notes", "at our meeting"
_MEMBERS = re.compile(r"\b(?:everyone|everybody|someone|somebody|people|nobody|anyone|all|one|some|most)\s+"
                      r"(?:of|in|at|on|from)\s+$", re.I)  # "everyone in our finance team" speaks for it
_KO_WORD = re.compile(r"[^\s\"“”'「」.,]+")
_KO_SUBJECT, _KO_OBJECT = ("이", "가", "께서", "은", "는", "에서"), ("을", "를", "에게", "한테")
_OWN_PLACE = re.compile(r"\b(?:company|studio|side|team|end|office|firm)$", re.I)  # "the producer at our company"
_KO_LETS = re.compile(r"(?:보|하|해|가|두|내|주|맞추|미루|기다리)자[\"”'」.!]?\s*$")  # rude to a partner
_KO_TITLE = re.compile(r"(?:^|(?<=[.,\n]))\s*(대표|사장|회장|팀장|본부장|실장|부장|이사|상무|전무)님")
# A message that names the partner apart from a bare title (「미국 측에는 뭐라고 하죠?」) is the Korean side's: the
# title is the asker's boss, unless the partner's own title is named too (「미국 측 대표님과 미팅했는데, 대표님이」).
_KO_PARTY = re.compile(r"미국|중국|일본|상대\s*(?:측|쪽|방)|그쪽|파트너|스튜디오|투자사|배급사|방송사|제작사")
_KO_POLITE = re.compile(r"(?:니다|니까|요|죠)[\s\"”'」.!?…]*$")

# who said the quote: the asker ("I replied", 「제가」, 「我跟美方说了」) just before it, or a reply verb after it
# (「と返事して」, 「라고 답했」) with the partner as the one it was said TO (「先方に」, 「미국 측에」, 「跟美方」)
_ASKER_SAID_BEFORE = re.compile(r"(?:\b(?:I|we)(?:'ve|'d| have| had)?\s+(?:(?:just|already)\s+)?"
                                r"(?:said|replied|answered|responded|"
                                r"wrote(?:\s+back)?|told\s+\w+(?:\s+\w+)?)(?:\s+(?:to\s+)?\w+(?:'s)?(?:\s+\w+){0,3})?"
                                r"\s*:?\s*|(?:제가|저희가|저는|저희는)[^\"“'「]{0,25}|"
                                r"(?<![对跟给向诉复答问])我(?:们)?(?:跟|对|给|向)?[^\"“「]{0,10}(?:说了?|回复了?|答复了?|回了|答应了?|"
                                r"承诺了?|(?:回复)?草稿)(?:" + ZH_PARTNERS + r")?(?:一句|一声|句)?\s*[:：]?\s*|"
                                r"(?<![对跟给向诉复答问])我们?(?:自己)?写(?:了|的是)[^\"“「]{0,8}?[:：]?\s*)"
                                r"[\"“'「『]?$", re.I)
# the asker's own message: "My response was '…'", "Our reply to their notes was "…"", "My first email said "…""
# ("our Chinese line producer says '…'" is a person, not a line of the asker's)
_OWN_WORDS = re.compile(r"\b(?:my|our)\s+(?:[\w-]+\s+)?(?:reply|response|answer|e-?mail|message|text|note|line|wording|"
                        r"draft|letter)s?\b(?!\s+(?:producer|manager|editor|director|coordinator|team)s?\b)"
                        r"[^.!?\"“'\n]{0,40}?\b(?:was|is|said|says|read|reads)\s*:?\s*[\"“']?$|"
                        r"(?<!their )(?<!'s )\b(?:draft|planned|proposed)\s+(?:opener|opening|reply|response|line|"
                        r"wording|answer|e-?mail|message|close|closing)\b[^.!?\"“'\n]{0,40}?[-–—:,]?\s*[\"“']?$", re.I)
_ASKER_SPEAKS = re.compile(r"\b(?:I|we)(?:'ve|'d|'ll| have| had)?\s+(?:(?:just|already|also|even)\s+)?\S?$|"
                           r"(?<![对跟给向诉复答问])我们?(?:跟|对|给|向)?\S{0,4}$", re.I)
_ASKER_SAID_AFTER = re.compile(r"[\"”'」』]?\s*(?:と(?:返事|返信|回答|答え|伝え|言って|言い|言った(?!ら))"
                               r"(?!られ|が|を?(?:いただ|もら|頂))|"
                               r"(?:이)?라고(?:만|도)?\s*(?:답|말|회신|했|보냈|보내\s?놨|보내\s?뒀))")
# the asker named right after the words as the one saying them: 「…」と私が言うと, "…"라고 제가
_I_AFTER = re.compile(r"[\"”'」』]?\s*(?:(?:と|って)\s*(?:私|僕|わたし|当方)(?:が|から|の方から|より)|"
                      r"(?:이)?라고\s*(?:제가|저희가|내가))")
_ASKER_SAID_TO = re.compile(r"(?:先方|相手|アメリカ側|米国側|パートナー)に|"
                            r"(?:미국\s*측|상대|파트너|[사쪽팀])(?:에게|한테|에)\s*$|(?:에게|한테|께)\s*$|제가|저희가")
# 「先週の会議で私から「…」と伝えました」: the asker named as the one who said it, just before the words
_JA_I_BEFORE = re.compile(r"(?:私|僕|わたし|当方|こちら)(?:の方)?(?:から|が|は|より)[^「『。！？]{0,12}$")
# "I ended our call with Toho by saying '…'": the words said by whoever the sentence last names as its subject
_BY_SAYING = re.compile(r"\bby (?:saying|telling \w+|replying|answering|writing(?: back)?)\s*[:,]?\s*$", re.I)
_SUBJECTS = re.compile(r"\b(I|we|they|he|she)\b", re.I)
_JA_TO = re.compile(r"[^\sか]に\s*$")  # 「米国のプロデューサーに「…」と返事して」: said TO someone
# 「想跟美方说…」, 「怎么跟对方说…」: the asker telling the partner (「美方跟我们说」 has a speaker of its own)
_ZH_ASKER_TO = re.compile(r"(?:^|[想要该能会得就再先也还我么话算备划”」，。,！？\s])(?:跟|对(?!方)|给|向)"
                          r"[^，。,！？\s说]{1,8}$")
# A scene written as a script ("Me: '…'", "Me to the Toho producer last week: '…'", 私「…」, 나: "…", 我：“…”) or
# the asker's words named as such (私の返事は「…」, 제 발언: "…", 我的原话：“…”)
_SCRIPT_ME = re.compile(r"(?:^|\n|[.!?'\"”」)]\s+)\s*(?:me|myself)(?:\s+(?:to|with|at|on)\b[^:\n\"“']{1,60})?"
                        r"\s*:\s*[\"“']?$|"
                        r"(?:^|[\n。！？])\s*(?:私|僕|わたし|自分|나|저|我|本人)\s*[:：]?\s*[「『\"“']?$|"
                        r"(?:私の|제\s*|我的?)(?:発言|返事|返信|回答|答え|발언|답변|대답|말|회신|답장|原话|答复|回复|发言)"
                        r"(?:は|은|는|是)?\s*[:：]?\s*[「『\"“']?$", re.I)
# A partner named at a clause's start before its verb of saying says it: 「我跟美方开会，美方说“…”」
_ZH_THEY_SAY = re.compile(r"(?:^|[，,。！？\s])(?:" + ZH_PARTNERS + r")")
# Words the quote itself tells someone to say to the partner ("tell Toho we'll keep you posted", 「米国側には…と
# 伝えておいて」, 「미국 쪽엔 …라고 해 둬」, 「跟美方说…」): the asker's side's, whoever gave the instruction
_TELL_THEM = re.compile(r"^\s*(?:just\s+)?(?:tell|remind|email|text|write back to|reply to|say to)\s+"
                        r"(?!me\b|us\b|your\b)\w|"
                        r"(?:先方|米国側|アメリカ側|米側|相手|向こう)(?:に|には|へ)[^」]*?(?:伝え|言っ|返し|返事し|回答し)て"
                        r"(?:おいて|おけ|くれ|ね)?\s*[。!！]?$|"
                        r"(?:미국|상대|그쪽|파트너)\s*(?:측|쪽)?\s*(?:엔|에는|에|에게는?|한테는?)\s[^\"”]*?"
                        r"(?:해|전해|답해|말해)(?:\s*(?:둬|줘|놔|요))?\s*[.!]?$|"
                        r"^\s*(?:就|先|直接)?(?:跟|对|给|向|告诉)(?:" + ZH_PARTNERS + r")(?:说|讲|回|回复)?", re.I)
# 「…다고 들었는데」 is hearsay; it is the partner's only when it says from whom: 「미국 측에서 …다고 들었습니다」
_KO_SOURCE = re.compile(r"측|쪽|에게서|한테서|로부터|에서")
# 「미국 파트너에게 …겠다고 답했는데」: said TO the partner, with no one it came from, is the asker's own reply
_KO_TO = re.compile(r"(?:에게|한테)(?!서)")


def own_side_said(message: str, start: int, end: int) -> bool:
    """The words at message[start:end] were said by the asker's own side, not the partner: a colleague, boss or the
    asker's own company (「社内では「…」と言われて」, 「…」と上司に言われた, 저희 대표님이 "…"고, 领导说"…",
    "our accountant says ..."). The speaker is the side named after the words (「と上司に」, 「と先方に」), else the
    side named last before them in their sentence, so that "our Korean co-producer told us" and 「中方导演对我们的
    意见说」 stay the partner's; a reported Japanese or Korean line may name its own speaker first (「저희 PD가 …」).
    A side named as an object is no speaker ("our CEO's reaction to the Japanese committee's term sheet was",
    「사내 법무팀이 미국 측 계약서 초안을 보고」). A Korean title alone (「팀장님이」) is the asker's boss when
    the words are plain (「검토해 보겠다」, 「해 보자」) or the message names the partner apart from it (「미국 측에는
    뭐라고 하죠?」), else the partner's when they are polite (「생각해 보겠습니다」)."""
    if after := _AGENT_AFTER.match(message[end:end + 16]):
        return bool(after.group(1))
    if _OWN_SUBJECT.match(message[start:end]) or _KO_LETS.search(message[start:end]):
        return True
    before = SENTENCE_END.split(message[max(0, start - 120):start])[-1]
    plain = not _KO_POLITE.search(message[start:end])
    own = [m.span() for m in OWN.finditer(before) if _OWN_PLACE.search(m.group(0)) or _speaks(before, m)
           or _MEMBERS.search(before[:m.start()])]
    outside = message[:start] + " " + message[end:]
    own += [m.span() for m in _KO_TITLE.finditer(before) if plain or _KO_PARTY.search(outside)
            and not re.search(rf"(?:{_KO_PARTY.pattern})\s*(?:측|쪽)?\s*{m.group(1)}님", outside)]
    theirs = [m.span() for m in THEIR_SIDE.finditer(before) if _speaks(before, m) and not _addressed(before, m)
              and not any(s <= m.start() and m.end() <= e for s, e in own)]  # 「우리 쪽」, "our studio"
    last = max(own + theirs, key=lambda span: span[1], default=None)
    return last is not None and last in own


def _speaks(before: str, side: re.Match[str]) -> bool:
    """Whether the side named may be the speaker: not in an English prepositional phrase ("to the Japanese
    committee's", "at our meeting"), nor a Korean object (「미국 측 계약서 초안을」: the first of the next words with a
    particle says which) or the side's meeting (「미국 쪽 회의에서」)."""
    if _OBJECT_BEFORE.search(before[:side.start()]):
        return False
    for word in _KO_WORD.findall(before[side.end():])[:3]:
        if KO_WHERE.search(word) or word.endswith("에"):  # 「미국 쪽 회의에서」, 「미국 측 이메일에」: where, not who
            return False
        if word.endswith(_KO_SUBJECT):
            return True
        if word.endswith(_KO_OBJECT):
            return False
    return True


# The partner named as the one spoken to, not the speaker: 「同僚が米国側に「…」と返して」, 「본부장님께서 미국 측에
# "…"라고 하라고」, 「同事回美方说」, 「领导说下次见美方就说」
_TO_THEM_AFTER = re.compile(r"^\s*(?:(?:측|쪽)\s*)?(?:에게|한테|께|에|に|へ)(?!서)")
# "our GM told the Japanese committee '…'": the partner was told
_TOLD_BEFORE = re.compile(r"\b(?:told|tells|telling|tell|asked|emailed|texted|wrote to|replied to|assured)\s+"
                          r"(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)
_TO_THEM_BEFORE = re.compile(r"(?:见|跟|给|向|找|约|回复?|告诉|在(?:和|跟|与|同))$")  # 「在和美方的视频会上」: where


def _addressed(before: str, side: re.Match[str]) -> bool:
    """Whether the partner named is the one the words are said to (a Japanese or Korean particle of direction after
    it, a Chinese verb or coverb of addressing right before it): it names no speaker."""
    return bool(_TO_THEM_AFTER.match(before[side.end():]) or _TO_THEM_BEFORE.search(before[:side.start()])
                or _TOLD_BEFORE.search(before[:side.start()]))


def said_by_asker(message: str, start: int, end: int) -> bool:
    """The quote is the asker's own reply: 'I replied "sounds great"', 「先方に「…」と返事してしまいました」,
    「제가 "…"라고 답했는데」, 「我跟美方说了"我们研究研究"」: said by the asker, or to the partner with no one it
    came from."""
    before = message[max(0, start - 60):start]
    asker = _ASKER_SAID_BEFORE.search(before[-40:])
    return bool(asker and not _ZH_THEY_SAY.search(asker.group(0)) or _SCRIPT_ME.search(before)
                or _TELL_THEM.search(message[start + 1:end - 1]) or _I_AFTER.match(message[end:end + 12])
                or will_say_before(before) or _OWN_WORDS.search(before) or own_draft(before)
                or will_say_after(message, start, end) or own_wording(message, start, end) or _asker_by_saying(before)
                or _ASKER_SAID_AFTER.match(message[end:end + 20])
                and (_ASKER_SAID_TO.search(message[:start]) or _JA_TO.search(before) or _JA_I_BEFORE.search(before)))


def _asker_by_saying(before: str) -> bool:
    """'I closed the call by saying "…"' is the asker's; 'they ended by saying "…"' is theirs."""
    sentence = SENTENCE_END.split(before)[-1]
    subjects = _SUBJECTS.findall(sentence)
    return bool(_BY_SAYING.search(sentence) and subjects and subjects[-1].lower() in {"i", "we"})


# 「想这样回复对方：“…”」: the partner named right after the verb of a Chinese report, before a colon or the quote,
# is the one replied TO, not the speaker
_ZH_ADDRESSED = re.compile(r"\s*(?:" + ZH_PARTNERS + r")\s*(?:[:：]|[“\"「『])")


def asker_reported(message: str, m: re.Match[str], korean: bool) -> bool:
    """A reported line ("they said ...", 「…と言われた」, 「…다고 했어요」, 「说…」; group 1 the words) that is the
    asker's or the own side's, not the partner's: the asker speaks just before it ("I said", 「我跟美方说」), a
    Korean line opens with 「제가」, the own side said it, a Chinese report names the partner it is said TO
    (「回复对方：」), or a Korean report said TO someone names no one it came from."""
    words = m.group(1)
    return bool(_ASKER_SPEAKS.search(message[max(0, m.start() - 15):m.start() + 1])
                or _OWN_WORDS.search(message[max(0, m.start() - 60):m.end(1) - len(m.group(1))])
                or will_say_after(message, m.start(1), m.end(1))
                or _ZH_ASKER_TO.search(message[max(0, m.start() - 12):m.start()])
                or words.lstrip().startswith(("제가", "저희가")) or bool(_ZH_ADDRESSED.match(words))
                or own_side_said(message, m.start(1), m.end(1))
                or (korean and (m.group(2) or _KO_TO.search(words)) and not _KO_SOURCE.search(words)))


# the asker named: "I", "my", 「私」, 「제가」, 「我」 (a word of its own in English)
FIRST_PERSON = re.compile(r"\b(?:i|i'm|i'd|i'll|i've|me|my|we|we're|we'll|we'd|our|us)\b|私|僕|わたし|こちら|"
                           r"제가|저는|저희|제\s|내가|나는|우리|我", re.I)
# "'…' from a Korean financier", "'…' from Toho", "'…' when they mean no", 「先方の「…」」, 「미국 측의 "…"」,
# 「对方的“…”」, 「董事长也只说「…」」, 「中方老板只回了一句“…”」, 「「…」とのことでした」, 「「…」と言ってくれた」
_SOURCE_AFTER = re.compile(r"^[」』”\"'’]?\s*(?:from\s+(?!(?:my|our|us|me)\b)(?:(?:the|a|an|their|one of their)\s+)?"
                           r"(?:(?!(?:my|our)\b)[\w'-]+\s+){0,2}?"
                           r"(?:(?-i:[A-Z])\w+|" + PARTNER_NOUNS + r"|studio|team|side|producer|exec\w*)\b|"
                           r"(?:when|if|whenever|because)?\s*(?:they|he|she)\s+(?:say|says|said|mean|means|meant|use|"
                           r"write|wrote|reply|replied)\b|"
                           # words that came to the asker: 「…」とのこと, と言われ, と返事が来, "…"라는 답장이 왔
                           r"とのこと|と言われ(?!たら)|と(?:返事|返信|回答|連絡|メール)が(?:来|あり|届)|"
                           # 「…」と言ってくれた: said to the asker by someone else
                           r"と言ってくれ(?:た(?!ら)|まし|て)|"
                           r"(?:이)?라는\s*(?:답장|답변|회신|연락|메일)이\s*(?:왔|와|도착))", re.I)
_SOURCE_BEFORE = re.compile(r"(?:先方|相手方?|アメリカ側|米国側|米側|美方|对方|日方|韩方|中方|상대\s*측|상대방|"
                            r"(?:미국|일본|중국)\s*측)(?:の|的|의|が|は|から|이|가|은|는|에서)?\s*[「『“\"']$|\btheir\s+[「『“\"']$|"
                            # someone other than the asker named as the one who says it: 「如果董事长也只说「…」」
                            r"(?:^|[，,。！？\s])(?:(?!我|咱|想|要|打算|准备|应该|该|能|可以|怎么|如何|不如|直接|先)"
                            r"[^，,。！？\s]){2,6}?(?:也|都|就|又|还|只)*(?:说|讲|回复?|答复|表示)了?(?:一句|一声|句)?"
                            r"[:：,，]?\s*[「『“\"']$", re.I)
# the quote inside what someone else says, with no asker in the clause: "Their line producer says the budget is '…'"
_THEY_SAY = re.compile(r"\b(?:says|said|wrote|writes|replied|told (?:us|me))\b", re.I)
CLAUSE = 36  # characters of the clause before a quote read for its source


def source_named(message: str, start: int, end: int) -> bool:
    """The quote at message[start:end] (its marks included) names its source, the partner, beside it: "'…' from a
    Korean financier", 「先方の「…」」, 「米国側が「…」と言ったら」 (the partner as the subject right before it),
    「「…」とのことでした」, "Their line producer says the budget is '…'" (a clause with someone else saying it and
    no asker in it)."""
    clause = SENTENCE_END.split(message[max(0, start - CLAUSE):start])[-1] + message[start:start + 1]
    return bool(_SOURCE_AFTER.match(message[end:end + 60]) or _SOURCE_BEFORE.search(clause)
                or _THEY_SAY.search(clause) and not FIRST_PERSON.search(clause))
