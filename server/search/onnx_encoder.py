"""The ONNX encoder: the model sentence-transformers exported, run with ONNX Runtime and the `tokenizers` library.

Why not sentence-transformers itself at run time: importing it pulls in torch, transformers and scikit-learn,
about 15 s and 350 MiB per worker before the first query, while ONNX Runtime and `tokenizers` take about 0.5 s and
50 MiB. The export (embedder.py, through sentence-transformers) writes `encoder.json` with what the pipeline after
the transformer does (sequence length, pooling, normalising); this module repeats exactly that, and a test checks
the vectors against sentence-transformers' own.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from server.errors import ModelLoadError

ENCODER_CONFIG = "encoder.json"


def session_options(threads: int) -> Any:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1  # the graph is one chain of layers: no parallel branches to run
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    return options


class OnnxEncoder:
    """Tokenise, run the transformer graph, mean-pool over real tokens, L2-normalise."""

    def __init__(self, folder: Path, onnx_name: str, threads: int) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        try:
            config = json.loads((folder / ENCODER_CONFIG).read_text(encoding="utf-8"))
            self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
            self.session = ort.InferenceSession(str(folder / onnx_name), session_options(threads),
                                                providers=["CPUExecutionProvider"])
        except (OSError, ValueError, KeyError, RuntimeError) as e:
            raise ModelLoadError(f"cannot load the ONNX export in {folder}: {e}. Delete that folder to export "
                                 "again, or set COACH_EMBED_BACKEND=torch.") from e
        self.dimension = int(config["dimension"])
        self.normalize = bool(config["normalize"])
        # the tokenizer file carries its own padding and truncation (128 for this model); the model reads up to
        # max_seq_length tokens, so set both to what sentence-transformers uses
        self.tokenizer.enable_truncation(int(config["max_seq_length"]))
        self.tokenizer.enable_padding(pad_id=int(config["pad_id"]), pad_token=str(config["pad_token"]))
        self.inputs = {i.name for i in self.session.get_inputs()}

    @property
    def threads(self) -> int:
        return int(self.session.get_session_options().intra_op_num_threads)

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]:
        encodings = self.tokenizer.encode_batch([t.strip() for t in texts])
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feed = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self.inputs:
            feed["token_type_ids"] = np.array([e.type_ids for e in encodings], dtype=np.int64)
        tokens = self.session.run(None, feed)[0]  # (batch, sequence, dimension)
        weights = mask[:, :, None].astype(np.float32)
        pooled = (tokens * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        if self.normalize:
            pooled /= np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
        return np.asarray(pooled, dtype=np.float32)


def encoder_config(model: Any) -> dict[str, Any]:
    """What `OnnxEncoder` must repeat after the transformer, read from a loaded sentence-transformers model; only the
    pipeline Transformer -> mean Pooling -> (Normalize) is supported, anything else keeps the torch backend."""
    kinds = [type(module).__name__ for module in model]
    pooling = model[1].get_config_dict().get("pooling_mode") if len(kinds) > 1 else None
    if kinds[:2] != ["Transformer", "Pooling"] or kinds[2:] not in ([], ["Normalize"]) or pooling != "mean":
        raise ModelLoadError(f"the ONNX backend runs Transformer, mean Pooling and Normalize only; this model has "
                             f"{' -> '.join(kinds)} (pooling {pooling}). Set COACH_EMBED_BACKEND=torch for it.")
    tokenizer = model.tokenizer
    return {"max_seq_length": int(model.max_seq_length), "dimension": int(model.get_sentence_embedding_dimension()),
            "normalize": kinds[2:] == ["Normalize"], "pad_id": int(tokenizer.pad_token_id),
            "pad_token": str(tokenizer.pad_token)}
