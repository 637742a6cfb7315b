"""Who is asking: the culture pair, the asker's side (an American about an Asian partner, or a Japanese, Korean or
Chinese company about an American partner), read from the asker's own words in any of the four languages (the
deal's stage: coach/stage.py); and whose English a pasted partner message is. What askers say they are ("I'm a US
producer", 「米国側のプロデューサーとして」, 「미국 프로듀서입니다」, 「我们是北京的公司」) outranks the partners
they name."""

from __future__ import annotations

import re

from server.cjk import HAN, HANGUL, KANA, han_reads_japanese, language_of
from server.coach.heritage import without_heritage
from server.coach.japan_in_chinese import about_japanese_partner, beside_japanese_partner
from server.models import Culture, Perspective

_PAIR_WORDS = {
    Culture.KR_US: re.compile(r"\b(korea|korean|koreans|seoul|busan|incheon|jeju|kofic|kocca|kcab|chaebol|nunchi|"
                              r"hoesik|webtoons?|kakao\w*|k-dramas?)\b|한국|韓国|韩国", re.I),
    Culture.CN_US: re.compile(r"\b(china|chinese|beijing|shanghai|hangzhou|shenzhen|guangzhou|chengdu|xinjiang|"
                              r"hengdian|cfcc|nrta|guanxi|mianzi|wechat|weibo|rmb|yuan)\b|中国|中方|北京|上海", re.I),
    Culture.JP_US: re.compile(r"\b(japan|japanese|tokyo|osaka|kyoto|hokkaido|shinjuku|sapporo|fukuoka|nagoya|"
                              r"nemawashi|ringi|seisaku|iinkai|anime|manga|seiyuu|jcaa|yen|lead company|"
                              r"(?<!steering )(?<!investment )(?<!review )(?<!credit )(?<!audit )committees?)\b|"
                              r"日本|東京|製作委員会|幹事会社", re.I),
}
_ASIAN = r"(?:japanese|korean|chinese|tokyo|seoul|beijing|shanghai|osaka|busan|kyoto|hangzhou|shenzhen|guangzhou)"
# What a message that opens "Japanese publisher here." or "Korean studio, co-owning ..." says the asker is.
_SELF = r"(?:studio|company|publisher|producer|distributor|broadcaster|investor|financier|streamer|network|team)"
_ASIAN_PLACE = r"(?:tokyo|seoul|beijing|shanghai|osaka|busan|kyoto|japan|korea|china)"
_AMERICAN = r"(?:us|u\.s\.|american|hollywood|la|l\.a\.|american-side|western)"
_ROLE = (r"(?:partners?|co-?producers?|producers?|studios?|side|counterparts?|distributors?|broadcasters?|"
         r"publishers?|teams?|exec\w*|investors?|financiers?|committee|company|companies|streamers?|network|"
         r"showrunners?|director|writers?|lawyers?|agents?|colleagues?|client|platforms?|buyers?)")
# Our own people ("our US director", "our Korean VFX team") name the asker's side; "our US partner" the other one.
_OWN = r"(?:teams?|crew|staff|office|company|entity|showrunners?|execs?|lawyers?|colleagues?|boss|employer|manager)"
_OTHER = r"(?:partners?|co-?producers?|producers?|studios?|side|counterparts?|distributors?|broadcasters?|" \
    r"publishers?|investors?|financiers?|committee|companies|streamers?|network|writers?|agents?|client|" \
    r"licensees?|licensors?|buyers?)"
