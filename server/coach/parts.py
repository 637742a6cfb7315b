"""The distinct questions in one message: the sentences that ask, asks joined inside one sentence (", and how …",
「…のか、それと…のか」, 「…し、…も知りたい」, 「…고, 또 …」, 「…，还有…」), numbered asks (①②, 一、二、, 1) 2)).
Alternatives stay one question: "wait or push?", 「待つべきか、押すべきか」, 「…할지, 아니면 …할지」, "A还是B？"."""

from __future__ import annotations

import re

from server.cjk import KANA
from server.coach.bare_asks import frame_only, pronoun_ask, stance_only
from server.coach.bare_asks import names_no_topic as names_no_topic  # tests import it from here
from server.coach.bare_asks import word_count as word_count  # understand.py and asker_frame.py import it from here
from server.morph import conjunctive_ends

MAX_PARTS = 3
SHORT_QUOTE = 20  # words of a partner's line that the situation keeps (a longer one, a pasted e-mail, is "…"; a
# line reported in the asker's own words, not quoted, stays whole: it is the situation)
_QUOTE_OPEN = "\"'“‘「『>"
_MARK = re.compile("\x00(\\d+)q?\x00")  # where a partner's line stood while the message was split
# 「…KeyError가 나요.」 (나다, "an error comes up") asks nothing: the asking -나요 ends a stem (괜찮나요, 하나요)
_QUESTION_END = re.compile(r"(?:[?？]|か|かな|でしょうか|ますか|ですか|の|까|까요|(?<!\s)나요|죠|니|吗|呢)"
                           r"\s*[。.]?\s*$")
_REQUEST = re.compile(r"\b(tell me|explain|advise|help me|any (?:tips|advice))\b|教えて|ください|知りたい|"
                      r"알려\s?(?:주|줘)|조언|궁금|알고 싶|请问|请告诉|怎么办|如何|想知道|想了解|"
                      # an ask put as what the asker does not know: "I never know how I should address their CEO",
                      # 「どう呼べばいいか分からない」, 「어떻게 불러야 할지 모르겠어요」, 「不知道该怎么称呼」
                      r"\bI(?:'m| am) not sure (?:how|what|who|whether|if|when)\b|\bI (?:never|don't|do not) know "
                      r"(?:how|what|who|whether|if|when)\b|\bI (?:wonder|am wondering|'m wondering) "
                      r"(?:if|whether|how)\b|"
                      r"か(?:分から|わから)な|(?:지|는지) 모르겠|不知道(?:该|要|怎么|如何|是否|是不是)|"
                      # what the asker wants to put to someone else: 「誰が決めるのか、…上司に説明したいです」
                      r"のか[、，][^。？?]*(?:したい|たいです)|"
                      # 「…が気になっています。アドバイスをお願いします。」
                      r"(?:アドバイス|助言|ご意見|ご教示)を?(?:お願い|いただけ|頂け)", re.I)
_SENTENCE = re.compile(r"(?<=[?？!！。])\s*|(?<=\.)\s+(?=[A-Z가-힣])|\n+")
_ENUMERATION = re.compile(r"[①②③④⑤⑥⑦⑧⑨]|(?:(?<=[。：:；;，,、？?！!\s])|^)(?:[一二三四五]、|[1-5][)）])")
_JOIN_SPLIT = re.compile(r"(?:,\s*|\s+)(?:and(?:\s+also)?|also|plus),?\s+(?=(?:how|what|who|should|can|could|do|does|"
                         r"is|are|when|where|why|which|would|will|if)\b)", re.I)
