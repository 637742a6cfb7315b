"""The distinct questions in one message: the sentences that ask, asks joined inside one sentence (", and how …",
「…のか、それと…のか」, 「…し、…も知りたい」, 「…고, 또 …」, 「…，还有…」), numbered asks (①②, 一、二、, 1) 2)).
Alternatives stay one question: "wait or push?", 「待つべきか、押すべきか」, 「…할지, 아니면 …할지」, "A还是B？"."""

from __future__ import annotations

import re

from server.cjk import CJK_CHAR, KANA
from server.morph import conjunctive_ends

MAX_PARTS = 3
SHORT_QUOTE = 20  # words of a partner's line that the situation keeps (a longer one, a pasted e-mail, is "…")
_MARK = re.compile("\x00(\\d+)\x00")  # where a partner's line stood while the message was split
_QUESTION_END = re.compile(r"(?:[?？]|か|かな|でしょうか|ますか|ですか|の|까|까요|나요|죠|니|吗|呢)\s*[。.]?\s*$")
_REQUEST = re.compile(r"\b(tell me|explain|advise|help me|any (?:tips|advice))\b|教えて|ください|知りたい|알려|"
                      r"조언|궁금|알고 싶|请问|请告诉|怎么办|如何|想知道|想了解", re.I)
_SENTENCE = re.compile(r"(?<=[?？!！。])\s*|(?<=\.)\s+(?=[A-Z가-힣])|\n+")
_ENUMERATION = re.compile(r"[①②③④⑤⑥⑦⑧⑨]|(?:(?<=[。：:；;，,、？?！!\s])|^)(?:[一二三四五]、|[1-5][)）])")
_JOIN_SPLIT = re.compile(r"(?:,\s*|\s+)(?:and|also|plus)\s+(?=(?:how|what|who|should|can|could|do|does|is|are|"
                         r"when|where|why|which|would|will|if)\b)", re.I)
# Question words: the second of two clauses joined by "or" is its own ask only when it has one
# (「効果があるのか、それとも誰が決めるのか」), not when it is the other choice (「待つべきか、それとも押すべきか」).
_WH = re.compile(r"\b(?:who|what|when|where|why|how|which|whose)\b|誰|だれ|いつ|どこ|何|なに|どう|どの|どれ|なぜ|"
                 r"いくら|누가|누구|언제|어디|무엇|뭐|뭘|어떻게|어떤|왜|얼마|谁|什么|何时|哪|怎么|怎样|如何|为什么|"
                 r"多少|多大|多久|要不要|能不能|是否", re.I)
# A clause that asks or says what the asker wants to know (「…分からない」, 「…하는지 알고 싶고」).
_ASKING = re.compile(r"分から|わから|知りたい|궁금|알고 싶|모르겠|不知道|不清楚|想知道|(?:는|할|을|인|은|일|될)지|"
                     r"のか|(?:[?？]|か|까|吗|呢)$")