_US = r"(?:american|us|u\.s\.|hollywood|la)"
# The asker speaks about "our Korean partner" (American side) or "our US partner" (Asian side).
_ASKER_US = re.compile(rf"\b(?:our|my)\s+{_ASIAN}\s+(?:\w+\s+)?(?:{_OTHER}|director)\b|"
                       rf"\b(?:our|my)\s+{_US}\s+(?:\w+\s+)?"
                       rf"(?:{_OWN}|director)\b|\bwe(?:'re| are)\s+(?:an?|the)\s+{_US}\b|\bas\s+(?:an?|the)\s+"
                       rf"(?:american\b|{_US}\s+{_ROLE}\b)|\b(?:(?:i|we|i'm|we're|am|are|was|were|be|been|sit\w*|work\w*)\s+"
                       rf"(?:\w+\s+)?on|run\w*|represent\w*)\s+the\s+{_US}\s+side\b|"
                       rf"\b(?:our|my)\s+(?:china|japan|korea)\s+co-?pro(?:duction)?s?\b|"
                       rf"\b(?:i|we)\s+(?:\w+\s+)?work(?:ing)?\s+(?:for|at)\s+(?:an?|the)\s+{_US}\b|"
                       rf"\b(?:assistant|coordinator|interpreter|fixer|pm)\s+(?:for|to)\s+(?:an?|the|our|my)\s+{_US}\b|"
                       rf"\b(?:i|we)(?:'m|'re|'ll be| am| are| will be| have been|'ve been)?\s+(?:being\s+)?"
                       rf"(?:sent|posted|relocat\w+|moving|seconded|stationed)\s+(?:to|in)\s+{_ASIAN_PLACE}\b",
                       re.I)
# ... or says it is the committee's lead company (幹事会社), which only a Japanese company is.
_ASKER_ASIA = re.compile(rf"\b(?:our|my)\s+{_AMERICAN}\s+(?:\w+\s+)?{_OTHER}\b|\b(?:our|my)\s+{_ASIAN}\s+"
                         rf"(?:\w+\s+)?{_OWN}\b|\bwe(?:'re| are)\s+(?:an?|the)\s+"
                         rf"{_ASIAN}\b|\bas\s+(?:an?|the)\s+{_ASIAN}\s+{_ROLE}|"
                         rf"(?:^|[.!?]\s+)(?:an?\s+)?{_ASIAN}\s+(?:\w+\s+)?{_SELF}(?:\s+here\b|\s*[,.:;\u2013\u2014-])|\bthe\s+americans?\s+side\b|\bthe\s+americans\b|"
                         r"\bwe(?:'re| are)\s+(?:the\s+)?(?:(?:production\s+)?committee's\s+)?lead company\b|"
                         r"アメリカ|米国|米側|米国側|ハリウッド|미국|할리우드|美方|美国|好莱坞", re.I)
