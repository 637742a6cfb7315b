"""The topics a sentence lists and asks about one by one ("the card exchange and the dinners. What's expected for
each?", 「A、B、Cについて教えてください」, "They want A, and they also want B. How do we respond to each?") and the
numbered asks of a message (①②, 一、二、, 1) 2)): each topic or numbered item is an ask of its own (parts.py)."""

from __future__ import annotations

import re

from server.coach.ask_marks import AND_CUE, FOCUS, MAX_PARTS, SENTENCE, WH, is_question
from server.coach.bare_asks import word_count
from server.morph import ends_a_korean_clause

# Numbered asks: ①②, 一、二、, 1) 2).
_ENUMERATION = re.compile(r"[①②③④⑤⑥⑦⑧⑨]|(?:(?<=[。：:；;，,、？?！!\s])|^)(?:[一二三四五]、|[(（]?[1-5][)）])")
# A sentence that asks about each of the topics it lists: "the card exchange and the dinners. What's expected for
# each?", 「準拠法と、源泉徴収税の扱い、それぞれ…」, 「회식이랑 서열 문제, 각각…」, 「最低保底和营销费用这两点，各自…」.
EACH = re.compile(r"\b(?:each|both)\b|それぞれ|各々|각각|각자|둘 다|各自|分别|分別|[这這]两[点個个项項]|两者", re.I)
# What comes before the list: "Two things I keep getting wrong: ", 「…詰めていますが、」, 「특히 」.
_LIST_LEFT = re.compile(r"^.*(?::|：|\bboth\b|(?:が|けど|ので|ですが|ますが|ては)、|(?:는데|은데|인데|지만),\s*|"
                        r"^(?:特に|とくに|특히|尤其|especially)\s*)", re.I)
# Between listed topics: the clearest separator first.
_LIST_STRONG = re.compile(r"\s*(?:、\s*(?:それから|あと|また|さらに)|(?<!こ)と、|、|，|,?\s+and\s+|,\s+|以及|"
                          r"(?<=[\w)])\s*,\s*)\s*", re.I)
# Only commas: "the minimum guarantee, the distributor's fees and expenses, and whether we dub it" lists three.
_LIST_COMMA = re.compile(r"\s*(?:,\s*(?:and\s+)?|、|，)\s*", re.I)
# What sums the list up before the ask about each: 「…和仲裁地，这三点各自…」, 「…、この二点、それぞれ…」,
# 「…, 이 세 가지 각각…」
_SUMMED = re.compile(r"[、，,]?\s*(?:这|這|以上|上述|この|これらの|이|위)?\s*(?:[二三两兩几幾2-3두세])\s*"
                     r"(?:点|項|项|个|個|つ|件|가지)(?:问题|問題)?\s*$")
_LIST_WEAK = re.compile(r"(?<=\S)(?:と|や|이랑|랑|하고|와|과)\s+|(?<=[^\s\x00-\x7f])(?:と|や|和|与|與|跟)(?=\S)")
# Where the last topic ends: 「為替の条項で揉めています」 (a Korean one: _korean_topic).
_LIST_END = re.compile(r"(?:で|が|を|は|について|に関して|に関する)(?=[^の]*$)|[，,、]?\s*$")
# A Japanese item that ends as a clause goes on ("…連絡してきて、委員会を通さずに…"): no topic of a list.
_CLAUSE_GOES_ON = re.compile(r"(?:て|って|んで|いで|ずに|ながら|たり|ので|けど)$")
# What sums up a numbered list after its last item: 「、の二点を相談したいです」, 「，这两个问题想请教」,
# 「, 이 두 가지가 궁금합니다」.
_WRAP_UP = re.compile(r"[、，,]\s*(?:の|という|以上の|这|這|이|以上)?\s*(?:[二三两兩2-3두세]|これら)\s*"
                      r"(?:点|つ|个问题|個問題|点|가지)[^、，,?？]*$")
_WANT_VERB = (r"(?:wants?|asks?|asked|insists?|demands?|expects?|proposes?|proposed|requests?|requested|says?|said|"
              r"would like|plans?|needs?)\b")
_WANTS_JOIN = re.compile(r",?\s+and\s+(?=(?:(?:they|he|she|the \w+)\s+)?(?:also\s+|then\s+)?" + _WANT_VERB + ")|"
                         + AND_CUE.pattern, re.I)
# An English want names its verb: "The new exec just joined and wants to cut the fee" says one want, not two.
_WANTS = re.compile(r"\b" + _WANT_VERB, re.I)
LIST_WORDS = 10  # a listed topic is a noun phrase, not a clause
# A clause that tells the situation rather than naming a topic: "We are a Beijing studio, the US side says …, the
# contract is unclear. What should we do?" (a Japanese one goes on: _CLAUSE_GOES_ON; a Korean one ends with a verb's
# ending, asked of Kiwi): who is speaking, or a finite verb of being, saying or wanting.
_TELLS = re.compile(
    r"^(?:we|i|they|our (?:partner|company|studio|team)|the (?:us|american|japanese|korean|chinese) (?:side|partner|"
    r"studio|team))\b|\b(?:is|are|am|was|were|says|said|wants|told|insists|keeps)\b|"
    r"\b(?:just|joined|left|started|signed|sent|agreed|changed|moved|quit)\b|"  # "… just joined and wants …"
    r"^(?:我们|我方|我司|我|美方|对方|他们|中方|合作方)(?!的)|(?<!小)说|是(?!否)|要求|没有?|告诉|希望", re.I)
