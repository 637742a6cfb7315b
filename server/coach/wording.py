"""Words the asker chooses, plans or weighs ("should I say '…'", 「…」と伝えてもいい, 「…」を英語で, "…" 대신,
「A」と「B」どちらが): the asker's own wording, never the partner's, whoever it would be said to."""

from __future__ import annotations

import re

from server.coach.sides import KO_WHERE, OWN, PARTNER_NOUNS, SENTENCE_END, THEIR_SIDE, ZH_PARTNERS

# What the asker will say, would say or keeps saying: "should I open with '…'", "a polite way to say '…'", "I keep
# saying '…'", 「要不要说“…”」 (a clause that opens with the modal: 「如果董事长也只说“…”」 is the chairman's) before
# the words; 「…」と伝えてもいい, 「…と言ってしまった」, "…"라고 답해도 되나요 after them. "How do I respond to '…'" is
# about the partner's words: the words between verb and quote name no "to".
_WILL_SAY_BEFORE = re.compile(
    r"(?:\b(?:I|we)(?:'ll|'d|'m|'re|'ve| are| will| would| should| could| can| might| am)?\s+(?:[\w']+\s+){0,2}?|"
    r"\b(?:how|way|want|wants|going|need|plan|planning|like|try|trying|better|ok|okay|fine|rude|polite|safe|wise)"
    r"\s+to\s+|\b(?:thinking (?:of|about)|planning on|considering|tempted to|about to)\s+|"
    r"\b(?:my|our) (?:plan|idea|instinct|thought|first thought) is (?:to\s+)?|"
    r"\bhow (?:would|do|should|can|could) (?:you|one) |\b(?:of|about) (?:just )?(?=\w+ing\b))"
    r"(?:say|saying|tell|telling|write|writing|text|use|using|put|phrase|word|go with|"
    r"(?:open|start|end|close|finish|lead|reply|respond|answer|sign off)(?:ing|s)?"
    r"(?:\s+(?:my|our|the|their)(?:\s+[\w-]+){1,3})? with|"
    r"repl(?:y|ying)|respond(?:ing)?|answering|"
    r"writ(?:e|ing) back)"
    r"(?:\s+(?!(?:to|about|after|when|if|that|was|is)\b)[\w'-]+){0,4}?\s*[:,]?\s*[\"“']?$|"
    r"\bwhat (?:I|we)\b[^.?!\"“]{0,24}?\bsend(?:ing)?\s*[:,]?\s*[\"“']?$|"  # "Here's what I'll send:"
    r"(?:^|[，。！？,\s时])(?:我们?|咱们?)?(?:也|就|还|先)?(?:想|要(?!是)|(?<=[我们咱])要是|能|可以|应该|该|打算|准备|不如|直接|先|怎么|会不会|"
    r"如果我们?|要是我们?)(?:跟|对|给|向)?[^“\"「'，。]{0,8}?"
    r"(?:说|回|回复|答复|表示|讲|写|用|加上?)(?:" + ZH_PARTNERS + r")?(?:一句|一声|句)?\s*[:：]?\s*[\"“「']?$|"
    r"(?:给|跟|对|向)(?:" + ZH_PARTNERS + r")的?(?:邮件|回复|回信|信|消息|微信)(?:[^“\"「'，。]{0,6}?(?:写|说|回|用)"
    r"(?:了|成)?[^“\"「'，。]{0,4})?\s*[:：]?\s*[\"“「']?$|"  # 「给美方的回信这样写行不行：“…”」
    r"(?:^|[，。！？\s])(?:回|回复|答复|告诉)[^“\"「'，。]{0,4}?(?:一句|一声|句)?\s*[\"“「']?$|"
    # 「我回美方的这句“…”」
    r"我们?(?:回|回复|答复|发给|写给)(?:" + ZH_PARTNERS + r")的[^“\"「'，。]{0,4}?\s*[:：]?\s*[\"“「']?$|"
    # 「回美方的时候说“…”」: the asker replying to the partner, no one else named in between
    r"(?:^|[，。！？\s])(?:回|回复|答复|告诉|跟|给|向|对(?!方))(?:" + ZH_PARTNERS + r")"
    r"(?:(?!" + ZH_PARTNERS + r")[^“\"「'，。]){0,8}?(?:说|讲|写|回)(?:一句|一声|句)?\s*[:：]?\s*[\"“「']?$|"
    # a reply announced "like this" with the asker's intent before a colon: 「이렇게 답하려고 하는데요: "…"」,
    # 「미국 측에 이렇게 보낼까 해요:」, 「다음과 같이 회신할 예정입니다:」
    r"(?:이렇게|이런 식으로|다음과 같이|아래와 같이|아래처럼)\s*[^\"“'.!?:：]{0,24}?"
    r"(?:려고|려는|려 해|려 합|까 해|까 하|까 합|생각|예정|계획|겠습니다|고 싶)[^\"“'.!?:：]{0,12}[:：.?]\s*[\"“「']?$|"
    # 「こう書こうと思います：「…」」
    r"(?:こう|このように|次のように|以下のように|こんな(?:ふう|感じ)に?)[^「『\"“。]{0,20}?"
    r"(?:[こそろおよけせてれ]うと|つもり|予定)[^「『\"“。？]{0,16}[:：。？]?\s*[「『\"“]?$", re.I)
