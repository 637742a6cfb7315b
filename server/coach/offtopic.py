"""Cues in a question's own words: does it place itself in film and TV dealings, and does it ask for something
the coach does not do (a spreadsheet formula, a code fix, a hotel, the weather, a plot summary, a translation)?

The bundled embedding model reads English only, so for a question written in Japanese, Korean or Chinese the
lists of coach/traps.py stand in for the English off-topic prototypes of coach/scope.py. Each topic is a kind of
near-domain trap in four languages, kept to words that rarely turn up in passing in a coaching question (a crew
stuck "in a hotel" is a standby-cost question; "recommend a hotel" is not, and is caught as a request). CJK words
are matched in the text and, for one-character words and verbs, on dictionary forms from server/morph.py
(猫 in 「猫がご飯を」, 끓이다 in 「끓이는 법」). Both cues are graded in [0, 1]; the ranker's trained scope model
(coach/rank.py) weighs them with every other signal, so neither declines a question on its own.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from server.cjk import language_of
from server.coach.asked import asked_clause as asked_clause  # re-exported: rank, partrank and plan read it here
from server.coach.glossary import own_words
from server.coach.picks import asks_to_pick, names_people
from server.coach.traps import TOPICS
from server.morph import content_words

# Facts about a public film asked as a quiz: who directed, scored or stars in it, its box office, its release date,
# its plot; and which platform has the most of something (「一番多い配信サービスはどこ」).
# Written as patterns, since the same domain words ask in-scope questions when a decision follows them:
# 「导演是谁定的？」 (who decides the director), 「監督は誰が決める」, 「감독은 누가 정하나요」
# are about dealings, not trivia.
FACT_ASKS = {
    "ja": re.compile(r"監督(?:は|って|が)?(?:誰|だれ)(?!が|に|を|と)|(?:誰|だれ)が監督(?:した|を務め)|"
                     r"(?:興行収入|興収|動員)(?:は|って)?.{0,8}(?:いくら|どのくらい|どれくらい|何億|何万)|"
                     r"(?:公開日|公開)(?:は|って)?いつ|いつ(?:公開|封切)|出演者|(?:主演|キャスト)(?:は|って)(?:誰|だれ)|"
                     r"(?:って|は)どんな(?:話|映画|作品)(?!を)|(?:作曲|音楽|主題歌)(?:は|を)?(?:誰|だれ)(?:が(?:担当|作)(?:した|って)|です|でした|\?|？)|"
                     r"(?:誰|だれ)が(?:作曲|作詞)した|"
                     r"(?:一番|いちばん|最も)[^。？?]{0,15}(?:配信サービス|サービス|プラットフォーム|サイト|アプリ|チャンネル|作品|映画|ドラマ|アニメ)"
                     r"(?:は|って)(?:どこ|どれ|何)"),
    "ko": re.compile(r"감독(?:이|은|는)?\s?누구|감독 이름|"
                     r"(?:관객|관객 수|관객수)(?:이|가|는|은)?\s?(?:총\s?)?(?:얼마나|몇)|"
                     r"출연진|(?:주연|주인공)(?:이|은|는)?\s?누구|언제 개봉|개봉일(?:이|은)?\s?(?:언제|며칠)|"
                     r"내용(?:을|이)?\s?(?:간단히\s?)?요약|(?:음악|작곡|주제가|OST)(?:은|는)?\s?누가\s?(?:만들었|작곡했|했)|"
                     r"(?:가장|제일)[^.?？]{0,15}(?:OTT|플랫폼|서비스|앱|사이트|채널|작품|영화|드라마|애니)(?:이|가|는|은)?\s?(?:어디|뭐|무엇)"),
    "zh": re.compile(r"[导導]演(?:是[谁誰]|是哪位)(?!定|决定|決定|来定|來定|说了算|說了算|拍板|选|選|挑)|"
                     r"[谁誰](?:[导導]演|[导導])的|"
                     r"主演(?:都)?(?:有|是)(?:谁|哪些)|谁主演|(?:哪天|哪年|几号|什么时候)上映|上映(?:日期|时间)是|"
                     r"票房(?:一共|总共|最后|最终)?(?:是)?多少|讲讲.{0,12}[剧劇]情|[剧劇]情(?:简介|介绍|梗概)|"
                     r"讲(?:的是|了)什么|(?:谁作的曲|[谁誰]写的(?:歌|曲|配乐|主题曲)|(?:作曲|配乐|主题曲)(?:是谁|由谁)(?:写|作)?的?(?:[？?]|$))|"
                     r"哪个(?:视频)?(?:平台|网站|app|App|APP)[^，。？?]{0,10}最(?:全|多|火|大)"),
}
# A film named by its title (《…》, 『…』, Korean '…') or pointed at ("this film"): with a fact asked about it, a quiz.
_FILM_NAMED = re.compile(r"《[^》]{1,30}》|『[^』]{1,30}』|['‘][^'’\n]{1,20}['’]|この映画|あの映画|その映画|"
                         r"(?:이|그|저) 영화|(?:这|那)部(?:电影|片)")
# Asking the coach to do a task rather than to advise: write, fix, convert, calculate, translate, summarise,
# recommend, look up today's rate. The forms a request takes in each language (an imperative, "can you ...",
# 〜てください, 〜해 주세요, 帮我…); a partner's request reported in the question (「作ってほしいと言ってきました」,
# "they asked us to translate") is not one, nor what one may expect of the partner (「どこまで無償で直してもらえる
# ものですか」, 「直してもらえる範囲」), nor a partner's recommendation
# (「他们推荐的演员」, 「미국 측이 추천한 작곡가」).
_VERBS = (r"write|draft|translate|convert|calculate|summari[sz]e|rewrite|proofread|fix|recommend|suggest|list|"
          r"plan|make|create|generate|compose|solve|give me|tell me a")
TASK = re.compile(
    rf"(^|[.!?]\s+)(please\s+)?({_VERBS})\s+[\w'\"‘“]|\b(can|could|would|will) you\s+(please\s+)?({_VERBS})\s+\w|"
    r"\bhelp me (write|draft|translate|convert|calculate|fix|plan|pick|choose|find)\b|"
    r"\brecommend (me )?(a|an|some|any|good|a few|\d+|\w+s)\b|\b(best|good|cheapest|fastest) (way to get|place)|"
    r"\b(good|best|nice|cheap) \w+ (near|around) |"
    r"(書い|書き直し|訳し|翻訳し|換算し|変換し|計算し|要約し|まとめ|添削し|作っ|作成し|直し|チェックし|占っ)"
    r"(て|で)(ください|下さい|くれ|もらえ|もらい|いただけ|頂け|ほしい|欲しい)(?!と|って|るもの|る範囲)|"
    r"おすすめ|オススメ|お勧め|お薦め|"
    r"(써|작성해|번역해|바꿔|변환해|계산해|요약해|고쳐|짜|만들어|추천해|골라)\s?(주세요|줘|주실|줄래|주시겠|주십)|"
    r"추천(?!한 |했|받)|"
    r"(帮我|给我|能不能帮|能否帮|可以帮|麻烦你|请你|请帮)[^，。？?]{0,10}(写|改|翻译|换算|计算|概括|总结|推荐|做|列|转换|讲|排|订|查)|"
    r"(?<![们方他她])推荐(?![了过])|找[^，。？?]{0,20}给我(?!们)",
    re.I | re.M)
# A look-up (today's rate, the time) is a task only when it is what is asked: "convert it at today's rate?" asks
# for one, while "the US partner wants our share converted at today's rate: what clause should we propose?" reports
# a deal term and asks about the clause.
LOOKUP = re.compile(r"\btoday'?s (exchange )?rate|\bwhat time is it|今日の.{0,6}(レート|為替)|오늘.{0,6}환율|"
                    r"今天.{0,8}汇率", re.I)
# A film's version for airlines is a deliverable, not travel: "the airline cut", 「機内上映用」,
# 「给航空公司放的删减版」
_FOR_AIRLINES = re.compile(r"\b(?:airline|in-?flight) (?:version|cut|edit)s?\b|機内(?:上映|版|用)|"
                           r"航空会社(?:向け|用)の?(?:機内)?(?:版|バージョン|上映)|"
                           r"항공사(?:용|\s?납품|\s?상영)|기내(?:용|\s?상영|판)|"
                           r"(?:给|供)?航空公司(?:放|播|用)的?|机上版", re.I)
# Words that place a question in film and TV dealings, words for the other side of the table, and for dealing with
# it without a loss of face ("his Excel schedule is wrong: how do I tell him without embarrassing him?"), or a partner
# who insists on something; 腾讯会议 (Tencent Meeting) is an app, not a meeting.
DOMAIN = re.compile(
    r"\b(co-?produc\w*|partner\w*|studio|producer|committee|distribut\w+|rights|financ\w+|budget|contract|deal|"
    r"negotiat\w+|screenplay|script notes|casting|director|showrunner|broadcaster|streamer|recoup\w*|royalt\w+|"
    r"incentive|rebate|treaty|approv\w+|final cut(?! pro)|licen[cs]\w+|counterpart|meeting|e-?mails?|attach\w*|"
    r"the other side|"
    r"who (pays|covers|bears)|(us|american|japanese|korean|chinese) (side|team|company|partner|co-producer)|"
    r"they (said|say|want|keep|told|asked|wrote|replied)|our (side|team|partner)|"
    r"shoot(ing)?|crew|on set|post-?production|deliver(y|ables?)|episodes?|dub(bing)?|licensor|licensee|"
    r"line producer|production company|force majeure|standby|(shooting|production|delivery) schedule|"
    r"embarrass\w*|los(?:e|ing) face|offend\w*|rude|impolite|push(?:es|ed|ing)? back|insist\w*|revenue share|"
    r"profit share|"
    r"(?:airline|in-?flight) (?:version|cut|edit)s?)\b|面子|メンツ|顔を潰|角が立|失礼|체면|기분 상하|무례|실례|得罪|"
    r"不礼貌|没礼貌|"
    r"製作|制作|委員会|パートナー|プロデューサー|契約|配給|権利|予算|会議|先方|添付|相手|米国側|アメリカ側|日本側|韓国側|中国側|"
    r"向こう|"
    r"誰が(持つ|負担)|撮影|ロケ|現場|納品|吹替|ポスプロ|米側|ライセンス|源泉徴収|分配金|収益分配|機内上映|"
    r"機内版|接待|会食|"
    r"제작|파트너|프로듀서|계약|배급|권리|예산|회의|첨부|미국 측|미국측|상대|한국 측|일본 측|중국 측|그쪽|"
    r"(?:미국|일본|중국|한국) ?쪽|조율|折り合い|すり合わせ|协调|沟通|"  # settling a way of working with them
    r"누가 (부담|내)|"
    r"촬영|현장|스태프|납품|더빙|후반 작업|제작팀|라이선스|원천징수|수익 배분|배분금|정산금|기내 상영|"
    r"기내용|회식|접대|"
    r"合拍|合作|制片|发行|版权|预算|合同|(?<!腾讯)会议|附件|美方|中方|韩方|日方|片方|对方|谁(出|承担|来付)|拍摄|剧组|后期|交片|配音|档期|"
    r"立项|审查|授权|预提税|分账|结算|回款|分成|删减版|成片|机上版|宴请|饭局|酒局", re.I)
DOMAIN_FULL = 3  # distinct domain words at which the domain cue is full
BARE_ASK = 2  # a Japanese, Korean or Chinese asked clause of this few words (「怎么改？」, 「どう直す？」)
# words that only ask ("what do you think is good?", "how do I fix it?"): a clause of these alone asks about the
# topic before its comma
# (「打ち上げのビンゴの景品、何がいいと思いますか？」)
_ONLY_ASKING = frozenset({"何", "なに", "いい", "良い", "思う", "どれ", "どこ", "どう", "おすすめ", "ある",
                          "뭐", "무엇", "어디", "어떻다", "좋다", "추천", "什么", "好", "推荐", "哪", "哪个", "哪里",
                          "哪家", "怎么样", "比较", "觉得",
                          # verbs that only ask how to do or fix it (「どうやって直せばいい？」, 「어떻게 하면 되나요」)
                          "する", "やる", "直す", "하다", "되다", "고치다", "怎么", "怎么办", "怎么弄", "处理", "解决",
                          "要", "该"})
# A bare ask to make the thing work ("How do I fix it?", 「どうやって直せばいいですか」, 「어떻게 열어요?」,
# 「怎么修好？」): what is dealt with discounts its trap words, not who is involved (coach/picks.py's PEOPLE)
_FIXING = re.compile(r"\b(?:fix|repair|open|unlock|recover|restore)\b|直(?:す|せ|し|さ|る)|開(?:け|か|く)|"
                     r"고치|고쳐|열어|열려|열 수|열리|복구|修(?:复|好)|弄好|打开|打不开", re.I)
# An ask to operate a tool ("how do I set up Frame.io?", 「設定方法」, 「계정은 어떻게 만들어요」, 「怎么设置权限」):
# who wants the tool used (the US side, 美方) is no dealing that discounts it; what the partner wants of the work is.
_OPERATES = re.compile(r"\b(?:set ?up|install|turn on|switch on|export|log ?in|sign ?up|create an? account)\b|"
                       r"設定|使い方|書き出|インストール|ログイン|アカウント|"
                       r"설정|켜는|설치|계정|로그인|내보내|사용법|"
                       r"设置|怎么用|安装|登录|注册|导出|账号", re.I)
_POINTS_BACK = re.compile(r"\b(?:it|this|that|them|these|those|one|ones)\b", re.I)  # "..., which one?"
IN_PASSING = 0.2  # a trap word in the situation only, not in what is asked, is weaker evidence
# Words quoted in a request for a task are its material, not the asker's situation: "translate 'we look forward to
# a long partnership' into Korean" is no question about a partnership.
_QUOTED = re.compile(r"(?<!\w)['‘\"“「『][^'’\"”」』\n]{2,}['’\"”」』](?!\w)")
_ENGLISH = {name: re.compile(rf"(?<![A-Za-z])({lists['en']})(?![A-Za-z])", re.I)  # "ffmpegで" matches too
            for name, lists in TOPICS.items()}


@functools.lru_cache(maxsize=256)
def _words(own: str) -> tuple[str, tuple[str, ...]]:
    """The question's language and its words (dictionary forms for Japanese, Korean, Chinese; one call a question)."""
    lang = language_of(own)
    if lang == "en":
        return lang, tuple(re.findall(r"[A-Za-z0-9']+", own))
    return lang, tuple(w.lemma for w in content_words(own, lang))


