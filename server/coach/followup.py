"""How a message in a conversation is read: a short or back-referring message continues the last answered
question; any other message is read both on its own and as continuing it, and the engine keeps the reading that
answers with more confidence. What a follow-up continues: the part of a two- or three-part question it names, the
same question asked about another country ("and in Korea?"). A message that only thanks asks nothing."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from server.cjk import language_of
from server.coach.offtopic import asks_for_task, off_topic_cue
from server.coach.rank import OFF_TOPIC_DOMINATES
from server.coach.understand import Understanding, refers_back, understand, word_count
from server.coach.who_pays import asks_who_pays, pays_for_the_topic
from server.models import Culture, Turn
from server.search.lexical import tokenize, tokenize_in

FOLLOWUP_WORDS = 6
DANGLING_WORDS = 8
_CONTINUES = re.compile(r"^(?:and|but|so|also|then|ok|okay|still|again|in writing)\b|^(?:じゃあ|それでも|それなら|그럼|"
                        r"그래도|그러면|那么|那如果|那要是)", re.I)
_WHAT_IF = re.compile(r"^(?:what if|what about|how about|and if)\b|(?:たら|なら|면요|呢)\s*[？?]\s*$", re.I)
_FOLLOWUP_CUE = re.compile(
    r"^(and|but|also|then|so|ok|okay|what if|what about|how about|and if|what else|in writing|"
    r"they|he|she|it|that|this|those|still|again|same|why|how)\b", re.IGNORECASE)
# ... and in Japanese, Korean, Chinese: 「1か月たっても返事がなかったら？」「…없으면요?」「那…」「…呢？」, or
# opening with a pronoun for what was just discussed: 「それって普通ですか」, 「이건 누가 결정해요?」, 「这个要多久？」
_FOLLOWUP_CJK = re.compile(r"^(?:じゃあ|では|それで|それでも|でも|그럼|그러면|그래도|근데|那|那么|如果|要是|"
                           r"それ|これ|あれ(?!ば)|이거|이건|이게|이걸|그거|그건|그게|그걸|저거|저건|이것|그것|这个|这样|这种)|"
                           r"(?:たら|なら|れば|면요|면|는요|呢|的话)\s*[？?]?\s*$")
# A request that the coach write the reply ("can you draft the email?", "put that in writing for me",
# 「返信の文面を作ってもらえますか」, 「답장 초안을 써 주세요」, 「帮我起草一封回信」): the wording of the card just
# shown, not a card about writing in general. "How do I put it in writing?" asks how to confirm something: not this.
_WORDING = re.compile(
    r"^(?:(?:ok(?:ay)?|so|and|then|great|thanks)[,.!\s]+)*(?:(?:can|could|would|will) you\s+(?:please\s+)?|"
    r"please\s+|help me\s+)?(?:draft|write|put (?:that|it|this) in writing)\b|"
    r"\b(?:draft|write) (?:me|us|the|a|an|that|this|my|our)\b[^.?!]{0,30}\b(?:e-?mail|reply|response|message|"
    r"letter|note|answer)\b|\bput (?:that|it|this) in writing for (?:me|us)\b|"
    r"(?:文面|文章|メール|返信|返事|文案|下書き)[^。？?]{0,20}(?:書いて|作って|考えて|作成して|下書きして)"
    r"(?:もら|くれ|くださ|いただ|ほし)|(?:文面|文案|下書き)[^。？?]{0,4}(?:を)?お願い|"
    r"(?:답장|회신|메일|이메일|문구|초안)[^.?？]{0,20}(?:써|작성해|만들어)\s*(?:주|줄|줘)|"
    r"(?:초안|문안|답장 문구)[^.?？]{0,6}부탁|"
    r"(?:帮我|请你?|替我|麻烦你?|你能|能不能|可以)[^。？?]{0,8}(?:起草|写|拟)[^。？?]{0,12}(?:信|邮件|回复|答复)", re.I)
# A follow-up that names a part of the question before it: "going back to the first point", 「最初の件ですが」,
# 「첫 번째 문제로 돌아가서」, 「回到第一个问题」. The index of the part (-1: the last one).
_NAMED_PARTS = [
    (0, re.compile(r"\b(?:back to|on|about|regarding|re:?|as for|for|to) (?:the|your|my) (?:first|1st|former) "
                   r"(?:question|point|part|issue|one|item|topic|ask|thing|matter)s?\b|"
                   r"最初の(?:件|点|質問|ご質問|話|方|ほう|問題)|(?:一|1|１|ひと)(?:つ目|点目|番目)|"
                   r"(?:첫\s*번째|첫째|처음)\s*(?:문제|질문|건|부분|말씀드린|얘기|이야기|에\s*말씀드린)|"
                   r"第(?:一|1)(?:个|点|件)?(?:问题|点|件事)", re.I)),
    (1, re.compile(r"\b(?:back to|on|about|regarding|re:?|as for|for|to) (?:the|your|my) (?:second|2nd) "
                   r"(?:question|point|part|issue|one|item|topic|ask|thing|matter)s?\b|"
                   r"(?:二|2|２|ふた)(?:つ目|点目|番目)|두\s*번째\s*(?:문제|질문|건|부분)|"
                   r"第(?:二|2)(?:个|点|件)?(?:问题|点|件事)", re.I)),
    (-1, re.compile(r"\b(?:back to|on|about|regarding|re:?|as for|for|to) (?:the|your|my) (?:last|latter) "
                    r"(?:question|point|part|issue|one|item|topic|ask|thing|matter)s?\b|"
                    r"最後の(?:件|点|質問|話|問題)|마지막\s*(?:문제|질문|건)|最后(?:一个|那个)?(?:问题|点)", re.I)),
]
# The same word for each culture pair (Japan, Korea, China), with the languages it is written in: "and in Korea?"
# after a question about Japan asks that question about Korea. People before country: "Japanese" holds "Japan".
_PLACES = [("en", "Japanese", "Korean", "Chinese"), ("en", "Japan", "Korea", "China"),
           ("en", "Tokyo", "Seoul", "Beijing"), ("en", "Osaka", "Busan", "Shanghai"),
           ("ja", "日本", "韓国", "中国"), ("ja", "東京", "ソウル", "北京"), ("ko", "일본", "한국", "중국"),
           ("ko", "도쿄", "서울", "베이징"), ("zh", "日本", "韩国", "中国"), ("zh", "东京", "首尔", "北京")]
_PAIRS = (Culture.JP_US, Culture.KR_US, Culture.CN_US)  # the order of _PLACES' words
# A country word that says where the asker's family is from (한국계, 韓国系アメリカ人, a Korean-American producer)
# names no partner: asked again for Japan, 「한국계 프로듀서」 stays who is asking.
_HERITAGE = (r"(?!계|裔|系(?:人|アメリカ人|米国人|美国人|[二三]世)|[- ]American (?:producer|director|writer|executive|"
             r"showrunner|filmmaker|founder|myself))")
WORDING_WORDS = 16  # a longer message that mentions a reply asks something of its own
BARE_SWITCH_WORDS = 3  # "and in Korea?", "what about China?": the country is all they say
SWITCH_WORDS = 9  # "and in Korea, what would they say instead?": a longer message asks something of its own
WHAT_IF_SWITCH_WORDS = 12  # ... unless it asks "what if" of the other country ("What if it were a Chinese partner?")
# Who takes part: a follow-up that brings in someone the question before did not ("Should our CEO call their
# chairman?", "Who should I bring?", 「社長も同行すべき？」) asks about escalation or the delegation, a new ask.
_PEOPLE = re.compile(r"\b(?:ceo|coo|chairman|chairwoman|chair|president|vice[- ]president|vp|boss|founder|owner|"
                     r"head of \w+|managing director|(?:his|her|their) (?:manager|supervisor|superior)|"
                     r"higher[- ]ups?)\b|"
                     r"\bwho (?:should|do|shall|must) (?:i|we) (?:bring|take)\b|"
                     r"\bwho (?:should|to) (?:come|attend|join|go)\b|社長|会長|専務|常務|役員|上司|誰を連れて|"
                     r"誰が(?:行く|出席|同行)|대표|회장|사장|본부장|임원|상무|전무|누구를\s*(?:데려|데리고)|"
                     r"누가\s*(?:가|참석|동행)|老板|董事长|总裁|总经理|高层|带谁|派谁|谁去", re.I)
# A message that only thanks or acknowledges ("thanks!", 「ありがとうございます」) asks nothing to answer.
_THANKS = re.compile(r"^\s*(?:(?:ok(?:ay)?|great|perfect|got it|cool)[,!.\s]*)?(?:thanks?|thank you|thx|"
                     r"many thanks|ok(?:ay)?|got it|great|perfect|cool|ありがとう(?:ございます|ございました)?|"
                     r"了解(?:です|しました)?|わかりました|감사합니다|고맙습니다|알겠습니다|谢谢|多谢|好的|明白了)"
                     r"(?:\s*(?:so much|a lot|very much))?[\s!！.。~]*$", re.IGNORECASE)


# A follow-up that asks whom to address or who really decides ("Who should I actually be emailing?", "should I go
# over his head?", "who do I need to convince?", 「誰にメールを送るべきですか」, 「누구에게 연락해야 하죠?」,
# 「我该找谁？」), or who the decision maker is ("Who is the actual decision maker there?",
# 「실제로 결정하는 사람은 누구예요?」, 「決裁するのはどなたですか」, 「真正做决定的人是谁？」) asks for the map of who
# decides on the partner's side, not the next step of the card just shown.
_OVER_THERE = r"(?:(?:on|at|in|over) (?:their|the|his|her) (?:side|end|company|studio|team) |over there )?"
# Going over the contact's head to someone above them ("should I go over his head?", "is it OK to phone his
# manager?", "should I contact their CEO directly?", 「頭越しに」, 「社長に直接」, 「대표님께 바로」,
# 「임원한테 저희가 직접」, 「상사한테 연락」, 「越过他」): an ask about escalating, whatever topic its other words
# (Tokyo, the delay) rank.
_GOES_UP = (
    r"\bgo(?:ing)? over (?:his|her|their|the \w+'s) heads?\b|\bsomeone (?:more )?senior\b|"
    r"\b(?:contact|e-?mail|call|phone|ring|message|write to|go (?:straight |right )?to|reach out to|approach|"
    r"escalate to)\s+(?:their|the|his|her)\s+(?:\w+\s+)?(?:ceo|president|chair\w*|founder|owner|boss|"
    r"managing director|gm|manager|supervisor|superior|higher[- ]ups?)\b|"
    r"(?:社長|代表|会長|トップ|CEO)(?:の方)?に直接|頭越し|"
    r"(?:대표|사장|회장|CEO|임원|부사장|본부장|상무|전무|이사님|윗분|윗사람|윗선|상사|상관|보스|책임자|결정권자)(?:분|님)?"
    r"(?:께|에게|한테)\s*(?:(?:저희|제|우리)가\s*)?(?:바로|직접)|"
    r"(?<!제 )(?<!저희 )(?<!우리 )(?:윗분|윗사람|윗선|상사|상관|보스)(?:님)?(?:께|에게|한테)\s*"
    r"(?:연락|전화|메일|이메일)|"
    r"直接(?:打(?:个)?电话|写信|发(?:个)?(?:邮件|消息|微信))?(?:找|联系|给)[^。？?]{0,6}(?:老板|老总|董事长|CEO|一把手)|越过")
_DECIDER = re.compile(
    rf"{_GOES_UP}|"
    rf"\bwho {_OVER_THERE}"
    r"(?:should|do|shall|must|can|would|am|are) (?:i|we) (?:actually |really |even |then |supposed to |"
    r"meant to )*(?:be )?(?:e-?mail(?:ing)?|writ(?:e|ing) to|talk(?:ing)? to|speak(?:ing)? to|contact(?:ing)?|"
    r"negotiat(?:e|ing) with|deal(?:ing)? with|"
    r"call(?:ing)?|follow(?:ing)? up with|convince|persuade|approach(?:ing)?|go(?:ing)? to|escalat(?:e|ing) to|"
    r"need to (?:convince|persuade|talk to|get))\b|\bwho should sign\b|"
    rf"\bwho {_OVER_THERE}(?:actually |really )?(?:decides|makes (?:the|that|this|these|those) (?:calls?|decisions?)|"
    r"signs off|has the final say|calls the shots)\b|"
    r"\bwho(?:'s| is| are) (?:the |their )?(?:actual |real |final |ultimate )?(?:decision[- ]makers?|approvers?)\b|"
    r"\b(?:talk|write|speak|go) (?:directly )?to (?:the|their) (?:members|decision[- ]makers?|head of \w+)\b|"
    r"誰に(?:メール|連絡|話|相談|送|言|当た|確認|働きかけ)|誰と(?:交渉|話を?進め)|誰が(?:実際に|本当に)?(?:決め|決定|判断|承認)|"
    r"決めているのは誰|決定権|上の(?:人|方|立場)|上層部|上役|誰を連れて|"
    r"(?:決める|決定する|決裁する|判断する)(?:人|方)(?:は|って)|(?:決める|決裁する|判断する)のは(?:誰|どなた)|決裁者|決裁権|"
    r"決定者|"
    r"누구(?:에게|한테)\s*(?:연락|메일|이메일|말|얘기|보내|물어)|누구(?:와|랑|하고)\s*협상|누가\s*(?:실제로|진짜)?\s*결정|결정권|윗선|윗분|윗사람|"
    r"결정하는\s*(?:사람|분)|결재(?:하는|권)|"
    r"누구를\s*(?:데려|데리고)|누가\s*(?:들어가|참석)|"
    r"找谁|给谁(?:发|写)|(?:跟|和|与)谁(?:谈|谈判|商量)|谁说了算|谁(?:能|来)?拍板|谁(?:能)?做主|由谁决定|决策人|带谁|派谁|(?:做)?决定的人|拍板的人",
    re.I)
DECIDER_FRAME = "who really decides, whom to write to"  # the English the cards on who decides use


# A follow-up that asks how to record what was agreed ("how do I get whatever we agree down in writing?", "how do
# we record it properly?", "how do I make sure it's recorded properly?", 「決まったことは書面でどう残せばいいですか」,
# 「합의한 내용은 서면으로 어떻게 남기죠?」,
# 「怎么落实到书面上？」) asks how to confirm decisions, a new ask; "can you draft the reply?" is no such question.
_RECORDS = re.compile(r"\b(?:in(?:to)? writing|on paper|on the record|written (?:record|confirmation)|minutes|"
                      r"(?:it|that|this|everything|what)(?:'s| is| gets| get)? (?:properly )?(?:recorded|written down)|"
                      r"write (?:it|that|this|everything) down|"
                      r"record (?:it|that|this|the|what|our|these)|document (?:it|that|this|what))\b|"
                      r"書面|文書で|記録に残|議事録|서면|문서로|기록으로|회의록|书面|白纸黑字|会议纪要|记录下来|"
                      r"(?:정한|합의한|결정한|얘기한|논의한)\s*(?:내용|것|사항|부분)[^.?？]{0,12}"
                      r"(?:확정|남기|남겨)", re.I)
RECORD_FRAME = "confirm the decisions in writing, minutes"  # ... in the English of the card on minutes
# "how do I get it into writing?", 「どう書面に残す」, 「書面で残した方がいい？」, 「要不要写成书面确认？」, not
# 「書面がないけど有効？」
_HOW = (r"(?=.*(?:\bhow\b|\bshould\b|どう|どのように|方がいい|ほうがいい|べき|어떻게|해야|하는 게 좋|게 좋을까|"
        r"怎么|如何|怎样|要不要|该不该|应该|需要))")


# What the common frames of a follow-up ask, in the English the cards use: the embedding model reads English only
# and the glossary (knowledge/glossary.yaml) holds the domain's terms, not these frames, so 「催促してもいいですか？
# それとも待つべきですか？」 or 「我应该继续等，还是催一下？」 would match no step of the card just shown.
# "Should I wait or chase?" in Japanese, Korean or Chinese: 「待つべきか」, 「재촉해도 될까요」, 「催一下」
WAIT_OR_PUSH = re.compile(r"待つ(?:べき|か|の)|待った(?:ほう|方)|催促|せっつ|기다려야|기다릴까|기다리는 게|재촉|독촉|"
                          r"继续等|等还是|还是等|催一下|催促|追问")
_FRAMES = [
    (WAIT_OR_PUSH, "should I wait or push and follow up"),
    (re.compile(r"何も(?:言って|返って|連絡|返事)[^。？?]{0,6}(?:こな|な)|音沙汰|梨のつぶて|아무\s*(?:말|연락|답|대답)[^.?？]{0,6}"
                r"없|감감무소식|还是没(?:有)?(?:回|消息|动静|答复)|一直没(?:有)?(?:回|消息|动静)|没有任何(?:回复|消息)"),
     "what if they still say nothing"),
    (_DECIDER, DECIDER_FRAME),
    (re.compile(rf"^{_HOW}.*?(?:{_RECORDS.pattern})", re.S | re.I), RECORD_FRAME),
]


# A follow-up that asks what to tell or send someone ("What do we need to send the streamer?", "how do I put that in
# writing to the lead company?", 「プラットフォームに何と伝えれば」, 「투자사에게 뭐라고 알려야」, 「怎么告诉平台」):
# it asks about the topic just discussed; who it goes to is no topic of its own.
_TELLS = re.compile(r"\b(?:tell|send|say to|write to|e-?mail|inform|update|notify|report to|in writing to|"
                    r"explain (?:it |this |that )?to)\b (?:the|our|their|my) \w+|"
                    r"に(?:何と|どう)?(?:伝え|送|報告|説明|連絡)|"
                    r"에게\s*(?:[^.?？ ]+\s*)?(?:보내|말하|알려|알리|전달|설명)|"
                    r"(?:告诉|通知|发给)[^。？?]{0,8}(?:方|公司|平台|团队|人)", re.I)


def asks_who_decides(message: str) -> bool:
    """The follow-up asks whom to address or who really decides (not for the coach to write the note)."""
    return bool(_DECIDER.search(message)) and not asks_for_wording(message)


def goes_up(message: str) -> bool:
    """The follow-up asks about going over the contact's head to someone above them."""
    return bool(re.search(_GOES_UP, message, re.I))


