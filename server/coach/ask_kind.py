"""The kind of ask a question makes, and which cards answer that kind: who decides or approves, how much or who
pays, when or how long, what to say or write back, whether it is normal or can be refused, and what to do when the
partner still does not act. Two cards on one topic (the dub cast: seiyuu or celebrity; voice casting: who approves)
differ in the ask they answer, and the question says which it is: "Who should approve the English voice cast?".

The same patterns read a question (in English, Japanese, Korean or Chinese) and a card's heads (its title, summary
and triggers, translated triggers included): the ranker's `ask_fit` is how strongly the card's heads make the
question's kind of ask (coach.rank).
"""

from __future__ import annotations

import re

from server.models import Card, Language
from server.search.languages import LanguageIndex

# "who pays" asks about money, not about a decision: read as money, and taken out before "who" is looked for
_WHO_PAYS = re.compile(r"\bwho(?:'s| is)? (?:(?:should|would|will|has to|must|normally|usually|actually|really) )?"
                       r"(?:pays?|covers?|bears?|carr(?:y|ies)|foots?|picks? up|eats?)\b|"
                       r"(?:誰|だれ|どちら)が(?:払|負担|持つ|出す)|누가 (?:내|부담|지불|지급)|"
                       r"谁(?:来)?(?:付|出|承担|买单|掏)",
                       re.I)
KINDS: dict[str, re.Pattern[str]] = {
    "who": re.compile(
        r"\bwho(?:'s| is)?\b[^.?!]{0,40}?\b(?:approv\w*|decid\w*|sign\w*|say|call|control\w*|veto\w*|own\w*|"
        r"charge|authori\w*|choos\w*|pick\w*|speaks?|consent\w*|right)\b|\bwhose (?:call|decision|approval)\b|"
        r"\bdecision[- ]makers?\b|\bfinal (?:say|word|call)\b|\bcall the shots\b|\bwho decides\b|"
        r"(?:誰|だれ|どちら)が|決定権|承認権|最終(?:的な)?(?:判断|決定|承認|決裁)|決裁|決める(?:人|の)|決めるのは|"
        r"누가|누구(?:에게|한테|의)|결정권|승인권|최종\s?(?:결정|승인|판단)|결재|의사\s?결정권자|"
        r"谁|决定权|拍板|审批权|最终(?:决定|批准|审批|说了算)|说了算|决策者|话事", re.I),
    "money": re.compile(
        r"\bhow (?:much|big)\b|\bwhat (?:share|percentage|cut|fee|rate|split)\b|\bper ?cent\b|\d\s?%|\bfees?\b|"
        r"\bcosts?\b|\bpa(?:y|id|ys|yment)\b|\bmoney\b|\bsplit\b|\bshare of\b|\bprofits?\b|\bexpenses?\b|"
        r"\bper diems?\b|\brecoup\w*\b|\boverages?\b|\bbudget over\w*\b|"
        r"いくら|何割|何パーセント|何%|割合|比率|費用|負担|支払|払|お金|金額|報酬|手数料|配分|分配|取り分|回収|"
        r"얼마(?!나 걸)|몇\s?퍼센트|비율|비용|부담|지급|지불|돈|금액|수수료|배분|수익|지분|정산|"
        r"多少钱|多少(?!时间)|比例|几成|分成|分账|费用|承担|付款|支付|钱|金额|佣金|收益|回收", re.I),
    "when": re.compile(
        r"\bwhen (?:do|does|did|should|will|would|can|could|is|are|must|might|exactly)\b|^when\b|"
        r"\bhow (?:long|soon)\b|\bby what date\b|\bdeadlines?\b|\bby when\b|\bwhat date\b|"
        r"\bhow many (?:weeks|days|months)\b|\bturnaround\b|\btimelines?\b|"
        r"いつ|どのくらい(?:の期間|かか)|どれくらい(?:の期間|かか)|期限|締め?切り|何週間|何日|何か月|何ヶ月|納期|"
        r"언제|얼마나 걸리|기한|마감|몇\s?주|며칠|몇\s?달|몇\s?개월|"
        r"什么时候|何时|多久|多长时间|期限|截止|几周|几天|几个月", re.I),
    "wording": re.compile(
        r"\bwhat (?:do|should|can|could|would) (?:i|we) (?:say|write|reply|tell|answer|send)\b|"
        r"\bhow (?:do|should|can|could|would) (?:i|we) (?:reply|respond|answer|word|phrase|tell|say|write|explain|"
        r"raise|bring up|chase|decline|turn down|put)\b|\bwhat to (?:say|write|send)\b|\bhow to (?:reply|respond|"
        r"answer|word|phrase|tell|say|write|explain|raise|decline)\b|\bwording\b|\bwrite back\b|"
        r"\bdraft\b|\bwhat to tell\b|"
        r"(?:何|なん)と(?:言|返|伝|書|答)|どう(?:返|伝え|書|答え|言え|説明|断)|どのように(?:返|伝|書|答|説明)|"
        r"返信|返事を(?:書|し)|文面|言い方|伝え方|書き方|"
        r"뭐라고|무엇이라고|어떻게 (?:답|회신|말|전달|설명|거절|표현|써|쓰)|답장|회신(?:을|은)? (?:어떻게|뭐)|문구|"
        r"怎么(?:回复|说|回|写|表达|解释|回应|答复|开口|拒绝|讲)|如何(?:回复|说|回|写|表达|解释|回应|答复)|措辞|说什么|"
        r"回什么|话术", re.I),
    "refuse": re.compile(
        r"\bcan (?:we|i) (?:refuse|say no|push back|decline|reject|object|insist|block|stop|veto|turn)\b|"
        r"\bis (?:it|this|that)\b[^.?!]{0,30}?\b(?:normal|usual|standard|common|typical|reasonable|fair|ok|okay)\b|"
        r"\b(?:do|must) (?:we|i) (?:have to|accept|agree)\b|\bshould (?:we|i) (?:accept|agree|refuse|push back)\b|"
        r"\bpush back\b|\bsay no\b|\brefus\w*\b|\bred flag\b|\bnormal\b|\bstandard\b|"
        r"断っ|断れ|断る|断わ|拒否|拒む|普通|一般的|当たり前|よくある|妥当|受け入れるべき|応じるべき|応じなければ|"
        r"従わなければ|おかし|"
        r"거절|거부|정상|일반적|보통인가|보통인지|흔한|받아들여야|응해야|당연한|합리적|"
        r"拒绝|正常|常见|一般都|合理|必须接受|要不要接受|能不能不|可以不|推掉", re.I),
    "still": re.compile(
        r"\bstill (?:no|not|hasn't|haven't|hasn’t|haven’t|don't|doesn't|won't|nothing|silent|waiting|hasn|haven)\b|"
        r"\bwhat if (?:they|he|she|it|the \w+) (?:still|don't|doesn't|never|won't|keep|ignore)\b|"
        r"\b(?:no|without an?) (?:reply|answer|response)\b|\b(?:gone|went|goes) (?:quiet|silent|dark)\b|"
        r"\bnext step\b|\bwhat next\b|\bescalat\w*\b|\bgo(?:ing)? over\b[^.?!]{0,20}\bhead\b|\breminders?\b|"
        r"\bchas(?:e|ed|ing)\b|\bignor\w*\b|\bnothing happens\b|"
        r"それでも|まだ(?:返事|回答|返信|連絡|支払|入金)|(?:返事|返信|回答|連絡|入金)が(?:ない|なく|来ない)|音沙汰|催促|督促|"
        r"エスカレ|動かない|放置|"
        r"그래도|여전히|아직도|(?:답|회신|연락|답장|입금)이 없|독촉|재촉|에스컬|묵묵부답|"
        r"还是没|仍然没|依然没|一直没|迟迟|没有回复|没回复|不回复|不回|催了|催促|升级|石沉大海|没动静", re.I),
}