_A_MESSAGE = "".join(f"(?<!{n})" for n in "はず メール 返信 返事 回答 連絡 文面 原文 意見 提案 条件".split())
# Written in Japanese, Korean or Chinese by staff of the American side: "I work at a US studio's Tokyo office",
# "the American producer's assistant", "LA 본사", 「替美国老板谈…」, 「我们美国公司」; not 「米国側のメールです」.
_US_STAFF_NATIVE = re.compile(
    r"(?:米国|アメリカ|LA|ロサンゼルス|ハリウッド)(?:人)?の?[^。、]{0,8}?(?:会社|スタジオ|プロデューサー|ボス|上司|"
    r"プラットフォーム|ストリーマー)"
    r"(?:で(?:働|勤|[^。、]{0,14}?(?:担当し|を担当|をして(?:い|お)ります|をしています))|に勤め|"
    r"の(?:アシスタント|コーディネーター|通訳|秘書|日本担当|担当(?!者)|東京|日本|"
    r"ソウル|北京))|(?:米国|アメリカ|米)側の[^。、]{0,10}" + _A_MESSAGE + r"(?:です|として)|アメリカ人の(?:ボス|上司)|"
    r"(?:LA|ロサンゼルス|ハリウッド)の?本社|"
    r"(?:米国|アメリカ|LA|ロサンゼルス|ハリウッド|ニューヨーク)の?[^。、]{0,8}?(?:会社|スタジオ|プロダクション)"
    r"(?:から[^。]{0,30}(?:常駐|赴任|駐在|派遣|出向|来日)|に(?:雇われ|所属)|所属)|"
    r"(?:미국|LA|할리우드)\s*(?:에\s*(?:있는|본사를\s*둔)\s*)?(?:\S{1,4}\s*)?(?:회사|제작사|스튜디오|프로듀서|프로덕션|배급사|"
    r"스트리머|투자사|투자배급사|방송사|플랫폼|에이전시)\s*(?:(?:의\s*)?(?:한국|일본|중국|아시아)\s*(?:담당|사업\s*담당)\s*(?:으로|로서|입니다|이에요|이고|인데|을\s*맡)|"
    r"\s*다니(?:는|고|며|면서)|(?:의\s*)?"
    r"(?:(?:한국|서울|부산|일본|도쿄|중국|베이징|상하이)\s*)?(?:지사|지점|법인|사무소|오피스)"
    r"(?:에서|에\s*(?:다니|있)|\s*(?:직원|소속|입니다|이고|인데|이에요|에요))|(?:쪽|측)?에서\s*(?:\S+\s+){0,2}?"
    r"(?:일하|일해|일합|근무|고용|채용|준비하|담당하|담당을|총괄하|총괄합|맡(?!던|았던|은\s))|(?:쪽|측)?에서\s*"
    # a longer job said in the first person: 「미국 회사에서 한국 드라마 리메이크 판권 구매를 담당하고 있습니다」; not
    # someone else's, named as subject (「…에서 한국 작가가 각본을 맡고 있는데」) or reported (「…준비하고 있다고」)
    r"(?:[^\s.?!]+(?<![가는은])(?<!께서)(?<!님이)\s+){3,6}?(?:(?:담당|준비|진행|총괄)(?:하고|을\s*하고|를\s*하고)\s*있|"
    r"담당합|총괄합|맡고\s*있|맡았습|일하고\s*있|일합)(?![^.?!\s]{0,4}(?:다고|대요|답니다|다는|던데))|"
    r"에 다니|밑에서|"
    r"소속|의 (?:코디네이터|통역|어시스턴트))|"
    r"미국(?:인)?\s*(?:보스|상사)|(?:LA|할리우드)\s*본사|"
    r"我(?:在|是)[^，。,]{0,12}(?:美国|美方|洛杉矶|好莱坞|纽约)|(?:替|给|帮|为)(?:一家)?美国(?:老板|公司|制片|片方|投资方)|"
    r"我们(?:是)?(?:一家)?美(?:国|方)(?!投资|出资|[^，。,]{0,6}的(?:合作|伙伴|合拍))|我方是美(?:国|方)|美国总部|中方[^，。,“”\"]{0,8}(?:说|表示|回复|答复)|"
    # our own American company or people, said with a possessive: 「우리 미국 회사가」, 「저희 회사 미국인 프로듀서」,
    # 「うちのアメリカ人プロデューサー」, 「我们在美国的公司」, 「作为美方」, 「陪美国老板」
    r"(?:우리|저희)\s*(?:회사\s*)?(?:의\s*)?(?:미국|LA|할리우드)(?:인)?\s*(?:회사|제작사|스튜디오|팀|프로듀서|PD|피디|대표|"
    r"직원|법인|쪽|측)|(?:うちの|弊社の|当社の)(?:米国|アメリカ|LA|ロサンゼルス)(?:人)?の?(?:会社|本社|スタジオ|チーム|"
    r"プロデューサー|上司|社長|側)|我们(?:在)?(?:美国|洛杉矶|好莱坞)的(?:公司|团队|制片公司)|作为美方|"
    r"(?:陪|跟着|陪同)(?:我们)?(?:的)?美国(?:老板|制片人|制片|同事|高管|团队)|"
    r"在(?:美国|好莱坞|洛杉矶|纽约)(?:的)?(?:一家)?[^，。,]{0,8}?(?:公司|片厂|工作室)(?:工作|上班|任职|做)")