# "How does recoupment work, and the audit rights?": a last ask of a few words that borrows the question before it.
_AND_TAIL = re.compile(r",\s+and\s+(?=(?:the|our|their|its|his|her|what about|how about)\s+[^,?]{1,30}\?\s*$)", re.I)
# "Why the rewrites, why no overtime": a second ask that starts with its own question word after a comma.
_COMMA_WH = re.compile(r",\s+(?=(?:how|what|who|when|where|why|which)\b)", re.I)
_STARTS_WH = re.compile(r"^(?:how|what|who|when|where|why|which)\b", re.I)
# Question words: the second of two clauses joined by "or" is its own ask only when it has one
# (「効果があるのか、それとも誰が決めるのか」), not when it is the other choice (「待つべきか、それとも押すべきか」).
_WH = re.compile(r"\b(?:who|what|when|where|why|how|which|whose)\b|誰|だれ|いつ|どこ|何|なに|どう|どの|どれ|なぜ|"
                 r"いくら|누가|누구|언제|어디|무엇|뭐|뭘|어떻게|어떤|왜|얼마|谁|什么|何时|哪|怎么|怎样|如何|为什么|"
                 r"多少|多大|多久|要不要|能不能|是否", re.I)
# A clause that asks or says what the asker wants to know (「…分からない」, 「…하는지 알고 싶고」).
_ASKING = re.compile(r"分から|わから|知りたい|궁금|알고 싶|모르겠|不知道|不清楚|想知道|(?:는|할|을|인|은|일|될)지|"
                     r"のか|(?:[?？]|か|까|吗|呢)$")
_AND_CUE = re.compile(r"[、，,]\s*(?:それと|それから|あと|さらに|加えて|また)[、，,]?|"
                      r"(?<=고)(?:,?\s*(?:또한?|그리고|아울러)\s+|,\s*)|[,，]\s*(?:또한?|그리고|아울러)\s+|[，,]\s*(?:另外|还有|此外|同时)[，,]?|以及")
_OR_CUE = re.compile(r"[、，,]\s*それとも[、，,]?|[,，]?\s*아니면\s+|[，,]\s*或者")
_OTHER_CHOICE = re.compile(r"^(?:or\b|それとも|아니면|还是|或者)", re.I)
# A sentence after a question that adds another ask without a question mark: "And who approves the script - …",
# 「あと、費用は誰が持つのか」, 「另外分账比例一般怎么定」, or narrows it: 「특히 회식 자리가 걱정입니다」.
_ADDED = re.compile(r"^(?:(?:and|also|plus|but)\b|あと|また|それと|それから|さらに|그리고|또|另外|还有|此外|同时)",
                    re.I)
_FOCUS = re.compile(r"^(?:特に|とくに|특히|尤其|especially|in particular)[^。.?？]*(?:心配|不安|気にな|걱정|궁금|担心|"
                    r"想知道|worr|concern)", re.I)


# A sentence that asks about each of the topics it lists: "the card exchange and the dinners. What's expected for
# each?", 「準拠法と、源泉徴収税の扱い、それぞれ…」, 「회식이랑 서열 문제, 각각…」, 「最低保底和营销费用这两点，各自…」.
_EACH = re.compile(r"\b(?:each|both)\b|それぞれ|各々|각각|각자|둘 다|各自|分别|分別|[这這]两[点個个项項]|两者", re.I)
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
_WANTS_JOIN = re.compile(r",?\s+and\s+(?=(?:(?:they|he|she|the \w+)\s+)?(?:also\s+|then\s+)?"
                         r"(?:wants?|asks?|asked|insists?|demands?|expects?|proposes?|proposed|requests?|requested|"
                         r"says?|said|would like|"
                         r"plans?|needs?)\b)|" + _AND_CUE.pattern, re.I)
LIST_WORDS = 10  # a listed topic is a noun phrase, not a clause
# An ask that names no topic of its own, so the topics listed with it are the asks: "Any advice?", "What about …",
# 「…について教えてください」, 「どう考えればいいでしょうか」, 「어떻게 봐야 할까요?」, 「…我们都拿不准，请问怎么看？」.
_GENERIC_ASK = re.compile(
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
    r"[，,]?\s*(?:请问)?(?:应该)?(?:怎么看|怎么办|如何处理))[。？?]?$")
