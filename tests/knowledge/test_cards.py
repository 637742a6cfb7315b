"""Card parsing and lint: every error kind reported as path:line: message, all at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from server.errors import CardError
from server.knowledge.cards import lint, load_cards

from ..conftest import FIXTURE_KB


def test_fixture_cards_parse_into_typed_models() -> None:
    cards = {c.id: c for c in load_cards(FIXTURE_KB)}
    assert sorted(cards) == ["fx-final-cut", "fx-nunchi", "fx-soft-no", "fx-yen"]
    soft_no = cards["fx-soft-no"]
    assert soft_no.kind == "phrasebook"
    assert soft_no.phrases[0].expression == "前向きに検討します"
    assert soft_no.section("What to do").startswith("1. Ask for the next concrete step.")
    assert [c.value for c in cards["fx-yen"].cultures] == ["any"]


def _replace(card: Path, old: str, new: str) -> None:
    text = card.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not found"
    card.write_text(text.replace(old, new, 1), encoding="utf-8")


# (card, text to replace, replacement, expected line, expected message fragment)
LINT_CASES = [
    ("fx-yen", "topics: [currency-risk, budget-financing]", "topics: [currency-risk, weather]", 4,
     "unknown topic 'weather'; see knowledge/topics.yaml"),
    ("fx-yen", "id: fx-yen", "id: fx-final-cut", 2, "duplicate id 'fx-final-cut'"),
    ("fx-yen", "related: [fx-final-cut]", "related: [fx-final-cut, no-such-card]", 12,
     "related id 'no-such-card' has no card"),
    ("fx-yen", "## Watch out for\n", "## Careful\n", 16, "missing section '## Watch out for'"),
    ("fx-yen", "## Watch out for\n", "## Careful\n", 27, "unknown section '## Careful'"),
    ("fx-yen", "## What's going on", "## Watch out for", 16, "sections out of order"),
    ("fx-yen", "  - currency clause\n  - yen dropped during production\n", "", 7,
     "too few triggers: 1 (need at least 3)"),
    ("fx-yen", "title: \"Fixture: the yen moves mid-schedule\"", "title: [unclosed", 4, "bad YAML in front matter"),
    ("fx-yen", "id: fx-yen", "id: fx-yen-renamed", 2, "id 'fx-yen-renamed' must equal the file name 'fx-yen'"),
    ("fx-yen", "cultures: [any]", "cultures: [jp-fr]", 5, "cultures.0: Input should be 'jp-us', 'kr-us', 'cn-us'"),
    ("fx-yen", "perspective: both", "perspective: sideways", 6, "perspective: Input should be"),
    ("fx-yen",
     "1. Fix a reference exchange rate in the agreement.\n2. Agree a band and who bears moves outside it.\n3.",
     "- Fix a reference rate.\n- Agree a band.\n-", 19,
     "'## What to do' needs numbered steps"),
    ("fx-yen", "- [both] \"Can we agree a reference rate and a band today?\"\n", "", 24,
     "section '## What to say' is empty"),
    ("fx-yen", "- [both] \"Can we agree", "- \"Can we agree", 25,
     "'## What to say' line has no side mark: start it with one of [us-side], [asia-side], [both]"),
    ("fx-yen", "- [both] \"Can we agree", "- [partner] \"Can we agree", 25,
     "unknown side mark '[partner]' in '## What to say': use [us-side], [asia-side], [both]"),
    ("fx-yen", "- [both] \"Can we agree", "* [US-side] \"Can we agree", 25, "unknown side mark '[US-side]'"),
    ("fx-yen", "- [both] \"Can we agree a reference rate and a band today?\"", "- [both]", 25,
     "side mark [both] has no words after it"),
    ("fx-yen", "- [both] \"Can we agree", "Ask them: \"Can we agree", 25,
     "'## What to say' takes bullets only"),
    ("fx-yen", "Budgets stated in one currency", "Japan's grant pays 50% of local spend, capped at ¥1bn.\nBudgets", 17,
     "figure 'capped at ¥1bn' changes over time: add 'as published in <year>'"),
    ("fx-yen", "summary: \"Agree a reference rate", "summary: \"Claim the 25% rebate; agree a reference rate", 11,
     "figure '25% rebate' changes over time"),
    ("fx-yen", "summary: \"Agree a reference rate", "colour: red\nsummary: \"Agree a reference rate", 11,
     "colour: Extra inputs are not permitted"),
    ("fx-soft-no", "kind: phrasebook", "kind: phrasebook\nphrases_missing: true", 5, "Extra inputs"),
    ("fx-yen", "  - yen dropped during production", "  - Reading the room in Seoul!", 7,
     "trigger 'reading the room in seoul' is also on card 'fx-nunchi'"),
]


@pytest.mark.parametrize(("card", "old", "new", "line", "message"), LINT_CASES)
def test_each_lint_error_names_file_line_and_problem(
    kb_copy: Path, card: str, old: str, new: str, line: int, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(kb_copy.parent)
    _replace(kb_copy / "cards" / f"{card}.md", old, new)
    _, problems = lint(kb_copy)
    rendered = [str(p) for p in problems]
    expected_prefix = f"kb/cards/{card}.md:{line}: "
    assert any(r.startswith(expected_prefix) and message in r for r in rendered), rendered


def test_empty_body_and_missing_front_matter(kb_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(kb_copy.parent)
    yen = kb_copy / "cards" / "fx-yen.md"
    text = yen.read_text(encoding="utf-8")
    yen.write_text(text[: text.index("## What's going on")], encoding="utf-8")
    (kb_copy / "cards" / "stray.md").write_text("just some notes\n", encoding="utf-8")
    _, problems = lint(kb_copy)
    rendered = [str(p) for p in problems]
    assert "kb/cards/fx-yen.md:16: empty body: add the four sections '## What's going on', '## What to do', " \
           "'## What to say', '## Watch out for'" in rendered
    assert "kb/cards/stray.md:1: missing front matter: the file must start with a '---' line" in rendered


def test_phrasebook_without_phrases_and_non_utf8(kb_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(kb_copy.parent)
    _replace(kb_copy / "cards" / "fx-nunchi.md", "perspective: us-side", "kind: phrasebook\nperspective: us-side")
    (kb_copy / "cards" / "latin1.md").write_bytes("---\nid: caf\xe9\n".encode("latin-1"))
    _, problems = lint(kb_copy)
    rendered = [str(p) for p in problems]
    assert "kb/cards/fx-nunchi.md:6: a phrasebook card must list its expressions under 'phrases'" in rendered
    assert "kb/cards/latin1.md:1: file is not valid UTF-8; save it as UTF-8" in rendered


def test_lint_reports_every_problem_at_once_and_load_refuses(kb_copy: Path) -> None:
    _replace(kb_copy / "cards" / "fx-yen.md", "topics: [currency-risk, budget-financing]", "topics: [nope]")
    _replace(kb_copy / "cards" / "fx-nunchi.md", "related: [fx-soft-no]", "related: [gone]")
    cards, problems = lint(kb_copy)
    assert len(cards) == 4
    assert len(problems) == 2
    with pytest.raises(CardError) as caught:
        load_cards(kb_copy)
    assert "2 problem(s) in the knowledge cards" in str(caught.value)
    assert "unknown topic 'nope'" in str(caught.value) and "related id 'gone' has no card" in str(caught.value)


def test_broken_taxonomy_is_a_clear_error(kb_copy: Path) -> None:
    (kb_copy / "topics.yaml").write_text("slug: not-a-list\n", encoding="utf-8")
    with pytest.raises(CardError, match="the taxonomy must be a YAML list"):
        lint(kb_copy)