_WILL_SAY_AFTER = re.compile(
    r"[」』”\"']?\s*(?:(?:と|って)(?:だけ|は|も)?\s*(?:[^\s、。「」]{0,8}?に)?\s*(?:つい|いつも|よく|すぐ|思わず|うっかり)?"
    r"\s*(?:(?:お?伝え|お?返事|返信|回答|お?答え|説明|"
    r"連絡)し?|言っ|言い|言え|言わ|返し|返さ|書い|書か|送っ|申し上げ)(?:ても|たら|るべき|べき|れば|ば|よう|たい|ておけ|"
    r"ておく|ておい|ておこ|ていい|て大丈夫|てしま|ちゃ|るつもり|つもり|ましょう|てみ|ない方|ないほう|ず|て[^、。「」]{0,8}?(?:送|返|出)(?:ろう|そう|す|る|り|っ))|"
    r"(?:と|って)(?:だけ|は|も)?\s*(?:伝える|返す|答える|書く|送る|言う|(?:お?返事|返信|回答|説明|連絡)する)(?:のは|のが|べき|つもり|と|か|"
    r"だけ)|"
    r"(?:で|と)(?:一旦|いったん|ひとまず|とりあえず)?(?:始め|締め|結ぼ|結び|結ん|返し|返そ|答え|終わら|終え|止め|留め|とどめ|"
    r"(?:返信|返事|回答)し)(?:たい|よう|ても|たら|るのは|るべき|るつもり|て(?:おく|おこ|おき))|"
    # the phrase as one the asker uses: 「…」という表現を使っても, 「…」を多用して, "…"라는 표현을 써도,
    # “…”这个说法可以用
    r"(?:という|って)?(?:表現|言い方|言い回し|言葉|フレーズ|理由|説明)?を\s*(?:使|多用|連発|使っ)|"
    r"(?:이)?라는\s*(?:표현|말)(?:을|를)?\s*(?:써|쓰|사용)|这(?:个|句)?(?:话|说法|词|表达)[^，。？?]{0,8}用|"
    r"を\s*(?:お?伝え|申し上げ|連絡し)(?:る|たい|よう|ても|たら|ます|るべき)|"  # 「「見送り」を伝えるメール」
    r"(?:と|って)(?:だけ|は|も)?\s*(?:[^\s、。「」]{0,8}?に)?\s*(?:返そ|言お|書こ|送ろ|伝えよ|答えよ|(?:お?返事|返信|回答)しよ)う|"
    r"(?:이)?라고(?:만|도)?\s*(?:\S+(?:에게|한테|께)\s*)?(?:답|말|전|대답|회신|답장|얘기|이야기|말씀|"
    r"써|보내)?\S{0,2}?(?:해도|하면|할까|해야|하려|할지|하고 싶|할 생각|해 버|해버|했다가|드려도|드리면|드릴까|"
    r"드려야|드리려|해 볼까|하는 게)|"
    r"(?:이)?라고(?:만|도)?\s*(?:\S+(?:에게|한테|께)\s*)?(?:보낼|쓸|할|답할|말할|전할|회신할|답장할)\s*"
    r"(?:예정|생각|계획|거|건데)|"
    r"(?:이)?라고(?:만|도)?\s*(?:쓰|적|보내)(?:면|려|고 싶|는 게|도)|"
    r"(?:을|를|만)\s*(?:쓰|써|사용하|보내)(?:는 게|면|도|려)|"
    r"(?:\s*같은\s*(?:말|표현))(?:을|를)?\s*(?:안\s*)?(?:쓰|써|사용)|"  # 「"…" 같은 말을 안 쓰고」
    r"(?:이)?라고(?:만|도)?\s*(?:써|적어)(?:도|야)|"
    r"(?:\s*정도)?(?:으)?로\s*(?:답장|회신|답변|대답|답|시작|마무리)?\s*(?:하면|해도|할까|하려|할지|보내면|보낼까|쓰면)|"
    # the wording weighed right after it: 「「…」で大丈夫でしょうか」, 「"…"로 괜찮을까요」, 「“…”可以吗」
    r"で(?:大丈夫|いい|よい|良い|OK|問題ない)(?:です|でしょう)?か|(?:으)?로\s*(?:괜찮|될까|되나)|(?:可以吗|行吗|合适吗)|"
    r"\s*(?:한\s*마디로|한\s*줄로|만으로)?\s*(?:끝내|마무리하|넘어가)(?:면|도|려)|"
    r"(?:这种|这句|这个|这类)?(?:话|说法|表达|词)?\s*(?:对|跟|给|向)(?:" + ZH_PARTNERS + r"|美国人|外国人|老外|外方)"
    r"(?:说|讲|用)|"
    # English, after the words: "'…' OK to use with them?", "'…' too casual for a reply?"
    r"\s+(?:is\s+|would be\s+)?(?:ok|okay|fine|safe|appropriate|acceptable|too \w+)\s+(?:to (?:use|say|write|send|"
    r"open with|end with)|for (?:an? |the |my )?(?:e-?mail|reply|opener|opening|sign-?off|subject|chaser|"
    r"follow-?up|reminder|message|note)))", re.I)