def tells_someone(message: str) -> bool:
    """The follow-up asks what to tell, send or write to someone."""
    return bool(_TELLS.search(message))


def asks_to_record(message: str) -> bool:
    """The follow-up asks how to put what was agreed in writing (not for the coach to write it, nor what to write
    to someone: "how do I put that in writing to the lead company?" asks about the topic just discussed)."""
    return bool(_RECORDS.search(message)) and not asks_for_wording(message) and not tells_someone(message)


def glossed(part: str) -> str:
    """A follow-up written in Japanese, Korean or Chinese with the English of the frame it asks in ("should I
    wait or push", "what if they still say nothing", "who really decides", how to confirm in writing), so that
    ranking and the shown card's steps can read it. (A gloss for "who pays" was tried: on the labelled conversations
    it moved answers to other wrong cards; one for any mention of writing broke 「书面记录没有，还算数吗？」, so only
    a question asking how to put it in writing gets it.)"""
    frames = [english for pattern, english in _FRAMES if pattern.search(part)
              and not (english == RECORD_FRAME and tells_someone(part))]  # "in writing to the lead company"
    return " ".join([part, *frames])


def dangling(message: str) -> bool:
    """A follow-up with nothing to follow ("what if they still refuse?", "and in writing?", 「それでもダメなら？」
    as a conversation's first message): what it refers to is unknown, so the answer is a clarifying choice."""
    return word_count(message) <= DANGLING_WORDS and bool(
        _CONTINUES.search(message.strip()) or (_WHAT_IF.search(message.strip()) and refers_back(message)))