# An ask that names no topic of its own, so the topics listed with it are the asks: "Any advice?", "What about …",
# 「…について教えてください」, 「どう考えればいいでしょうか」, 「어떻게 봐야 할까요?」, 「…我们都拿不准，请问怎么看？」.
GENERIC_ASK = re.compile(
    r"^(?:any (?:advice|tips|thoughts|guidance)|thoughts|what (?:should|do) (?:i|we) do|what do you (?:think|suggest|"
    r"recommend)|how (?:should|do) (?:i|we) (?:handle|approach|think about|deal with) (?:this|these|them|it|that)|"
    r"どう(?:考え|す|対応|進め|見)|アドバイス|何か(?:アドバイス|助言)|어떻게 (?:봐야|해야|대응|접근|생각)|"
    r"어떻게 하면|조언|(?:请问)?(?:怎么看|怎么办|该怎么|如何(?:处理|应对|看)|有什么建议))[^.?？。]{0,16}[.?？。]?$",
    re.I)
_GENERIC_HEAD = re.compile(r"^(?:what about|how about|any (?:advice|tips|thoughts|guidance) on|thoughts on|"
                           r"(?:can you |could you |please )?(?:explain|advise (?:me )?on))\s+", re.I)
_GENERIC_TAIL = re.compile(
    r"(?:(?:について|に関して|の(?:こと|件)について)[、,]?\s*(?:教えて|アドバイス|ご助言|助言|どう)[^。？?]*|"
    r"\s*(?:에 대해서?|에 관해서?|관련해서?)\s*(?:조언|알려|어떻게|궁금)[^.?]*|"
    r"(?:这几[点块个项]|这些)?(?:我们|我)?都?(?:拿不准|不太懂|不清楚|没把握|不太了解)[，,]?\s*(?:请问)?[^，,。？?]*|"
    r"[，,]?\s*(?:请问)?(?:我们|我)?(?:应该|该)?(?:怎么看|怎么办|如何处理))[。？?]?$")
# A first listed item that only says where the topics sit: 「契約で」, 「텀시트에서」, 「发行方案里」.
_LEAD = re.compile(r"^(?:それと|それから|あと|そして|그리고|또한?|另外|还有|以及)[、，,]?\s*")
_SETTING = re.compile(r"(?:で|では|には|において|から|より|에서는?|에는|중에서?|에선|里|中|上|方面)$")
_SETTING_WORD = re.compile(r"^.*\S(?:에서는?|에는|에선)\s+")  # 「…보낸 텀시트에서 수익 배분」 -> 「수익 배분」
_ZH_LAST = re.compile(r"(?<=[^\x00-\x7f])(?:和|以及|及|与)(?=[^\x00-\x7f])")  # 「营销费用和汇率」: the last two


def listed_topics(sentence: str, cued: bool = False) -> list[str]:
    """The topics a sentence lists and asks about one by one (`cued`: the next sentence asks "each?" or asks with no
    topic of its own, "Any advice?"; its topics may be clauses, "who has final cut"): two or three noun phrases,
    else []. A sentence that asks about its list with
    no topic of its own ("What about A, B and C?", 「A、B、Cについて教えてください」) lists its asks too."""
    cue = EACH.search(sentence)
    generic = None if cue is not None or cued or FOCUS.match(sentence) else _generic_list(sentence)
    if generic is not None:
        sentence, cued = generic, True
    elif cue is None and not cued and not FOCUS.match(sentence):
        return []
    before = sentence[:cue.start()] if cue is not None and cue.start() > 0 else sentence
    if cue is not None and re.search(r"\bboth\s*$", before, re.I):
        return []  # "both the incentive and where arbitration sits": the list follows, the clauses split it
    count = _count_summed(before.strip(" ,，、。.?？"))
    text = _SUMMED.sub("", _LIST_LEFT.sub("", before.strip(" ,，、。.?？")).strip()).strip(" ,，、")
    for separator in (_LIST_STRONG, _LIST_WEAK) if cue is not None or not cued else (_LIST_STRONG,):
        items = [i.strip() for i in separator.split(text) if i and i.strip()]
        if len(items) >= 2:
            break
    else:
        return []
    if len(items) > MAX_PARTS:  # an "and" inside one listed topic: "the distributor's fees and expenses"
        items = [i.strip() for i in _LIST_COMMA.split(text) if i and i.strip()]
    items = [_LEAD.sub("", i) or i for i in items]  # 「…こと、それとMFN条項」: the item is 「MFN条項」
    if any(_CLAUSE_GOES_ON.search(i) for i in items[:-1]):
        return []  # 「米国側が直接連絡してきて、委員会を通さずに決めようとしています」 is one situation
    while len(items) > 2 and _SETTING.search(items[0]) or count and len(items) > count:
        items = items[1:]  # 「共同製作契約で、準拠法と仲裁地、為替条項」: the first says where the topics sit, as
        # the first of four before 「这三点」 does (「与美方谈合同，最终剪辑权，结算货币，仲裁地，这三点…」)
    if cue is None and any(_tells(i) for i in items[:-1]):
        return []  # the sentence before "What should we do?" tells the situation clause by clause (the last item
        # may end with the sentence's verb: 「…준거법이 걸립니다」)
    items[0] = _SETTING_WORD.sub("", items[0])
    if len(items) < MAX_PARTS and "、" in text and _ZH_LAST.search(items[-1]):
        items[-1:] = [i for i in _ZH_LAST.split(items[-1], maxsplit=1) if i]  # 「保底、营销费用和汇率」
    end = _LIST_END.search(items[-1])
    items[-1] = _korean_topic(items[-1][:end.start()].strip() if end is not None else items[-1])
    if not 2 <= len(items) <= MAX_PARTS or any(not i or word_count(i) > LIST_WORDS or is_question(i)
                                                 or (WH.search(i) and not cued) for i in items):
        return []
    return items