# Someone named right before the words is their speaker (「米国側が「…」と言ったら」, 「미국 측이 "…"라고 하면」):
# unless it is the asker, the words are that speaker's, not the asker's plan.
# 「先方には」, 「미국 측에는」 name the one it is said TO, not a speaker.
_SUBJECT_BEFORE = re.compile(r"(?:^|[\s、，,])([^\s、，,。.「」\"“]{1,14}?)(?<![にへ에게테께])"
                             r"(?:が|は|から|も|이|가|께서|은|는|에서)\s*$")
_FIRST_PERSON = frozenset({"私", "僕", "わたし", "こちら", "うち", "弊社", "当方", "저", "제", "나", "내", "저희",
                           "우리", "我", "我们"})
# The asker's own wording: put into English (「「…」の英語版」, 「…って英語で何と」, 「怎么翻译成英文」), or the subject
# line of the asker's mail (件名を「…」に, 제목을 "…"로, "subject line: '…'"); the partner's named right before is
# theirs
_TRANSLATED = re.compile(r"[」』”\"']?\s*(?:って|は|を|の|とは|という|是|을|를|은|는|라는|이라는)?[^。！？.!?\n]{0,12}?"
                         r"(?:英語|英訳|英文|英语|(?:どう|なんと|何と)訳|翻译成|译成|영어로|영문으로|"
                         r"영어\s?(?:표현|이메일|메일|문장)|번역|옮기|옮길)")
# 「英語で「…」ってどう言えば」: the asker's words to put into English
_INTO_ENGLISH_BEFORE = re.compile(r"(?:英語|英文|英语|영어|영문)(?:で|로|으로|里|中)\s*[「『\"“']?$")
_LANGUAGES = r"japanese|korean|chinese|mandarin"
_INTO_THEIRS_BEFORE = re.compile(rf"\bthe (?:{_LANGUAGES}) (?:for|way to say|equivalent (?:of|for)|version of)\s*$",
                                 re.I)
_INTO_THEIRS_AFTER = re.compile(rf"[\"”']?\s+in (?:{_LANGUAGES})\b(?!\s+(?:business|culture|context|compan|firm|terms|"
                                r"etiquette|eyes|ears|speak|negotiat))", re.I)  # "in Japanese business culture"
# "Would '…' sound rude to them?": the asker weighing words to say
# "instead of '…'", 「「…」の代わりに」, "…" 대신, 除了“…”: another wording for the asker's own
_INSTEAD_BEFORE = re.compile(r"\b(?:instead of|alternatives? to|rather than|other than|replace|replacing)\s*$|"
                             r"(?:除了|不说|与其说|代替|替代|替换)\s*$", re.I)
