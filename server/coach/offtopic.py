"""Cues in a question's own words: does it place itself in film and TV dealings, and does it ask for something
the coach does not do (a spreadsheet formula, a code fix, a hotel, the weather, a plot summary, a translation)?

The bundled embedding model reads English only, so for a question written in Japanese, Korean or Chinese these
lists stand in for the English off-topic prototypes of coach/scope.py. Each topic is a kind of near-domain trap
in four languages, kept to words that rarely turn up in passing in a coaching question (a crew stuck "in a hotel"
is a standby-cost question; "recommend a hotel" is not, and is caught as a request). CJK words are matched in the
text and, for one-character words and verbs, on dictionary forms from server/morph.py (猫 in 「猫がご飯を」, 끓이다
in 「끓이는 법」). Both cues are graded in [0, 1]; the ranker's trained scope model (coach/rank.py) weighs them
with every other signal, so neither declines a question on its own.
"""

from __future__ import annotations

import functools
import re

from server.cjk import language_of
from server.coach.glossary import own_words
from server.morph import content_words

# Languages that are neither side's: "how do you say thank you in French?" asks for a translation, not about a
# partner's words (a partner's Japanese, Korean or Chinese phrase is the coach's business).
# Asked in any of the four languages (a pattern, matched like the English ones); "Spanish subtitles" is no such ask.
_SAY_IN_A_THIRD_LANGUAGE = (
    r"how (do|would|can) (you|i|we) say .{1,40} in (french|spanish|german|italian|portuguese|russian|thai|"
    r"vietnamese|arabic|hindi)|(フランス|スペイン|ドイツ|イタリア|ポルトガル|ロシア|タイ)語で.{0,30}(何と|なんて|どう)言|"
    r"(프랑스|스페인|독일|이탈리아|포르투갈|러시아|태국)어로.{0,30}(뭐라고|어떻게 말)|"
    r"(法|西班牙|德|意大利|葡萄牙|俄|泰)语.{0,30}怎么(说|讲)")