# An English question about "the Korean side", "their Japanese producer" or "the committee" (the partner in the
# third person: a production committee is Japanese), or
# about "the American studio": a weaker sign of the asker's side, read when the first-person ones say nothing.
_THEM_ASIAN = re.compile(rf"\b(?:the|their|an?|this|these|those|two|three|four|several|both)\s+{_ASIAN}\s+"
                         rf"(?:\w+\s+)?{_ROLE}\b|(?:^|[.!?]\s+)(?:tokyo|seoul|beijing|shanghai|osaka|busan)\s+(?:still\s+)?"
                         r"(?:(?:has|have|is|was|did|does|keeps|kept|went|never|says|said|wants)(?:n't)?|won't)\b|"
                         rf"(?:^|[.!?]\s+){_ASIAN}\s+(?:\w+\s+)?{_ROLE}\b(?!\s+here\b|\s*[,.:;\u2013\u2014-])|"
                         rf"\b(?:trip|fly\w*|going|travel\w*|shoot\w*)\s+(?:\w+\s+)?(?:to|in)\s+{_ASIAN_PLACE}\b|"
                         r"\b(?:the|their)\s+(?:production\s+)?committee\b|\bthe\s+lead\s+company\b", re.I)
_THEM_AMERICAN = re.compile(rf"\b(?:the|their|an?|this)\s+(?:american|us|u\.s\.|hollywood|la)\s+(?:\w+\s+)?{_ROLE}\b",
                            re.I)
_GOING_THERE = re.compile(r"(?<!based )(?<!office )(?<!here )(?<!studio )(?<!company )(?<!HQ )\b(?:in|to)\s+"
                          r"(?:Tokyo|Osaka|Kyoto|Seoul|Busan|Beijing|Shanghai)\b", re.I)
_ASIA_SIDE_NATIVE = re.compile(r"日本(?:の|側の)?(?:パートナー|制作会社|スタジオ|会社)|"
                               r"(?<!저희 )(?<!우리 )(?:한국|서울)\s*(?:의\s*)?(?:공동\s*)?"
                               r"(?:파트너|제작사|배급사|방송사|투자사|투자배급사|공동제작사)|"
                               r"(?<!我们)(?<!我方)(?<!我司)(?<!我们是)(?:北京|上海|杭州|深圳|广州|成都|重庆|横店|"
                               r"中国)(?:的)?(?:一家|那家|这家)?(?:合作方|合作伙伴|合拍方|制片方|投资方|影视公司|公司)|"
                               r"一家(?:北京|上海|杭州|深圳|广州|成都|中国)(?:的)?[^，。,]{0,4}?公司|"
                               r"(?<!저희 )(?<!우리 )한국\s*(?:측|쪽|팀|제작팀|스태프|직원|실무자)|"
                               r"中国(?:合作方|公司)|(?<!我们)(?<!我方)中方(?!说了算)")
# The American side named as a party (「미국 측」, 「アメリカのパートナー」, 「美方」, 「好莱坞那边」), not the country
# as a place (「미국에서 공제받을 수 있는지」 is a US tax credit): an asker who names the Asian partner in the third
# person and no American party is the American side.
_AMERICAN_PARTY = re.compile(r"美方|米側|(?:米国|アメリカ|ハリウッド|미국|할리우드|美国|好莱坞)\s*(?:の|의|的)?\s*"
                             r"(?:側|方|パートナー|会社|スタジオ|制作会社|配給|プロデューサー|幹部|弁護士|チーム|担当|"
                             r"측|쪽|파트너|회사|제작사|스튜디오|배급사|프로듀서|PD|임원|변호사|팀|스트리머|투자|"
                             r"那边|合作方|公司|片方|制片|发行|团队|律师|高管|投资|伙伴|这边)")
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
# What askers say they are, the strongest sign of a side: "I'm a US producer", "we're an LA company", "I'm at a
# Japanese studio", "we work for the American side"; 「うちはハリウッドのスタジオで」, 「米国側のプロデューサーとして」,
# 「日本のアニメスタジオのプロデューサーです」; 「미국 쪽 프로듀서로서」, 「저는 LA 제작사 PD인데」,
# 「저희는 서울의 드라마 제작사입니다」; 「我是美方制片人」, 「作为美方制片人」, 「我们是北京的公司」.
# Not the partner named after a particle (「미국 파트너와 계약한」) nor 「米国の配給会社としては」 (what a US
# distributor would do).
# "I'm at a Tokyo studio", "I'm a producer at a Beijing company", "I work for the Korean side", and a job said with
# its verb: "I run development at a Seoul studio", "I head production for a Tokyo animation house"
_I_AM_EN = (r"\b(?:i'm|i am|we're|we are)\s+(?:(?:at|with|from)\s+|(?:an?|the)\s+(?:[\w-]+\s+){1,2}?(?:at|for)\s+)?"
            r"(?:an?|the)\s+(?:\w+\s+)?")