_INSTEAD_AFTER = re.compile(r"[」』”\"']?\s*(?:(?:같은|등의|처럼|のような|みたいな|といった|这样的|之类的|这种)"
                            r"[^。.!?？\n「」\"“”]{0,12}?)?(?:の代わりに|の代わりの|以外に|以外の|대신|말고|以外|之外|的替代)|"
                            # 「「…」ではなく」, 「"…"가 아니라」, 「“…”而不是」: a wording the asker sets aside
                            r"[」』”\"']?\s*(?:ではなく|じゃなく|でなく|(?:이|가)?\s?아니라|而不是|而非)|"
                            r"[\"”']?\s+(?:is|would be)?\s*(?:a|the) (?:good|better|best|right|safe) way to "
                            r"(?:close|open|end|start|finish|reply|respond|answer|sign off|word|phrase|put)\b", re.I)
# a phrase asked about as a topic, no one's words: "what does 'let me circle back' mean in general"
_IN_GENERAL_AFTER = re.compile(r"[\"”']?\s+(?:usually\s+|really\s+)?means?\s+(?:in general|generally)\b", re.I)
_WOULD_BEFORE = re.compile(r"\b(?:would|will|could|might)\s*$", re.I)
_WOULD_AFTER = re.compile(r"[\"”']?\s+(?:sound|come across|read|land|seem|be taken)\b", re.I)
_TITLE = re.compile(r"(?:件名|タイトル|題名|見出し|제목|헤드라인|标题|主题|题目|"
                    r"subject(?:\s+line)?|headline|titled?)\s*"
                    r"(?:を|は|に|が|에|을|를|은|는|이|가|是|:|：)?"
                    r"[^「『\"“'\n。.]{0,30}$", re.I)
_THEIR_TITLE = re.compile(r"(?:their|先方の?|相手の?|対方|对方的?|美方的?|상대|측|쪽)\s*"
                          r"(?:e-?mail's\s+|メールの|邮件的?\s*|메일\s*|(?-i:[a-z]+)\s+)?"
                          r"(?:件名|タイトル|題名|제목|标题|主题|subject|title|headline)", re.I)
# English words weighed for an audience: "is '…' rude to say to them", "does '…' come across as cold to Chinese execs"
_WEIGHED_BEFORE = re.compile(r"\b(?:would|will|could|might|does|do|is|are|can)\s*$", re.I)
_WEIGHED_AFTER = re.compile(r"[\"”']?\s+(?:(?:sound|come across|read|land|seem|go down|feel)s?\b|be taken\b)"
                            r"[^.?!\n]{0,40}?"
                            r"\b(?:to|with|for|among)\s+(?:(?:a|an|the|our|my|most|many)\s+)?(?:" + PARTNER_NOUNS +
                            r"|executives?|people|folks|producers?)\b|"
                            r"[\"”']?\s+(?:(?:too|a bit|very|really|at all|just|ever|even|always|still)\s+)?"
                            r"(?:rude|impolite|blunt|harsh|cold|pushy|"
                            r"offensive|vague|ok|okay|fine|acceptable|appropriate|safe|weird|awkward)\b[^.?!\n]{0,20}?"
                            r"\bto (?:say|use|write|send|tell)\b", re.I)


def will_say_before(before: str) -> bool:
    """The asker will say, would say or keeps saying the words right after `before` ("should I open with '")."""
    return bool(_WILL_SAY_BEFORE.search(before))


# A draft named: the asker's own wording ("my draft reply", "Draft below", 返信案, ドラフト, 답장 초안, 我的回复草稿)
_DRAFT_WORD = re.compile(r"(?<![a-z])draft(?:ed|ing)?\b|下書き|ドラフト|文案|返事案|返信案|回答案|草稿|草案|初稿|"
                         r"(?:回复|回信)稿|초안|(?:답장|회신|답변)\s?안(?!\S)|"
                         # what the asker is about to send: "before I hit send", "check my reply", 「보낼 메일」
                         r"\bbefore (?:i|we) (?:hit send|send)\b|\b(?:check|look over|proofread) my (?:reply|response|"
                         r"e-?mail|message|answer|wording)\b|보낼\s?(?:메일|이메일|답장|회신|메시지)|"
                         r"送る(?:予定の)?(?:メール|返信|文面)|要发(?:给\S{1,6})?的(?:邮件|消息|回复)", re.I)