# Kinds of near-domain traps: an English pattern, then words in Japanese, Korean and Chinese (each list is matched
# only in its own language: 公式 is a formula in Chinese and "official" in Japanese).
TOPICS: dict[str, dict[str, str | tuple[str, ...]]] = {
    "weather": {"en": r"weather|will it (rain|snow)|rainy season|typhoon season|temperatures?|humid(ity)?",
                "ja": ("天気", "雨が降", "雨降", "気温", "天気予報", "梅雨", "寒い", "暑い", "雨ですか"),
                "ko": ("날씨", "비가 오", "비 오", "기온", "일기예보", "춥다", "덥다"),
                "zh": ("天气", "下雨", "气温", "天气预报", "下雪", "冷不冷", "热不热", "带什么衣服")},
    "food": {"en": r"recipes?|cooking|bake|baking|ramen|sushi|vegan|caterers?|bento|wagashi|cold brew|coffee",
             "ja": ("レシピ", "ロケ弁", "仕出し", "ラーメン", "出汁", "コーヒー", "味噌汁", "寿司屋", "居酒屋",
                    "レストラン"),
             "ko": ("맛집", "레시피", "끓이다", "김치찌개", "식당", "라멘", "라면집", "초밥", "스시"),
             "zh": ("食谱", "好吃", "美食", "红烧", "咖啡", "餐厅")},
    "travel": {"en": r"itinerary|sightseeing|tourist|airbnb|hostel|airlines?|legroom|jet lag|luggage|transit card|"
                     r"suica|pasmo|t-money|book(ing)? a (hotel|room|flight)|hotels? near|where to stay|get from \w+ to|"
                     r"(which|best|good|cheap|nice) hotels?|esta|(plug|power|travel) adapters?|bicycle|fedex|dhl|"
                     r"courier|freight|shipping (costs?|rates?)|"
                     r"ship (my|a|an) (?!deal)|jr pass|rail pass|airport|(fastest|quickest|cheapest|best) way "
                     r"from \w+|(fastest|quickest|cheapest) way to get to|how much (should i |do you |to )?tip|tipping|"
                     r"tap water|drinking water",
               "ja": ("観光", "旅行", "航空会社", "乗り換え", "変換プラグ", "送料", "船便", "宅配便", "国際郵便",
                      "空港", "行き方", "JRパス", "チップはいくら", "チップの相場", "水道水"),
               "ko": ("관광", "여행", "항공사", "교통카드", "돼지코", "택배", "항공 화물", "국제우편", "배송비",
                      "공항", "가는 방법", "가는 법", "팁은 얼마", "팁 문화", "수돗물"),
               "zh": ("旅游", "景点", "航空公司", "交通卡", "座位最宽", "转换插头", "快递", "邮寄", "运费", "机场",
                      "怎么去", "小费", "自来水")},
    "paperwork": {"en": r"bank accounts?|credit cards?|credit score|phone plan|sim( card)?|esim|prepaid plan|"
                        r"apartment|(?<!completion )guarantor|visas?|residence card|driver'?s licen[cs]e|"
                        r"health insurance|ward office|my number card|social security|entry rules|register my address|"
                        r"green card|immigration|wechat pay|alipay",
                  "ja": ("銀行口座", "スマホ", "家賃", "アパート", "賃貸", "ビザ", "在留", "運転免許", "健康保険",
                         "住民票", "マイナンバー", "ソーシャルセキュリティ", "住みやすい", "永住権", "国民健康保険",
                         "社会保険", "口座を作", "口座を開", "携帯の契約"),
                  "ko": ("은행 계좌", "요금제", "유심", "월세", "전세", "비자", "외국인 등록", "운전면허", "건강보험",
                         "영주권", "휴대폰 개통", "개통하"),
                  "zh": ("银行卡", "银行账户", "开户", "手机号", "套餐", "租房", "房租", "签证", "居留", "驾照",
                         "医疗保险", "登录证", "绿卡", "移民", "五险一金", "社保", "手机卡", "运营商", "办银行卡")},
    "personal_tax": {"en": r"personal (income )?tax|income tax|tax return|my own return|fbar|freelance (fee|income)|"
                           r"on my (us |u\.s\. |federal |personal )?return|foreign tax credit",
                     "ja": ("確定申告", "所得税", "住民税", "年末調整", "副業"),
                     "ko": ("종합소득세", "연말정산", "소득세"), "zh": ("个人所得税", "个税", "汇算", "自由职业")},
    "software": {"en": r"excel|spreadsheets?|google sheets|vlookup|pivot table|python|javascript|node|sql|regex|"
                       r"keyerror|typeerror|traceback|error message|ffmpeg|premiere pro|davinci|after effects|"
                       r"final cut pro|keyboard shortcut|plugin|csv|encoding|wi-?fi|vpn|laptop|iphone|macbook|"
                       r"my code|coding|script throws|gantt|frame\.io|wind noise|noise reduction|denois\w*|izotope|"
                       r"router|modem|bandwidth|(keeps|kept) (freezing|crashing|lagging)|"
                       r"tagline|slogan|catchphrase",
                 "ja": ("エクセル", "スプレッドシート", "関数", "数式", "ピボット", "マクロ", "ソースコード",
                        "プログラム", "コマンド", "容量", "ショートカット", "日本語入力", "パソコン", "香盤表",
                        "風切り音", "ノイズ除去", "キャッチコピー"),
                 "ko": ("엑셀", "스프레드시트", "수식", "함수", "코드", "파이썬", "단축키", "노트북", "맥북", "자판",
                        "명령어", "다빈치", "리졸브", "잡음", "노이즈", "바람 소리", "캐치프레이즈", "홍보 문구"),
                 "zh": ("表格", "公式", "函数", "透视表", "代码", "快捷键", "输入法", "电脑", "达芬奇", "内存", "降噪",
                        "风噪", "杂音", "宣传语", "广告语", "标语")},
    "camera": {"en": r"iso|shutter( speed)?|aperture|f-stop|lut|anamorphic|white balance|which lens",
               "ja": ("シャッター", "絞り", "レンズ"), "ko": ("셔터", "렌즈", "조리개"), "zh": ("快门", "光圈")},
    "language": {"en": r"grammar|proofread|language school|word for|"
                       r"learn (some |basic |a bit of |a little )?(korean|japanese|chinese|english|mandarin|cantonese)|"
                       r"language (apps?|courses?|tutors?)|apps? (to|for) learn\w*|"
                       + _SAY_IN_A_THIRD_LANGUAGE,
                 "ja": ("文法", "誤字", "英検", "勉強法", "語学", "英会話", "リスニング", "TOEIC"),
                 "ko": ("문법", "공부법", "어학", "영어 회화", "회화 실력", "토익"),
                 "zh": ("语法", "口语", "学日语", "学英语", "学韩语", "零基础")},
    "trivia": {"en": r"highest[- ]grossing|highest box office|of all time|box office (records?|rankings?)|"
                     r"worldwide gross|how much did .{1,40} (make|earn|gross|take in|bring in)|"
                     r"who (won|directed|starred|stars in)|who (plays|played) (the )?(lead|main|hero|villain)|"
                     r"who'?s in the cast|"
                     r"who (is|was) the director of|when (was|did) .{1,40} (released|come out|open in)|"
                     r"best picture|plot summary|summari[sz]e the plot|the plot of|actors are in|"
                     r"stock (price|performed)|tallest|highest mountain|how (tall|high) is|"
                     r"should i (watch|show)|worth watching|submission deadline|festival'?s? (deadline|entry fee)",
               "ja": ("あらすじ", "優勝", "ランキング", "歴代", "興行収入はいくら", "興行収入いくら", "高さ",
                      "何メートル", "一番ヒット", "観るべき",
                      "応募締め切り", "応募締切", "出品締め切り"),
               "ko": ("줄거리", "우승", "관객 수가 몇", "관객이 몇", "박스오피스 수익", "높이가", "몇 미터",
                      "볼 만한", "볼만한", "역대", "관객 수가 가장",
                      "출품 마감", "접수 마감"),
               "zh": ("剧情简介", "冠军", "排行", "票房多少", "全球票房", "有多高", "有多长", "多少米", "海拔",
                      "值得看", "影史", "票房最高", "报名截止", "征片")},
    "career": {"en": r"switch(ing)? careers|change careers|career (change|switch|advice)|retrain as|job interview|"
                     r"quit my job|burn(ed|t)[- ]out|job hunt\w*|study abroad|grad(uate)? school|college applications?|"
                     r"toefl",
               "ja": ("転職", "就活", "就職活動", "年収", "面接", "キャリアチェンジ", "留学"),
               "ko": ("이직", "취업", "연봉", "면접", "커리어", "유학", "대학원"),
               "zh": ("转行", "求职", "面试", "找工作", "留学")},
    "personal": {"en": r"doctor|medicine|symptoms?|back pain|a cold|insomnia|sleep (better|quality)|workout|diet|"
                       r"gym|fitness|dogs?|cats?|pets?|puppy|houseplants?|plumb\w*|faucet|wedding|cover letter|"
                       r"resignation letter|poem|tweet|horoscope|toddler|my (kids?|son|daughter|baby)|parenting|"
                       r"(mother|father|sister|brother)-in-law|in-laws|my (girlfriend|boyfriend)|"
                       r"anniversary gift|gift for my (wife|husband|mom|dad|mother|father|parents)|"
                       r"my (wife|husband)'s (birthday|\d+\w\w)",
                 "ja": ("腰痛", "風邪", "肩こり", "病院", "ストレッチ", "猫", "ペット", "掃除", "結婚式",
                        "履歴書", "子どもが", "子供が", "赤ちゃん", "育児", "眠れ", "時差ボケ", "義母", "義父",
                        "義理の両親", "彼氏", "家族へのお土産", "家族が喜", "筋トレ", "ジムに通", "スポーツジム",
                        "妻の誕生日", "嫁の誕生日", "夫の誕生日", "結婚記念日"),
                 "ko": ("고양이", "강아지", "에어컨", "청소", "감기", "허리", "병원", "스트레칭", "축사", "결혼식",
                        "예식장", "이력서", "자기소개서", "아이가", "아기", "육아", "잠이 안", "시차 적응", "시어머니",
                        "장모", "시댁", "처가", "여자친구", "남자친구", "가족 선물", "헬스장", "필라테스", "아내 선물",
                        "와이프 선물", "남편 선물", "결혼기념일"),
                 "zh": ("猫咪", "宠物", "洗衣机", "睡眠", "感冒", "颈椎", "医院", "失眠", "致辞", "简历", "减肥",
                        "孩子", "宝宝", "育儿", "睡不着", "婚礼", "倒时差", "婆婆", "岳母", "丈母娘", "公婆",
                        "女朋友", "男朋友", "给家人", "带给家人", "健身", "瑜伽", "给老婆", "给老公", "结婚纪念日")},
    # The asker's own errands, money, legal trouble, free time and household, typed between two work items ("I'm
    # in Seoul for the shoot: where can I get a suit tailored?"); none of it is dealt with across the table.
    "errands": {"en": r"(suit|jacket|dress|shirt)s? (tailored|altered|hemmed)|a tailor|tailor shop|dry clean\w*|"
                      r"haircut|barber|(hair|nail) salon|manicure|skin ?care|sunscreen|moisturi[sz]er|sneakers|"
                      r"headphones|earbuds|noise[- ]cancell\w*|icloud|phone notifications|do not disturb|focus mode|"
                      r"outlet (mall|store)s?|duty[- ]free (shop|store)s?",
                "ja": ("美容院", "美容室", "ジェルネイル", "日焼け止め", "敏感肌", "スキンケア", "化粧水",
                       "オーダースーツ", "ネイルサロン", "クリーニング店", "イヤホン", "ヘッドホン", "スニーカー",
                       "集中モード", "機種変更", "アウトレット", "免税店"),
                "ko": ("미용실", "네일샵", "선크림", "피부과", "스킨케어", "맞춤 양복", "양복점", "정장 맞추",
                       "세탁소", "이어폰", "헤드폰", "운동화", "아이폰", "아이클라우드", "갤럭시", "아울렛", "면세점"),
                "zh": ("医美", "皮肤科", "美甲", "理发", "防晒", "护肤", "定制西装", "西装定制", "干洗", "耳机",
                       "球鞋", "新手机", "换手机", "奥特莱斯", "免税店")},
    "money": {"en": r"bitcoin|crypto\w*|ethereum|stock market|(buy|buying|sell|selling) (some )?stocks|index funds?|"
                    r"etfs?|s&p ?500|401\(?k\)?|roth ira|nisa|mortgage|home loan|realtor",
              "ja": ("株を買", "株式投資", "投資信託", "積立", "仮想通貨", "暗号資産", "ビットコイン", "住宅ローン",
                     "マンション購入", "持ち家", "全世界株"),
              "ko": ("주식 투자", "주식을 사", "미국 주식", "비트코인", "코인 투자", "코인 들어", "가상화폐", "적금",
                     "주택담보대출", "주담대", "청약", "집값", "부동산"),
              "zh": ("股票", "A股", "美股", "炒股", "抄底", "比特币", "虚拟货币", "加密货币", "理财", "房贷", "买房",
                     "基金定投", "买基金", "割肉", "补仓")},
    "legal": {"en": r"(parking|speeding|traffic) (tickets?|fines?|violations?)|(my|our) landlord|security deposit|"
                    r"jury duty|small claims|evict\w*|dui",
              "ja": ("反則金", "切符を切られ", "駐車違反", "スピード違反", "速度違反", "信号無視", "大家さん", "敷金",
                     "退去費用", "管理会社", "裁判員"),
              "ko": ("과속", "딱지", "범칙금", "주차 위반", "신호 위반", "집주인", "전세 보증금", "월세 보증금",
                     "배심원"),
              "zh": ("罚单", "超速", "违章", "闯红灯", "驾照扣分", "房东", "退押金", "不退押金")},
    "leisure": {"en": r"nba|nfl|mlb|nhl|premier league|world cup|super bowl|playoffs|golf (clubs?|lessons?|swing)|"
                      r"ski(ing)? (resort|lessons?)|fantasy (football|league)|game consoles?|switch 2|steam deck|"
                      r"church services?|catholic|synagogue|mosque|elections?|"
                      r"grow (my|our) (instagram|tiktok|youtube|following|channel|account)|"
                      r"(more|gain|get) (followers|subscribers|likes)|dating|(a|our) first date|tinder|hinge|bumble",
                "ja": ("試合", "ホームラン", "ワールドカップ", "ゴルフクラブ", "スキー場", "ゲーム機", "プレステ",
                       "教会", "礼拝", "選挙", "フォロワーを増や", "インスタ", "マッチングアプリ", "婚活", "初デート",
                       "合コン"),
                "ko": ("축구 경기", "야구 경기", "농구 경기", "한일전", "경기 몇 시", "골프 레슨", "스키장", "게임기",
                       "플스", "교회", "성당", "미사", "예배", "선거", "구독자", "팔로워 늘리", "인스타", "소개팅",
                       "맞선", "첫 데이트", "데이트 코스"),
                "zh": ("总决赛", "比赛几点", "世界杯", "足球比赛", "篮球比赛", "看球", "学高尔夫", "滑雪", "游戏机",
                       "打游戏", "教堂", "弥撒", "做礼拜", "选举", "涨粉", "相亲", "约会", "脱单")},
    "household": {"en": r"(elementary|middle|international|public|private|pre) school|kindergarten|daycare|"
                        r"high school (exams?|applications?)|cram school|tutoring|roof(ing|er)|(new|leaky) roof|"
                        r"leak(y|ing) (pipe|faucet)|water heater|dishwasher|tesla|rav4|hybrid (car|suv)|used car|"
                        r"electric car|my car insurance|(birthday|bachelor(ette)?|theme) party|"
                        r"party (theme|games|ideas)|fun theme|bingo",
                  "ja": ("小学校", "中学受験", "受験", "塾", "幼稚園", "保育園", "習い事", "雨漏り", "リフォーム",
                         "水漏れ", "給湯器", "車検", "中古車", "新車", "ビンゴ", "景品"),
                  "ko": ("초등학생", "초등학교", "중학교", "학원", "유치원", "어린이집", "과외", "화상영어", "입시",
                         "누수", "보일러", "중고차", "신차", "전기차", "자동차 보험", "빙고", "경품", "장기자랑",
                         "워크숍 장소"),
                  "zh": ("上小学", "小学择校", "幼儿园", "国际学校", "补习班", "辅导班", "择校", "学区房", "漏水",
                         "装修", "买车", "换车", "二手车", "电动车", "新能源车", "游戏环节", "抽奖", "年会节目")},
}
# Facts about a public film asked as a quiz: who directed or stars in it, its box office, its release date, its plot.
# Written as patterns, since the same domain words ask in-scope questions when a decision follows them:
# 「导演是谁定的？」 (who decides the director), 「監督は誰が決める」, 「감독은 누가 정하나요」
# are about dealings, not trivia.
FACT_ASKS = {
    "ja": re.compile(r"監督(?:は|って|が)?(?:誰|だれ)(?!が|に|を|と)|(?:誰|だれ)が監督(?:した|を務め)|"
                     r"(?:興行収入|興収|動員)(?:は|って)?.{0,8}(?:いくら|どのくらい|どれくらい|何億|何万)|"
                     r"(?:公開日|公開)(?:は|って)?いつ|いつ(?:公開|封切)|出演者|(?:主演|キャスト)(?:は|って)(?:誰|だれ)|"
                     r"(?:って|は)どんな(?:話|映画|作品)(?!を)"),
    "ko": re.compile(r"감독(?:이|은|는)?\s?누구|감독 이름|"
                     r"(?:관객|관객 수|관객수)(?:이|가|는|은)?\s?(?:총\s?)?(?:얼마나|몇)|"
                     r"출연진|(?:주연|주인공)(?:이|은|는)?\s?누구|언제 개봉|개봉일(?:이|은)?\s?(?:언제|며칠)|"
                     r"내용(?:을|이)?\s?(?:간단히\s?)?요약"),
    "zh": re.compile(r"[导導]演(?:是[谁誰]|是哪位)(?!定|决定|決定|来定|來定|说了算|說了算|拍板|选|選|挑)|"
                     r"[谁誰](?:[导導]演|[导導])的|"
                     r"主演(?:都)?(?:有|是)(?:谁|哪些)|谁主演|(?:哪天|哪年|几号|什么时候)上映|上映(?:日期|时间)是|"
                     r"票房(?:一共|总共|最后|最终)?(?:是)?多少|讲讲.{0,12}[剧劇]情|[剧劇]情(?:简介|介绍|梗概)|"
                     r"讲(?:的是|了)什么"),
}
# A film named by its title (《…》, 『…』, Korean '…') or pointed at ("this film"): with a fact asked about it, a quiz.
_FILM_NAMED = re.compile(r"《[^》]{1,30}》|『[^』]{1,30}』|['‘][^'’\n]{1,20}['’]|この映画|あの映画|その映画|"
                         r"(?:이|그|저) 영화|(?:这|那)部(?:电影|片)")
