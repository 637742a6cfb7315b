"""The `coach` CLI through its public surface (CliRunner), with the real model and the fixture knowledge base."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from server.cli.main import cli
from server.settings import PROJECT_ROOT

from ..conftest import FIXTURE_KB

runner = CliRunner()


def _env(tmp: Path, kb: Path) -> dict[str, str]:
    return {"COACH_KNOWLEDGE_DIR": str(kb), "COACH_INDEX_DIR": str(tmp / "index"), "COACH_CACHE_DIR": str(tmp / "c")}


@pytest.mark.parametrize(("args", "text"), [
    ([], "Co-Production Coach"),
    (["index"], "Build and check the search index"),
    (["index", "build"], "swap in a new index atomically"),
    (["index", "check"], "Exit 0 if the index is current"),
    (["kb"], "Check the knowledge cards"),
    (["kb", "lint"], "path:line: message"),
    (["eval"], "hit@1, hit@3 and MRR"),
    (["search"], "Show the cards retrieval finds"),
    (["ask"], "interactive session"),
    (["serve"], "Serve the web chat and JSON API"),
    (["slack", "manifest"], "Print a Slack app manifest"),
])
def test_every_command_explains_itself(args: list[str], text: str) -> None:
    result = runner.invoke(cli, [*args, "--help"])
    assert result.exit_code == 0, result.output
    assert text in " ".join(result.output.split())


def test_help_does_not_import_torch() -> None:
    code = ("from typer.testing import CliRunner; from server.cli.main import cli; import sys; "
            "CliRunner().invoke(cli, ['index', 'build', '--help']); print('torch' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout.strip() == "False"


def test_kb_lint_clean_and_broken(kb_copy: Path) -> None:
    ok = runner.invoke(cli, ["kb", "lint", "--stats"], env={"COACH_KNOWLEDGE_DIR": str(kb_copy)})
    assert ok.exit_code == 0, ok.output
    assert "4 cards and 0 translations, no problems." in ok.output and "Knowledge-base coverage" in ok.output
    card = kb_copy / "cards" / "fx-yen.md"
    card.write_text(card.read_text(encoding="utf-8").replace("related: [fx-final-cut]", "related: [ghost]"),
                    encoding="utf-8")
    bad = runner.invoke(cli, ["kb", "lint"], env={"COACH_KNOWLEDGE_DIR": str(kb_copy)})
    assert bad.exit_code == 1
    assert "fx-yen.md:12: related id 'ghost' has no card" in bad.output
    assert "1 problem(s) in 4 parsed card(s)" in bad.output


def test_index_build_check_and_eval(kb_copy: Path, tmp_path: Path) -> None:
    env = _env(tmp_path, kb_copy)
    missing = runner.invoke(cli, ["index", "check"], env=env)
    assert missing.exit_code == 1 and "no index at" in missing.output
    built = runner.invoke(cli, ["index", "build"], env=env)
    assert built.exit_code == 0, built.output
    assert "no index yet: building it (first run, about a minute)" in built.output and "error" not in built.output
    assert "cards" in built.output and "passages" in built.output and "20" in built.output
    again = runner.invoke(cli, ["index", "build"], env=env)
    assert "is current; nothing to do" in " ".join(again.output.split()) and "no index yet" not in again.output
    assert runner.invoke(cli, ["index", "check"], env=env).exit_code == 0

    questions = tmp_path / "q.jsonl"
    questions.write_text(
        '{"question": "they never say no to my face", "topics": ["indirect-no"]}\n'
        '{"question": "who locks the picture?", "topics": ["decision-rights"]}\n'
        '{"question": "what is the weather in Osaka", "topics": ["out-of-scope"]}\n', encoding="utf-8")
    table = runner.invoke(cli, ["eval", str(questions)], env=env)
    assert table.exit_code == 0, table.output
    assert "hybrid hit@3" in table.output and "dense MRR" in table.output and "indirect-no (1)" in table.output
    report = json.loads(runner.invoke(cli, ["eval", str(questions), "--json"], env=env).output)
    assert report["skipped_out_of_scope"] == 1
    assert set(report["modes"]) == {"hybrid", "dense", "lexical"}
    assert report["modes"]["hybrid"]["overall"] == {"n": 2, "hit@1": 1.0, "hit@3": 1.0, "mrr": 1.0}


def test_make_run_builds_a_missing_index_without_an_error_first() -> None:
    """`make index` (behind `make run`) used to run `coach index check` first, which prints an error on a fresh
    clone; `coach index build` checks by itself and says a first build is coming."""
    makefile = (PROJECT_ROOT / "Makefile").read_text()
    recipe = makefile.split("\nindex:", 1)[1].split("\n\n", 1)[0].splitlines()[1:]
    assert [line.strip() for line in recipe] == ["$(BIN)/coach index build"]


@pytest.mark.parametrize(("content", "message"), [
    ('{"question": "x", "topics": ["no-such"]}\n', "q.jsonl:1: unknown topic(s) no-such"),
    ('{"question": "", "topics": ["indirect-no"]}\n', "q.jsonl:1: question: String should have at least 1"),
    ('\n{"question": "x"}\n', "q.jsonl:2: topics: Field required"),
    ("not json\n", "q.jsonl:1: line: Invalid JSON"),
    ("\n\n", "has no questions"),
])
def test_eval_rejects_bad_files_with_line_numbers(tmp_path: Path, kb_copy: Path, content: str, message: str) -> None:
    questions = tmp_path / "q.jsonl"
    questions.write_text(content, encoding="utf-8")
    result = runner.invoke(cli, ["eval", str(questions)], env=_env(tmp_path, kb_copy))
    assert result.exit_code == 1
    assert message in " ".join(result.output.split())


def test_bad_setting_and_missing_index_are_clear(tmp_path: Path, kb_copy: Path) -> None:
    bad = runner.invoke(cli, ["index", "check"], env={"COACH_INDEX_TYPE": "ivf"})
    assert bad.exit_code == 2
    assert "COACH_INDEX_TYPE has value 'ivf'. Use 'flat' or 'hnsw'." in " ".join(bad.output.split())
    search = runner.invoke(cli, ["search", "final cut"], env=_env(tmp_path, kb_copy))
    assert search.exit_code == 1 and "run `coach index build`" in search.output


def _ask_env(tmp_path: Path, fixture_index: object) -> dict[str, str]:
    return {"COACH_KNOWLEDGE_DIR": str(FIXTURE_KB), "COACH_INDEX_DIR": str(fixture_index.path),  # type: ignore[attr-defined]
            "COACH_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}"}


def test_ask_prints_coaching_and_json(tmp_path: Path, fixture_index: object) -> None:
    env = _ask_env(tmp_path, fixture_index)
    text = runner.invoke(cli, ["ask", "my partner won't say no directly"], env=env)
    assert text.exit_code == 0, text.output
    assert "Short answer" in text.output and "What to do" in text.output and "You could also ask" in text.output
    assert "Fixture: a soft no from a Japanese partner" in " ".join(text.output.split())  # sources, by title
    raw = runner.invoke(cli, ["ask", "who locks the final cut?", "--json", "--culture", "jp-us"], env=env)
    body = json.loads(raw.output)
    assert body["sources"][0]["id"] == "fx-final-cut" and body["in_scope"] is True
    bad = runner.invoke(cli, ["ask", "hi", "--culture", "jp-fr"], env=env)
    assert bad.exit_code == 2 and "culture: Input should be" in " ".join(bad.output.split())


def test_interactive_ask_keeps_the_conversation(tmp_path: Path, fixture_index: object) -> None:
    env = _ask_env(tmp_path, fixture_index)
    result = runner.invoke(cli, ["ask", "--json"], env=env,
                           input="who locks the final cut?\nand in writing?\nquit\n")
    assert result.exit_code == 0, result.output
    ids = [line.split('"')[3] for line in result.output.splitlines() if '"conversation_id"' in line]
    assert len(ids) == 2 and ids[0] == ids[1]


def test_slack_manifest_names_this_deployment() -> None:
    ok = runner.invoke(cli, ["slack", "manifest", "--base-url", "https://coach.example.com"])
    assert ok.exit_code == 0
    assert "https://coach.example.com/slack/commands" in ok.output and "command: /coach" in ok.output
    bad = runner.invoke(cli, ["slack", "manifest", "--base-url", "http://coach.example.com"])
    assert bad.exit_code == 2 and "is not an https:// URL" in " ".join(bad.output.split())


def test_eval_answers_refuses_an_unknown_split_before_loading_anything() -> None:
    result = runner.invoke(cli, ["eval-answers", "--split", "dev"])
    assert result.exit_code == 2 and "unknown split 'dev': use test, train or all" in " ".join(result.output.split())


def test_eval_answers_refuses_a_prefix_that_selects_nothing() -> None:
    result = runner.invoke(cli, ["eval-answers", "--split", "train", "--only", "no-such-prefix-"])
    out = " ".join(result.output.split())
    assert result.exit_code == 2 and "have ids starting with 'no-such-prefix-'" in out


def test_a_declined_question_lists_its_examples_once(tmp_path: Path, fixture_index: object) -> None:
    env = _ask_env(tmp_path, fixture_index)
    raw = json.loads(runner.invoke(cli, ["ask", "What's the weather in Osaka tomorrow?", "--json"], env=env).output)
    assert raw["in_scope"] is False and raw["suggestions"]
    text = runner.invoke(cli, ["ask", "What's the weather in Osaka tomorrow?"], env=env)
    assert text.exit_code == 0, text.output
    flat = " ".join(text.output.split())
    assert "You could also ask" not in flat
    assert all(flat.count(s) == 1 for s in raw["suggestions"]), flat