# ... right before the words (「メールの下書きです。「…」」, "My draft to the CJ team: "…"", 「답장 초안입니다: "…"」)
_DRAFT = re.compile(r"(?:" + _DRAFT_WORD.pattern + r")[^.!?。！？\"“「『'\n]{0,50}?(?:です|입니다|是|如下)?"
                    r"\s*[:：。.?？]?\s*[「『\"“']?$", re.I)


def own_draft(before: str) -> bool:
    """The words follow a draft named right before them: the asker's own, unless the draft is named the partner's
    (「先方の下書き」, 「상대 측 초안」, "their draft", "the draft they sent says") rather than the one it goes to
    (「先方への返信案」, "my draft to the Japanese committee")."""
    draft = _DRAFT.search(before)
    return draft is not None and not partner_owns(before[max(0, draft.start() - 6):])


def names_own_draft(line: str) -> bool:
    """A line that introduces the asker's own draft ("Here is my draft reply:", 「返信案です。」, 「답장 초안:」,
    「我的回复草稿如下：」): a draft named with no partner before it in the line ("their draft contract:",
    「先方の返信案」, "their reply to my draft:" are the partner's)."""
    draft = _DRAFT_WORD.search(line)
    if draft is None:
        return False
    return not partner_owns(line[:draft.start()])


def partner_owns(head: str) -> bool:
    """`head` names the partner other than as the one words go to: 「先方の」, "their", 「미국 측이」, not 「先方への」,
    「米国側に」, 「미국 측에 보낼」, 「给美方的」, "for the Toho team"."""
    return any(not _TO_WHOM_AFTER.match(head[m.end():]) and not _TO_WHOM_BEFORE.search(head[:m.start()])
               for m in THEIR_SIDE.finditer(head))


# the partner named as the one the draft goes to, not its writer: 「先方への返信案」, 「미국 측에 보낼 초안」,
# 「给美方的回复草稿」, "draft reply for the Toho team"
_TO_WHOM_AFTER = re.compile(r"\s*(?:(?:측|쪽)\s*)?(?:へ|に|에게|한테|께|에)(?!서)")
_TO_WHOM_BEFORE = re.compile(r"(?:给|跟|对|向|\b(?:to|for)\s+(?:the\s+)?(?:[\w-]+\s+){0,2})$", re.I)


def own_wording(message: str, start: int, end: int) -> bool:
    """The quote is wording the asker is choosing: an Asian phrase to put into English
    (「「検討します」ってどう訳せば」, 「“研究研究”翻译成英文」), English words put into the partner's language
    ("the Japanese for '…'"), words weighed ("would '…' sound rude"), or the subject line of the asker's own mail
    (件名を「…」に, 邮件标题我写的是“…”); not words named as the partner's (「先方の「…」って英語で」,
    "their subject line was '…'")."""
    before = SENTENCE_END.split(message[max(0, start - 50):start])[-1]
    if partner_owns(before[-8:]) and not OWN.search(before[-8:]):
        return False
    after = message[end:end + 24]
    if _INSTEAD_BEFORE.search(before) or _INSTEAD_AFTER.match(after) or _IN_GENERAL_AFTER.match(after):
        return True
    if message[start:end].isascii():  # English words put into the partner's language, or weighed: "would '…' sound"
        return bool(_INTO_THEIRS_BEFORE.search(before) or _INTO_THEIRS_AFTER.match(after)
                    or _WOULD_BEFORE.search(before) and _WOULD_AFTER.match(after)
                    or _WEIGHED_BEFORE.search(before) and _WEIGHED_AFTER.match(message[end:end + 90])
                    or (title := _TITLE.search(before)) and not _THEIR_TITLE.search(before[:title.end()]))
    return bool(_TRANSLATED.match(after) or _INTO_ENGLISH_BEFORE.search(before)
                or (title := _TITLE.search(before)) and not _THEIR_TITLE.search(before[:title.end()]))