# Asking the coach to do a task rather than to advise: write, fix, convert, calculate, translate, summarise,
# recommend, look up today's rate. The forms a request takes in each language (an imperative, "can you ...",
# 〜てください, 〜해 주세요, 帮我…); a partner's request reported in the question (「作ってほしいと言ってきました」,
# "they asked us to translate") is not one, nor what one may expect of the partner (「どこまで無償で直してもらえる
# ものですか」, 「直してもらえる範囲」).
_VERBS = (r"write|draft|translate|convert|calculate|summari[sz]e|rewrite|proofread|fix|recommend|suggest|list|"
          r"plan|make|create|generate|compose|solve|give me|tell me a")
TASK = re.compile(
    rf"(^|[.!?]\s+)(please\s+)?({_VERBS})\s+\w|\b(can|could|would|will) you\s+(please\s+)?({_VERBS})\s+\w|"
    r"\bhelp me (write|draft|translate|convert|calculate|fix|plan|pick|choose|find)\b|"
    r"\brecommend (me )?(a|an|some|any|good|a few|\d+|\w+s)\b|\b(best|good|cheapest|fastest) (way to get|place)|"
    r"\b(good|best|nice|cheap) \w+ (near|around) |\btoday'?s (exchange )?rate|\bwhat time is it|"
    r"(書い|書き直し|訳し|翻訳し|換算し|変換し|計算し|要約し|まとめ|添削し|作っ|作成し|直し|チェックし|占っ)"
    r"(て|で)(ください|下さい|くれ|もらえ|もらい|いただけ|頂け|ほしい|欲しい)(?!と|って|るもの|る範囲)|"
    r"おすすめ|オススメ|お勧め|お薦め|今日の.{0,6}(レート|為替)|"
    r"(써|작성해|번역해|바꿔|변환해|계산해|요약해|고쳐|짜|만들어|추천해|골라)\s?(주세요|줘|주실|줄래|주시겠|주십)|"
    r"추천|오늘.{0,6}환율|"
    r"(帮我|给我|能不能帮|能否帮|可以帮|麻烦你|请你|请帮)[^，。？?]{0,10}(写|改|翻译|换算|计算|概括|总结|推荐|做|列|转换|讲)|"
    r"推荐|今天.{0,8}汇率|找[^，。？?]{0,20}给我(?!们)",
    re.I | re.M)