_WORK_EN = (r"\b(?:i|we)\s+(?:\w+\s+)?(?:work(?:ing)?|(?:run|head|lead|manage|oversee)(?:s|ning|ing)?\s+"
            r"(?:[\w-]+\s+){1,2}?)\s*(?:for|at|on)\s+(?:an?|the)\s+(?:small\s+|big\s+|mid-sized\s+)?")
_US_NATIVE = (r"(?:米国|アメリカ|米(?=側)|ハリウッド|LA|ロサンゼルス|ニューヨーク|미국|할리우드|뉴욕|"
              r"美国|美方|好莱坞|洛杉矶|纽约)")
_ASIA_NATIVE = (r"(?:日本|東京|大阪|京都|福岡|札幌|韓国|ソウル|中国|北京|上海|한국|서울|부산|일본|도쿄|중국|베이징|"
                r"상하이|中方|杭州|深圳|广州|成都|东京|首尔|韩国)")
_ROLE_NATIVE = (r"(?:プロデューサー|スタジオ|制作会社|製作会社|出版社|配給会社|放送局|会社|側|チーム|事務所|オフィス|"
                r"プロダクション|出資者|投資家|ライセンサー|ライセンシー|権利者|"
                r"프로듀서|PD|피디|제작사|스튜디오|배급사|방송사|투자사|회사|사무소|지사|법인|측|쪽|팀|프로덕션|투자자|판권사|라이선서|"
                r"직원|담당자|담당|임원|이사|"
                r"制片人|制片方|制片厂|制片公司|公司|片方|发行方|团队|平台|投资方|投资人|剧组|版权方|授权方)")
# Words between a place and a role, none ending in a particle nor naming an American place
# (「미국 제작사 쪽 투자 담당입니다」, not 「부산에서 촬영할 미국 프로덕션입니다」).
_FILLER_KO = (r"(?:(?!미국|LA|할리우드|뉴욕)"
              r"[^\s.,?]+(?<![와과랑를을게테가이는은])\s+){0,3}?")


def _self_stated(place: str) -> re.Pattern[str]:
    """The asker's own statement that they are a company, person or side of `place`, in any of the four languages."""
    return re.compile(
        rf"{_I_AM_EN}{place}\b|{_WORK_EN}{place}\b|"
        rf"(?:私|僕|わたし|弊社|当社|うち|私たち|我々)(?:は|も)[^。、]{{0,4}}?{place}(?:側)?の?[^。、]{{0,12}}?"
        rf"{_ROLE_NATIVE}(?:です|でして|で[、,]|として(?!は)|の者|の立場)|"
        rf"(?:^|[。\n！？])\s*{place}(?:側)?の?[^。、]{{0,12}}?{_ROLE_NATIVE}(?:です|の者です)|"
        rf"{place}(?:側)?の?[^。、]{{0,10}}?(?:{_ROLE_NATIVE}として(?!は)|立場で)|"
        rf"(?:저는|전|저도|저희는|우리는|저희도|저희 회사는|우리 회사는)\s*{place}\s*"
        rf"(?:쪽|측|에\s*있는|에\s*본사를\s*둔)?\s*"  # 「저희는 LA에 있는 제작사인데」: a company in that place
        rf"(?:의\s*)?{_FILLER_KO}{_ROLE_NATIVE}|{place}\s*(?:쪽|측)?\s*(?:의\s*)?{_FILLER_KO}{_ROLE_NATIVE}\s*"
        rf"(?:입니다|이에요|예요|이고요|로서|으로서|입장에서|입장에선|인데)|"
        # 「미국 쪽 프로듀서로 일본 스튜디오와 협상 중인데」: a person's role taken up, not a role changed to
        rf"{place}\s*(?:쪽|측)?\s*(?:의\s*)?{_FILLER_KO}(?:프로듀서|PD|피디|직원|담당자)로\s+"
        rf"(?!(?:바뀌|교체|변경|정해|결정|바꾸|보내|넘어|가|와|오))|"
        rf"(?:我|我们|我司|本公司|我方)(?:这边|这里)?(?:是|作为|属于)(?:一家|一个|一名|个|家|名)?[^，。,；]{{0,2}}?{place}"
        rf"[^，。,；]{{0,8}}?{_ROLE_NATIVE}(?!的(?:合作|伙伴|合拍))|作为(?:一家|一个|一名)?{place}[^，。,；]{{0,8}}?{_ROLE_NATIVE}",
        re.I | re.M)


