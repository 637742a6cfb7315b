"""Who is asking and what exactly: language, culture pair, the asker's side, the stage, the sub-questions, and the
partner's own words (quoted or pasted), which are the only text the decoder may explain."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import reduce

from server.cjk import KANA, language_of
from server.coach.asker_frame import detect_pair as detect_pair
from server.coach.asker_frame import detect_side as detect_side
from server.coach.asker_frame import other_asian, pair_of, side_by_language, states_side
from server.coach.partner_writer import asian_partner as asian_partner
from server.coach.parts import is_question as is_question
from server.coach.parts import split_parts as split_parts
from server.coach.parts import word_count as word_count
from server.coach.pasted_email import answers_request, pasted_email
from server.coach.sides import OWN, THEIR_SIDE
from server.coach.speaker import asker_reported, own_side_said, said_by_asker
from server.coach.stage import detect_stage as detect_stage
from server.coach.unmarked import unmarked_paste
from server.coach.wording import alternatives, echoes_asker, names_own_draft
from server.models import Culture, Perspective

SITUATION_WORDS = 30  # words of the situation a part is retrieved with (it opens the query)
_NUMBERED = re.compile(r"^\s*(?:[①②③④⑤⑥⑦⑧⑨]|[一二三四五]、|[1-5][)）])\s*")
_REFERS = re.compile(r"\b(?:it|that|this|they|them|those|these)\b|それ|その|これ|この|そういう|こういう|そんな|こんな|"
                     r"あれ(?!ば)|(?<![ぁ-ん])あの(?=件|話|条件|時|方|人|会社|案)|"  # not 〜であれば, あのう
                     r"(?<![가-힣])(?:그것|그거|이것|이거|이건|이게|이걸|그건|그게|그걸|저거|저건|저게|저것|"
                     r"이런|그런(?!데)|저런)|这|那(?=[是个些样件种边里时次位家份条部笔段])", re.I)  # 那 alone: then
# Partner text: quoted spans ('검토해 보겠습니다'라고: a particle may follow; 'Let's circle back.' keeps its
# apostrophe), cue-led lines, "…と言われた", e-mails.
_QUOTED = re.compile(r"「([^」]{2,400})」|『([^』]{2,400})』|“([^”]{2,400})”|\"([^\"\n]{2,400})\"|"
                     r"(?<![A-Za-z0-9_'])'((?:[^'\n]|(?<=[A-Za-z])'(?=[A-Za-z])){2,200}?)'(?![A-Za-z0-9_'])")
_SAID = re.compile(r"\b(?:said|says|(?:they|he|she) say|(?:keeps?|kept) saying|wrote|writes|replied|responded|"
                   r"answered|got back|heard back|"
                   r"told (?:us|me)|emailed|messaged|texted|came back with|the reply was|their reply|"
                   r"their answer|their email|response was)(?![\w'])"  # "are they saying no?" reports nothing
                   r"\s*(?:that\s+|back\s+)?[:,]?\s*(?!\s*to (?:our|my|the|your|this|that)\b)"
                   r"(.+?)(?:[.!?](?:\s|$)|\n|$)", re.I)  # "their reply to our notes:" is no quote
_SAID_COLON = re.compile(r"\b(?:said|says|wrote|writes|replied|responded|answered|emailed|messaged|texted)\s*:\s*(.+)",
                         re.I)  # "They wrote: ..." takes the rest of the line
_JA_SAID = re.compile(r"(?:^|[。\n、])([^。\n、]{2,120}?)(?<!何)(?<!どう)(?<!なん)(?:と|って)(?:言われ|言って|言い|"
                      r"(?:返事|返信|回答|連絡)(?!を?し)|書いて|のこと|おっしゃ)")  # 「…と返事をした」 is the asker's
# A short message that only asks about a phrase: 「前向きに検討しますって断り？」
# Asking about the partner's phrase: "what does X mean?", "is X a no?", 「X是什么意思」, 「X는 무슨 뜻이에요?」
_ABOUT = re.compile(r"\bwhat does (.+?) (?:really |actually )?mean\b|\bdoes (.+?) mean (?:yes|no)\b|"
                    r"\bis (.+?) (?:really )?an? (?:no|yes|refusal|rejection)\b|(?:^|[，,。\s])([^，,。\s]{2,20})"
                    r"(?:是什么意思|是不是拒绝|是拒绝吗)|"
                    r"(?:^|\s)([^\s.?!]{2,20}?)(?:은|는|이|가)?\s?(?:무슨 뜻|무슨 의미|거절인가요)", re.I)
# 「…って伝えるには？」 is the asker's plan
_JA_ABOUT = re.compile(r"^([^。\n？?、]{2,30}?)(?<!思)(?:って|とは|というのは|と言うのは)"
                       r"(?!\s*(?:伝え|言|返|答え|書|送|説明))[^。\n]{0,15}$")
# A second report chained to the first: 「"검토해 볼게요"라고 하더니 예산 증액은 좀 어렵다고 했어요」
_KO_SAID = re.compile(r"(?:^|[.\n,]|(?<=더니 )|(?<=면서 )|(?<=는데 ))([^.\n,]{2,120}?)"
                      r"(?:라고|다고|자고|냐고)\s*(?:했|하더|말했|답했|답장|연락|(들었))")
# 「我该怎么说」, 「再说」, 「不好说」, 「老实说」, 「比如说」, 「说实话」, 「这个说法」, 「怎么回复」, 「回复草稿」
# report nothing;
# 「说了“…”」 is a quote like 「说“…”」; in 「说“到时候再说”，可…」 the 说 of 再说 inside the quote reports nothing
_ZH_SAID = re.compile(r"(?:(?<![谁再好么实如是来以])说(?!了算|实话|白了|到底|法)|表示|"
                      r"(?<![么何该想要能])(?:回复|回答|答复)(?!草稿|稿)|告诉我们|来信)了?[:：,，]?\s*"
                      r"(?![“\"「『”」』:：,，\s])([^。！？\n]{2,120})")  # 说“…”, 回复：“…” is a quote, read as one
# "Here is their reply:", 「返信を貼ります」, 「그대로 붙여요」, 「对方邮件原文：」 then the pasted lines.
_PASTE_CUE = re.compile(r"(?:貼ります|貼り付け|そのまま|原文|転送|pasted|copied|forwarded|below|here is|here's|"
                        r"붙여|그대로|원문|아래|如下|转发)", re.I)
_QUOTE_LINE = re.compile(r"^\s*>\s?(.+)$", re.M)


@dataclass(frozen=True)
class Understanding:
    """What the engine knows about one message before it retrieves anything."""

    language: str  # the message's language (retrieval reads it)
    pair: Culture | None
    side: Perspective | None
    stage: str | None
    parts: list[str]  # the distinct questions, as written (one: the whole message)
    context: str = ""  # the message's sentences that are not questions (the situation)
    partner_text: list[str] = field(default_factory=list)
    asker_language: str = "en"  # the language of the asker's own words (quoted partner text left out): the answer's
    asian_partner: Culture | None = None  # the pair whose Asian side wrote the partner text (None: American, or
    # not said; ANY: no pair is known and the partner's English may be an Asian partner's, see coach/decode.py)

    def query(self, part: str, situation: bool = True) -> str:
        """What to retrieve for one part of a message that asks two or three things: the part with the message's
        situation (its sentences that do not ask, the partner's short line quoted in them included). A part rarely
        names its topic again: 「①そもそも何を保証するものなのか」 leaves the completion bond in the sentence
        before it, "How long does that take" the CFCC approval its partner mentioned, 「上限を付けずに呑んでいいのか」
        the marketing costs the distributor's quoted line is about."""
        asked = _NUMBERED.sub("", part)  # 「一、」 and 「①」 are no words of the question
        if len(self.parts) == 1 or not self.context or not situation:
            return asked
        return f"{' '.join(self.context.split()[:SITUATION_WORDS])} {asked}"


def refers_back(text: str) -> bool:
    """The text points at something said before it ("is this a no?", 「これは断り？」, "那是什么意思")."""
    return bool(_REFERS.search(text))


def quote_spans(message: str) -> list[tuple[int, int]]:
    """Where the quotes of the message are, their quote marks included."""
    return [m.span() for m in _QUOTED.finditer(message)]


def pasted_text(message: str) -> list[str]:
    """The message's pasted e-mail, the lines after "here is their reply:", and "> " lines."""
    email = pasted_email(message)  # the e-mail's own bounds win over the lines after a cue that hold it
    cued = [block for block in _pasted_after_cue(message) if not any(e and e in block for e in email)]
    marked = email + cued + _QUOTE_LINE.findall(message)
    return marked or unmarked_paste(message)  # or a message pasted with no mark, then the asker's short question


def partner_text(message: str) -> list[str]:
    """The partner's words in the message: quoted, reported ("they said ..."), or a pasted e-mail."""
    every = [(next(g for g in m.groups() if g), m) for m in _QUOTED.finditer(message)]
    spans_of = [m.span() for _, m in every]
    mine = {i for i, (_, m) in enumerate(every)
            if said_by_asker(message, m.start(), m.end()) or own_side_said(message, m.start(), m.end())
            or echoes_asker(message, m.start(), m.end(), spans_of)}
    mine |= alternatives(message, spans_of, mine)  # "should I write '…' or '…'?"
    own = [q for i, (q, _) in enumerate(every) if i in mine]
    inside_own = [every[i][1].span() for i in mine]  # 「跟美方说…」 quoted from the asker's boss reports nothing
    # words quoted again from the asker's own quote are the asker's: 「写“原则上没问题”…抓住“没问题”三个字」
    spans = [*(quoted := [q for q, _ in every if q not in own and not any(q in o for o in own)])]
    for pattern in _reported(message):  # 'told us "…" about' quotes "…": the report is what is joined after it
        spans += [_after_quotes(m.group(1).strip(), quoted, [q for q, _ in every]) for m in pattern.finditer(message)
                  if m.group(1).strip() and not asker_reported(message, m, pattern is _KO_SAID)
                  and not any(s < m.start(1) < e for s, e in inside_own)]
    spans += [_after_quotes(next(g for g in m.groups() if g), quoted, [q for q, _ in every])
              for m in _ABOUT.finditer(message)]
    spans += [_before_own(block, own) for block in pasted_text(message)]  # a quote in an e-mail cuts nothing
    if not spans and not every:  # 「上司の「検討します」って断り？」 asks about the own side's quote
        about = _JA_ABOUT.match(message.strip())
        if about:
            spans.append(about.group(1))
    return list(dict.fromkeys(s for s in spans if len(s.strip()) >= 2 and s.strip().lower() not in _PRONOUNS
                              and not _THIS_PHRASE.match(s.strip())))


def _before_own(block: str, own: list[str]) -> str:
    """A pasted block up to the line that holds a quote of the asker's own: an e-mail with no sign-off runs on into
    the asker's question (「…\n저는 "최선을 다하겠습니다"라고 답할 생각입니다」), whose own words are no part of it."""
    lines = block.splitlines()
    cut = next((i for i, line in enumerate(lines) if any(re.search(f"[「『“\"']{re.escape(q)}", line) for q in own)),
               len(lines))  # the asker's quote, not the same words said in the e-mail (「承知しました」)
    return "\n".join(lines[:cut]).strip()


def asker_words_of(message: str, partner: list[str]) -> str:
    """The message less every place of the partner's words, whatever order they were found in: a short quote
    asked about again ('Is "社内で調整が必要です" a no?') is also inside the pasted e-mail it came from."""
    mask = [False] * len(message)
    for span in partner:
        at = message.find(span)
        while span and at >= 0:
            mask[at:at + len(span)] = [True] * len(span)
            at = message.find(span, at + 1)
    return "".join(" " if hidden and (i == 0 or not mask[i - 1]) else "" if hidden else char
                   for i, (char, hidden) in enumerate(zip(message, mask, strict=True)))


def _reported(message: str) -> tuple[re.Pattern[str], ...]:
    """The patterns of reported speech to read: not the Chinese ones in Japanese (「回答期限」 reports nothing)."""
    chinese = () if KANA.search(message) else (_ZH_SAID,)
    return (_SAID_COLON, _SAID, _JA_SAID, _KO_SAID, *chinese)


def _after_quotes(span: str, quoted: list[str], every: list[str]) -> str:
    """A reported span with a quote inside, as the partner's words the quote leaves out: a second report joined after
    the last quote (the new ending is "a delicate matter" and that they'd like to wait and see; 「"검토해 볼게요"라고
    하더니 일정은 좀 어렵다」). The words before it are the asker's telling or the quote's; "" when no report is joined
    after it ('told us "we will review it" on Monday'). `every`: own-side quotes too (「上司に「…」と言われ」)."""
    if span in quoted:
        return span
    ends = [span.rfind(q) + len(q) for q in every if q in span]
    if not ends:
        return span
    joined = _JOINED_AFTER.match(span[max(ends):])
    rest = span[max(ends):][joined.end():].strip() if joined else ""
    return rest if len(re.findall(r"\w", rest)) >= 4 else ""


_JOINED_AFTER = re.compile(r"[\s\"'”’」』]*[,，、]?\s*(?:(?:and|but|then|while)\b|"
                           r"(?:이)?라고\s*(?:하더니|하면서|했는데|하고)|(?:이)?라며|と(?:言い|言って)[、,]?)", re.I)
_PRONOUNS = frozenset({"it", "this", "that", "they", "he", "she", "those", "these", "the phrase", "this phrase",
                       "それ", "これ", "あれ", "그것", "그거", "이것", "这", "那", "这个", "那个"})  # 「それと返事は」
_THIS_PHRASE = re.compile(r"(?:这|那)(?:句话|话|个说法|种说法)|(?:この|その|あの)(?:言葉|表現|言い方|フレーズ)|"
                          r"(?:이|그|저)\s?(?:말|표현)(?!\S)")  # 「这句话一般是什么意思」 asks about a quote, is none


def _pasted(message: str) -> bool:
    """Whether the message holds a pasted e-mail or reply (a greeting, "here is their reply:", "> " lines) or words
    it gives to them ("their reply to our notes:", "they wrote"): someone else's words for certain. A bare quote may
    be the asker's own ('I told them "we'll consider it positively"')."""
    return bool(pasted_text(message) or _THEIRS.search(message))


_THEIRS = re.compile(r"\b(?:they|their)\b[^.\n]{0,60}?\b(?:said|say|says|wrote|writes|replied|answered|"
                     r"told (?:us|me)|came back with|reply|answer|e-?mail|message)\b", re.I)


# "Message from our Beijing partner:", 「東宝さんからのメール：」, 「미국 측에서 온 메일:」, 「美方发来的微信：」
_FROM = re.compile(r"\bfrom\b|から(?:の|届いた|来た)|(?:에게서|한테서|에서|로부터)\s*(?:온|받은)|发来|传来", re.I)
_I = re.compile(r"\b(?:i|me|my)\b|私|僕|제가|저는|我(?!们)", re.I)


def _from_them(line: str) -> bool:
    """The line, ending in a colon, says the words after it came from the partner it names, not from the asker or
    their own side (「先方から届いたメールの件です。」 goes on in the asker's own words)."""
    return bool(line.rstrip().endswith((":", "：")) and _FROM.search(line) and THEIR_SIDE.search(line)
                and not OWN.search(line) and not _I.search(line))


def _pasted_after_cue(message: str) -> list[str]:
    """The lines after "here is their reply:" up to the asker's own question (a question line after them); none
    after "Here is my draft reply:" (「返信案です。」, 「답장 초안:」, 「我的回复草稿如下：」): the asker's own."""
    lines = message.splitlines()
    start = next((i for i, line in enumerate(lines[:-1]) if _PASTE_CUE.search(line)
                  and line.rstrip().endswith((":", "：", "。")) or _from_them(line)), None)
    if start is None or names_own_draft(lines[start]):
        return []
    taken: list[str] = []
    for line in lines[start + 1:]:
        if taken and is_question(line) and line is lines[-1]:
            break
        if line.strip():
            taken.append(line)
    return ["\n".join(taken)] if taken else []


# A partner's concrete request in pasted text: "could you send the script by the 7th?",
# 「金曜日までにご確認いただけますか」, 「수요일까지 확정해 주실 수 있을까요?」, 「请在周五之前提供预算」;
# not "please find attached", 「よろしくお願いします」.
_ASKS = re.compile(r"\b(?:can|could|would|will) you\b|\bplease\b|\bkindly\b|\bwe(?: would|'d) appreciate it if\b|"
                   r"\bwe need you to\b|いただけ(?:ます|ません|ない)|ください|お願い(?:します|いたします|できますか)|"
                   r"いただきたく|주실 수|주시겠|주세요|부탁(?:드립니다|드려요|합니다)|请|能否|能不能|麻烦", re.I)
_NOT_ASKS = re.compile(r"let (?:me|us) know if|feel free|(?:do not|don't) hesitate|please find|please see|"
                       r"thank you|よろしくお願い|잘 부탁|请多关照|请查收", re.I)
_DEADLINE = re.compile(r"\bby ((?:(?:this|next|the end of (?:the|this|next)) )?(?:monday|tuesday|wednesday|"
                       r"thursday|friday|saturday|sunday|tomorrow|tonight|end of (?:day|the week|the month)|"
                       r"the \d{1,2}(?:st|nd|rd|th)?|[a-z]+ \d{1,2}(?:st|nd|rd|th)?))\b|"
                       r"((?:来週|今週|明日)?の?[^、。\s「」をにはがでの]{1,8})までに|"
                       r"((?:다음\s?주|이번\s?주)?\s*[^\s,.을를은는이가]+)까지|"
                       r"((?:下|本|这|下个)?(?:周|星期)[一二三四五六日天]?|明天|\d{1,2}[日号]|月底)"
                       r"(?:之?前|以前)", re.I)
_REQUEST_SPLIT = re.compile(r"(?<=[.!?。！？])\s*|\n+")


@dataclass(frozen=True)
class Request:
    """One concrete request in the partner's text, and its deadline as written ("Friday", "金曜日"), if any."""

    text: str
    deadline: str | None = None


def partner_requests(partner: list[str]) -> list[Request]:
    """The partner's concrete requests, in order (a pasted e-mail's "can you get us the budget by Friday?")."""
    out: list[Request] = []
    for sentence in (s.strip(" ：:“”\"「」『』") for text in partner for s in _REQUEST_SPLIT.split(text)):
        if any(sentence in r.text or r.text in sentence for r in out):
            continue  # the same words read twice (quoted, and after 说)
        if sentence and _ASKS.search(sentence) and not _NOT_ASKS.search(sentence):
            due = _DEADLINE.search(sentence)
            out.append(Request(sentence, next((g.strip() for g in due.groups() if g), None) if due else None))
    return out


def understand(message: str, default_pair: Culture | None = None, default_side: Perspective | None = None,
               held: Culture | None = None, held_side: bool = False) -> Understanding:
    """`held`: the pair the conversation has established; `held_side`: `default_side` is the side it has established
    (not the settings' default), which only a side the new turn states outweighs (states_side)."""
    language = language_of(message)
    partner = partner_text(message)
    asker_words = asker_words_of(message, partner)
    pair = pair_of(message, held) or default_pair  # `held`: the pair the conversation has established
    own = language_of(asker_words) if re.search(r"[^\W\d_]", asker_words) else "en"
    # the side from the asker's own words: an English question quoting a Korean message is no Korean asker
    said = states_side(asker_words, own) if held_side and default_side else detect_side(asker_words, own)
    side = said or default_side or side_by_language(own, pair)
    parts, context = split_parts(message, partner)
    requests = [r.text for r in partner_requests(partner)]
    kept = [p for p in parts if not answers_request(p, requests)] or parts
    if len(kept) < len(parts):  # "how do I answer the budget request?": the reply lines answer it (draft_reply.py)
        parts = kept if len(kept) > 1 else [reduce(lambda m, p: m.replace(p, " "), set(parts) - set(kept), message)]
    emailed = [r for r in requests if any(r in e for e in pasted_email(message))]
    if len(parts) == 1 and emailed:  # a pasted e-mail's "could you send the budget by Friday?" is no topic to rank:
        parts = [reduce(lambda m, r: m.replace(r, " "), emailed, parts[0])]  # the reply lines answer it
    writer = asian_partner(pair, side, partner) or other_asian(own, asker_words, partner)
    if pair is None and writer is not None:  # an e-mail signed "Best regards, Sato": a Japanese partner wrote it
        pair, side = writer, side or Perspective.US_SIDE
    elif pair is None and side is not Perspective.ASIA_SIDE and _pasted(message) and language_of(
            "\n".join(partner)) == "en":
        writer = Culture.ANY  # "Dear Tom, … we will consider it positively … Kenji": the decoder asks the text whose
        # English it is (coach/decode.py), since no pair, side or signature said
    elif side is None and own == "en" and partner and language_of("\n".join(partner)) != "en":
        side = Perspective.US_SIDE  # an English question about the partner's Japanese, Korean or Chinese words
    return Understanding(language=language, pair=pair, side=side, stage=detect_stage(asker_words),
                         parts=parts, context=context, partner_text=partner, asker_language=own,
                         asian_partner=writer)