def topics(text: str) -> set[str]:
    """The kinds of trap the question's words belong to (weather, food, travel, paperwork, ...)."""
    return set(trap_words(text))


def trap_words(text: str) -> dict[str, int]:
    """Each kind of trap the question's words belong to, with how many distinct words of it they use: "a Python
    KeyError in my Excel macro" is firmer evidence of a code question than one word of it in passing."""
    own = _FOR_AIRLINES.sub(" ", own_words(text))
    found = {name: len({m.group(0).lower() for m in pattern.finditer(own)})  # Latin words in any language
             for name, pattern in _ENGLISH.items()}
    lang, words = _words(own)
    if lang != "en":
        lemmas = set(words)
        for name, lists in TOPICS.items():
            found[name] += sum(w in lemmas or (len(w) > 1 and w in own) for w in lists[lang])
        facts = {m.group(0) for m in FACT_ASKS[lang].finditer(own)}
        found["trivia"] += len(facts) + bool(facts and _FILM_NAMED.search(own))  # a named film is firmer
    return {name: n for name, n in found.items() if n}


def asks_for_task(text: str) -> bool:
    """Whether the question asks the coach to do something itself (write, fix, convert, recommend, look up today's
    rate: a look-up only in what it asks)."""
    return bool(TASK.search(own_words(text)) or LOOKUP.search(asked_clause(text)))