_SELF_US = _self_stated(rf"(?:{_US}|{_US_NATIVE})")
_SELF_ASIA = _self_stated(rf"(?:{_ASIAN}|{_ASIA_NATIVE})")

# Japan and China named in Korean script: read only from an asker who says they are the American side, whose
# Korean is no sign of a Korean partner (「일본과 공동제작을 하려는 미국 회사입니다」 is about Japan).
_NAMED_IN_KOREAN = {Culture.JP_US: re.compile(r"일본|도쿄|오사카"), Culture.CN_US: re.compile(r"중국|베이징|상하이")}
# A Korean message about Japan or China that never names Korea: Korean-speaking staff (of the American side, most
# often) working on a Japanese or Chinese co-production, 「일본 측 담당자가 항상 "위와 상의하겠습니다"라고 해요」.
# When an American party is named, only an asker who says they are its staff (「미국 배급사에서 일하는데」); 「중국
# 배급사와도 얘기 중인데, 미국 측이 계약서 초안을…」 is a Korean company talking to the American side.
_KOREA_IN_KOREAN = re.compile(r"한국|한중|한미|한일|서울|부산|국내|우리나라|韓国|韩国")
_AMERICA_IN_KOREAN = re.compile(r"미국|할리우드")
# ... naming that partner in the third person (「일본 파트너가」, 「일본 측이」, 「중국 제작사에」) and no American
# party that acts (「미국 측이」, 「미국 파트너가」): the American side's own Korean-speaking staff, whose 「미국 팀」
# or 「미국 본사」 is their own (「일본 파트너가 매번 보고해 달라는데 미국 팀은 번거로워해요」).
_THEIR_JP_CN_KO = re.compile(r"(?:일본|도쿄|오사카|중국|베이징|상하이)\s*(?:의\s*)?(?:측|쪽|파트너|제작사|스튜디오|"
                             r"회사|배급사|방송사|출판사|투자사|제작위원회|위원회|애니\s*스튜디오|실무자|담당자|"
                             r"프로듀서|감독|작가)")
_US_PARTY_ACTS_KO = re.compile(r"(?:미국|할리우드)\s*(?:의\s*)?(?:측|쪽|파트너|공동제작사|제작사|스튜디오|배급사|"
                               r"투자사|스트리머)\s*(?:이|가|은|는|에서|에게|한테|과|와|이랑|랑|을|를|께서)(?=\s)")