def is_thanks(message: str) -> bool:
    """The message only thanks or acknowledges: there is nothing to answer or to continue."""
    return bool(_THANKS.match(message))


def is_followup(message: str, history: list[Turn]) -> bool:
    """Short or back-referring messages continue the last answered question."""
    if not any(t.role == "user" and t.in_scope for t in history):
        return False
    words = word_count(message)
    cue = _FOLLOWUP_CUE.match(message.strip()) or _FOLLOWUP_CJK.search(message.strip())
    return words <= FOLLOWUP_WORDS or (words <= 14 and bool(cue))


@dataclass(frozen=True)
class Reading:
    """One way to read a message: on its own (`continues` None) or as continuing an earlier question; a
    continuation is in scope as what it continues was (`in_scope_known`)."""

    continues: str | None
    in_scope_known: bool = False


def readings(message: str, history: list[Turn], continued: str | None) -> list[Reading]:
    """The readings to plan, the one preferred on a tie first. A message with an off-topic cue of its own ("what's
    the weather in Osaka?") is read on its own, unless it is short, and never vouched for by what it continues. A
    question of who bears the cost of "that" (「その費用はどちらが持つことになるんでしょう？」) is only read as
    continuing: on its own, "pays" alone ranks the card on overages first."""
    if continued is None:
        return [Reading(None)]
    off_topic = bool(off_topic_cue(message) or asks_for_task(message))
    continuation = Reading(continued, in_scope_known=not off_topic)
    if is_followup(message, history) or named_part(message) is not None or asks_for_wording(message) \
            or (asks_who_pays(message) and pays_for_the_topic(message)):  # 「その費用はどちらが持つ…？」
        return [continuation]
    return [Reading(None)] if off_topic else [Reading(None), continuation]