_AND_CUE = re.compile(r"[、，,]\s*(?:それと|それから|あと|さらに|加えて)[、，,]?|"
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
_LIST_LEFT = re.compile(r"^.*(?::|：|\bboth\b|(?:が|けど|ので|ですが|ますが|ては)、|"
                        r"^(?:特に|とくに|특히|尤其|especially)\s*)", re.I)
# Between listed topics: the clearest separator first.
_LIST_STRONG = re.compile(r"\s*(?:、\s*(?:それから|あと|また|さらに)|と、|、|，|,?\s+and\s+|,\s+|以及|"
                          r"(?<=[\w)])\s*,\s*)\s*", re.I)
_LIST_WEAK = re.compile(r"(?<=\S)(?:と|や|이랑|랑|하고|와|과)\s+|(?<=[^\s\x00-\x7f])(?:と|や|和|与|與|跟)(?=\S)")
# Where the last topic ends: 「為替の条項で揉めています」 (a Korean one: _korean_topic).
_LIST_END = re.compile(r"(?:で|が|を|は|について|に関して|に関する)(?=[^の]*$)|[，,、]?\s*$")
LIST_WORDS = 10  # a listed topic is a noun phrase, not a clause


def word_count(text: str) -> int:
    """Words, counting CJK script (written without spaces) as one word per two characters."""
    cjk = len(CJK_CHAR.findall(text))
    return len(re.findall(r"[^\W_]+", CJK_CHAR.sub(" ", text))) + (cjk + 1) // 2


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
        text = text.replace(span, f"\x00{len(spans)}\x00")
        spans.append(span)
    sentences: list[str] = []
    for s in (s.strip() for s in _SENTENCE.split(text) if s and s.strip()):
        if sentences and _OTHER_CHOICE.match(s) and not _WH.search(s):
            sentences[-1] += s  # 「…伝えるべき？それとも決まってからのほうがいいですか。」: the other choice
        else:
            sentences.append(s)
    def shown(part: str) -> str:  # a heading reads 'they wrote: "…" Is this a no?'
        return _MARK.sub("…", part)

    def situation(kept: list[str]) -> str:  # the partner's short line is the situation's topic; an e-mail is not
        return _MARK.sub(lambda m: _short(spans[int(m.group(1))]), " ".join(kept))

    enumerated = _enumerated(text)
    if enumerated:  # 「①…、②…、教えてください」, 「一、…；二、…」: the numbered items are the asks
        return ([shown(p) for p in enumerated[:MAX_PARTS]],
                situation([s for s in sentences if not any(p in s for p in enumerated)]))
    asking = [is_question(s) or (n > 0 and is_question(sentences[n - 1]) and _adds_an_ask(s))
              for n, s in enumerate(sentences)]
    questions: list[str] = []
    for n, (s, a) in enumerate(zip(sentences, asking, strict=True)):
        if not a:
            continue
        listed = _listed(s) or (_listed(sentences[n - 1], cued=True) if n > 0 and not asking[n - 1]
                                and _EACH.search(s) else [])
        questions += listed or [q.strip(" ,") for q in _joined(s) for c in _clauses(q) for q in [c] if _enough(q)]
    context = situation([s for s, a in zip(sentences, asking, strict=True) if not a])
    return ([message] if len(questions) <= 1 else [shown(q) for q in questions[:MAX_PARTS]]), context


def _joined(sentence: str) -> list[str]:
    """A sentence cut at ", and how …" where each side asks on its own; "Which currency and which rate date should
    they use?" and "Who pays and who decides when …" ask one thing with coordinated question words, so a left side of
    two words or fewer stays with what follows."""
    pieces = [p for p in _JOIN_SPLIT.split(sentence) if p]
    out: list[str] = []
    for piece in pieces:
        if out and word_count(out[-1]) <= 2:
            out[-1] = f"{out[-1]} and {piece}"
        else:
            out.append(piece)
    return out


def _listed(sentence: str, cued: bool = False) -> list[str]:
    """The topics a sentence lists and asks about one by one (`cued`: the next sentence asks "each?"): two or three
    noun phrases, else []."""
    cue = _EACH.search(sentence)
    if cue is None and not cued and not _FOCUS.match(sentence):
        return []
    before = sentence[:cue.start()] if cue is not None and cue.start() > 0 else sentence
    if cue is not None and re.search(r"\bboth\s*$", before, re.I):
        return []  # "both the incentive and where arbitration sits": the list follows, the clauses split it
    text = _LIST_LEFT.sub("", before.strip(" ,，、。.?？")).strip()
    for separator in (_LIST_STRONG, _LIST_WEAK) if cue is not None or not cued else (_LIST_STRONG,):
        items = [i.strip() for i in separator.split(text) if i and i.strip()]
        if len(items) >= 2:
            break
    else:
        return []
    end = _LIST_END.search(items[-1])
    items[-1] = _korean_topic(items[-1][:end.start()].strip() if end is not None else items[-1])
    if not 2 <= len(items) <= MAX_PARTS or any(not i or word_count(i) > LIST_WORDS or _WH.search(i)
                                                 or is_question(i) for i in items):
        return []
    return items


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
    items[-1] = _SENTENCE.split(items[-1])[0].strip(" 、，,；;。")  # the last item ends with its sentence
    return [i for i in items if word_count(i) >= 3] if all(word_count(i) >= 3 for i in items) else []
