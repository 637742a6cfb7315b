"""Session 29 (kor29): a Korean team asked by its American partner for regular written updates."""

from __future__ import annotations

import pytest

from server.coach.glossary import Glossary


@pytest.mark.parametrize("question", ["미국 측이 주간 보고를 영어로 보내 달래요",
                                      "현황 보고는 얼마나 자주 해야 하나요?",
                                      "진행 상황 보고를 서면으로 달라고 합니다"])
def test_korean_status_reports_read_as_status_updates_not_the_us_teams_progress_reports(question: str) -> None:
    """진행 보고/현황 보고/주간 보고 asked of the Korean side read as a status update (the words of the card on
    day-to-day coordination), not "progress report": that is how american-team-progress-reports words the other
    direction, an American team that does not report to the Korean side (ko26b-q-018 landed there)."""
    expanded = Glossary.load().expand(question)
    assert "weekly status update" in expanded
    assert "progress report" not in expanded


def test_the_korean_interim_report_habit_keeps_no_gloss_of_its_own() -> None:
    """중간보고 names the Korean habit that american-team-progress-reports explains, so it is not glossed as a
    status update sent to the US side."""
    assert "status update" not in Glossary.load().expand("미국 팀이 중간보고를 안 해요")
