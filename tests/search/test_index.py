"""Index build, load and check: manifest, model mismatch, staleness, atomic swap, incremental rebuild."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from server.errors import CardError, IndexIncompatible, IndexMissing
from server.search.embedder import LocalEmbedder
from server.search.index import INDEX_FORMAT, MANIFEST, build_index, check_index, load_index, read_manifest
from server.settings import DEFAULT_MODEL

from ..conftest import CountingEmbedder


def _build(kb: Path, tmp: Path, embedder: object) -> None:
    build_index(kb, tmp / "index", embedder, tmp / "cache")  # type: ignore[arg-type]


def test_build_writes_a_complete_index_and_manifest(kb_copy: Path, tmp_path: Path,
                                                    embedder: LocalEmbedder) -> None:
    counting = CountingEmbedder(embedder)
    _build(kb_copy, tmp_path, counting)
    manifest = read_manifest(tmp_path / "index")
    assert (manifest.model, manifest.dimension, manifest.index_type) == (DEFAULT_MODEL, 384, "flat")
    assert (manifest.card_count, manifest.passage_count) == (4, 20)
    assert (manifest.embedded, manifest.cached) == (20, 0)
    assert len(counting.texts) == 20
    assert sorted(manifest.card_hashes) == ["fx-final-cut", "fx-nunchi", "fx-soft-no", "fx-yen"]
    index = load_index(tmp_path / "index", embedder)
    assert index.vectors.ntotal == 20 and set(index.cards) == set(manifest.card_hashes)
    assert check_index(kb_copy, tmp_path / "index", DEFAULT_MODEL) is None


def test_incremental_rebuild_embeds_only_the_edited_card(kb_copy: Path, tmp_path: Path,
                                                         embedder: LocalEmbedder) -> None:
    _build(kb_copy, tmp_path, embedder)
    card = kb_copy / "cards" / "fx-yen.md"
    card.write_text(card.read_text(encoding="utf-8").replace(
        "Budgets stated in one currency", "Budgets written in a single currency"), encoding="utf-8")
    counting = CountingEmbedder(embedder)
    _build(kb_copy, tmp_path, counting)
    assert len(counting.texts) == 1
    assert counting.texts[0].startswith("Fixture: the yen moves mid-schedule. What's going on:")
    manifest = read_manifest(tmp_path / "index")
    assert (manifest.embedded, manifest.cached) == (1, 19)


def test_stale_missing_and_mismatched_model_are_reported(kb_copy: Path, tmp_path: Path,
                                                         embedder: LocalEmbedder) -> None:
    index_dir = tmp_path / "index"
    assert check_index(kb_copy, index_dir, DEFAULT_MODEL) == (
        f"no index at {index_dir}: run `coach index build`")
    _build(kb_copy, tmp_path, embedder)
    card = kb_copy / "cards" / "fx-nunchi.md"
    card.write_text(card.read_text(encoding="utf-8") + "\n- One more mistake.\n", encoding="utf-8")
    (kb_copy / "cards" / "fx-yen.md").unlink()
    reason = check_index(kb_copy, index_dir, DEFAULT_MODEL)
    assert reason == "the index is stale (changed: fx-nunchi; removed: fx-yen): run `coach index build`"
    assert "built with model 'all-MiniLM-L6-v2' (dimension 384) but the configured model is 'other-model'" in str(
        check_index(kb_copy, index_dir, "other-model"))


def test_loading_with_another_model_is_a_clear_error(kb_copy: Path, tmp_path: Path,
                                                     embedder: LocalEmbedder) -> None:
    _build(kb_copy, tmp_path, embedder)
    other = CountingEmbedder(embedder)
    other.name, other.dimension = "paraphrase-multilingual-MiniLM-L12-v2", 384
    with pytest.raises(IndexIncompatible, match="set COACH_EMBED_MODEL=all-MiniLM-L6-v2"):
        load_index(tmp_path / "index", other)
    other.name, other.dimension = DEFAULT_MODEL, 768
    with pytest.raises(IndexIncompatible, match=r"dimension 384\) but the configured model .*dimension 768"):
        load_index(tmp_path / "index", other)


def test_missing_and_damaged_index_name_the_fix(tmp_path: Path, kb_copy: Path,
                                                embedder: LocalEmbedder) -> None:
    with pytest.raises(IndexMissing, match="run `coach index build`"):
        load_index(tmp_path / "nothing", embedder)
    _build(kb_copy, tmp_path, embedder)
    (tmp_path / "index" / "vectors.faiss").write_bytes(b"not a faiss file")
    with pytest.raises(IndexIncompatible, match="is damaged .*run `coach index build`"):
        load_index(tmp_path / "index", embedder)
    (tmp_path / "index" / "manifest.json").write_text("{", encoding="utf-8")
    with pytest.raises(IndexIncompatible, match="manifest .* is damaged"):
        load_index(tmp_path / "index", embedder)


def test_lint_errors_stop_the_build_before_anything_is_written(kb_copy: Path, tmp_path: Path,
                                                               embedder: LocalEmbedder) -> None:
    _build(kb_copy, tmp_path, embedder)
    before = read_manifest(tmp_path / "index").build_id
    card = kb_copy / "cards" / "fx-yen.md"
    card.write_text(card.read_text(encoding="utf-8").replace("currency-risk,", "no-such-topic,"), encoding="utf-8")
    counting = CountingEmbedder(embedder)
    with pytest.raises(CardError, match="unknown topic 'no-such-topic'"):
        _build(kb_copy, tmp_path, counting)
    assert counting.texts == []
    assert read_manifest(tmp_path / "index").build_id == before
    assert load_index(tmp_path / "index", embedder).manifest.card_count == 4


def test_interrupted_build_leaves_the_old_index_serving(kb_copy: Path, tmp_path: Path,
                                                        embedder: LocalEmbedder) -> None:
    _build(kb_copy, tmp_path, embedder)
    before = read_manifest(tmp_path / "index").build_id
    for name in ("fx-yen", "fx-nunchi"):
        card = kb_copy / "cards" / f"{name}.md"
        card.write_text(card.read_text(encoding="utf-8").replace("## Watch out for\n", "## Watch out for\n- New.\n"),
                        encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        _build(kb_copy, tmp_path, CountingEmbedder(embedder, fail_after=0))
    assert read_manifest(tmp_path / "index").build_id == before
    assert load_index(tmp_path / "index", embedder).manifest.build_id == before
    assert not list((tmp_path / "index.builds").glob(".tmp-*"))
    _build(kb_copy, tmp_path, embedder)
    assert read_manifest(tmp_path / "index").build_id != before


def _reached(moment: str, cache: Path, builds: Path) -> bool:
    """Whether a build has started (at once), embedded (its cache holds vectors) or is writing (a temporary build)."""
    if moment == "embedded":
        return cache.exists() and any(cache.rglob("*"))
    return moment == "start" or any(builds.glob(".tmp-*"))


@pytest.mark.slow
def test_kill_9_during_build_keeps_a_loadable_index_and_the_next_build_succeeds(
        kb_copy: Path, tmp_path: Path, embedder: LocalEmbedder) -> None:
    """Kill the build at several moments (starting, once it has embedded, while it writes the new index): the index
    always loads. Each moment is waited for, not timed: a 4-card build takes about a second."""
    _build(kb_copy, tmp_path, embedder)
    builds_seen = {read_manifest(tmp_path / "index").build_id}
    killed = 0
    for n, moment in enumerate(("start", "embedded", "writing")):
        cache = tmp_path / f"cache-{n}"  # an empty cache: the build must embed
        env = {**os.environ, "COACH_KNOWLEDGE_DIR": str(kb_copy), "COACH_INDEX_DIR": str(tmp_path / "index"),
               "COACH_CACHE_DIR": str(cache)}
        proc = subprocess.Popen([sys.executable, "-m", "server", "index", "build", "--force"], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while not _reached(moment, cache, tmp_path / "index.builds") and proc.poll() is None \
                and time.monotonic() < deadline:
            time.sleep(0.002)
        proc.send_signal(signal.SIGKILL)
        killed += proc.wait() == -signal.SIGKILL
        index = load_index(tmp_path / "index", embedder)  # old or complete new, never half-written
        assert index.manifest.card_count == 4
        builds_seen.add(index.manifest.build_id)
    assert killed >= 1
    _build(kb_copy, tmp_path, embedder)
    assert read_manifest(tmp_path / "index").build_id not in builds_seen
    assert not list((tmp_path / "index.builds").glob(".tmp-*"))


def test_manifest_is_json_with_the_recorded_fields(fixture_index: object) -> None:
    path = Path(fixture_index.path) / "manifest.json"  # type: ignore[attr-defined]
    data = json.loads(path.read_text(encoding="utf-8"))
    for key in ("model", "dimension", "index_type", "card_count", "passage_count", "knowledge_hash",
                "card_hashes", "built_at", "tool_version", "build_id"):
        assert key in data


def test_an_index_of_an_older_format_is_stale_and_says_why(kb_copy: Path, tmp_path: Path,
                                                           embedder: LocalEmbedder) -> None:
    _build(kb_copy, tmp_path, embedder)
    assert read_manifest(tmp_path / "index").format == INDEX_FORMAT
    path = tmp_path / "index" / MANIFEST
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["format"]  # written before the field existed
    path.write_text(json.dumps(data), encoding="utf-8")
    assert check_index(kb_copy, tmp_path / "index", DEFAULT_MODEL) == (
        f"the index was built by an older version (index format 1, now {INDEX_FORMAT}): run `coach index build`")
