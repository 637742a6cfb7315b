"""The distinct questions in one message: the sentences that ask, asks joined inside one sentence (", and how …",
「…のか、それと…のか」, 「…し、…も知りたい」, 「…고, 또 …」, 「…，还有…」), numbered asks (①②, 一、二、, 1) 2)).
Alternatives stay one question: "wait or push?", 「待つべきか、押すべきか」, 「…할지, 아니면 …할지」, "A还是B？"."""

from __future__ import annotations

import re

from server.cjk import KANA
from server.coach.ask_marks import AND_CUE, FOCUS, MAX_PARTS, QUESTION_END, SENTENCE, WH
from server.coach.ask_marks import is_question as is_question  # understand.py imports it from here
from server.coach.bare_asks import consent_only, frame_only, pronoun_ask, stance_only
from server.coach.bare_asks import names_no_topic as names_no_topic  # tests import it from here
from server.coach.bare_asks import word_count as word_count  # understand.py and asker_frame.py import it from here
from server.coach.part_lists import EACH, GENERIC_ASK, joined_wants, listed_topics, numbered_asks
from server.coach.sign_off import is_sign_off, is_signature, unsigned
from server.morph import conjunctive_ends

SHORT_QUOTE = 20  # words of a partner's line that the situation keeps (a longer one, a pasted e-mail, is "…"; a
# line reported in the asker's own words, not quoted, stays whole: it is the situation)
_QUOTE_OPEN = "\"'“‘「『>"
_MARK = re.compile("\x00(\\d+)q?\x00")  # where a partner's line stood while the message was split
_JOIN_SPLIT = re.compile(r"(?:,\s*|\s+)(?:and(?:\s+also)?|also|plus),?\s+(?=(?:how|what|who|should|can|could|do|does|"
                         r"is|are|when|where|why|which|would|will|if)\b)", re.I)
# "How does recoupment work, and the audit rights?": a last ask of a few words that borrows the question before it.
_AND_TAIL = re.compile(r",\s+and\s+(?=(?:the|our|their|its|his|her|what about|how about)\s+[^,?]{1,30}\?\s*$)", re.I)
# "Why the rewrites, why no overtime": a second ask that starts with its own question word after a comma.
_COMMA_WH = re.compile(r",\s+(?=(?:how|what|who|when|where|why|which)\b)", re.I)
_STARTS_WH = re.compile(r"^(?:how|what|who|when|where|why|which)\b", re.I)
# A clause that asks or says what the asker wants to know (「…分からない」, 「…하는지 알고 싶고」).
_ASKING = re.compile(r"分から|わから|知りたい|궁금|알고 싶|모르겠|不知道|不清楚|想知道|"
                     r"(?:는|할|을|인|은|일|될|건|던)지|のか|(?:[?？]|か|까|吗|呢)$")
# A count of asks that opens the sentence holding them: "Two questions: how firm a no is that, and …", "A few
# things: how long …, who pays …", 「質問が2つあります：」, 「질문 두 가지:」, 「两个问题：」. It names no topic,
# and left in front of the first ask it hides that ask's question word (the asks after the commas are not cut).
_PREAMBLE = re.compile(r"^(?:(?:a|the)\s+)?(?:(?:few|couple(?:\s+of)?|two|three|four|several|some|quick|\d+|"
                       r"following)\s+)+(?:questions?|things?|points?|issues?)\s*[:：]\s*|"
                       r"^(?:質問が?|ご?相談が?)(?:[0-9０-９]|二|三|いくつか)[^:：。？?]{0,6}[:：]\s*|"
                       r"^(?:질문|문의)?\s*(?:[0-9]|두|세|몇)\s*가지(?:\s*(?:질문|문의))?[^:：.?]{0,4}[:：]\s*|"
                       r"^(?:[0-9]|两|三|几)个问题[^:：。？?]{0,4}[:：]\s*", re.I)
_OR_CUE = re.compile(r"[、，,]\s*それとも[、，,]?|[,，]?\s*아니면\s+|[，,]\s*或者")
_OTHER_CHOICE = re.compile(r"^(?:or\b|それとも|아니면|还是|或者)", re.I)
# "Is there a Korea-US treaty? Or could we come in as a third partner on their treaty with China?": a sentence after
# "Or" that asks with its own verb and subject, its verb other than the question before's, is a second ask, not that
# question's other choice ("Is this normal? Or is it about our deal?" keeps "is": one question).
_OR_OWN_ASK = re.compile(r"^or\s+((?:would|could|can|do|does|did|should|must|is|are|will|shall|might))\s+"
                         r"(?:we|i|they|you|it|there|that|this|he|she)\b", re.I)