def asks_for_wording(message: str) -> bool:
    """The message asks the coach to write the reply or e-mail: the wording of the card just shown answers it
    (never one for something off-topic: "write me a cover letter for the visa"; asking to write is itself a cue)."""
    return word_count(message) <= WORDING_WORDS and bool(_WORDING.search(message.strip())) \
        and off_topic_cue(message) <= OFF_TOPIC_DOMINATES


def named_part(message: str) -> int | None:
    """The part of the question before that a follow-up names ("going back to the first point": 0; the last: -1)."""
    return next((n for n, pattern in _NAMED_PARTS if pattern.search(message)), None)


def _named_pairs(text: str) -> set[Culture]:
    def names(word: str) -> bool:
        return bool(re.search(rf"\b{word}\b", text, re.I)) if word.isascii() else word in text

    return {pair for row in _PLACES for pair, word in zip(_PAIRS, row[1:], strict=True) if names(word)}


def switched_pair(message: str, before: Culture | None) -> Culture | None:
    """The other country a short follow-up asks about ("and in Korea?", 「韓国では？」, 「중국은요?」) after a
    conversation about one pair; None when it names none, several or the same."""
    named = _named_pairs(message)
    limit = WHAT_IF_SWITCH_WORDS if _WHAT_IF.search(message.strip()) else SWITCH_WORDS
    if before in _PAIRS and len(named) == 1 and word_count(message) <= limit and named != {before}:
        return named.pop()
    return None