# A first listed item that only says where the topics sit: 「契約で」, 「텀시트에서」, 「发行方案里」.
_LEAD = re.compile(r"^(?:それと|それから|あと|そして|그리고|또한?|另外|还有|以及)[、，,]?\s*")
_SETTING = re.compile(r"(?:で|では|には|において|から|より|에서는?|에는|중에서?|에선|里|中|上|方面)$")
_SETTING_WORD = re.compile(r"^.*\S(?:에서는?|에는|에선)\s+")  # 「…보낸 텀시트에서 수익 배분」 -> 「수익 배분」
_ZH_LAST = re.compile(r"(?<=[^\x00-\x7f])(?:和|以及|及|与)(?=[^\x00-\x7f])")  # 「营销费用和汇率」: the last two


def is_question(sentence: str) -> bool:
    return bool(_QUESTION_END.search(sentence) or _REQUEST.search(sentence))


def split_parts(message: str, partner: list[str]) -> tuple[list[str], str]:
    """The message's distinct questions (at most three; the whole message when it asks one thing) and the
    sentences around them that describe the situation."""
    text = message
    spans: list[str] = []
    for span in partner:
        if _is_term(span) or span not in text:
            continue  # "what does 'North America' include?" keeps its term
        at = text.index(span)
        reported = text[at - 1:at] not in _QUOTE_OPEN and "\n" not in span.strip()  # "they told us the composer…"
        text = text.replace(span, f"\x00{len(spans)}{'' if reported else 'q'}\x00")  # q: a quoted line
        spans.append(span if reported else _short(span))
    sentences: list[str] = []
    for s in (s.strip() for s in _SENTENCE.split(text) if s and s.strip()):
        if sentences and _OTHER_CHOICE.match(s) and not _WH.search(s):
            sentences[-1] += s  # 「…伝えるべき？それとも決まってからのほうがいいですか。」: the other choice
        else:
            sentences.append(s)
    def shown(part: str) -> str:  # a heading reads 'they wrote: "…" Is this a no?' (a short line stays: it is
        # what 「あと、組合のルールで残業はできないと言われたのですが、本当ですか」 asks about)
        return _MARK.sub(lambda m: spans[int(m.group(1))], part)

    def situation(kept: list[str]) -> str:  # the partner's short line is the situation's topic; an e-mail is not
        return _MARK.sub(lambda m: spans[int(m.group(1))], " ".join(kept))

    enumerated = _enumerated(text)
    if enumerated:  # 「①…、②…、教えてください」, 「一、…；二、…」: the numbered items are the asks; what comes before
        # the first is the situation, even in the sentence of the first ("…사려고 합니다. 1) …", 「…詰めています。①…」)
        lead = text[:text.index(enumerated[0])]
        return ([shown(p) for p in enumerated[:MAX_PARTS]],
                situation([s for s in _SENTENCE.split(lead) if s and s.strip()]))
    asking = [is_question(s) or (n > 0 and is_question(sentences[n - 1]) and _adds_an_ask(s))
              for n, s in enumerate(sentences)]
    questions: list[str] = []
    for n, (s, a) in enumerate(zip(sentences, asking, strict=True)):
        if not a:
            continue
        listed = _listed(s)
        if not listed and n > 0 and not asking[n - 1] and (_EACH.search(s) or _GENERIC_ASK.match(s)):
            listed = _listed(sentences[n - 1], cued=True) or _joined_wants(sentences[n - 1])
            # "They want A, and they also want B. How do we respond to each?": that sentence holds the asks, so it
            # leaves the situation (each part would otherwise be retrieved with the other's topic too)
            asking[n - 1] = bool(listed)
        short = not _enough(s) or frame_only(s) or pronoun_ask(s)  # 「왜 그런가요?」, "Is that paid upfront?"
        # 「…と言ってきました。断れますか？」: whether to refuse what the partner said asks about it (joined below)
        topicless, before = names_no_topic(s) and not stance_only(s), sentences[n - 1]
        if not listed and n > 0 and not asking[n - 1] and "q\x00" not in before and (
                short and not (topicless and _MARK.search(before)) or topicless and any(asking[:n - 1])):
            # 「…남기길 원합니다. 왜 그런가요?」, 「…直接批评剪辑。怎么回应比较好？」: an ask with no topic of its own,
            # the sentence before it names it, as a sentence between two asks names the later one's ("… Why? Also
            # nothing gets greenlit until … Is that standard?") (a quoted partner's line stays the situation: "Is
            # this a no?"; a line reported in the asker's words is the topic of an ask too short to stand alone:
            # 「…と言ってきました。断れますか？」)
            s = f"{before} {s}"
        after_quote = n > 0 and "q\x00" in before  # 「…'검토해 보겠습니다'라고만 하고… 거절인가요?」: a short ask
        # right after the partner's quoted line asks about it ("Is this a no?" in three words)
        questions += listed or [q.strip(" ,") for q in _joined(s) for c in _clauses(q) for q in [c]
                                if _enough(q) or names_no_topic(q) or after_quote and q == s
                                and bool(_QUESTION_END.search(q))]  # 「…说“…”。这正常吗？」: an ask of its own
    context = situation([s for s, a in zip(sentences, asking, strict=True) if not a])
    return ([message] if len(questions) <= 1 else [shown(q) for q in questions[:MAX_PARTS]]), context


