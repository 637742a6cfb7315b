"""Asks to pick one thing for the asker: a restaurant, a hotel, a train or a flight, a laptop, an app ("which
steakhouse should I take them to?", 「焼肉屋はどこがいいですか」, 「어디로 잡아 주면 좋을까요」, 「哪家酒店性价比高」).

Read by coach/offtopic.py on the clause that asks. A question naming the co-production and its people (our
American producer, 美方制片, 先方, 파트너사) still asks the coach to choose a venue or a product when its asked clause
has this shape; the words that name who is involved, or the face at stake, then say nothing about what is asked
(PEOPLE), unlike the words of a dealing (who pays, the budget, the contract, standby days). Dealings around the same
nouns ("who pays for her hotel?", 「ホテル代はどちらが持つ」, 「호텔비를 저희가 내야 하나요」) have no pick shape.
"""

from __future__ import annotations

import re

from server.cjk import language_of
from server.coach.glossary import own_words

# "Pick one for me": which / where should I take / what's a good ... ; どこがいい / どっちが早い / 知りませんか;
# 어디가 괜찮아요 / 어디서 예매 / 뭐가 좋을까요; 哪家 / 哪款 / 还是…更快; whether there is a cheap or clean one ("is
# there a cheap, clean hotel near …?", 安くて清潔なホテルはありますか). Only read beside a thing to pick (THINGS).
PICK = {
    "en": re.compile(r"\bwhich\b|\bwhere(?: in \w+)? (?:should|can|could|do|would) (?:i|we|you) (?:take|book|buy|get|"
                     r"eat|stay|go|find|put|rent|hire|print)\b|"
                     r"\bwhat(?:'s| is| are)? (?:a |the |some )?(?:good|best|nice|decent|great|cheap|fun)\b|"
                     r"\bany (?:good|decent|nice)\b|\bwhat would you (?:tell|book|pick|choose|get)\b|"
                     r"\b(?:is|are) there (?:a|an|any|some) (?:(?:cheap|clean|quiet|nice|decent|affordable|"
                     r"budget|cozy|cosy|safe|central)\b[ ,]*(?:and )?)+", re.I),
    "ja": re.compile(r"どこで(?:借り|レンタル|買え|買う|買った|頼め|印刷)|どこ(?:が|か|の|で|に|を)?"
                     r"(?:いい|良い|よい|便利|安い|おすすめ|お勧め|近い|おいしい|美味しい|人気)|"
                     r"どの(?:店|お店|ホテル|機種|アプリ|便)|どれが(?:いい|良い|おすすめ)|"
                     r"どの[^。？?、]{1,8}(?:が|は)(?:いい|良い|おすすめ|便利|安い|近い)|"
                     r"どっち(?:が|の方が)(?:早|速|安|いい|良い|便利|近|安定)|"
                     r"(?:アプリ|ソフト|ツール)(?:は|って|が|で)?(?:あります|ある|ない)(?:か|かな|でしょうか|\?|？)|"
                     r"知りませんか|知ってますか|知っていますか|"
                     r"教えて(?:ください|下さい|もらえ|いただけ)|おすすめ|オススメ|お勧め|お薦め|いいの(?:は|が)(?:あり|ある)|"
                     r"(?:安く|安い|清潔|きれい|綺麗|静か|手頃)[^。？?]{0,12}(?:は|が)?(?:あります|ある)(?:か|かな|\?|？)"),
    "ko": re.compile(r"어디(?:가|로|서|에서|에|를)?\s?"
                     r"(?:좋|괜찮|싸|저렴|편하|편해|맛있|가까|잡|예매|사|살|빌리|빌릴|대여|렌트|렌탈)|"
                     r"(?:되는|쓸 만한|쓸만한|좋은|괜찮은|무료인?|싼)\s?(?:거|것|게)\s?(?:있|없)|"
                     r"어느\s?\S+\s?(?:제일|가장|더)?\s?(?:좋|괜찮|싸|나아|낫)|뭐가 (?:좋|괜찮|나아)|"
                     r"(?:괜찮은|좋은)\s?\S+\s?(?:있|알)|"
                     r"알려\s?주세요|알려\s?줘|추천|(?:이|가) 더 (?:빠르|싸|편하|좋|낫)|"
                     r"(?:싸고|싼|저렴한|저렴하고|깨끗한|깨끗하고|조용한|조용하고)\s?.{0,12}(?:있나요|있을까요|있어요|있습니까)"),
    "zh": re.compile(r"哪家|哪一家|哪款|哪个(?:牌子|型号|好|店|地方|更)|"
                     r"哪里(?:好|便宜|划算|地道|方便|近|能|可以|租|买|订|办)|哪儿|有没有(?:能|可以)|"
                     r"(?:什么|啥)(?:牌子|型号)|"
                     r"还是.{1,10}(?:更快|更便宜|更方便|更近|划算)|有没有.{0,6}(?:好的|好用|靠谱|免费)|推荐|"
                     r"哪个[^，。？?]{0,8}更(?:好|稳定|快|便宜|方便|好用|流畅|清楚|靠谱)|"
                     r"有.{0,4}(?:便宜|干净|安静|实惠)[^。？?]{0,8}吗"),
}
# Where to buy something, whatever it is (「北京哪里能买到好茶叶」, "where can I buy a SIM", 「どこで買えますか」):
# shopping for the asker. Rights, a licence or insurance are acquired in a deal, not bought over a counter
# ("where can we buy the remake rights?", 「北米配信権はどこで買える」, 「리메이크 판권은 어디서 사나요」): ACQUIRED.
BUY = {
    "en": re.compile(r"\bwhere (?:can|could|do|should|would) (?:i|we) (?:buy|purchase|pick up)\b", re.I),
    "ja": re.compile(r"どこで(?:買え|買う|買っ|購入|手に入)|(?:買える|売っている|売ってる)(?:店|お店|場所|ところ)"),
    "ko": re.compile(r"어디서\s?(?:살 수|사나요|사요|사면|사야|사는|구입|구매)|(?:파는|살 수 있는)\s?(?:곳|가게|매장)"),
    "zh": re.compile(r"(?:哪里|哪儿|在哪)(?:能|可以)?买"),
}
ACQUIRED = re.compile(r"\brights?\b|licen[cs]\w*|insurance|\bcover(?:age)?\b|\boptions?\b|\bshares\b|権|保険|"
                      r"판권|권리|저작권|라이선스|보험|权|许可|保险", re.I)