def detect_pair(text: str) -> Culture | None:
    """The culture pair the question names explicitly ("our Korean partner"), if exactly one; else the one its
    script says, unless the asker says they are the American side, or writes Korean about Japan or China without
    naming Korea, and names one Asian country."""
    found = {pair for pair, pattern in _PAIR_WORDS.items() if pattern.search(text)}
    in_korean = {pair for pair, pattern in _NAMED_IN_KOREAN.items() if pattern.search(text)}
    plain = without_heritage(text)  # 「한국계 PD」 names a person's roots, not Korea
    named = {pair for pair, pattern in _PAIR_WORDS.items() if pattern.search(plain)} | in_korean
    # 「中国籍员工」, 「我是…的中方员工」 name no partner
    if _stated_side(plain) is Perspective.US_SIDE and len(named) == 1:
        return named.pop()
    if len(in_korean) == 1 and HANGUL.search(text) and not _KOREA_IN_KOREAN.search(plain) and (
            not _AMERICA_IN_KOREAN.search(text) or detect_side(text, "ko") is Perspective.US_SIDE) \
            and not {pair for pair, pattern in _PAIR_WORDS.items() if pattern.search(plain)} - in_korean:
        return next(iter(in_korean))
    found |= {Culture.KR_US} if HANGUL.search(text) else set()
    found |= {Culture.JP_US} if KANA.search(text) else set()
    if not HANGUL.search(text) and not KANA.search(text):
        if about_japanese_partner(text):
            return Culture.JP_US  # Chinese about a Japanese partner, English quoted or not
        if language_of(text) == "zh" and not han_reads_japanese(text):
            found |= {Culture.CN_US}  # written in Chinese: 「一家韩国公司想拉我们…」 is a Chinese asker naming Korea
    if not found and HAN.search(text):  # Han script without kana or hangul: Chinese, unless its characters are
        found = {Culture.JP_US if han_reads_japanese(text) else Culture.CN_US}  # ones only Japanese writes
    return found.pop() if len(found) == 1 else None


def pair_of(message: str, held: Culture | None) -> Culture | None:
    """The message's pair; in a conversation that has established one (`held`), a message that names no country
    keeps it: 「그럼 이건 누가 결정해요?」 after a turn on a Japanese partner is Korean script, not Korea."""
    named = any(p.search(message) for p in (*_PAIR_WORDS.values(), *_NAMED_IN_KOREAN.values()))
    return held if held is not None and not named else detect_pair(message)


def detect_side(text: str, language: str) -> Perspective | None:
    """The asker's side: an American about an Asian partner, or an Asian company about an American partner."""
    text = without_heritage(text)
    stated = _stated_chinese_beside_japan(text, language)
    if stated is not None:
        return stated
    us, asia = bool(_ASKER_US.search(text)), bool(_ASKER_ASIA.search(text))
    if language != "en":
        # Written in Japanese, Korean or Chinese: the Asian side, unless the American side is "we"; a message
        # that names no side, short (「1か月たっても返事がなかったら？」) or long (「그럼 누구에게 직접 연락해야 하나요?
        # 대표님께 바로 메일을 보내도 될까요?」), leaves it to the conversation, else the Asian side (see `understand`).
        local = bool(_LOCAL_THIRD.search(text))
        if _US_STAFF_NATIVE.search(text) or (_ASIA_SIDE_NATIVE.search(text) and not _AMERICAN_PARTY.search(text)) \
                or (language == "ko" and _THEIR_JP_CN_KO.search(text) and not _KOREA_IN_KOREAN.search(text)
                    and not _US_PARTY_ACTS_KO.search(text)) or (language == "zh" and about_japanese_partner(text)) \
                or (local and _ASKER_ROLE_NATIVE.search(text)) \
                or (_POSTED_NATIVE.search(text) and not _OWN_ASIAN.search(text)):
            return Perspective.US_SIDE
        return Perspective.ASIA_SIDE if asia else None
    if us and not asia and _our_studio_only(text) and _THEM_AMERICAN.search(text):
        return Perspective.ASIA_SIDE  # "Our Korean studio licensed a drama to a US platform": the studio is theirs
    if us != asia:
        return Perspective.US_SIDE if us else Perspective.ASIA_SIDE
    if not us:
        them_asian, them_american = bool(_THEM_ASIAN.search(text)), bool(_THEM_AMERICAN.search(text))
        if them_asian != them_american:
            return Perspective.US_SIDE if them_asian else Perspective.ASIA_SIDE
        if _GOING_THERE.search(text):  # "rights negotiation in Tokyo in 2 weeks": the visitor is the American side
            return Perspective.US_SIDE
    return None


