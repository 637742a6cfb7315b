"""Who is asking and what exactly: language, culture pair, the asker's side, the stage, the sub-questions, and the
partner's own words (quoted or pasted), which are the only text the decoder may explain."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from server.cjk import HAN, HANGUL, KANA, han_reads_japanese, language_of
from server.coach.parts import is_question as is_question
from server.coach.parts import split_parts as split_parts
from server.coach.parts import word_count as word_count
from server.models import Culture, Perspective

SITUATION_WORDS = 30  # words of the situation a part is retrieved with (it opens the query)
NAMELESS_WORDS = 12  # a CJK message this short that names no side is a follow-up's: it keeps the conversation's
_NUMBERED = re.compile(r"^\s*(?:[①②③④⑤⑥⑦⑧⑨]|[一二三四五]、|[1-5][)）])\s*")
_REFERS = re.compile(r"\b(?:it|that|this|they|them|those|these)\b|それ|その|これ|この|그것|그거|이것|这|那", re.I)
_PAIR_WORDS = {
    Culture.KR_US: re.compile(r"\b(korea|korean|koreans|seoul|busan|kofic|chaebol|nunchi)\b|한국|韓国|韩国", re.I),
    Culture.CN_US: re.compile(r"\b(china|chinese|beijing|shanghai|cfcc|guanxi|mianzi)\b|中国|中方|北京|上海", re.I),
    Culture.JP_US: re.compile(r"\b(japan|japanese|tokyo|osaka|nemawashi|ringi|seisaku|iinkai)\b|日本|東京", re.I),
}
_ASIAN = r"(?:japanese|korean|chinese|tokyo|seoul|beijing|shanghai|osaka|busan)"
# What a message that opens "Japanese publisher here." or "Korean studio, co-owning ..." says the asker is.
_SELF = r"(?:studio|company|publisher|producer|distributor|broadcaster|investor|financier|streamer|network|team)"
_ASIAN_PLACE = r"(?:tokyo|seoul|beijing|shanghai|osaka|busan|kyoto|japan|korea|china)"
_AMERICAN = r"(?:us|u\.s\.|american|hollywood|la|l\.a\.|american-side|western)"
_ROLE = (r"(?:partners?|co-?producers?|producers?|studios?|side|counterparts?|distributors?|broadcasters?|"
         r"publishers?|teams?|exec\w*|investors?|financiers?|committee|company|companies|streamers?|network|"
         r"showrunners?|director|writers?|lawyers?|agents?|colleagues?|client)")
# Our own people ("our US director", "our Korean VFX team") name the asker's side; "our US partner" the other one.
_OWN = r"(?:teams?|crew|staff|office|company|showrunners?|execs?|lawyers?|colleagues?|boss|employer|manager)"
_OTHER = r"(?:partners?|co-?producers?|producers?|studios?|side|counterparts?|distributors?|broadcasters?|" \
    r"publishers?|investors?|financiers?|committee|companies|streamers?|network|writers?|agents?|client|" \
    r"licensees?|licensors?|buyers?)"
_US = r"(?:american|us|u\.s\.|hollywood|la)"
# The asker speaks about "our Korean partner" (American side) or "our US partner" (Asian side).
_ASKER_US = re.compile(rf"\b(?:our|my)\s+{_ASIAN}\s+(?:\w+\s+)?(?:{_OTHER}|director)\b|"
                       rf"\b(?:our|my)\s+{_US}\s+(?:\w+\s+)?"
                       rf"(?:{_OWN}|director)\b|\bwe(?:'re| are)\s+(?:an?|the)\s+{_US}\b|\bas\s+(?:an?|the)\s+"
                       rf"(?:american\b|{_US}\s+{_ROLE}\b)|\b(?:on|run\w*|represent\w*)\s+the\s+{_US}\s+side\b|"
                       rf"\b(?:i|we)\s+(?:\w+\s+)?work(?:ing)?\s+(?:for|at)\s+(?:an?|the)\s+{_US}\b|"
                       rf"\b(?:assistant|coordinator|interpreter|fixer|pm)\s+(?:for|to)\s+(?:an?|the|our|my)\s+{_US}\b|"
                       rf"\b(?:i|we)(?:'m|'re|'ll be| am| are| will be| have been|'ve been)?\s+(?:being\s+)?"
                       rf"(?:sent|posted|relocat\w+|moving|seconded|stationed)\s+(?:to|in)\s+{_ASIAN_PLACE}\b",
                       re.I)
_ASKER_ASIA = re.compile(rf"\b(?:our|my)\s+{_AMERICAN}\s+(?:\w+\s+)?{_OTHER}\b|\b(?:our|my)\s+{_ASIAN}\s+"
                         rf"(?:\w+\s+)?{_OWN}\b|\bwe(?:'re| are)\s+(?:an?|the)\s+"
                         rf"{_ASIAN}\b|\bas\s+(?:an?|the)\s+{_ASIAN}\s+{_ROLE}|"
                         rf"(?:^|[.!?]\s+)(?:an?\s+)?{_ASIAN}\s+(?:\w+\s+)?{_SELF}(?:\s+here\b|\s*[,.:;\u2013\u2014-])|\bthe\s+americans?\s+side\b|\bthe\s+americans\b|"
                         r"アメリカ|米国|米側|米国側|ハリウッド|미국|할리우드|美方|美国|好莱坞", re.I)
# Written in Japanese, Korean or Chinese by staff of the American side: "I work at a US studio's Tokyo office",
# "the American producer's assistant", "LA 본사", 「替美国老板谈…」, 「我们美国公司」.
_US_STAFF_NATIVE = re.compile(
    r"(?:米国|アメリカ|LA|ロサンゼルス|ハリウッド)(?:人)?の?[^。、]{0,8}?(?:会社|スタジオ|プロデューサー|ボス|上司)"
    r"(?:で(?:働|勤|[^。、]{0,6}担当)|に勤め|の(?:アシスタント|コーディネーター|通訳|秘書|日本担当|担当|東京|日本|"
    r"ソウル|北京))|(?:米国|アメリカ|米)側の[^。、]{0,10}(?:です|として)|アメリカ人の(?:ボス|上司)|"
    r"(?:LA|ロサンゼルス|ハリウッド)の?本社|"
    r"(?:米国|アメリカ|LA|ロサンゼルス|ハリウッド|ニューヨーク)の?[^。、]{0,8}?(?:会社|スタジオ|プロダクション)"
    r"(?:から[^。]{0,30}(?:常駐|赴任|駐在|派遣|出向|来日)|に(?:雇われ|所属)|所属)|"
    r"(?:미국|LA|할리우드)\s*(?:\S{1,4}\s*)?(?:회사|제작사|스튜디오|프로듀서|프로덕션|배급사)\s*(?:(?:한국\s*)?"
    r"(?:지사|지점|법인|사무소|오피스)|(?:쪽|측)?에서\s*(?:\S+\s+){0,2}?"
    r"(?:일하|일해|근무|고용|채용|준비하|담당하|담당을|맡)|에 다니|밑에서|"
    r"소속|의 (?:코디네이터|통역|어시스턴트))|"
    r"미국(?:인)?\s*(?:보스|상사)|(?:LA|할리우드)\s*본사|"
    r"我(?:在|是)[^，。,]{0,12}(?:美国|美方|洛杉矶|好莱坞|纽约)|(?:替|给|帮|为)(?:一家)?美国(?:老板|公司|制片|片方|投资方)|"
    r"我们(?:是)?(?:一家)?美(?:国|方)(?!投资|出资)|我方是美(?:国|方)|美国总部|中方[^，。,“”\"]{0,6}(?:说|表示|回复|答复)")
# An English question about "the Korean side" or "their Japanese producer" (the partner in the third person), or
# about "the American studio": a weaker sign of the asker's side, read when the first-person ones say nothing.
_THEM_ASIAN = re.compile(rf"\b(?:the|their|a|this)\s+{_ASIAN}\s+(?:\w+\s+)?{_ROLE}\b|"
                         rf"(?:^|[.!?]\s+){_ASIAN}\s+(?:\w+\s+)?{_ROLE}\b(?!\s+here\b|\s*[,.:;\u2013\u2014-])|"
                         rf"\b(?:trip|fly\w*|going|travel\w*|shoot\w*)\s+(?:\w+\s+)?(?:to|in)\s+{_ASIAN_PLACE}\b", re.I)
_THEM_AMERICAN = re.compile(rf"\b(?:the|their|a|this)\s+(?:american|us|u\.s\.|hollywood|la)\s+(?:\w+\s+)?{_ROLE}\b",
                            re.I)
_GOING_THERE = re.compile(r"(?<!based )(?<!office )(?<!here )(?<!studio )(?<!company )(?<!HQ )\b(?:in|to)\s+"
                          r"(?:Tokyo|Osaka|Kyoto|Seoul|Busan|Beijing|Shanghai)\b", re.I)
_ASIA_SIDE_NATIVE = re.compile(r"日本(?:の|側の)?(?:パートナー|制作会社|スタジオ|会社)|한국\s*(?:파트너|제작사)|"
                               r"(?<!저희 )(?<!우리 )한국\s*(?:측|쪽|팀|제작팀|스태프|직원|실무자)|"
                               r"中国(?:合作方|公司)|(?<!我们)(?<!我方)中方(?!说了算)")
# The Asian team named in the third person (「日本のチームと」, 「한국 스태프들이랑」), by an asker who works for the
# American (「私は通訳兼アシスタント」, 「저는 현지 PM」) or is posted there (「서울에 6개월 파견」, 「去北京常驻」):
# the American side, even though the message also names the American producer.
_LOCAL_THIRD = re.compile(r"日本(?:側|人)?の?(?:チーム|スタッフ|制作陣|現場)|日本側|現地の(?:チーム|スタッフ)|"
                          r"(?<!저희 )(?<!우리 )한국\s*(?:측|쪽|팀|제작팀|스태프|직원)|현지\s*스태프|"
                          r"(?<!我们)(?<!我方)中方|中国(?:团队|同事|剧组)")
_ASKER_ROLE_NATIVE = re.compile(r"私は[^。]{0,12}(?:通訳|アシスタント|コーディネーター|秘書|PM)|"
                                r"저는[^.]{0,12}(?:통역|어시스턴트|코디네이터|PM|비서)|"
                                r"我是[^，。]{0,12}(?:翻译|助理|联络人|协调|统筹)")
_POSTED_NATIVE = re.compile(r"(?:東京|大阪|京都|日本|ソウル|韓国|北京|上海|中国)[^。、]{0,15}に[^。、]{0,10}"
                            r"(?:赴任|常駐|駐在|派遣|出向)|"
                            r"(?:서울|부산|한국|도쿄|일본|베이징|상하이|중국)\S{0,3}\s*(?:\S+\s*){0,2}?(?:파견|주재원|발령|부임)|"
                            r"(?:去|到|派驻|派到|外派到)(?:北京|上海|中国|东京|首尔)[^，。]{0,6}(?:常驻|驻扎|派驻|工作)")
_OWN_ASIAN = re.compile(r"弊社|当社|うちの|私たちの|저희|우리 회사|我们公司|我们中方|我方")
_STAGES = [
    ("dispute", re.compile(r"\b(disputes?|breach\w*|sue|suing|lawsuit|litigation|terminat\w+|demand letter|"
                           r"withh[oe]ld\w*|refus\w+ to pay|stopped paying|legal action)\b|紛争|訴訟|契約違反|"
                           r"분쟁|소송|계약 위반|纠纷|诉讼|违约", re.I)),
    ("production", re.compile(r"\b(in production|on set|shooting|the shoot|principal photography|in post\b|"
                              r"post-?production|picture lock|delivery (?:date|deadline)|mid-?shoot|dailies|"
                              r"weeks? (?:from|before|until|to) (?:lock|delivery|release|premiere|air))|撮影中|制作中|"
                              r"ポスプロ|納品|촬영 중|후반 작업|납품|拍摄中|后期|交付", re.I)),
    ("signed", re.compile(r"\b(?:we|they)(?: have| had|'ve)?(?: already| just)? signed\b|\bsigned (?:the|a|our)\s+"
                          r"(?:\w+\s+)?(?:deal|contract|agreement)|\bafter signing\b|\bcontract is (?:signed|done)\b|"
                          r"\bdeal (?:closed|is closed)\b|契約済|締結済|契約した|署名した|サインした|계약했|서명했|"
                          r"계약 후|已签|签了|签约后", re.I)),
    ("negotiating", re.compile(r"\b(negotiat\w+|term sheet|drafting|draft (?:contract|agreement)|before (?:we )?"
                               r"sign(?:ing)?|deal memo|first meeting|pitch\w*|proposal)\b|交渉|契約前|협상|계약 전|"
                               r"谈判|签约前", re.I)),
]
# Partner text: quoted spans ('검토해 보겠습니다'라고: a particle may follow), cue-led lines, "…と言われた", e-mails.
_QUOTED = re.compile(r"「([^」]{2,400})」|『([^』]{2,400})』|“([^”]{2,400})”|\"([^\"\n]{2,400})\"|"
                     r"(?<![A-Za-z0-9_'])'([^'\n]{2,200})'(?![A-Za-z0-9_'])")
_SAID = re.compile(r"\b(?:said|says|(?:they|he|she) say|(?:keeps?|kept) saying|wrote|writes|replied|responded|"
                   r"answered|got back|heard back|"
                   r"told (?:us|me)|emailed|messaged|texted|came back with|the reply was|their reply|"
                   r"their answer|their email|response was)"
                   r"\s*(?:that\s+|back\s+)?[:,]?\s*(?!\s*to (?:our|my|the|your|this|that)\b)"
                   r"(.+?)(?:[.!?](?:\s|$)|\n|$)", re.I)  # "their reply to our notes:" is no quote
_SAID_COLON = re.compile(r"\b(?:said|says|wrote|writes|replied|responded|answered|emailed|messaged|texted)\s*:\s*(.+)",
                         re.I)  # "They wrote: ..." takes the rest of the line
_JA_SAID = re.compile(r"(?:^|[。\n、])([^。\n、]{2,120}?)(?:と|って)(?:言われ|言って|言い|"
                      r"(?:返事|返信|回答|連絡)(?!を?し)|書いて|のこと|おっしゃ)")  # 「…と返事をした」 is the asker's
# A short message that only asks about a phrase: 「前向きに検討しますって断り？」
# Asking about the partner's phrase: "what does X mean?", "is X a no?", 「X是什么意思」, 「X는 무슨 뜻이에요?」
_ABOUT = re.compile(r"\bwhat does (.+?) (?:really |actually )?mean\b|\bdoes (.+?) mean (?:yes|no)\b|"
                    r"\bis (.+?) (?:really )?an? (?:no|yes|refusal|rejection)\b|(?:^|[，,。\s])([^，,。\s]{2,20})"
                    r"(?:是什么意思|是不是拒绝|是拒绝吗)|"
                    r"(?:^|\s)([^\s.?!]{2,20}?)(?:은|는|이|가)?\s?(?:무슨 뜻|무슨 의미|거절인가요)", re.I)
_JA_ABOUT = re.compile(r"^([^。\n？?、]{2,30}?)(?<!思)(?:って|とは|というのは|と言うのは)[^。\n]{0,15}$")
_KO_SAID = re.compile(r"(?:^|[.\n,])([^.\n,]{2,120}?)(?:라고|다고|자고|냐고)\s*(?:했|하더|말했|답했|답장|연락|(들었))")
_ZH_SAID = re.compile(r"(?:(?<!谁)说(?!了算)|表示|回复|回答|答复|告诉我们|来信)[:：,，]?\s*"
                      r"(?![“\"「『])([^。！？\n]{2,120})")  # 说“…” is a quote, read as one
_GREETING = re.compile(r"^\s*(?:dear\b|hi\b|hello\b|good (?:morning|afternoon)|お世話になって|いつもお世話|"
                       r"안녕하세요|您好|你好|件名|subject:)|^\s*\S{1,12}(?:様|さん|님|您好|你好)[,，、]?\s*$", re.I)
# "Here is their reply:", 「返信を貼ります」, 「그대로 붙여요」, 「对方邮件原文：」 then the pasted lines.
_PASTE_CUE = re.compile(r"(?:貼ります|貼り付け|そのまま|原文|転送|pasted|copied|forwarded|below|here is|here's|"
                        r"붙여|그대로|원문|아래|如下|转发)", re.I)
_QUOTE_LINE = re.compile(r"^\s*>\s?(.+)$", re.M)
_SIGN_OFF = re.compile(r"^\s*(?:best|regards|kind regards|best regards|sincerely|thanks|thank you|cheers|"
                       r"よろしくお願い|何卒|감사합니다|此致|谢谢|祝好)", re.I)


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
    asian_partner: Culture | None = None  # the pair whose Asian side wrote the partner text (None: American, unknown)

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


def detect_pair(text: str) -> Culture | None:
    """The culture pair the question names explicitly ("our Korean partner"), if exactly one."""
    found = {pair for pair, pattern in _PAIR_WORDS.items() if pattern.search(text)}
    found |= {Culture.KR_US} if HANGUL.search(text) else set()
    found |= {Culture.JP_US} if KANA.search(text) else set()
    if not found and HAN.search(text):  # Han script without kana or hangul: Chinese, unless its characters are
        found = {Culture.JP_US if han_reads_japanese(text) else Culture.CN_US}  # ones only Japanese writes
    return found.pop() if len(found) == 1 else None


def detect_side(text: str, language: str) -> Perspective | None:
    """The asker's side: an American about an Asian partner, or an Asian company about an American partner."""
    us, asia = bool(_ASKER_US.search(text)), bool(_ASKER_ASIA.search(text))
    if language != "en":
        # Written in Japanese, Korean or Chinese: the Asian side, unless the American side is "we"; a message
        # that names no side (「1か月たっても返事がなかったら？」) leaves it to the conversation (see `understand`).
        local = bool(_LOCAL_THIRD.search(text))
        if _US_STAFF_NATIVE.search(text) or (_ASIA_SIDE_NATIVE.search(text) and not asia) \
                or (local and _ASKER_ROLE_NATIVE.search(text)) \
                or (_POSTED_NATIVE.search(text) and not _OWN_ASIAN.search(text)):
            return Perspective.US_SIDE
        return Perspective.ASIA_SIDE if asia or word_count(text) > NAMELESS_WORDS else None
    if us != asia:
        return Perspective.US_SIDE if us else Perspective.ASIA_SIDE
    if not us:
        them_asian, them_american = bool(_THEM_ASIAN.search(text)), bool(_THEM_AMERICAN.search(text))
        if them_asian != them_american:
            return Perspective.US_SIDE if them_asian else Perspective.ASIA_SIDE
        if _GOING_THERE.search(text):  # "rights negotiation in Tokyo in 2 weeks": the visitor is the American side
            return Perspective.US_SIDE
    return None


