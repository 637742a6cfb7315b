"""Korean go-over-their-head follow-ups (session 27, kor30): 임원, 상사 and 「저희가 직접」 ask about escalating to
someone above the contact, as 「대표님께 바로」 already did; asking one's own boss does not."""

from server.coach.followup import asks_who_decides, goes_up


def test_korean_executive_or_boss_contacted_directly_goes_up() -> None:
    for message in ["스트리머 쪽 임원분께 저희가 직접 메일 드려도 될까요?",
                    "그쪽 부사장님한테 바로 전화해 봐도 되나요?",
                    "담당자 말고 그 상사한테 연락해 보는 건 어때요?", "결정권자에게 제가 직접 연락하면 실례일까요?"]:
        assert goes_up(message) and asks_who_decides(message), message


def test_own_boss_or_reporting_upward_does_not_go_up() -> None:
    for message in ["제 상사한테 연락해서 승인받아야 하나요?", "윗선에 보고드리고 다시 연락드리겠습니다",
                    "임원 회의에서 결정한다고 하네요"]:
        assert not goes_up(message), message


def test_a_map_of_the_askers_own_approval_line_is_told_by_its_triggers() -> None:
    from pathlib import Path

    from server.coach.partner_map import climbs_their_side, own_line, partner_map
    from server.knowledge.cards import load_cards

    cards = {c.id: c for c in load_cards(Path(__file__).resolve().parents[2] / "knowledge")}
    own, theirs = cards["us-asks-for-decision-maker"], cards["who-decides-on-the-american-side"]
    assert own_line(own) and not own_line(theirs) and not own_line(cards["korean-escalation-who-decides"])
    assert climbs_their_side("그 스튜디오 임원한테 저희가 직접 연락해도 되나요?")
    assert climbs_their_side("能不能直接给他们的老板打电话？")
    assert not climbs_their_side("미국 파트너가 우리 대표님께 직접 이메일을 보냈어요")
    assert partner_map(own, [own, theirs], set(), [], cards) is theirs  # the partner's map, new in the conversation
    assert partner_map(own, [own], {theirs.id}, [theirs.id], cards) is theirs  # ... or the one just shown
    assert partner_map(theirs, [own], set(), [], cards) is None  # a map of the partner's side stays


def test_fixing_what_was_decided_on_a_call_is_an_ask_to_record_it() -> None:
    from server.coach.followup import asks_to_record

    for message in ["통화로 정한 내용은 어떻게 확정해 두죠?", "오늘 합의한 사항은 어떻게 남겨 두면 될까요?"]:
        assert asks_to_record(message), message
    assert not asks_to_record("예산이 아직 확정이 안 됐어요")


def test_a_guide_on_the_partners_side_is_kept_and_a_phrase_card_never_replaces_it() -> None:
    from pathlib import Path

    from server.coach.partner_map import partner_map
    from server.knowledge.cards import load_cards

    cards = {c.id: c for c in load_cards(Path(__file__).resolve().parents[2] / "knowledge")}
    china = cards["china-decision-at-the-top"]
    assert partner_map(china, [], set(), ["lingdao-hai-yao-shangliang"], cards) is None
    quiet, theirs = cards["us-partner-gone-quiet"], cards["who-decides-on-the-american-side"]
    assert partner_map(quiet, [quiet, cards["us-asks-for-decision-maker"], theirs], {quiet.id}, [quiet.id],
                       cards) is theirs


def test_phoning_or_writing_to_their_boss_directly_in_chinese_goes_up() -> None:
    for message in ["要不要直接打电话给他们老板？", "能不能直接写信给他们董事长？"]:
        assert goes_up(message), message