def swap_pair(text: str, old: Culture, new: Culture, language: str) -> str:
    """The question asked again for another pair: each name of the old pair's country (in English or the text's
    language) replaced by the new one's, except where it says the asker's heritage."""
    index = {pair: n for n, pair in enumerate(_PAIRS, start=1)}
    rows = [row for row in _PLACES if row[0] in ("en", language)]
    mapping = {row[index[old]].lower(): row[index[new]] for row in rows}
    words = "|".join(rf"\b{re.escape(w)}\b" if w.isascii() else re.escape(w) for w in sorted(mapping, key=len,
                                                                                               reverse=True))
    return re.sub(f"(?:{words}){_HERITAGE}", lambda m: mapping[m.group(0).lower()], text, flags=re.I)


def asked_again(previous: Turn, message: str, pair_before: Culture | None) -> str | None:
    """"And in Korea?" after a question about Japan: that question (as it was resolved) asked about Korea, with the
    follow-up's own words, the partner's quoted words left out (their phrase, romanised or not; a Korean asker's
    own rendering of what the American said stays); None for any other message. It is
    answered as a question of its own. When the question named no country (「미국 프로듀서가 …」, then 「일본 회사라면
    어떨까요?」), the follow-up, which names the new one, is kept with it."""
    new_pair = switched_pair(message, pair_before)
    if new_pair is None or pair_before is None:
        return None
    text = previous.resolved_query or previous.content
    before = understand(text, pair_before)  # the partner's words quoted in any turn it was resolved with
    for quoted in before.partner_text:
        if before.asker_language == "en" or language_of(quoted) != before.asker_language:  # 'muzukashii' too
            text = text.replace(quoted, " ")
    swapped = swap_pair(text, pair_before, new_pair, before.language)
    # "and in Korea?" adds nothing to ask once the question names Korea
    own = message if word_count(message) > BARE_SWITCH_WORDS or swapped == text else ""
    return " ".join(f"{swapped} {own}".split())