def _joined(sentence: str) -> list[str]:
    """A sentence cut at ", and how …" where each side asks on its own; "Which currency and which rate date should
    they use?" and "Who pays and who decides when …" ask one thing with coordinated question words, so a left side of
    two words or fewer stays with what follows."""
    pieces = [c for p in _JOIN_SPLIT.split(sentence) if p for c in _comma_asks(p)]
    pieces[-1:] = _and_tail(pieces[-1]) if pieces else []
    out: list[str] = []
    for piece in pieces:
        if out and word_count(out[-1]) <= 2:
            out[-1] = f"{out[-1]} and {piece}"
        else:
            out.append(piece)
    return out


def _and_tail(piece: str) -> list[str]:
    """ "Who owns the character designs, and the music?": the short noun phrase after ", and" is a second ask of
    the same question ("the music?") when what comes before asks with a question word (four words or more)."""
    cut = _AND_TAIL.search(piece)
    if cut is None or word_count(piece[:cut.start()]) < 4 or not _STARTS_WH.match(piece):
        return [piece]
    return [piece[:cut.start()], piece[cut.end():]]


def _comma_asks(piece: str) -> list[str]:
    """ "Why the rewrites, why no overtime": asks of three words or more, each with its own question word, cut at
    the comma between them; "Who, when and how?" stays whole."""
    if not _STARTS_WH.match(piece):
        return [piece]
    pieces = _COMMA_WH.split(piece)
    return pieces if all(len(p.split()) >= 3 for p in pieces) else [piece]


def _listed(sentence: str, cued: bool = False) -> list[str]:
    """The topics a sentence lists and asks about one by one (`cued`: the next sentence asks "each?" or asks with no
    topic of its own, "Any advice?"; its topics may be clauses, "who has final cut"): two or three noun phrases,
    else []. A sentence that asks about its list with
    no topic of its own ("What about A, B and C?", 「A、B、Cについて教えてください」) lists its asks too."""
    cue = _EACH.search(sentence)
    generic = None if cue is not None or cued or _FOCUS.match(sentence) else _generic_list(sentence)
    if generic is not None:
        sentence, cued = generic, True
    elif cue is None and not cued and not _FOCUS.match(sentence):
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
    items[0] = _SETTING_WORD.sub("", items[0])
    if len(items) < MAX_PARTS and "、" in text and _ZH_LAST.search(items[-1]):
        items[-1:] = [i for i in _ZH_LAST.split(items[-1], maxsplit=1) if i]  # 「保底、营销费用和汇率」
    end = _LIST_END.search(items[-1])
    items[-1] = _korean_topic(items[-1][:end.start()].strip() if end is not None else items[-1])
    if not 2 <= len(items) <= MAX_PARTS or any(not i or word_count(i) > LIST_WORDS or is_question(i)
                                                 or (_WH.search(i) and not cued) for i in items):
        return []
    return items


