"""A partner's message pasted with nothing to mark it: no quote marks, greeting, sign-off or "here is their reply:",
only the asker's short question after it. Two shapes say whose it is (coach/understand.py reads the rest):

- another language than the question: 「ご提案の件、今回は見送らせていただきます。」 then "How should I respond?", or
  "We'll pass for now, but keep us posted." then 「거절인가요?」. An asker who writes their own situation in one
  language and asks in another is rare; one who asks to check, translate or send the text is asking about their own
  draft, and a text that names the partner in the third person (先方, 「미국 측」, 美方) is the asker's telling.
- the same language, a paragraph of its own that speaks TO the asker ("your proposal", 「貴社」, 「귀사」, 「贵方」) and
  names no partner in the third person, then a question about what it means or how to answer it ("What do they
  mean?", "Is this a no?", 「どう受け取れば」, 「무슨 뜻」, 「什么意思」)."""

from __future__ import annotations

import re

from server.cjk import language_of
from server.coach.parts import is_question, word_count
from server.coach.wording import names_own_draft

_QUOTE_MARK = re.compile(r"[「『“\"]")
QUESTION_WORDS = 30  # the asker's question after the pasted text is short
_PARAGRAPH = re.compile(r"\n\s*\n")
# the asker's own text, asked about: to check, correct, translate or send it
_OWN_TEXT = re.compile(r"\b(?:send|sent|sending|draft|proofread|correct|check my|translat\w*|natural|grammar|sound|"
                       r"my (?:japanese|korean|chinese|english)|polite enough|ok to|okay to)\b|"
                       r"送っても|送信|下書き|添削|自然|翻訳|訳して|보내도|보내면|초안|자연스|번역|发送|发给|草稿|翻译|通顺|"
                       r"合适吗|可以发", re.I)
# the partner named in the third person: the asker telling about them
_NAMES_PARTNER = re.compile(r"先方|相手(?:方|側)?|米国|アメリカ|米側|ハリウッド|日本側|韓国側|中国側|미국|할리우드|"
                            r"상대\s*(?:측|방)|(?:일본|중국|한국)\s*측|美方|美国|好莱坞|对方|日方|韩方|中方|外方|"
                            r"\b(?:they|their|them)\b|\bthe (?:japanese|korean|chinese|american|us) (?:side|partners?|"
                            r"studio|team|producers?|co-?producers?|distributor|committee|financier)\b", re.I)
# the reader addressed: the partner writing to the asker
_TO_YOU = re.compile(r"\b(?:you|your)\b|貴社|御社|様|귀사|님|您|贵方|贵司|贵公司|你们", re.I)
# a question about what the words mean or how to answer them
_READING = re.compile(r"\b(?:mean|means|meaning|meant|a (?:polite |soft |firm )?(?:no|yes|maybe|rejection|refusal)|"
                      r"saying (?:no|yes)|read (?:this|that|it)|interpret|take (?:this|that|it)|"
                      r"(?:respond|reply) to (?:this|that|it)|answer (?:this|that|it)|good sign|bad sign|stalling)\b|"
                      r"どういう意味|意味|受け取|受け止め|解釈|断り|脈|本音|"
                      r"무슨\s*(?:뜻|의미)|거절|해석|받아들|의미|"
                      r"什么意思|怎么理解|拒绝|意思", re.I)


def unmarked_paste(message: str) -> list[str]:
    """The pasted partner text before the asker's closing question, when one of the two shapes above says so."""
    if _QUOTE_MARK.search(message):
        return []  # quoted words are read as quotes, their cue line ("Got this this morning:") is the asker's
    paragraphs = [p.strip() for p in _PARAGRAPH.split(message.strip()) if p.strip()]
    lines = [line.strip() for line in message.strip().splitlines() if line.strip()]
    if len(lines) < 2:
        return []
    asked = language_of(lines[-1])
    tail = len(lines) - next(i for i in range(len(lines) - 1, -1, -1) if language_of(lines[i]) != asked) - 1 \
        if any(language_of(line) != asked for line in lines) else len(lines)
    if tail < len(lines):  # the last lines in the question's language, the ones before in another
        question, body = "\n".join(lines[-tail:]), "\n".join(lines[:-tail])
        other = all(language_of(line) != asked for line in lines[:-tail])
        if other and _asks_about(question) and not _NAMES_PARTNER.search(body):
            return [body]
        return []
    if len(paragraphs) < 2:
        return []
    question, body = paragraphs[-1], "\n\n".join(paragraphs[:-1])
    if _asks_about(question) and _READING.search(question) and _TO_YOU.search(body) \
            and not _NAMES_PARTNER.search(body):
        return [body]
    return []


def _asks_about(question: str) -> bool:
    """A short question that is not about the asker's own draft."""
    return is_question(question.splitlines()[-1]) and word_count(question) <= QUESTION_WORDS \
        and not _OWN_TEXT.search(question) and not names_own_draft(question)


# what the asker asks after a partner's message: what to do, how to take or answer it
_ASKER_ASKS = re.compile(r"\b(?:should|do|can|could|must) (?:i|we)\b|\bhow (?:do|should|can|would) (?:i|we)\b|"
                         r"\bwhat (?:do|should|can) (?:i|we)\b|\bis (?:this|that|it) (?:a|an|really)\b|"
                         r"どうすれば|どう(?:返|対応|答え|受け|読|解釈)|べきでしょうか|べきですか|でしょうか[？?]?$|"
                         r"어떻게\s*(?:해야|하면|대응|답|받아|해석)|해야\s*(?:하나요|할까요|하죠)|인가요|건가요|"
                         r"怎么办|该怎么|应该怎么|怎么回|怎么理解|是不是|吗[？?]?$", re.I)
# a question the partner puts to its reader, which is part of their message
_TO_THE_READER = re.compile(r"\b(?:could|can|would|will) you\b|\bplease\b|\blet (?:us|me) know\b|いただけ|ください|"
                            r"ますでしょうか|주실|주시|주세요|부탁|请|能否|麻烦|您", re.I)


def asker_asks(question: str, body: str) -> bool:
    """The last paragraph of a message after a partner's unsigned e-mail is the asker's own question about it, not
    the e-mail's closing question to its reader: in another language than the e-mail, or asking what to do or how
    to take it ("Should I wait?", 「どうすればいいですか？」, 「거절인가요?」, 「该怎么回？」) and asking nothing of the
    reader ("Could you send the budget by Friday?", 「ご確認いただけますか」)."""
    question = question.strip()
    if not question or word_count(question) > QUESTION_WORDS:
        return False
    if language_of(question) != language_of(body):
        return True
    return bool(_ASKER_ASKS.search(question) or _READING.search(question)) and not _TO_THE_READER.search(question)

