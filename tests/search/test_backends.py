"""The encoder backends: the setting, the ONNX export cache, threads, the manifest's backend check, and vectors that
agree between torch and ONNX. Everything runs the real bundled model through ONNX Runtime and torch."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from pydantic import ValidationError

from server.errors import IndexIncompatible, ModelLoadError
from server.search import embedder as embedder_module
from server.search.embedder import (
    ONNX_FP32,
    LocalEmbedder,
    build_threads,
    exported_model_dir,
    load_embedder,
    onnx_file,
)
from server.search.index import MANIFEST, build_index, check_index, load_index, read_manifest
from server.settings import DEFAULT_MODEL, Settings

from ..conftest import FIXTURE_KB

DEV = Path(__file__).resolve().parents[1] / "data" / "dev.jsonl"


def _dev_questions(limit: int = 120) -> list[str]:
    lines = DEV.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["question"] for line in lines if line.strip()][:limit]


def test_the_default_backend_is_onnx_with_one_serving_thread(embedder: LocalEmbedder) -> None:
    assert Settings(_env_file=None).embed_backend == "onnx"  # type: ignore[call-arg]
    assert embedder.backend == "onnx"
    assert embedder.session_threads == 1  # read back from ONNX Runtime's own session options


def test_a_bad_backend_setting_names_the_variable_and_the_choices(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_EMBED_BACKEND", "gpu")
    with pytest.raises(ValidationError, match=r"COACH_EMBED_BACKEND has value 'gpu'\. Use one of: torch, onnx, "
                                              r"onnx-int8"):
        Settings(_env_file=None)  # type: ignore[call-arg]
    monkeypatch.delenv("COACH_EMBED_BACKEND")
    with pytest.raises(ModelLoadError, match=r"unknown embedding backend 'tensorrt': use one of torch, onnx, "
                                             r"onnx-int8"):
        load_embedder(backend="tensorrt")


def test_the_export_is_reused_and_a_new_exporter_version_gets_its_own_folder(
        embedder: LocalEmbedder, monkeypatch: pytest.MonkeyPatch) -> None:
    export_dir = Settings(_env_file=None).model_export_dir  # type: ignore[call-arg]
    folder = exported_model_dir(DEFAULT_MODEL, export_dir)  # exported when the session's embedder loaded
    assert (folder / ONNX_FP32).is_file() and (folder / onnx_file("onnx-int8")).is_file()

    def no_export(source: str, target: Path) -> None:
        raise AssertionError("exported again although the cached export is current")

    monkeypatch.setattr(embedder_module, "_export", no_export)
    assert exported_model_dir(DEFAULT_MODEL, export_dir) == folder
    real_version = embedder_module.metadata.version
    monkeypatch.setattr(embedder_module.metadata, "version",
                        lambda name: "99.0" if name == "optimum-onnx" else real_version(name))
    assert embedder_module.export_key(DEFAULT_MODEL) not in folder.name


@pytest.mark.slow
def test_a_fresh_export_folder_gets_both_files_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = exported_model_dir(DEFAULT_MODEL, tmp_path / "models")
    assert (folder / ONNX_FP32).is_file() and (folder / onnx_file("onnx-int8")).is_file()
    assert not list((tmp_path / "models").glob(".tmp-*"))  # the temporary folder was renamed, none left over
    calls: list[str] = []
    monkeypatch.setattr(embedder_module, "_export", lambda source, target: calls.append(source))
    built = LocalEmbedder(backend="onnx-int8", threads=build_threads(), export_dir=tmp_path / "models")
    assert calls == [] and built.session_threads == build_threads()


@pytest.mark.slow
def test_torch_and_onnx_vectors_agree_and_int8_stays_close(embedder: LocalEmbedder) -> None:
    questions = _dev_questions()
    reference = load_embedder(backend="torch").encode(questions)
    fp32 = (embedder.encode(questions) * reference).sum(axis=1)
    assert fp32.mean() > 0.9999 and fp32.min() > 0.999
    int8 = (load_embedder(backend="onnx-int8").encode(questions) * reference).sum(axis=1)
    assert int8.mean() > 0.98 and int8.min() > 0.95
    assert np.allclose(np.linalg.norm(reference, axis=1), 1.0, atol=1e-4)


def test_encode_keeps_input_order_across_batches(embedder: LocalEmbedder) -> None:
    texts = ["short", "a much longer sentence about who holds final cut in a co-production", "mid length text"] * 15
    together = embedder.encode(texts)
    one_by_one = np.vstack([embedder.encode([t]) for t in texts[:3]])
    assert together.shape == (45, embedder.dimension)
    assert np.allclose(together[:3], one_by_one, atol=1e-5)


def test_an_index_from_another_vector_space_is_refused_naming_both_backends(
        tmp_path: Path, embedder: LocalEmbedder) -> None:
    build_index(FIXTURE_KB, tmp_path / "index", embedder, tmp_path / "cache")
    manifest = read_manifest(tmp_path / "index")
    assert manifest.backend == "onnx"
    assert check_index(FIXTURE_KB, tmp_path / "index", DEFAULT_MODEL, "torch") is None  # fp32 both: interchangeable
    reason = check_index(FIXTURE_KB, tmp_path / "index", DEFAULT_MODEL, "onnx-int8")
    assert reason == ("the index was built with the 'onnx' embedding backend but this process embeds queries with "
                      "'onnx-int8', and their vectors differ: run `coach index build` with COACH_EMBED_BACKEND="
                      "onnx-int8 to rebuild it, or set COACH_EMBED_BACKEND=onnx")
    path = tmp_path / "index" / MANIFEST
    path.write_text(path.read_text(encoding="utf-8").replace('"backend": "onnx"', '"backend": "onnx-int8"'),
                    encoding="utf-8")
    with pytest.raises(IndexIncompatible, match="built with the 'onnx-int8' embedding backend .* with 'onnx'"):
        load_index(tmp_path / "index", embedder)


def test_a_manifest_from_before_backends_counts_as_torch(tmp_path: Path, embedder: LocalEmbedder) -> None:
    build_index(FIXTURE_KB, tmp_path / "index", embedder, tmp_path / "cache")
    path = tmp_path / "index" / MANIFEST
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["backend"]
    path.write_text(json.dumps(data), encoding="utf-8")
    assert read_manifest(tmp_path / "index").backend == "torch"
    assert load_index(tmp_path / "index", embedder).manifest.backend == "torch"  # fp32 ONNX serves it


def test_the_onnx_backend_serves_without_importing_torch_or_sentence_transformers() -> None:
    """The point of running the export with ONNX Runtime and `tokenizers` directly: a worker skips about 15 s of
    imports and 350 MiB."""
    code = ("import sys; from server.search.embedder import load_embedder; "
            "v = load_embedder(backend='onnx').encode(['who has final cut?']); "
            "print(v.shape, sorted({m.split('.')[0] for m in sys.modules} & {'torch', 'sentence_transformers', "
            "'transformers', 'sklearn'}))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
    assert done.stdout.strip() == "(1, 384) []"


@pytest.mark.slow
def test_an_export_needs_a_mean_pooling_pipeline_the_onnx_encoder_can_repeat() -> None:
    from sentence_transformers import SentenceTransformer, models

    from server.search.embedder import resolve_model_path
    from server.search.onnx_encoder import encoder_config

    path = resolve_model_path(DEFAULT_MODEL)
    config = encoder_config(SentenceTransformer(path, device="cpu"))
    assert config == {"max_seq_length": 256, "dimension": 384, "normalize": True, "pad_id": 0, "pad_token": "[PAD]"}
    transformer = models.Transformer(path)
    cls = SentenceTransformer(modules=[transformer, models.Pooling(384, pooling_mode="cls")], device="cpu")
    with pytest.raises(ModelLoadError, match=r"Transformer -> Pooling \(pooling cls\)\. Set COACH_EMBED_BACKEND=torch"):
        encoder_config(cls)


def test_a_damaged_export_folder_says_how_to_recover(tmp_path: Path) -> None:
    from server.search.onnx_encoder import OnnxEncoder

    (tmp_path / "encoder.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelLoadError, match=r"cannot load the ONNX export in .*Delete that folder to export again"):
        OnnxEncoder(tmp_path, ONNX_FP32, 1)