def asian_partner(pair: Culture | None, side: Perspective | None, partner: list[str]) -> Culture | None:
    """Whose English the partner text is: the Asian side of the asker's pair unless the asker is that side, or,
    with no pair known, the side the pasted e-mail's signature or set phrases point to ("Best regards, Sato",
    "Thank you always for your support"); None for an American partner or when nothing says."""
    if side is Perspective.ASIA_SIDE or not partner:
        return None
    if pair in (Culture.JP_US, Culture.KR_US, Culture.CN_US):
        return pair
    text = "\n".join(partner)
    names = [n for m in _SIGNED.finditer(text) for n in m.groups() if n]
    words = {w.lower() for w in re.split(r"[\s-]+", names[-1])} if names else set()
    found = {c for c, (surnames, phrases) in _WRITERS.items() if words & surnames or phrases.search(text)}
    return found.pop() if len(found) == 1 else None


# A pasted e-mail's signature: the name after "Best regards," or a last line that is only a name.
_SIGNED = re.compile(r"(?:regards|best|sincerely|thanks|thank you|cheers)[,.!]?\s+(?:mr\.?\s+|ms\.?\s+)?"
                     r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s*[\"”]?\s*$|^\s*([A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s*$", re.M)
_WRITERS = {  # the most common surnames in romanised signatures, and English set phrases carried over
    Culture.JP_US: (frozenset("sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato yoshida "
                              "yamada sasaki yamaguchi matsumoto inoue kimura hayashi shimizu saito".split()),
                    re.compile(r"thank you (?:always|as always|very much as always) for your (?:continued )?"
                               r"(?:support|cooperation)", re.I)),
    Culture.KR_US: (frozenset("kim lee park choi jung jeong kang cho yoon jang lim shin kwon hwang ahn".split()),
                    re.compile(r"\b[A-Z][a-z]+-nim\b")),
    Culture.CN_US: (frozenset("wang zhang liu chen yang zhao huang zhou wu xu sun zhu ma hu guo lin".split()),
                    re.compile(r"\blaoshi\b|\bzong\b", re.I)),
}


def detect_stage(text: str) -> str | None:
    """negotiating, signed, production or dispute: the most advanced stage the message mentions."""
    return next((name for name, pattern in _STAGES if pattern.search(text)), None)


def partner_text(message: str) -> list[str]:
    """The partner's words in the message: quoted, reported ("they said ..."), or a pasted e-mail."""
    spans = [*(quoted := [next(g for g in m.groups() if g) for m in _QUOTED.finditer(message)])]
    for pattern in (_SAID_COLON, _SAID, _JA_SAID, _KO_SAID, _ZH_SAID):
        spans += [m.group(1).strip() for m in pattern.finditer(message) if m.group(1).strip()
                  and not (pattern is _KO_SAID and m.group(2) and not _KO_SOURCE.search(m.group(1)))]
    spans += _pasted_email(message) + _pasted_after_cue(message) + _QUOTE_LINE.findall(message)
    spans += [next(g for g in m.groups() if g) for m in _ABOUT.finditer(message)]
    spans = [s for s in spans if s in quoted or not any(q in s for q in quoted)]  # 'told us "…" about' quotes "…"
    if not spans:
        about = _JA_ABOUT.match(message.strip())
        if about:
            spans.append(about.group(1))
    return list(dict.fromkeys(s for s in spans if len(s.strip()) >= 2 and s.strip().lower() not in _PRONOUNS
                              and not _THIS_PHRASE.match(s.strip())))


_PRONOUNS = frozenset({"it", "this", "that", "they", "he", "she", "those", "these", "the phrase", "this phrase",
                       "それ", "これ", "あれ", "그것", "그거", "이것", "这", "那", "这个", "那个"})  # 「それと返事は」
_THIS_PHRASE = re.compile(r"(?:这|那)(?:句话|话|个说法|种说法)|(?:この|その|あの)(?:言葉|表現|言い方|フレーズ)|"
                          r"(?:이|그|저)\s?(?:말|표현)(?!\S)")  # 「这句话一般是什么意思」 asks about a quote, is none
# 「…다고 들었는데」 is hearsay; it is the partner's only when it says from whom: 「미국 측에서 …다고 들었습니다」
_KO_SOURCE = re.compile(r"측|쪽|에게서|한테서|로부터|에서")


def _pasted_email(message: str) -> list[str]:
    lines = message.splitlines()
    start = next((i for i, line in enumerate(lines) if _GREETING.match(line)), None)
    if start is None:
        return []
    end = next((i for i in range(start + 1, len(lines)) if _SIGN_OFF.match(lines[i])), len(lines) - 1)
    return ["\n".join(lines[start:end + 1])]


def _pasted_after_cue(message: str) -> list[str]:
    """The lines after "here is their reply:" up to the asker's own question (a question line after them)."""
    lines = message.splitlines()
    start = next((i for i, line in enumerate(lines[:-1]) if _PASTE_CUE.search(line)
                  and line.rstrip().endswith((":", "：", "。"))), None)
    if start is None:
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


def understand(message: str, default_pair: Culture | None = None,
               default_side: Perspective | None = None) -> Understanding:
    language = language_of(message)
    partner = partner_text(message)
    asker_words = message
    for span in partner:
        asker_words = asker_words.replace(span, " ")
    pair = detect_pair(message) or default_pair
    own = language_of(asker_words) if re.search(r"[^\W\d_]", asker_words) else "en"
    # the side from the asker's own words: an English question quoting a Korean message is no Korean asker
    side = detect_side(asker_words, own) or default_side or (Perspective.ASIA_SIDE if own != "en" else None)
    parts, context = split_parts(message, partner)
    writer = asian_partner(pair, side, partner)
    if pair is None and writer is not None:  # an e-mail signed "Best regards, Sato": a Japanese partner wrote it
        pair, side = writer, side or Perspective.US_SIDE
    elif side is None and own == "en" and partner and language_of("\n".join(partner)) != "en":
        side = Perspective.US_SIDE  # an English question about the partner's Japanese, Korean or Chinese words
    return Understanding(language=language, pair=pair, side=side, stage=detect_stage(asker_words),
                         parts=parts, context=context, partner_text=partner, asker_language=own,
                         asian_partner=writer)