# A film's version for airlines is a deliverable, not travel: "the airline cut", 「機内上映用」,
# 「给航空公司放的删减版」
_FOR_AIRLINES = re.compile(r"\b(?:airline|in-?flight) (?:version|cut|edit)s?\b|機内(?:上映|版|用)|"
                           r"航空会社(?:向け|用)の?(?:機内)?(?:版|バージョン|上映)|"
                           r"항공사(?:용|\s?납품|\s?상영)|기내(?:용|\s?상영|판)|"
                           r"(?:给|供)?航空公司(?:放|播|用)的?|机上版", re.I)
# Words that place a question in film and TV dealings, words for the other side of the table, and for dealing with
# it without a loss of face ("his Excel schedule is wrong: how do I tell him without embarrassing him?").
DOMAIN = re.compile(
    r"\b(co-?produc\w*|partner\w*|studio|producer|committee|distribut\w+|rights|financ\w+|budget|contract|deal|"
    r"negotiat\w+|screenplay|script notes|casting|director|showrunner|broadcaster|streamer|recoup\w*|royalt\w+|"
    r"incentive|rebate|treaty|approv\w+|final cut(?! pro)|licen[cs]\w+|counterpart|meeting|e-?mail|the other side|"
    r"who (pays|covers|bears)|(us|american|japanese|korean|chinese) (side|team|company|partner|co-producer)|"
    r"they (said|say|want|keep|told|asked|wrote|replied)|our (side|team|partner)|"
    r"shoot(ing)?|crew|on set|post-?production|deliver(y|ables?)|episodes?|dub(bing)?|licensor|licensee|"
    r"line producer|production company|force majeure|standby|(shooting|production|delivery) schedule|"
    r"embarrass\w*|los(?:e|ing) face|offend\w*|push back|revenue share|profit share|"
    r"(?:airline|in-?flight) (?:version|cut|edit)s?)\b|面子|メンツ|顔を潰|角が立|체면|기분 상하|得罪|"
    r"製作|制作|委員会|パートナー|プロデューサー|契約|配給|権利|予算|会議|先方|相手|米国側|アメリカ側|日本側|向こう|"
    r"誰が(持つ|負担)|撮影|ロケ|現場|納品|吹替|ポスプロ|米側|ライセンス|源泉徴収|分配金|収益分配|機内上映|"
    r"機内版|"
    r"제작|파트너|프로듀서|계약|배급|권리|예산|회의|미국 측|미국측|상대|한국 측|그쪽|누가 (부담|내)|"
    r"촬영|현장|스태프|납품|더빙|후반 작업|제작팀|라이선스|원천징수|수익 배분|배분금|정산금|기내 상영|"
    r"기내용|"
    r"合拍|合作|制片|发行|版权|预算|合同|会议|美方|中方|片方|对方|谁(出|承担|来付)|拍摄|剧组|后期|交片|配音|档期|"
    r"立项|审查|授权|预提税|分账|结算|回款|分成|删减版|成片|机上版", re.I)