_COUNT = {"二": 2, "两": 2, "兩": 2, "2": 2, "두": 2, "三": 3, "3": 3, "세": 3}


def _count_summed(text: str) -> int:
    """How many topics the words that sum a list up count (「这三点」, 「이 세 가지」: 3); 0 when none do."""
    summed = _SUMMED.search(text)
    digit = re.search(r"[二三两兩23두세]", summed.group()) if summed is not None else None
    return _COUNT[digit.group()] if digit is not None else 0


def _tells(item: str) -> bool:
    """A clause that tells the situation: "the contract is unclear", 「合同里没写清楚」, 「계약서엔 없어요」."""
    if WH.match(item):
        return False  # "who has final cut" is a topic asked about
    return bool(_TELLS.search(item)) or (re.search("[가-힣]", item) is not None and ends_a_korean_clause(item))


def joined_wants(sentence: str) -> list[str]:
    """The two or three things a sentence says the partner wants, when the next sentence asks about each ("They want
    A, and they also want B."; 「…を求め、また…も求めています」): its clauses cut at "and (also)", 「また」, 「另外」,
    「고」; [] when it does not split so."""
    pieces = [p.strip(" ,，、。.") for p in _WANTS_JOIN.split(sentence)]
    if pieces and re.fullmatch(r"[\x00-\x7f’‘“”]+", pieces[0]) and not _WANTS.search(pieces[0]):
        return []  # "… just joined and wants to lower the fee": the first clause tells, it wants nothing
    return pieces if 2 <= len(pieces) <= MAX_PARTS and all(
        3 <= word_count(p) <= 2 * LIST_WORDS for p in pieces) else []


def _generic_list(sentence: str) -> str | None:
    """The list of a sentence that asks about it with no topic of its own ("What about A, B and C?", 「A、B、C
    について教えてください」), the generic words cut off; None when the sentence names what it asks."""
    head = _GENERIC_HEAD.match(sentence)
    if head is not None:
        return sentence[head.end():]
    tail = _GENERIC_TAIL.search(sentence)
    return sentence[:tail.start()] if tail is not None and tail.start() > 0 else None


def _korean_topic(item: str) -> str:
    """A Korean topic without what follows its particle: 「호칭 문제가 걱정입니다」 -> 「호칭 문제」, 「호칭이 걱정」 ->
    「호칭」 (이/은/을 only after a final consonant: 「나이」 keeps its 이)."""
    words = item.split()
    for n, word in enumerate(words[:-1]):
        last, before = word[-1], word[-2] if len(word) > 1 else ""
        final = bool(before) and "가" <= before <= "힣" and (ord(before) - 0xAC00) % 28 != 0
        if last in "가를는도" or (last in "이은을" and final):
            return " ".join([*words[:n], word[:-1]])
    return item


_AND_LAST = re.compile(r"[,\s]+(?:and|or)\s*$", re.I)  # "(1) can we claim the rebate, and (2) how many hours …"


def numbered_asks(text: str) -> list[str]:
    """Numbered asks inside a message (①, ②; 一、二、; 1) 2)), each up to the next number, when there are two or
    more; [] otherwise."""
    marks = list(_ENUMERATION.finditer(text))
    if len(marks) < 2:
        return []
    ends = [m.start() for m in marks[1:]] + [len(text)]
    items = [_AND_LAST.sub("", text[m.start():end]).strip(" 、，,；;。\n") for m, end in zip(marks, ends, strict=True)]
    items[-1] = SENTENCE.split(items[-1])[0].strip(" 、，,；;。")  # the last item ends with its sentence,
    items[-1] = _WRAP_UP.sub("", items[-1])  # before what sums the list up: 「…のか、の二点を相談したいです」
    return [i for i in items if word_count(i) >= 3] if all(word_count(i) >= 3 for i in items) else []