# Things one picks or books: venues, transport, devices and apps (suffixes where the language builds them:
# 焼肉屋, 고깃집, 烤鸭店). A distributor, an agency or a post house is a partner to choose, not a thing to book.
THINGS = {
    "en": re.compile(r"\b(?:hotels?|restaurants?|steakhouses?|teahouses?|bars?|pubs?|cafes?|diners?|izakayas?|"
                     r"karaoke|golf courses?|theme parks?|amusement parks?|spas?|salons?|museums?|malls?|"
                     r"laptops?|cameras?|apps?|librar(?:y|ies)|drones?|phones?|trains?|flights?|taxis?|uber|gear|equipment|"
                     r"business cards|printers?|bbq|barbecue|hot ?pot|"
                     r"(?:sushi|noodle|ramen|dumpling|steak|seafood|bbq|barbecue|karaoke) (?:place|spot|joint|house)s?|"
                     r"buses|bus|routes?|neighbou?rhoods?|spots?|day trips?|tools?|software)\b", re.I),
    "ja": re.compile(r"(?<!名古)(?<!部)屋|(?<!代理)(?<!販売)店|ホテル|旅館|民宿|整体|カラオケ|"
                     r"ゴルフ場|新幹線|飛行機|電車|タクシー|ルート|アプリ|機種|カメラ|パソコン|エリア|ツール|ソフト|機材"),
    "ko": re.compile(r"\S+집|식당|호텔|숙소|가게|매장|곳|카페|노래방|골프장|찜질방|동네|"
                     r"KTX|기차|비행기|택시|유심|앱|노트북|카메라|툴|프로그램|장비|골프채"),
    "zh": re.compile(r"(?<!代理)(?<!门)店|馆|哪个区|宾馆|民宿|餐厅|饭庄|球场|高铁|飞机|火车|"
                     r"打车|出租车|无人机|相机|电脑|软件|工具|门票|款|器材|腾讯会议|钉钉|飞书|Zoom|Teams|app|APP|App"),
}
# Words of coach/offtopic.py's DOMAIN that name who is involved (the sides, their roles and companies, the
# co-production itself), the face at stake or the occasion (a hosted dinner: 接待, 회식, 饭局), not what is asked of
# them: "which restaurant for the 회식?" still asks for a venue.
PEOPLE = re.compile(
    r"co-?produc\w*|partner\w*|studio|producer|committee|director|showrunner|broadcaster|streamer|counterpart|"
    r"the other side|(?:us|american|japanese|korean|chinese) (?:side|team|company|partner|co-producer)|"
    r"our (?:side|team|partner)|crew|line producer|production company|embarrass\w*|los(?:e|ing) face|offend\w*|"
    r"rude|impolite|失礼|무례|실례|不礼貌|没礼貌|韓国側|中国側|일본 측|중국 측|韩方|日方|"
    r"面子|メンツ|체면|製作|制作|委員会|パートナー|プロデューサー|先方|相手|米国側|アメリカ側|日本側|向こう|米側|"
    r"제작|파트너|프로듀서|미국 측|미국측|상대|한국 측|그쪽|(?:미국|일본|중국|한국) ?쪽|제작팀|스태프|"
    r"合拍|合作|制片|美方|中方|片方|对方|剧组|接待|会食|회식|접대|宴请|饭局|酒局", re.I)


def asks_to_pick(clause: str) -> bool:
    """Whether the clause asks the coach to choose one for the asker and names a thing one picks or books, or asks
    where to buy something."""
    own = own_words(clause)  # not the English glosses appended to it
    lang = language_of(own)
    return bool(PICK[lang].search(own) and THINGS[lang].search(own)
                or BUY[lang].search(own) and not ACQUIRED.search(own))


def names_people(word: str) -> bool:
    """Whether a domain word only names who is involved (美方, our partner, the producer) or the face at stake."""
    return bool(PEOPLE.fullmatch(word))