def will_say_after(message: str, start: int, end: int) -> bool:
    """The words at message[start:end] are what the asker will say or said ("…」と伝えてもいいですか",
    「…と言ってしまいました」, "…"라고 답해도 될까요), with no one else named right before them as the speaker."""
    if not _WILL_SAY_AFTER.match(message[end:end + 24]):
        return False
    before = message[max(0, start - 30):start]
    subject = _SUBJECT_BEFORE.search(before)
    while subject and KO_WHERE.search(subject.group(0)):  # 「미국 측이 회의에서 "…"라고 하면」: the one before where
        before = before[:subject.start()]
        subject = _SUBJECT_BEFORE.search(before)
    return subject is None or subject.group(1) in _FIRST_PERSON


# the asker as the subject of a clause: "I want to tell them …", 「私は…」, 「제가 …」, 「我们想…」
_ASKER_SUBJECT = re.compile(r"\b(?:i|we)(?:'d|'ll|'m|'re|'ve)?\s|私|僕|わたし|제가|저는|저희가|저희는|내가|我", re.I)
ECHO_CHARS = 6  # a quote this long at least (spaces left out) may be the asker's own words said again


def echoes_asker(message: str, start: int, end: int, quotes: list[tuple[int, int]]) -> bool:
    """The quote says again words the asker wrote unquoted earlier in the message, in a clause of their own ("I want
    to tell our Korean partner we need to take this offline. Is 'take this offline' clear to them?"): the asker's
    wording, asked about. Words the asker only reports stay the partner's (their clause names no asker as subject)."""
    words = message[start:end].strip(_QUOTE_MARKS).lower()
    if len("".join(words.split())) < ECHO_CHARS:
        return False
    lowered = message.lower()
    at = lowered.find(words)
    while 0 <= at < start:
        if not any(s <= at < e for s, e in quotes):
            clause = SENTENCE_END.split(message[max(0, at - 80):at])[-1]
            return bool(_ASKER_SUBJECT.search(clause)) and not _REPORTED.search(clause)
        at = lowered.find(words, at + 1)
    return False


_QUOTE_MARKS = "「」『』“”\"' "


# Quotes offered as alternatives: "'A' or 'B'?", 「A」と「B」、どちらが, "A"랑 "B" 중 어느 쪽, 写“A”还是“B”
_JOINS = re.compile(r"\s*(?:,?\s*(?:or(?: maybe| rather)?|and|vs\.?|versus)|/|と|か|和|与|还是|或者|或是|랑|이랑|와|과|"
                    r"하고|아니면|、|,|，)?\s*(?:(?-i:[A-D1-4])[.)）:：]?)?\s*$", re.I)  # A「…」、B「…」
_EITHER = re.compile(r"\bor\b|\bvs\.?|\bversus\b|/|か|还是|或者|或是|아니면", re.I)  # a choice by itself
# "They said '…' or '…'", 「先方から「…」と「…」を」: a run of words someone else is reported saying
_REPORTED = re.compile(r"\b(?:said|says|wrote|writes|replied|texted|told)\b|から|측이|측에서|说|回复|回信", re.I)
_CHOICE = re.compile(r"\b(?:which|better|choose|pick)\b|どちら|どっち|どれ|選|어느|뭐가|무엇이|골라|"
                     r"哪个|哪一个|哪种|更|选", re.I)


def alternatives(message: str, spans: list[tuple[int, int]], own: set[int]) -> set[int]:
    """The quotes (indexes into `spans`, in reading order) that are wordings the asker chooses between: quotes joined
    by "or", 「と」, 랑 or 还是 into one run that holds an own quote or is offered as a choice (see _a_choice)."""
    chosen: set[int] = set()
    run = [0] if spans else []
    for i in range(1, len(spans) + 1):
        if i < len(spans) and _JOINS.fullmatch(message[spans[i - 1][1]:spans[i][0]]):
            run.append(i)
            continue
        if len(run) > 1 and (own & set(run) or _a_choice(message, [spans[j] for j in run])):
            chosen |= set(run)
        run = [i]
    return chosen


def _a_choice(message: str, run: list[tuple[int, int]]) -> bool:
    """Joined by a word of choice itself ("or", 还是, 아니면) or with a choice asked right around them (どちら,
    어느 쪽, 哪个, "which"), unless someone is reported saying them ("They said '…' or '…'")."""
    first, last = run[0][0], run[-1][1]
    if _REPORTED.search(message[max(0, first - 40):first]):
        return False
    gaps = "".join(message[a[1]:b[0]] for a, b in zip(run, run[1:], strict=False))
    return bool(_EITHER.search(gaps) or _CHOICE.search(message[max(0, first - 20):first] + message[last:last + 40]))