def continued(previous: Turn, u: Understanding, expand: Callable[[str], str]) -> str:
    """What a follow-up continues. After a question of two or three parts, the part it names ("the first point"),
    else the one it shares the most words with, else the last one, so that "what if they still refuse?" is about the
    ask just answered rather than the whole first message; after a one-part question, what that question was
    resolved to."""
    before = understand(previous.content, u.pair, u.side)
    if len(before.parts) == 1:
        return previous.resolved_query or previous.content
    named = named_part(" ".join(u.parts))
    if named is None or named >= len(before.parts):
        asked = _words(" ".join(u.parts), u.language)
        shared = [len(asked & _words(part, before.language)) for part in before.parts]
        named = max(range(len(shared)), key=lambda n: (shared[n], n))  # a tie goes to the later part
    return expand(before.query(before.parts[named]))


def _words(text: str, language: str) -> set[str]:
    """A text's search words: English stems, and dictionary forms for Japanese, Korean or Chinese."""
    return set(tokenize(text)) | (set(tokenize_in(text, language)) if language != "en" else set())


def brings_people(message: str, before: str) -> bool:
    """The follow-up names someone to involve (a CEO, a chairman, "who should I bring?") that the question before
    did not: who escalates or who attends is a new ask, not the next step of the card just shown."""
    return any(m.group(0).lower() not in before.lower() for m in _PEOPLE.finditer(message))
