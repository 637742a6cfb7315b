"""Who is asking (coach/asker_frame.py): what askers say they are outranks the partners they name, in English,
Japanese, Korean and Chinese; the stage of the deal; the culture pair from places and words only one pair uses.

Examples are written for these tests (not taken from the labelled set)."""

from __future__ import annotations

import pytest

from server.coach.asker_frame import detect_pair, detect_side
from server.coach.stage import detect_stage
from server.coach.understand import understand
from server.models import Culture, Perspective

US, ASIA = Perspective.US_SIDE, Perspective.ASIA_SIDE


@pytest.mark.parametrize(("message", "side"), [
    # Korean written by the American side: the word 미국 alone used to make it the Korean side
    ("미국 쪽 프로듀서로서 한국 방송사와 판권 협상을 하고 있는데 답이 계속 늦어요.", US),
    ("미국 프로듀서입니다. 한국 드라마 리메이크 판권은 누구한테 사야 하나요?", US),
    ("저는 LA 제작사 PD인데 부산 로케 촬영 일정이 자꾸 바뀝니다.", US),
    ("미국 측 배급사 입장에서 한국 극장 정산서를 어떻게 읽어야 하나요?", US),
    ("저는 미국 스튜디오 서울 사무소에서 일하는데 한국 파트너가 카톡으로만 답해요.", US),
    # ... and by the Korean side, who names the American partner
    ("저희는 서울의 애니메이션 제작사입니다. 미국 파트너가 결정권자를 데려오라고 해요.", ASIA),
    ("한국 제작사 프로듀서입니다. 미국 측 임원이 대표님을 이름으로 불러요.", ASIA),
    ("저희는 미국 파트너와 계약한 뒤로 매주 보고서를 보내고 있어요.", ASIA),
    # Japanese
    ("うちはハリウッドのスタジオで、東京の制作会社にシリーズを発注しています。", US),
    ("米国側のプロデューサーとして、日本の出版社と続編の権利を話しています。", US),
    ("私はアメリカのプロデューサーです。日本の委員会の返事が遅いです。", US),
    ("弊社は大阪の制作会社です。米国のパートナーから長い契約書が届きました。", ASIA),
    ("日本のアニメスタジオのプロデューサーです。アメリカ側が毎日進捗を聞いてきます。", ASIA),
    ("米国の配給会社としては普通の条件だと言われましたが、本当ですか。", ASIA),  # what a US distributor does
    # Chinese
    ("我是美方制片人，中方总说原则上可以，但一直不落实。", US),
    ("作为美方制片人，下周要去上海见投资方，酒桌上要注意什么？", US),
    ("我们是北京的公司，美方要求审计我们的票房报表。", ASIA),
    ("我们是一家深圳的动画公司，美方的副总裁离职了。", ASIA),
    # English: the first-person statement wins over "the American side" named later
    ("I'm a US producer spending four months in Seoul with the local team.", US),
    ("We're an LA company; our Korean partner wants a producer share on top of the fee.", US),
    ("I'm at a Japanese studio. The American exec said he'd think about it.", ASIA),
    ("We work for the American side of a Japan co-production. What should we expect?", US),
    ("We're a Hangzhou animation studio and the US streamer passed on our pitch.", ASIA),
])
def test_what_askers_say_they_are_sets_their_side(message: str, side: Perspective) -> None:
    assert understand(message).side is side


def test_the_side_stated_first_wins_when_a_message_states_both() -> None:
    assert detect_side("I'm an American producer and we're a Seoul-based unit of an LA studio.", "en") is US
    assert detect_side("弊社は東京の制作会社です。米国側のプロデューサーとして来日した方と会います。", "ja") is ASIA


def test_a_partner_named_after_a_particle_is_not_the_asker() -> None:
    """「미국 파트너와 계약한」 names the partner; without a first-person statement the old reading stands."""
    assert detect_side("미국 파트너와 계약한 회사가 추가 납품을 요구합니다.", "ko") is ASIA


@pytest.mark.parametrize(("message", "stage"), [
    ("미국 파트너가 계약서에 서명한 지 두 달 만에 조건을 다시 협상하자고 합니다.", "signed"),
    ("契約済みですが、撮影が始まってから脚本が毎週変わります。", "production"),
    ("我们已经签约了，对方却要重新谈宣发计划。", "signed"),
    ("对方律师昨天发来一封律师函。", "dispute"),
    ("米国側から弁護士名義で通知が届きました。", "dispute"),
    ("The US partner wants to reopen the split after signing.", "signed"),
    ("We're cutting the rough cut now and the notes keep coming.", "production"),
    # a dispute clause being drafted, or a dispute that may arise, is no dispute yet
    ("What should the dispute resolution clause say about the seat?", None),
    ("契約書の紛争解決条項はどう書けばいいですか。", None),
    ("분쟁이 생기면 어느 나라 법을 따르나요? 계약 전입니다.", "negotiating"),
    ("开机日期该怎么定？", None),  # planning the first shoot day is not production yet
])
def test_the_stage_of_the_deal(message: str, stage: str | None) -> None:
    assert detect_stage(message) == stage