def states_side(text: str, language: str) -> Perspective | None:
    """The side a follow-up says the asker is on ("we're the Japanese studio", "our US partner", 「米国スタジオの
    日本担当です」), not a weak sign (the partner in the third person, 「アメリカ」 named): the conversation's wins."""
    text = without_heritage(text)
    if (stated := _stated_chinese_beside_japan(text, language)) is not None or language != "en":
        return stated or (Perspective.US_SIDE if _US_STAFF_NATIVE.search(text) else None)
    us, asia = bool(_ASKER_US.search(text)), bool(_ASKER_ASIA.search(text))
    return None if us == asia else Perspective.US_SIDE if us else Perspective.ASIA_SIDE


# "Our Korean studio" is the asker's partner studio ("our Osaka animation studio says ep 6 is muzukashii") or the
# asker's own company ("our Korean studio licensed a drama to a US platform"): the American party named in the third
# person says which.
_OUR_ASIAN_STUDIO = re.compile(rf"\b(?:our|my)\s+{_ASIAN}\s+(?:\w+\s+)?studios?\b", re.I)


def _our_studio_only(text: str) -> bool:
    """The American side is read only from "our <Asian> studio"."""
    return bool(_OUR_ASIAN_STUDIO.search(text)) and not _ASKER_US.search(_OUR_ASIAN_STUDIO.sub(" ", text))


def _stated_side(text: str) -> Perspective | None:
    """The side the asker says they are on; when a message says both ("I'm at a Tokyo studio owned by a US group"),
    the one stated first."""
    us, asia = _SELF_US.search(text), _SELF_ASIA.search(text)
    if us and asia:
        return Perspective.US_SIDE if us.start() < asia.start() else Perspective.ASIA_SIDE
    return Perspective.US_SIDE if us else Perspective.ASIA_SIDE if asia else None


def _stated_chinese_beside_japan(text: str, language: str) -> Perspective | None:
    """The stated side, where a Chinese company on a Japanese partner's project (「我们是中国公司，和日方合拍」)
    is the partner's other side: the side of the American company in a Japan-US co-production."""
    stated = _stated_side(text)
    if stated is Perspective.ASIA_SIDE and language == "zh" and beside_japanese_partner(text):
        return Perspective.US_SIDE
    return stated


_PAIR_LANGUAGE = {Culture.JP_US: "ja", Culture.KR_US: "ko", Culture.CN_US: "zh"}
_NATION = {Culture.JP_US: re.compile(r"日本|日方|일본"), Culture.KR_US: re.compile(r"韓国|韩国|韓國|韩方|한국"),
           Culture.CN_US: re.compile(r"中国|中國|中方|大陆|중국")}


def other_asian(own: str, asker_words: str, partner: list[str]) -> Culture | None:
    """The Asian side whose English the partner text is when the asker writes one Asian language and names the
    partner as another one's (「日方制片人用英文回复：…」, 「中国側から英語でメールが来ました」, 「일본 측이 영어로 보낸
    메일」): exactly one other nation named, and no American party (then the partner may be American)."""
    if not partner or own not in _PAIR_LANGUAGE.values() or _ASKER_ASIA.search(asker_words):
        return None
    named = [c for c, nation in _NATION.items() if _PAIR_LANGUAGE[c] != own and nation.search(asker_words)]
    return named[0] if len(named) == 1 else None


_PAIR_OF_LANGUAGE = {"ja": Culture.JP_US, "ko": Culture.KR_US, "zh": Culture.CN_US}


def side_by_language(language: str, pair: Culture | None) -> Perspective | None:
    """The side a message that says none is on: an asker writing Japanese, Korean or Chinese is the Asian side,
    unless the pair is another country's (Korean about a Japanese committee: staff of the American side)."""
    if language == "en":
        return None
    if pair in (None, Culture.ANY, _PAIR_OF_LANGUAGE.get(language)):
        return Perspective.ASIA_SIDE
    return Perspective.US_SIDE