_VERB = re.compile(r"^(\w+)")
# ... but "Should we call them? Or would it be better to e-mail?" weighs the asker's own two moves: one question
_CHOOSES = re.compile(r"^\s*(?:should|shall|can|could|do|would|must|may)\s+(?:i|we)\b", re.I)
_RATHER = re.compile(r"\b(?:better|rather|instead|preferable|wiser)\b", re.I)
OR_ASK_WORDS = 7  # "Or are they busy?" is the other reading of the same question
# A sentence after a question that adds another ask without a question mark: "And who approves the script - …",
# 「あと、費用は誰が持つのか」, 「另外分账比例一般怎么定」, or narrows it: 「특히 회식 자리가 걱정입니다」.
_ADDED = re.compile(r"^(?:(?:and|also|plus|but)\b|あと|また|それと|それから|さらに|그리고|또|另外|还有|此外|同时)",
                    re.I)


def split_parts(message: str, partner: list[str]) -> tuple[list[str], str]:
    """The message's distinct questions (at most three; the whole message when it asks one thing) and the
    sentences around them that describe the situation."""
    text = message
    spans: list[str] = []
    for span in partner:
        if _is_term(span) or span not in text:
            continue  # "what does 'North America' include?" keeps its term
        at = text.index(span)
        # "they told us the composer…"; a line the message opens with has no quote mark before it
        reported = not (at and text[at - 1] in _QUOTE_OPEN) and "\n" not in span.strip()
        text = text.replace(span, f"\x00{len(spans)}{'' if reported else 'q'}\x00")  # q: a quoted line
        spans.append(span if reported else _short(unsigned(span)))
    sentences: list[str] = []
    signed = False  # "Best, Tanaka", 「よろしくお願いいたします。」, the name under it: no ask, no topic (sign_off.py)
    for s in (_PREAMBLE.sub("", s.strip(), count=1) or s.strip() for s in SENTENCE.split(text) if s and s.strip()):
        signed, was_signed = is_sign_off(s), signed
        if signed or (was_signed and is_signature(s)):
            continue
        if sentences and _OTHER_CHOICE.match(s) and not WH.search(s) and not _or_asks_anew(sentences[-1], s):
            sentences[-1] += s  # 「…伝えるべき？それとも決まってからのほうがいいですか。」: the other choice
        elif sentences and _OTHER_CHOICE.match(s) and _OR_OWN_ASK.match(s):  # its heading: "Could we come in …?"
            rest = s[2:].lstrip()
            sentences.append(rest[:1].upper() + rest[1:])
        else:
            sentences.append(s)
    def shown(part: str) -> str:  # a heading reads 'they wrote: "…" Is this a no?' (a short line stays: it is
        # what 「あと、組合のルールで残業はできないと言われたのですが、本当ですか」 asks about)
        return _MARK.sub(lambda m: spans[int(m.group(1))], part)

    def situation(kept: list[str]) -> str:  # the partner's short line is the situation's topic; an e-mail is not
        return _MARK.sub(lambda m: spans[int(m.group(1))], " ".join(kept))

    enumerated = numbered_asks(text)
    if enumerated:  # 「①…、②…、教えてください」, 「一、…；二、…」: the numbered items are the asks; what comes before
        # the first is the situation, even in the sentence of the first ("…사려고 합니다. 1) …", 「…詰めています。①…」)
        lead = text[:text.index(enumerated[0])]
        return ([shown(p) for p in enumerated[:MAX_PARTS]],
                situation([s for s in SENTENCE.split(lead) if s and s.strip()]))
    asking = [is_question(s) or (n > 0 and is_question(sentences[n - 1]) and _adds_an_ask(s))
              for n, s in enumerate(sentences)]
    questions: list[str] = []
    for n, (s, a) in enumerate(zip(sentences, asking, strict=True)):
        if not a:
            continue
        listed = listed_topics(s)
        if not listed and n > 0 and not asking[n - 1] and (EACH.search(s) or GENERIC_ASK.match(s)):
            listed = listed_topics(sentences[n - 1], cued=True) or joined_wants(sentences[n - 1])
            # "They want A, and they also want B. How do we respond to each?": that sentence holds the asks, so it
            # leaves the situation (each part would otherwise be retrieved with the other's topic too)
            asking[n - 1] = bool(listed)
        # the sentence's asks, the first of them perhaps only a frame ("Should we agree, and who approves the dub
        # cast?"): its topic is the sentence before it, as for a sentence that is only that ask
        pieces = [c.strip(" ,") for q in _joined(s) for c in _clauses(q)]
        first, before = pieces[0], sentences[n - 1]
        # 「…と言ってきました。断れますか？」, 「…と言ってきました。それでいいですか？」: whether to refuse or agree to
        # what the partner said asks about it (joined below)
        topicless = names_no_topic(first) and not stance_only(first) and not consent_only(first)
        # (beside a second ask only an ask to agree borrows it: it asks about the one thing that sentence says the
        # partner wants; "Should I worry, and …", "Is that normal, and …" ask about the whole situation, which plan.py
        # ranks them with: the sentence before may be only a reaction, "… called it a serious breach of trust")
        if not listed and n > 0 and not asking[n - 1] and "q\x00" not in before and (
                len(pieces) == 1 or consent_only(first)) and (
                _bare(first) and not (topicless and _MARK.search(before)) or topicless and any(asking[:n - 1])):
            # 「…남기길 원합니다. 왜 그런가요?」, 「…直接批评剪辑。怎么回应比较好？」: an ask with no topic of its own,
            # the sentence before it names it, as a sentence between two asks names the later one's ("… Why? Also
            # nothing gets greenlit until … Is that standard?") (a quoted partner's line stays the situation: "Is
            # this a no?"; a line reported in the asker's words is the topic of an ask too short to stand alone:
            # 「…と言ってきました。断れますか？」)
            pieces[0] = f"{before} {first}"
        after_quote = n > 0 and "q\x00" in before  # 「…'검토해 보겠습니다'라고만 하고… 거절인가요?」: a short ask
        # right after the partner's quoted line asks about it ("Is this a no?" in three words)
        questions += listed or [q for q in pieces if _enough(q) or names_no_topic(q) or after_quote
                                and len(pieces) == 1 and bool(QUESTION_END.search(q))]  # 「…说“…”。这正常吗？」
    context = situation([s for s, a in zip(sentences, asking, strict=True) if not a])
    return ([message] if len(questions) <= 1 else [shown(q) for q in questions[:MAX_PARTS]]), context


