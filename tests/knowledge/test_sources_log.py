"""Every source a card cites has a checked row in knowledge/SOURCES.md, so an unverified source cannot slip in."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from server.knowledge.cards import load_cards

from ..conftest import REAL_KB

VERDICTS = {"confirmed", "corrected", "removed", "not checkable online", "not yet checked"}

# Sources still waiting for a check; only these may carry the verdict "not yet checked".
# BEGIN NOT_YET_CHECKED
NOT_YET_CHECKED: frozenset[str] = frozenset()
# END NOT_YET_CHECKED


def read_log(path: Path) -> dict[str, str]:
    """Source text -> verdict, from the table rows of SOURCES.md (header and separator rows skipped)."""
    log: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if not line.startswith("| ") or line.startswith(("| Source |", "|---")):
            continue
        cells = [cell.strip().replace("\\|", "|") for cell in line.strip("|").split(" | ")]
        if len(cells) != 5:
            raise ValueError(f"{path.name}:{number}: a row needs 5 cells (source, cards, verdict, how, date)")
        source, verdict = cells[0], cells[2]
        if verdict not in VERDICTS:
            raise ValueError(f"{path.name}:{number}: unknown verdict {verdict!r}; use one of {sorted(VERDICTS)}")
        if source in log:
            raise ValueError(f"{path.name}:{number}: source listed twice: {source!r}")
        log[source] = verdict
    return log


def unrecorded_sources(knowledge_dir: Path, not_yet_checked: frozenset[str] = NOT_YET_CHECKED) -> list[str]:
    """One message per card source that has no usable row in SOURCES.md."""
    log = read_log(knowledge_dir / "SOURCES.md")
    problems = []
    for card in load_cards(knowledge_dir):
        for source in card.sources:
            verdict = log.get(source)
            if verdict is None:
                problems.append(f"{card.id}: source {source!r} has no row in knowledge/SOURCES.md; "
                                "check that it exists and supports the card, then add a row with its verdict")
            elif verdict == "removed":
                problems.append(f"{card.id}: source {source!r} is marked removed in knowledge/SOURCES.md "
                                "(it could not be confirmed); cite a checked source instead")
            elif verdict == "not yet checked" and source not in not_yet_checked:
                problems.append(f"{card.id}: source {source!r} is 'not yet checked' but is not a listed "
                                "exception; check it and record the verdict")
    return problems


def test_every_card_source_is_recorded_as_checked() -> None:
    assert unrecorded_sources(REAL_KB) == []


def test_exceptions_are_still_needed() -> None:
    log = read_log(REAL_KB / "SOURCES.md")
    stale = sorted(s for s in NOT_YET_CHECKED if log.get(s) != "not yet checked")
    assert stale == [], f"these exceptions now have a verdict; drop them from NOT_YET_CHECKED: {stale}"


def _copy_kb(tmp_path: Path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(REAL_KB, target)
    return target


def test_a_new_unrecorded_source_fails_naming_card_and_source(tmp_path: Path) -> None:
    kb = _copy_kb(tmp_path)
    card = kb / "cards" / "kentou-shimasu.md"
    text = card.read_text(encoding="utf-8")
    card.write_text(text.replace("sources:\n", 'sources:\n  - "Invented Journal of Co-Production, vol. 1"\n', 1),
                    encoding="utf-8")
    assert unrecorded_sources(kb) == [
        "kentou-shimasu: source 'Invented Journal of Co-Production, vol. 1' has no row in knowledge/SOURCES.md; "
        "check that it exists and supports the card, then add a row with its verdict"]


def test_a_removed_source_cannot_come_back(tmp_path: Path) -> None:
    kb = _copy_kb(tmp_path)
    log = read_log(kb / "SOURCES.md")
    removed = next(source for source, verdict in log.items() if verdict == "removed")
    card = kb / "cards" / "kentou-shimasu.md"
    text = card.read_text(encoding="utf-8")
    quoted = removed.replace("\\", "\\\\").replace('"', '\\"')
    card.write_text(text.replace("sources:\n", f'sources:\n  - "{quoted}"\n', 1), encoding="utf-8")
    problems = unrecorded_sources(kb)
    assert len(problems) == 1 and problems[0].startswith(f"kentou-shimasu: source {removed!r} is marked removed")


def test_not_yet_checked_passes_only_as_a_listed_exception(tmp_path: Path) -> None:
    kb = _copy_kb(tmp_path)
    log_path = kb / "SOURCES.md"
    card = load_cards(kb)[0]
    source = card.sources[0]
    log = log_path.read_text(encoding="utf-8")
    row = next(line for line in log.split("\n") if line.startswith(f"| {source} |"))
    cells = row.split(" | ")
    cells[2] = "not yet checked"
    log_path.write_text(log.replace(row, " | ".join(cells)), encoding="utf-8")
    problems = unrecorded_sources(kb, NOT_YET_CHECKED - {source})
    expected = f"source {source!r} is 'not yet checked' but is not a listed exception; check it and record the verdict"
    assert f"{card.id}: {expected}" in problems
    assert all(problem.endswith(expected) for problem in problems)
    assert unrecorded_sources(kb, NOT_YET_CHECKED | {source}) == []


def test_a_malformed_row_is_reported_with_its_line(tmp_path: Path) -> None:
    kb = _copy_kb(tmp_path)
    log_path = kb / "SOURCES.md"
    log_path.write_text(log_path.read_text(encoding="utf-8") + "| A source | 1: x | maybe | searched | 2026-11-29 |\n",
                        encoding="utf-8")
    with pytest.raises(ValueError, match=r"SOURCES.md:\d+: unknown verdict 'maybe'"):
        read_log(log_path)