@pytest.mark.parametrize(("message", "pair"), [
    ("We're a Hangzhou animation studio talking to a US streamer.", Culture.CN_US),
    ("Line producer in Kyoto says the budget is tight.", Culture.JP_US),
    ("Half our crew will be paid in yen. How do we budget that?", Culture.JP_US),
    ("Adapting a webtoon into a US animated series: who holds what?", Culture.KR_US),
    ("Location permit in Xinjiang is stuck. Who pays for the waiting days?", Culture.CN_US),
    ("Who approves the voice cast for the English dub of this anime?", Culture.JP_US),
])
def test_places_and_words_only_one_pair_uses_name_the_pair(message: str, pair: Culture) -> None:
    assert detect_pair(message) is pair


def test_words_of_two_pairs_name_no_pair() -> None:
    assert detect_pair("Our Korean studio is adapting a manga. Who do we ask?") is None


@pytest.mark.parametrize(("message", "side"), [
    # heritage names a person's roots, not the company they work for: the rest of the message decides
    ("미국 제작사에서 일하는 한국계 프로듀서예요. 서울 방송사가 답을 안 줘요.", US),
    ("재미교포 PD인데 한국 투자사가 '검토해 보겠습니다'라고만 합니다.", US),
    ("중국계 미국인 프로듀서입니다. 베이징 쪽 합작사가 연락이 없어요.", US),
    ("我是美籍华人，在好莱坞一家公司做发行，国内片方一直不回邮件。", US),
    ("日系アメリカ人のプロデューサーです。出版社に映画化を断られました。", US),
    ("I'm a Korean-American producer at an LA studio and the Busan crew works late every night.", US),
    # ... and roots are no American side either: a Seoul company working with a Korean-owned US investor
    ("저희는 한국계 투자사와 일하는 서울의 제작사입니다. 미국 파트너가 답이 없어요.", ASIA),
    # our own American company or boss, said with a possessive
    ("우리 미국 회사가 영진위 인센티브를 직접 신청할 수 있나요?", US),
    ("저희 회사 미국인 프로듀서가 방송국 국장님과 첫 미팅을 해요.", US),
    ("我们在美国的公司要跟一家影视集团签约，作为美方要注意什么？", US),
    ("下周陪美国老板去深圳见投资方，饭桌上要注意什么？", US),
    ("うちのアメリカ人プロデューサーが来月、出版社に挨拶に行きます。", US),
    # the Asian partner named by its city or kind of company
    ("成都合作方的财务说款项还在走流程，这正常吗？", US),
    ("跟一家杭州公司谈动画合拍，版权该怎么分？", US),
    ("한국 공동제작사가 로열티에서 세금을 떼고 보낸대요.", US),
    # ... but not the asker's own company
    ("我们北京公司想跟好莱坞合拍，美方要求先签备忘录。", ASIA),
])
def test_roots_possessives_and_the_partner_named_by_city_show_the_side(message: str, side: Perspective) -> None:
    assert understand(message).side is side


@pytest.mark.parametrize(("message", "stage"), [
    ("撮影が予定より十日遅れています。アメリカ側にいつ伝えるべきですか。", "production"),
    ("비 때문에 촬영이 일주일 밀렸어요.", "production"),
    ("连着下雨，进度已经落后一周了。", "production"),
    ("美方的编剧开机以后还在改剧本。", "production"),
    ("미국 파트너와 계약한 뒤 수익 배분을 다시 하자고 합니다.", "signed"),
    ("미국 스튜디오와 공동제작 계약 중인데 준거법을 어떻게 할까요?", "negotiating"),
    ("美方还在谈条件，一直问谁能拍板。", "negotiating"),
    ("出版社に実写化を打診しました。", "negotiating"),
    ("美方想在佐治亚州拍，这对补贴有什么影响？", None),  # where to shoot, asked before anything is shot
    ("米国側の撮影が遅れた場合の費用負担を契約で決めたい。", None),  # a slip that may happen is no shoot
])
def test_the_stage_in_everyday_words(message: str, stage: str | None) -> None:
    assert detect_stage(message) == stage