def _or_asks_anew(before: str, sentence: str) -> bool:
    """ "Or could we come in as a third partner …?" after "Is there a treaty …?": long enough to ask on its own,
    with a verb of its own rather than the other choice of the question before (nor the asker's other move)."""
    own, frame = _OR_OWN_ASK.match(sentence), _VERB.match(before.strip())
    return bool(own and len(sentence.split()) >= OR_ASK_WORDS and is_question(sentence)
                and not _CHOOSES.search(before) and not _RATHER.search(sentence)
                and (frame is None or frame.group(1).lower() != own.group(1).lower()))


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


def _bare(ask: str) -> bool:
    """Too short or too bare to say what it asks about: 「왜 그런가요?」, "Is that paid upfront?", "Should we agree"."""
    return not _enough(ask) or frame_only(ask) or pronoun_ask(ask)


def _enough(question: str) -> bool:
    """Long enough to be an ask of its own: three words, five written without spaces, or four that ask
    (「これは断りなのか」)."""
    words = word_count(question)
    return len(question.split()) + len(question) // 8 >= 3 or words >= 5 or (
        words >= 4 and bool(_ASKING.search(question) or QUESTION_END.search(question)))


def _short(span: str) -> str:
    """A partner's line as the situation quotes it: whole when it is one short line, else "…"."""
    return span if word_count(span) <= SHORT_QUOTE and "\n" not in span.strip() else "…"


def _is_term(span: str) -> bool:
    """A short quoted term ('North America', 'real') rather than a sentence the partner wrote."""
    return word_count(span) <= 3 and not re.search(r"[.?!。？！\n]", span)


def _adds_an_ask(sentence: str) -> bool:
    return bool(_ADDED.match(sentence) and (WH.search(sentence) or re.search(r"(?:も|도|도요|呢)[。.？?]?$", sentence))
                or FOCUS.match(sentence))


def _clauses(sentence: str) -> list[str]:
    """One sentence's asks: cut where a clause that asks is followed by another ask, joined by "and also"
    (それと, 고 또, 还有, 以及, Japanese conjunctive し) or by "or" with its own question word."""
    cuts = [(m.start(), m.end(), False) for m in AND_CUE.finditer(sentence)]
    cuts += [(m.start(), m.end(), True) for m in _OR_CUE.finditer(sentence)]
    if KANA.search(sentence):
        cuts += [(end - 1, end + 1, False) for end in conjunctive_ends(sentence) if sentence[end:end + 1] in "、，,"]
    cuts.sort()
    out: list[str] = []
    begin = 0
    for n, (start, end, alternative) in enumerate(cuts):
        left = sentence[begin:start].strip()
        right = sentence[end:cuts[n + 1][0] if n + 1 < len(cuts) else len(sentence)].strip()
        if word_count(left) >= 3 and word_count(right) >= 3 and (_ASKING.search(left) or WH.search(left)) \
                and (WH.search(right) or (not alternative and _ASKING.search(right))):
            out.append(left)
            begin = end
    return [*out, sentence[begin:].strip()]
