"""Questions written in Korean (session 23, ko23): who is asking when Korean-speaking staff of an American company
say their job at length, take up a role (「…프로듀서로」), give their nationality with it (「한국인 직원입니다」) or
write about a Japanese or Chinese partner with only their own American team named; and the Korean words the
English model cannot read (gifts, seals, holidays, the location shoot, pre-produced series) glossed in English.

Examples are written for these tests (not taken from the labelled set)."""

from __future__ import annotations

import pytest

from server.coach.glossary import Glossary
from server.coach.understand import understand
from server.models import Culture, Perspective


@pytest.mark.parametrize(("message", "pair"), [
    # a job said in the first person at length after 「미국 회사에서」: the US is the employer, not a place
    ("미국 회사에서 한국 웹툰 판권 구매와 계약 협상을 담당하고 있습니다. 플랫폼과 먼저 얘기해야 하나요?",
     Culture.KR_US),
    ("LA 제작사에서 일본 애니 시리즈 공동제작 건을 맡고 있어요. 위원회 승인은 얼마나 걸리나요?", Culture.JP_US),
    ("미국 스트리머에서 일합니다. 한국 제작사가 정산을 석 달째 미루는데 어떻게 해야 하죠?", Culture.KR_US),
    # a role taken up: 「…프로듀서로 …와 협상 중인데」
    ("미국 쪽 프로듀서로 도쿄의 스튜디오와 협상하고 있는데, 캐릭터 상품화 권리는 누구에게 있나요?", Culture.JP_US),
    # the asker's nationality said with their job is no side: they work for the American studio
    ("미국 스튜디오 오사카 사무소에 있는 한국인 프로듀서입니다. 일본 측이 계속 결정을 미룹니다. 왜 그런가요?",
     Culture.JP_US),
    # a Japanese partner in the third person, and only our own American team named
    ("일본 파트너가 회의 전에 자료를 미리 달라고 하는데 미국 팀은 당일에 보여 주고 싶어 합니다. 어떻게 하죠?",
     Culture.JP_US),
    # a company 「LA에 있는」, a job 「…다니는데요」, 「…한국 담당으로」, 「…총괄하고」, an executive's title
    ("LA에 있는 제작사에서 한국 웹툰 영상화 개발을 맡고 있습니다. 원작 작가님 동의는 어떻게 받나요?", Culture.KR_US),
    ("미국 회사 다니는데요, 한국 투자배급사가 정산서를 석 달째 안 보내요.", Culture.KR_US),
    ("미국 스튜디오 한국 담당으로 일하고 있어요. 한국 제작사 대표님께 선물을 드려도 되나요?", Culture.KR_US),
    ("미국 쪽 제작사에서 한국 시리즈를 총괄합니다. 한국 감독님이 최종 편집권을 원하세요.", Culture.KR_US),
    ("할리우드 스튜디오의 아시아 담당 임원입니다. 한국 측 대표가 계속 답을 미룹니다.", Culture.KR_US),
    ("미국 투자사 한국 지사에서 일합니다. 한국 제작사가 제작비 내역을 안 보내 줍니다.", Culture.KR_US),
    # 「…입장에선」: the American studio's own standpoint
    ("한국 제작사가 촬영 일정을 계속 당기자고 합니다. 미국 스튜디오 입장에선 보험 때문에 곤란한데 어떻게 말하죠?",
     Culture.KR_US),
])
def test_korean_speaking_staff_of_the_american_side(message: str, pair: Culture) -> None:
    u = understand(message)
    assert (u.pair, u.side) == (pair, Perspective.US_SIDE)


@pytest.mark.parametrize("message", [
    # someone else's job (the Korean writer is the subject), or reported, is no statement of the asker's
    "미국 스튜디오에서 한국 작가님이 시즌 2 각본을 맡고 있다고 합니다. 저희 제작사는 뭘 확인해야 하나요?",
    "미국 제작사에서 저희 영화 리메이크를 준비하고 있다고 연락이 왔습니다. 판권료는 어떻게 정하나요?",
    # the executive who had handled our project left: 「맡던」 is theirs
    "미국 제작사에서 우리 프로젝트를 맡던 임원이 회사를 나갔습니다. 이제 누구랑 얘기해야 하죠?",
    # a Korean company naming Japan beside an American partner that acts
    "일본 배급사와도 얘기 중인데 미국 측이 아시아 판권을 전부 달라고 합니다. 어떻게 나누는 게 좋을까요?",
])
def test_korean_company_about_its_american_partner_stays_asia_side(message: str) -> None:
    u = understand(message)
    assert u.side is Perspective.ASIA_SIDE


def test_a_nationality_without_a_job_said_keeps_korea() -> None:
    # 「한국인 스태프들이」 are the crew, named in the third person: the pair is still Korea-US
    u = understand("서울 촬영에서 한국인 스태프들이 밤늦게까지 일하는데 미국 쪽 보험은 괜찮을까요?")
    assert u.pair is Culture.KR_US


@pytest.mark.parametrize(("message", "english"), [
    ("미국 파트너가 추수감사절부터 연말까지 답이 없을 거래요", ["Thanksgiving", "year end"]),
    ("추석 선물로 미국 파트너에게 뭘 보내면 좋을까요?", ["gifts", "Chuseok"]),
    ("한국 제작사가 계약서에 법인인감을 찍고 인감증명서를 보내 달래요", ["company seal"]),
    ("미국 제작사에서 도쿄 로케 촬영을 준비하고 있어요", ["location shoot"]),
    ("방송 전에 다 찍는 사전제작으로 가자고 설득하고 싶어요", ["pre-produced"]),
    ("한국 측 대표님이 연세가 많으신데 저희 쪽 젊은 임원이 가도 될까요?", ["age seniority"]),
    ("일본 파트너가 문제를 늘 뒤늦게 알려 줍니다", ["problems reported late"]),
])
def test_korean_terms_get_their_english_words(message: str, english: list[str]) -> None:
    expanded = Glossary.load().expand(message)
    assert all(word in expanded for word in english)


@pytest.mark.parametrize("message", ["연말정산은 어떻게 하나요?", "환헤지나 선물환을 써야 하나요?"])
def test_words_that_only_contain_a_term_are_not_glossed_as_it(message: str) -> None:
    expanded = Glossary.load().expand(message)
    assert "year end" not in expanded and "gifts" not in expanded