def ask_kinds(text: str) -> frozenset[str]:
    """The kinds of ask the text makes (none for a question that names none: "Tell me about the committee")."""
    found = {kind for kind, pattern in KINDS.items() if kind != "who" and pattern.search(text)}
    if _WHO_PAYS.search(text):
        found.add("money")
    if KINDS["who"].search(_WHO_PAYS.sub(" ", text)):
        found.add("who")
    return frozenset(found)


def topic_words(text: str) -> str:
    """The text without the words that make its kind of ask ("who pays for", "how much", 「誰が負担」, "when do"): what
    is left names the topic asked about ("the completion bond"), which the ranker's `topic_coverage` compares with
    each card, so a card that makes the ask ("who pays when the production goes over") does not also score for
    naming the topic."""
    for pattern in (_WHO_PAYS, *KINDS.values()):
        text = pattern.sub(" ", text)
    return text


TITLE, SUMMARY = 0.35, 0.15  # a card's title names its ask; a summary often names several; the rest: its triggers


class CardAsks:
    """For each card, how strongly its heads make each kind of ask: its title, its summary, and the share of its
    triggers (in every language it is translated to) that make it."""

    def __init__(self, cards: dict[str, Card], languages: dict[Language, LanguageIndex]) -> None:
        self.scores: dict[str, dict[str, float]] = {}
        for cid, card in cards.items():
            triggers = list(card.triggers)
            for index in languages.values():
                if (native := index.cards.get(cid)) is not None:
                    triggers += native.triggers
            title, summary, kinds = ask_kinds(card.title), ask_kinds(card.summary), [ask_kinds(t) for t in triggers]
            self.scores[cid] = {kind: TITLE * (kind in title) + SUMMARY * (kind in summary)
                                + (1 - TITLE - SUMMARY) * sum(kind in k for k in kinds) / max(len(kinds), 1)
                                for kind in KINDS}

    def fit(self, asked: frozenset[str], card_id: str) -> float:
        """How strongly the card makes the question's kind of ask (the best of its kinds); 0 when it names none."""
        scores = self.scores.get(card_id, {})
        return max((scores.get(kind, 0.0) for kind in asked), default=0.0)