def off_topic_cue(text: str) -> float:
    """Trap evidence the question's film dealings do not explain: 0.5 for one trap word in what it asks, a task
    request or an ask to pick a venue or product for the asker (coach/picks.py), 1 for two or more (two words of
    one kind, or two kinds), IN_PASSING for a kind only named in the situation it describes ("we lost four days to
    typhoon weather ... who carries this?"), discounted by the domain cue (a crew's hotel bill argued with the
    partner is a coaching question; a hotel to book is not): the domain words of what is asked for what it asks
    (for a pick, only those of a dealing: "our American producer" names who is involved, not what is asked, in
    「美方制片人来北京，带他去哪家烤鸭店比较有面子？」), those of the whole message for what it only mentions, so that
    no single word settles it. A bare ask ("How do I fix it?", 「怎么改？」, "..., which one?"), or any ask in a message
    with no word of film dealings at all (「時差ボケが抜けません。早く治す方法はありますか？」), asks about the
    situation before it; a bare ask to fix or open the thing (_FIXING) is discounted like a pick, by the words of a
    dealing only (「先方のMacだと縦書きが崩れるそうです。どうやって直せばいいですか？」), and so is a quiz about a
    public film ("Which anime studio made Your Name?": the studio is what is asked about, not a party to a deal)."""
    clause = asked_clause(text)
    asked = trap_words(clause)
    pick = asks_to_pick(clause)  # "which hotel near Shinjuku should we book for her?": a thing to choose
    quiz = set(asked) == {"trivia"}  # a fact about a public film: the studio asked about is no dealing
    bare = False
    if not asked and not pick and (_bare(clause) or not domain_cue(text)):  # "...throws KeyError. How do I fix
        bare = _bare(clause) and bool(_FIXING.search(own_words(clause)))
        clause, asked = text, trap_words(text)  # it?", or no word of film dealings anywhere ("...jet lag. Any
        pick = asks_to_pick(clause)  # cure?"): asks about the rest
    passing = len(topics(text) - set(asked))
    firm = sum(min(2, n) for n in asked.values()) + pick
    task = asks_for_task(text)
    material = _QUOTED.sub(" ", clause) if task else clause
    discount = dealing_cue(material) if pick or bare or quiz or (asked and _OPERATES.search(clause)) \
        else domain_cue(material)
    cue = min(1.0, 0.5 * (firm + task)) * (1.0 - discount)
    return min(1.0, cue + IN_PASSING * passing * (1.0 - domain_cue(text)))


