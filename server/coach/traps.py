"""The vocabulary of near-domain traps: kinds of question the coach does not answer (weather, food, travel,
paperwork, personal tax, software, ...), each as an English pattern and words in Japanese, Korean and Chinese.
Read by coach/offtopic.py, which decides how much the words weigh."""

from __future__ import annotations

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
    "food": {"en": r"recipes?|cooking|bake|baking|ramen|sushi|vegan|caterers?|bento|wagashi|cold brew|coffee|"
                   r"bbq|barbecue|hot ?pot|dim sum|dumplings?|noodles?",
             "ja": ("レシピ", "ロケ弁", "仕出し", "ラーメン", "出汁", "コーヒー", "味噌汁", "寿司屋", "居酒屋",
                    "レストラン", "焼肉屋"),
             "ko": ("맛집", "레시피", "끓이다", "김치찌개", "식당", "라멘", "라면집", "초밥", "스시",
                    "야키니쿠", "고깃집"),
             "zh": ("食谱", "好吃", "美食", "红烧", "咖啡", "餐厅", "烤鸭", "饭店", "餐馆", "馆子")},
    "travel": {"en": r"itinerary|sightseeing|tourist|airbnb|hostel|airlines?|legroom|jet lag|luggage|transit card|"
                     r"suica|pasmo|t-money|book(ing)? a (hotel|room|flight)|hotels? near|where to stay|get from \w+ to|"
                     r"(which|best|good|cheap|nice) hotels?|esta|(plug|power|travel) adapters?|bicycle|fedex|dhl|"
                     r"courier|freight|shipping (costs?|rates?)|"
                     r"ship (my|a|an) (?!deal)|jr pass|rail pass|airport|(fastest|quickest|cheapest|best) way "
                     r"from \w+|(fastest|quickest|cheapest) way to get to|how much (should i |do you |to )?tip|tipping|"
                     r"tap water|drinking water|currency exchange (booth|counter|office)|"
                     r"(exchange|change) (some )?(cash|money) (before|for|at|in)|"
                     r"what (should|do) (i|we) pack|packing list|what to pack|subway|metro( line| station)?|layovers?|"
                     r"baggage|carry-?on|checked bags?|power banks?|lithium batter\w+|(airport|airline) lounges?|"
                     r"seat upgrades?|is it safe (to walk|at night|to take)|pickpocket\w*|ktx|shinkansen|"
                     r"bullet trains?|high-speed (rail|trains?)|domestic flights?|"
                     r"(train|rail) or (a |the )?(plane|flight)",
               "ja": ("観光", "旅行", "航空会社", "乗り換え", "変換プラグ", "送料", "船便", "宅配便", "国際郵便",
                      "空港", "行き方", "JRパス", "チップはいくら", "チップの相場", "水道水", "両替所",
                      "両替はどこ", "地下鉄", "乗り継ぎ", "手荷物", "預け荷物", "機内持ち込み", "機内に持ち込",
                      "モバイルバッテリー", "治安", "新幹線", "国内線"),
               "ko": ("관광", "여행", "항공사", "교통카드", "돼지코", "택배", "항공 화물", "국제우편", "배송비",
                      "공항", "가는 방법", "가는 법", "팁은 얼마", "팁 문화", "수돗물", "환전소", "환전은 어디",
                      "환전하는 게", "지하철", "경유", "수하물", "기내 반입", "기내에 가지고", "보조배터리",
                      "치안", "고속철", "국내선"),
               "zh": ("旅游", "景点", "航空公司", "交通卡", "座位最宽", "转换插头", "快递", "邮寄", "运费", "机场",
                      "怎么去", "小费", "自来水", "换外币", "兑换外币",
                      "换钱", "地铁", "转机", "托运", "随身携带", "充电宝", "行李额", "治安", "高铁", "动车",
                      "国内航班")},
    "paperwork": {"en": r"bank accounts?|credit cards?|credit score|phone plan|sim( card)?|esim|prepaid plan|"
                        r"apartment|(?<!completion )guarantor|visas?|residence (?:card|permit)s?|driver'?s licen[cs]e|"
                        r"health insurance|ward office|my number card|social security|entry rules|register my address|"
                        r"green card|immigration|wechat pay|alipay|customs (declaration|form|line)|"
                        r"declare .{1,20} at customs|border control|passport control|(international )?driving permit|"
                        r"rent(ing)? a car|car rentals?|rental cars?",
                  "ja": ("銀行口座", "スマホ", "家賃", "アパート", "賃貸", "ビザ", "在留", "運転免許", "健康保険",
                         "住民票", "マイナンバー", "ソーシャルセキュリティ", "住みやすい", "永住権", "国民健康保険",
                         "社会保険", "口座を作", "口座を開", "携帯の契約", "入国審査", "税関", "ESTA", "レンタカー",
                         "国際免許"),
                  "ko": ("은행 계좌", "요금제", "유심", "월세", "전세", "비자", "외국인 등록", "운전면허", "건강보험",
                         "영주권", "휴대폰 개통", "개통하", "위챗페이", "알리페이", "입국 심사", "입국심사",
                         "세관 신고", "세관", "출입국", "렌터카", "국제면허", "국제 운전면허"),
                  "zh": ("银行卡", "银行账户", "开户", "手机号", "套餐", "租房", "房租", "签证", "居留", "驾照",
                         "医疗保险", "医保", "登录证", "绿卡", "移民", "五险一金", "社保", "手机卡", "运营商",
                         "办银行卡", "转账", "微信支付", "支付宝", "入境时", "过海关", "海关申报", "面签", "租车",
                         "国际驾照")},
    "personal_tax": {"en": r"personal (income )?tax|income tax|tax return|my own return|fbar|freelance (fee|income)|"
                           r"on my (us |u\.s\. |federal |personal )?return|foreign tax credit|capital gains|"
                           r"sell(ing)? my shares",
                     "ja": ("確定申告", "所得税", "住民税", "年末調整", "副業", "証券会社", "証券口座", "譲渡益"),
                     "ko": ("종합소득세", "연말정산", "소득세", "양도소득세", "증권사", "증권 계좌"),
                     "zh": ("个人所得税", "个税", "汇算", "自由职业", "证券账户", "股票账户", "资本利得")},
    "software": {"en": r"excel|spreadsheets?|google sheets|vlookup|pivot table|python|javascript|node|sql|regex|"
                       r"keyerror|typeerror|traceback|error message|ffmpeg|premiere pro|davinci|after effects|"
                       r"final cut pro|keyboard shortcut|plugin|csv|encoding|wi-?fi|vpn|laptop|iphone|macbook|"
                       r"my code|coding|script throws|gantt|frame\.io|wind noise|noise reduction|denois\w*|"
                       r"izotope|router|modem|bandwidth|(keeps|kept) (freezing|crashing|lagging)|"
                       r"tagline|slogan|catchphrase|fonts?|typefaces?|zoom (password|settings?|background)|"
                       r"virtual background|blur (my |the )?background|auto[- ]?captions?|passwords?|two-factor|2fa|"
                       r"google drive|dropbox|onedrive|sharepoint|srt|vtt|"
                       r"pdfs?|acrobat|outlook|gmail|google calendar|calendar app|powerpoint|keynote|"
                       r"(set up|turn on|switch on) (an? )?(out-of-office|auto-?reply)|auto-?replies|"
                       r"(batch|bulk)[- ](convert|rename|export|edit)\w*|midjourney|stable diffusion|chatgpt|"
                       r"upscal\w*|topaz|toon boom|blender|autodesk maya|clip studio|unreal engine|houdini|render farm|"
                       r"photoshop|lightroom|illustrator|canva|figma|avid|media composer|proxy files|proxies|"
                       r"export settings|paypal|venmo|zelle|revolut|on (my|a) (mac|pc|windows laptop)|"
                       r"royalty-free|stock (footage|music)|artlist|epidemic sound|shutterstock|ipad|"
                       r"typing (speed|practice|test|lessons?)|touch[- ]typ\w*|ocr|autocorrect|spell ?check\w*|"
                       r"page numbers|(microsoft|ms) word|word (docs?|documents?|files?|templates?)|"
                       r"(in|into|from) word|word(?=で|の|文档|文件|里|파일|에서|로)|macs?|macos|microsoft office|"
                       r"ms office|hwp|hangul word processor|(file|video|pdf|document|format) converters?|"
                       r"which converter|(open|install|edit|view)\b.{0,25}\bon (windows|a mac|my mac|mac|pc)\b|"
                       r"(won'?t|doesn'?t|does not|will not) open|(can'?t|cannot) open (it|the file)|corrupt(ed)? file|"
                       r"airtable|trello|asana|monday\.com|(won'?t|doesn'?t|does not|stopped|not) sync(ing)?\b|"
                       r"sync (issues?|problems?|errors?)|aegisub|subtitle ?edit(or)?|subtitle workshop",
                 "ja": ("エクセル", "スプレッドシート", "関数", "数式", "ピボット", "マクロ", "ソースコード",
                        "プログラム", "コマンド", "容量", "ショートカット", "日本語入力", "パソコン", "香盤表",
                        "風切り音", "ノイズ除去", "キャッチコピー", "フォント", "バーチャル背景",
                        "背景をぼかす", "設定はどこ", "設定方法", "パスワード", "二段階認証", "文字化け",
                        "レイアウトが崩れ", "縦書き", "電子署名を入れ", "パワポ", "自動返信", "Googleカレンダー",
                        "一括変換", "一括置換", "画像生成", "アップスケール", "フリー素材", "著作権フリー",
                        "ストック映像", "クリスタ", "フォトショ", "書き出し設定", "プロキシファイル", "タイピング",
                        "ブラインドタッチ", "開けない", "開かない", "ファイルが壊れ"),
                 "ko": ("엑셀", "스프레드시트", "수식", "함수", "코드", "파이썬", "단축키", "노트북", "맥북", "자판",
                        "명령어", "다빈치", "리졸브", "잡음", "노이즈", "바람 소리", "캐치프레이즈", "홍보 문구",
                        "폰트", "글꼴", "비밀번호", "불러오는 방법", "켜는 법", "켜는 방법", "설정하는 법",
                        "배경 흐림", "넘버스", "글자가 깨", "전자서명 넣", "파워포인트", "아웃룩", "구글 캘린더",
                        "자동 응답", "일괄 변환", "한꺼번에 바꾸", "이미지 생성", "업스케일", "무료 음원",
                        "저작권 없는 음악", "스톡 영상", "포토샵", "블렌더", "언리얼 엔진", "내보내기 설정",
                        "프록시 파일", "아이패드", "태블릿", "타자 연습", "타자 속도", "안 열려", "용량", "깨져서 보여",
                        "깨져 보여", "파일이 너무 커", "압축하는 방법", "안 열리", "열리지 않", "파일이 깨"),
                 "zh": ("表格", "公式", "函数", "透视表", "代码", "快捷键", "输入法", "电脑", "达芬奇", "内存", "降噪",
                        "风噪", "杂音", "宣传语", "广告语", "标语", "字体", "虚拟背景", "背景虚化", "密码", "乱码",
                        "批量", "幻灯片", "自动回复", "谷歌日历", "AI绘图", "超分", "画质修复", "免版税",
                        "无版权音乐", "素材网站", "剪映", "抠图", "导出设置", "代理文件", "渲染农场",
                        "打字速度", "练打字", "平板", "打不开", "文件损坏")},
    "camera": {"en": r"iso|shutter( speed)?|aperture|f-stop|lut|anamorphic|white balance|which lens|sensor size|"
                     r"dynamic range|low[- ]light|gimbals?|tripods?|ronin|dji|alexa( mini| 35| lf)?|arri|"
                     r"red (komodo|v-?raptor)|v-?raptor|sony venice|venice 2|fx[369]|blackmagic|walkie-?talkies?|"
                     r"two-way radios?|(rent|hire) (camera |lighting |grip )?(gear|equipment)|rental house",
               "ja": ("シャッター", "絞り", "レンズ", "ジンバル", "三脚", "センサーサイズ", "高感度",
                      "ダイナミックレンジ", "機材のレンタル", "機材レンタル", "トランシーバー", "無線機"),
               "ko": ("셔터", "렌즈", "조리개", "짐벌", "삼각대", "센서 크기", "고감도", "장비 대여", "장비 렌탈",
                      "무전기"),
               "zh": ("快门", "光圈", "稳定器", "三脚架", "传感器", "感光度", "宽容度", "对讲机", "器材租赁", "租器材",
                      "摄影器材")},
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
                     r"which (anime |animation |film )?studio (made|animated|produced|drew)|who animated|"
                     r"best picture|plot summary|summari[sz]e the plot|the plot of|actors are in|"
                     r"stock (price|performed)|tallest|highest mountain|how (tall|high) is|"
                     r"should i (watch|show)|worth watching|submission deadline|festival'?s? (deadline|entry fee)|"
                     r"which (actors|actresses|directors)|(name|list) (some |a few )?(actors|actresses|directors)|"
                     r"most[- ](watched|streamed|popular (film|movie|show|drama|series|anime))|top 10 on|"
                     r"trending on (netflix|disney|prime)|how many episodes|"
                     r"who('s| is) the (ceo|president|chairman|founder) of|"
                     r"how many employees|market cap\w*|headquartered|"
                     r"how many (paying |active |monthly )?(subscribers|members|users|viewers|subscriptions)|"
                     r"subscriber (count|numbers?|base)|who (composed|scored|voiced|sang)|"
                     r"who (wrote|did|made) the (music|score|soundtrack|theme song|opening song|ending song)|"
                     r"(has|have|had|with) the (most|biggest|largest|widest|best) "
                     r"((korean|japanese|chinese|american|asian) )?(anime|k-?dramas?|dramas?|films?|movies?|shows?|"
                     r"titles?|catalog(ue)?s?|library|libraries|selection)|"
                     r"how many (people|viewers|households|fans) (watched|saw|streamed|have seen)|"
                     r"(did|performed|fared|do|does|is doing) (best|well|worst|badly) at the box office|"
                     r"box office (this|last) (year|week|weekend|month)|top[- ]grossing|"
                     r"(better|best|good|where) (for|to) watch(ing)? ((new|the latest|classic|old) )?"
                     r"((korean|japanese|chinese|american) )?"
                     r"(anime|k-?dramas?|c-?dramas?|dramas?|movies?|films?|shows?)|"
                     r"(best|top) ((korean|japanese|chinese|american) )?(anime|k-?dramas?|dramas?|films?|movies?|"
                     r"shows?|series)( series)? (of|in|from) (\d{4}|this year|last year|the year|the decade|the last)",
               "ja": ("あらすじ", "優勝", "ランキング", "歴代", "興行収入はいくら", "興行収入いくら", "高さ",
                      "何メートル", "一番ヒット", "観るべき", "応募締め切り", "応募締切", "出品締め切り",
                      "俳優を教え", "女優を教え", "監督を教え", "話せる俳優", "話せる人を教え", "一番人気", "再生回数",
                      "視聴ランキング", "何話", "従業員数", "時価総額", "創業者は", "会員数", "加入者数",
                      "契約者数", "作曲したのは", "音楽を担当したのは",
                      "どこのスタジオが作", "どこが制作した"),
               "ko": ("줄거리", "우승", "관객 수가 몇", "관객이 몇", "박스오피스 수익", "높이가", "몇 미터",
                      "볼 만한", "볼만한", "역대", "관객 수가 가장",
                      "출품 마감", "접수 마감", "배우 중에", "배우 알려", "감독 알려", "제일 많이 본", "가장 많이 본",
                      "시청 순위", "인기 순위", "몇 부작", "직원 수", "시가총액", "창업자가", "가입자 수",
                      "가입자가 몇", "가입자가 더", "가입자가 가장", "가입자가 제일", "회원 수", "작곡가가 누구",
                      "어느 스튜디오에서 만들", "어느 스튜디오가 만들"),
               "zh": ("剧情简介", "冠军", "排行", "票房多少", "全球票房", "有多高", "有多长", "多少米", "海拔",
                      "值得看", "影史", "票房最高", "报名截止", "征片", "哪些演员", "哪些导演", "演员有哪些", "最火",
                      "播放量最高", "热播榜", "一共几集", "多少集", "员工多少", "市值",
                      "创始人是", "用户数", "会员数", "订阅用户", "用户最多",
                      "会员最多", "收视率最高", "播放量最大", "哪个工作室做的", "哪家工作室做的")},
    # A festival as its audience meets it (tickets, passes, opening dates); a premiere shared with the partner is
    # coaching.
    "festival": {"en": r"tickets? (sales?|go on sale|open)|(buy|book|get) (\w+ )?tickets|ticketing|"
                       r"(press|industry) (accreditation|badges?|pass(es)?)|accreditation|badge pick-?up|"
                       r"when (does|is) .{1,40}festival (start|open|begin|held)|festival dates",
                 "ja": ("チケット", "前売り", "プレス登録", "プレスパス", "開幕はいつ", "何日から"),
                 "ko": ("예매", "티켓", "프레스 등록", "게스트 등록", "개막이 언제", "개막일", "며칠부터"),
                 "zh": ("开抢", "抢票", "购票", "买票", "展映票", "媒体证", "几号开幕", "开幕时间")},
    # Texts written for the asker in a genre that is no message to the partner (a reply to the partner is coaching).
    "writing": {"en": r"press releases?|loglines?|synops[ie]s|(my|a|an) bio|linkedin( post)?|blog posts?|newsletter|"
                      r"(instagram|social media) (captions?|posts?)|captions? for|wedding speech|eulogy|essay",
                "ja": ("プレスリリース", "ログライン", "紹介文", "プロフィール文", "ブログ", "SNS投稿", "作文",
                       "感想文"),
                "ko": ("보도자료", "로그라인", "소개글", "프로필 문구", "블로그", "SNS 게시물", "에세이", "독후감"),
                "zh": ("新闻稿", "通稿", "文案", "公众号推文", "推文", "朋友圈", "作文", "读后感")},
    # The asker's own move: a partner's executive who changed jobs (「担当役員が転職してしまい」,
    # 「임원이 이직했고」) is the coach's business, so the bare noun is no word here.
    "career": {"en": r"switch(ing)? careers|change careers|career (change|switch|advice)|retrain as|job interview|"
                     r"quit my job|burn(ed|t)[- ]out|job hunt\w*|study abroad|grad(uate)? school|college applications?|"
                     r"toefl|(screenwriting|producing) books?|books? (on|about) (screenwriting|producing|directing)|"
                     r"online (courses?|classes)|masterclass|udemy|coursera",
               "ja": ("転職したい", "転職する", "転職を考", "転職活動", "転職先", "就活", "就職活動", "年収", "面接",
                      "キャリアチェンジ", "留学", "入門書", "参考書", "オンライン講座"),
               "ko": ("이직할", "이직하려", "이직하고 싶", "이직 준비", "이직을 고민", "이직하면", "취업", "연봉",
                      "면접", "커리어", "유학", "대학원", "작법 책", "추천 도서", "입문서", "온라인 강의", "인강"),
               "zh": ("转行", "求职", "面试", "找工作", "留学", "书单", "入门书", "网课", "线上课程", "网络课程")},
    # The asker's own job with their own employer (HR, time off, a labour office); a crew's overtime and
    # turnaround under the production's rules is coaching, so overtime alone (残業代, 加班, 초과근무) is no word here.
    "employment": {"en": r"hr (department|team|manager|rep\w*)|(ask|asking|tell|told|go to|talk to|contact|email) "
                         r"(our |my )?hr\b|human resources|comp time|time off in lieu|paid time off|\bpto\b|"
                         r"labou?r (board|office|inspector\w*)|employment lawyer|"
                         r"wrongful(ly)? (termination|dismiss\w*)|"
                         r"severance|unpaid overtime|my (salary|paycheck|performance review)|"
                         r"(takes?|taking|took|steal\w*|stole) (the )?credit for my (work|ideas?)",
                   "ja": ("労基署", "労働基準監督署", "人事部", "有給休暇", "有休", "代休", "過労", "サービス残業",
                          "パワハラ", "退職代行", "人事評価", "残業を押し付け", "仕事を押し付け", "手柄を横取り",
                          "昇給", "給料が安", "給料を上げ"),
                   "ko": ("노동청", "근로감독", "인사팀", "연차 휴가", "연차를", "대체 휴무", "대체휴무", "퇴직금",
                          "직장 내 괴롭힘", "인사 고과", "공을 가로채", "일을 떠넘기"),
                   "zh": ("找HR", "人事部", "劳动法", "劳动仲裁", "年假", "补休", "倒休", "调休吗", "裁员", "绩效考核",
                          "加班费怎么算", "抢功劳", "抢我的功劳")},
    "personal": {"en": r"doctor|medicine|symptoms?|vaccin\w*|dentists?|toothache|prescriptions?|"
                       r"medications?|pharmac(y|ies)|blood pressure|clinic|back pain|a cold|insomnia|"
                       r"sleep (better|quality)|workout|diet|"
                       r"gym|fitness|dogs?|cats?|pets?|puppy|houseplants?|plumb\w*|faucet|wedding|cover letter|"
                       r"resignation letter|poem|tweet|horoscope|toddler|my (kids?|son|daughter|baby)|parenting|"
                       r"(mother|father|sister|brother)-in-law|in-laws|my (girlfriend|boyfriend)|"
                       r"anniversary gift|gift for my (wife|husband|mom|dad|mother|father|parents)|"
                       r"my (wife|husband)'s (birthday|\d+\w\w)",
                 "ja": ("腰痛", "風邪", "肩こり", "病院", "ストレッチ", "猫", "ペット", "掃除", "結婚式",
                        "履歴書", "子どもが", "子供が", "赤ちゃん", "育児", "眠れ", "時差ボケ", "義母", "義父",
                        "義理の両親", "彼氏", "家族へのお土産", "家族が喜", "筋トレ", "ジムに通", "スポーツジム",
                        "妻の誕生日", "嫁の誕生日", "夫の誕生日", "結婚記念日", "予防接種", "ワクチン", "歯医者",
                        "歯が痛", "処方薬", "薬局", "常備薬", "整形外科"),
                 "ko": ("고양이", "강아지", "에어컨", "청소", "감기", "허리", "병원", "스트레칭", "축사", "결혼식",
                        "예식장", "이력서", "자기소개서", "아이가", "아기", "육아", "잠이 안", "시차 적응", "시어머니",
                        "장모", "시댁", "처가", "여자친구", "남자친구", "가족 선물", "헬스장", "필라테스", "아내 선물",
                        "와이프 선물", "남편 선물", "결혼기념일", "예방접종", "백신", "치과", "이가 아프", "정형외과",
                        "한의원", "약국", "처방약", "상비약"),
                 "zh": ("猫咪", "宠物", "洗衣机", "睡眠", "感冒", "颈椎", "医院", "失眠", "致辞", "简历", "减肥",
                        "孩子", "宝宝", "育儿", "睡不着", "婚礼", "倒时差", "婆婆", "岳母", "丈母娘", "公婆",
                        "女朋友", "男朋友", "给家人", "带给家人", "健身", "瑜伽", "给老婆", "给老公", "结婚纪念日",
                        "疫苗", "牙医", "牙疼", "降压药", "处方药", "药店", "常用药")},
    # The asker's own errands, money, legal trouble, free time and household, typed between two work items ("I'm
    # in Seoul for the shoot: where can I get a suit tailored?"); none of it is dealt with across the table.
    "errands": {"en": r"(suit|jacket|dress|shirt)s? (tailored|altered|hemmed)|a tailor|tailor shop|dry clean\w*|"
                      r"haircut|barber|(hair|nail) salon|manicure|skin ?care|sunscreen|moisturi[sz]er|sneakers|"
                      r"headphones|earbuds|noise[- ]cancell\w*|icloud|phone notifications|do not disturb|focus mode|"
                      r"outlet (mall|store)s?|duty[- ]free (shop|store)s?|"
                      r"(tourist |vat |sales )?tax refunds? (on|for) (\w+ )?(things|purchases|shopping)|vat refund|"
                      r"print(ed|ing)? (my |some |new )?(business cards|"
                      r"flyers|posters|stickers)|(business cards|flyers|posters|stickers) printed|print shop|copy shop|"
                      r"fedex office",
                "ja": ("美容院", "美容室", "ジェルネイル", "日焼け止め", "敏感肌", "スキンケア", "化粧水",
                       "オーダースーツ", "ネイルサロン", "クリーニング店", "イヤホン", "ヘッドホン", "スニーカー",
                       "集中モード", "機種変更", "アウトレット", "免税店",
                       "名刺を印刷", "名刺の印刷", "名刺を刷", "印刷所", "印刷屋"),
                "ko": ("미용실", "네일샵", "선크림", "피부과", "스킨케어", "맞춤 양복", "양복점", "정장 맞추",
                       "세탁소", "이어폰", "헤드폰", "운동화", "아이폰", "아이클라우드", "갤럭시", "아울렛", "면세점",
                       "명함 인쇄", "명함 제작", "명함을 만들", "인쇄소"),
                "zh": ("医美", "皮肤科", "美甲", "理发", "防晒", "护肤", "定制西装", "西装定制", "干洗", "耳机",
                       "球鞋", "新手机", "换手机", "奥特莱斯", "免税店",
                       "印名片", "名片印刷", "打印店", "图文店")},
    "money": {"en": r"bitcoin|crypto\w*|ethereum|stock market|(buy|buying|sell|selling) (some )?stocks|index funds?|"
                    r"etfs?|s&p ?500|401\(?k\)?|roth ira|nisa|mortgage|home loan|realtor|foreign transaction fees?|"
                    r"amex|american express|mastercard|debit cards?|(corporate|travel) (credit )?cards?|"
                    r"frequent flyer|air ?miles|points cards?|savings accounts?|personal savings|my savings|"
                    r"(dollar|foreign[- ]currency|usd|yen|won) (deposits?|savings)",
              "ja": ("株を買", "株式投資", "投資信託", "積立", "仮想通貨", "暗号資産", "ビットコイン", "住宅ローン",
                     "マンション購入", "持ち家", "全世界株", "クレジットカード",
                     "クレカ", "海外事務手数料", "マイルを貯", "マイレージ", "外貨預金", "ドル預金", "定期預金",
                     "貯金", "資産運用"),
              "ko": ("주식 투자", "주식을 사", "미국 주식", "비트코인", "코인 투자", "코인 들어", "가상화폐", "적금",
                     "주택담보대출", "주담대", "청약", "집값", "부동산", "신용카드",
                     "체크카드", "해외 결제 수수료", "마일리지", "달러 예금", "외화 예금", "예금", "재테크"),
              "zh": ("股票", "A股", "美股", "炒股", "抄底", "比特币", "虚拟货币", "加密货币", "理财", "房贷", "买房",
                     "基金定投", "买基金", "割肉", "补仓", "信用卡", "外币卡", "货币转换费",
                     "里程", "美元存款", "外币存款", "存款", "存钱")},
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
                      r"(more|gain|get) (followers|subscribers|likes)|concerts?|k-?pop|fan meetings?|"
                      r"dating|(a|our) first date|tinder|hinge|bumble|karaoke songs?|songs? (to sing|for karaoke)|"
                      r"(easy|fun) (english |korean |japanese |chinese |american )?songs?|sing at (the )?karaoke",
                "ja": ("試合", "ホームラン", "ワールドカップ", "ゴルフクラブ", "スキー場", "ゲーム機", "プレステ",
                       "教会", "礼拝", "選挙", "フォロワーを増や", "インスタ", "マッチングアプリ", "婚活", "初デート",
                       "コンサート", "ライブのチケット",
                       "合コン", "カラオケで歌う", "歌いやすい曲", "十八番", "持ち歌"),
                "ko": ("축구 경기", "야구 경기", "농구 경기", "한일전", "경기 몇 시", "골프 레슨", "스키장", "게임기",
                       "플스", "교회", "성당", "미사", "예배", "선거", "구독자", "팔로워 늘리", "인스타", "소개팅",
                       "맞선", "첫 데이트", "데이트 코스", "콘서트", "팬미팅", "골프채", "부를 노래", "부르기 쉬운",
                       "애창곡"),
                "zh": ("总决赛", "比赛几点", "世界杯", "足球比赛", "篮球比赛", "看球", "学高尔夫", "滑雪", "游戏机",
                       "打游戏", "教堂", "弥撒", "做礼拜", "选举", "涨粉", "相亲", "约会", "脱单", "演唱会", "见面会",
                       "球杆", "唱什么歌", "好唱的歌", "拿手歌")},
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