DOMAIN_FULL = 3  # distinct domain words at which the domain cue is full
BARE_ASK = 2  # a Japanese, Korean or Chinese asked clause of this few words (「怎么改？」, 「どう直す？」)
_POINTS_BACK = re.compile(r"\b(?:it|this|that|them|these|those)\b", re.I)
IN_PASSING = 0.2  # a trap word in the situation only, not in what is asked, is weaker evidence
_SENTENCE = re.compile(r"(?<=[?？!！。])\s*|(?<=\.)\s+|\n+")
# 「…에러가 나요.」 (나다, "comes up") tells; the asking -나요 ends a stem: 괜찮나요 (as in coach/parts.py)
_ASKS_END = re.compile(r"(?:[?？]|か|ですか|ますか|でしょうか|까요?|(?<!\s)나요|죠|吗|呢)\s*[。.]?\s*$")
_CLAUSE = re.compile(r"[、，,;；]\s*")
_JOINED = re.compile(r"(?:and|or|also|plus|but)\b|それと|あと|또|그리고|还有|另外|以及", re.I)
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
    """Whether the question asks the coach to do something itself (write, fix, convert, recommend...)."""
    return bool(TASK.search(own_words(text)))


def asked_clause(text: str) -> str:
    """The words that ask: the sentences that end in a question (else the last sentence), and of a sentence that
    asks after a comma, its last clause (「梅雨の予備日は入れてありますが、費用はどちらが負担しますか？」, "weather days
    are on the schedule, who pays?"), unless that clause only adds a second ask ("..., and what are its hours?")."""
    own = own_words(text).strip()
    sentences = [s for s in _SENTENCE.split(own) if s and s.strip()] or [own]
    asking = [s for s in sentences if _ASKS_END.search(s)] or sentences[-1:]
    out = []
    for sentence in asking:
        clauses = [c for c in _CLAUSE.split(sentence.strip()) if c.strip()]
        last = clauses[-1] if clauses else sentence
        whole = len(clauses) < 2 or _JOINED.match(last.strip()) or len(last.strip()) < 4
        out.append(sentence if whole else last)
    return " ".join(out)