def _bare(clause: str) -> bool:
    """An ask with no words of its own for a topic: "How do I fix it?", 「怎么改？」, 「何がいいと思いますか？」 (no
    domain word either)."""
    lang, words = _words(own_words(clause))
    if lang == "en":
        short = len(words) <= 6 and bool(_POINTS_BACK.search(clause))
    else:
        short = len(words) <= BARE_ASK or all(w in _ONLY_ASKING for w in words)
    return short and not domain_cue(clause)


def domain_cue(text: str) -> float:
    """How firmly the question places itself in film-business dealings: its distinct domain words, full at
    DOMAIN_FULL, or sooner in a question that short ("budget?" alone is all domain)."""
    return _graded(text, lambda word: True)


def dealing_cue(text: str) -> float:
    """The domain cue of the words that say what is dealt with (who pays, the budget, standby days), leaving out
    those that only name who is involved or the face at stake (coach/picks.py's PEOPLE)."""
    return _graded(text, lambda word: not names_people(word))


def _graded(text: str, counts: Callable[[str], bool]) -> float:
    own = own_words(text)
    found = {m.group(0).lower() for m in DOMAIN.finditer(own)}
    return min(1.0, sum(map(counts, found)) / max(1, min(DOMAIN_FULL, len(_words(own)[1]))))