_COUNT = {"二": 2, "两": 2, "兩": 2, "2": 2, "두": 2, "三": 3, "3": 3, "세": 3}


def _count_summed(text: str) -> int:
    """How many topics the words that sum a list up count (「这三点」, 「이 세 가지」: 3); 0 when none do."""
    summed = _SUMMED.search(text)
    digit = re.search(r"[二三两兩23두세]", summed.group()) if summed is not None else None
    return _COUNT[digit.group()] if digit is not None else 0


def _joined_wants(sentence: str) -> list[str]:
    """The two or three things a sentence says the partner wants, when the next sentence asks about each ("They want
    A, and they also want B."; 「…を求め、また…も求めています」): its clauses cut at "and (also)", 「また」, 「另外」,
    「고」; [] when it does not split so."""
    pieces = [p.strip(" ,，、。.") for p in _WANTS_JOIN.split(sentence)]
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


def _enough(question: str) -> bool:
    """Long enough to be an ask of its own: three words, five written without spaces, or four that ask
    (「これは断りなのか」)."""
    words = word_count(question)
    return len(question.split()) + len(question) // 8 >= 3 or words >= 5 or (
        words >= 4 and bool(_ASKING.search(question) or _QUESTION_END.search(question)))


def _short(span: str) -> str:
    """A partner's line as the situation quotes it: whole when it is one short line, else "…"."""
    return span if word_count(span) <= SHORT_QUOTE and "\n" not in span.strip() else "…"


def _is_term(span: str) -> bool:
    """A short quoted term ('North America', 'real') rather than a sentence the partner wrote."""
    return word_count(span) <= 3 and not re.search(r"[.?!。？！\n]", span)


def _adds_an_ask(sentence: str) -> bool:
    return bool(_ADDED.match(sentence) and (_WH.search(sentence) or re.search(r"(?:も|도|도요|呢)[。.？?]?$", sentence))
                or _FOCUS.match(sentence))


def _clauses(sentence: str) -> list[str]:
    """One sentence's asks: cut where a clause that asks is followed by another ask, joined by "and also"
    (それと, 고 또, 还有, 以及, Japanese conjunctive し) or by "or" with its own question word."""
    cuts = [(m.start(), m.end(), False) for m in _AND_CUE.finditer(sentence)]
    cuts += [(m.start(), m.end(), True) for m in _OR_CUE.finditer(sentence)]
    if KANA.search(sentence):
        cuts += [(end - 1, end + 1, False) for end in conjunctive_ends(sentence) if sentence[end:end + 1] in "、，,"]
    cuts.sort()
    out: list[str] = []
    begin = 0
    for n, (start, end, alternative) in enumerate(cuts):
        left = sentence[begin:start].strip()
        right = sentence[end:cuts[n + 1][0] if n + 1 < len(cuts) else len(sentence)].strip()
        if word_count(left) >= 3 and word_count(right) >= 3 and (_ASKING.search(left) or _WH.search(left)) \
                and (_WH.search(right) or (not alternative and _ASKING.search(right))):
            out.append(left)
            begin = end
    return [*out, sentence[begin:].strip()]


def _enumerated(text: str) -> list[str]:
    """Numbered asks inside a message (①, ②; 一、二、; 1) 2)), each up to the next number, when there are two or
    more; [] otherwise."""
    marks = list(_ENUMERATION.finditer(text))
    if len(marks) < 2:
        return []
    ends = [m.start() for m in marks[1:]] + [len(text)]
    items = [text[m.start():end].strip(" 、，,；;。\n") for m, end in zip(marks, ends, strict=True)]
    items[-1] = _SENTENCE.split(items[-1])[0].strip(" 、，,；;。")  # the last item ends with its sentence,
    items[-1] = _WRAP_UP.sub("", items[-1])  # before what sums the list up: 「…のか、の二点を相談したいです」
    return [i for i in items if word_count(i) >= 3] if all(word_count(i) >= 3 for i in items) else []