def off_topic_cue(text: str) -> float:
    """Trap evidence the question's film dealings do not explain: 0.5 for one trap word in what it asks or a task
    request, 1 for two or more (two words of one kind, or two kinds), IN_PASSING for a kind only named in the
    situation it describes ("we lost four days to typhoon weather ... who carries this?"), discounted by the
    domain cue (a crew's hotel bill argued with the partner is a coaching question; a hotel to book is not): the
    domain words of what is asked for what it asks, those of the whole message for what it only mentions, so that
    no single word settles it. A bare ask ("How do I fix it?", 「怎么改？」), or any ask in a message with no word of
    film dealings at all (「時差ボケが抜けません。早く治す方法はありますか？」), asks about the situation before it."""
    clause = asked_clause(text)
    asked = trap_words(clause)
    if not asked and (_bare(clause) or not domain_cue(text)):  # "...throws KeyError. How do I fix it?", or no word of
        clause, asked = text, trap_words(text)  # film dealings anywhere ("...jet lag. Any cure?"): asks about the rest
    passing = len(topics(text) - set(asked))
    firm = sum(min(2, n) for n in asked.values())
    cue = min(1.0, 0.5 * (firm + asks_for_task(text))) * (1.0 - domain_cue(clause))
    return min(1.0, cue + IN_PASSING * passing * (1.0 - domain_cue(text)))


def _bare(clause: str) -> bool:
    """An ask with no words of its own for a topic: "How do I fix it?", 「怎么改？」 (no domain word either)."""
    lang, words = _words(own_words(clause))
    short = len(words) <= 6 and bool(_POINTS_BACK.search(clause)) if lang == "en" else len(words) <= BARE_ASK
    return short and not domain_cue(clause)


def domain_cue(text: str) -> float:
    """How firmly the question places itself in film-business dealings: its distinct domain words, full at
    DOMAIN_FULL, or sooner in a question that short ("budget?" alone is all domain)."""
    own = own_words(text)
    found = {m.group(0).lower() for m in DOMAIN.finditer(own)}
    return min(1.0, len(found) / max(1, min(DOMAIN_FULL, len(_words(own)[1]))))
