"""Build, load and check the on-disk index: FAISS vectors, BM25, passages, cards and manifest.json.

A build writes into a fresh folder under `<index_dir>.builds/` and then swaps the `index_dir` symlink with one
atomic rename, so a failed or killed build never touches the index that is serving.
"""

from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from pydantic import BaseModel, ValidationError

from server import __version__
from server.errors import CoachError, IndexIncompatible, IndexMissing
from server.knowledge.cards import load_cards
from server.knowledge.passages import card_passages, content_hash, dense_text
from server.knowledge.translations import load_translations
from server.models import Card, Language, Passage
from server.search.embedder import Embedder, embedder_backend, vector_space
from server.search.languages import LanguageIndex, load_language, write_json, write_language
from server.search.lexical import LexicalIndex, tokenize_all

MANIFEST = "manifest.json"
FIX = "run `coach index build`"
KEEP_BUILDS = 2
# 2: words-<lang>.json, so serving never runs an analyser on cards; 3: Korean split without Kiwi's proper nouns
INDEX_FORMAT = 3


class Manifest(BaseModel):
    build_id: str
    built_at: str
    tool_version: str
    model: str
    dimension: int
    backend: str = "torch"  # builds from before the ONNX backend were all torch
    index_type: str
    card_count: int
    passage_count: int
    knowledge_hash: str
    card_hashes: dict[str, str]
    embedded: int = 0
    cached: int = 0
    seconds: float = 0.0
    embed_seconds: float = 0.0  # of `seconds`, the time the model spent embedding passages
    languages: dict[str, int] = {}  # translated cards per language (ja, ko, zh)
    format: int = 1  # INDEX_FORMAT of the code that built it


@dataclass
class Index:
    """Everything retrieval needs, loaded once per process."""

    manifest: Manifest
    vectors: Any  # faiss.Index
    lexical: LexicalIndex
    passages: list[Passage]
    cards: dict[str, Card]
    path: Path
    languages: dict[Language, LanguageIndex] = field(default_factory=dict)


def knowledge_hash(knowledge_dir: Path) -> tuple[str, dict[str, str]]:
    """Hash of the taxonomy and every card file, plus each card's own hash (to tell what changed)."""
    folder = knowledge_dir / "cards"
    cards = {p.relative_to(folder).with_suffix("").as_posix(): content_hash(p.read_text(encoding="utf-8",
                                                                                       errors="replace"))
             for p in sorted([*folder.glob("*.md"), *folder.glob("*/*.md")])}
    topics = knowledge_dir / "topics.yaml"
    topics_hash = content_hash(topics.read_text(encoding="utf-8")) if topics.exists() else ""
    overall = content_hash(json.dumps([topics_hash, sorted(cards.items())]))
    return overall, cards


class EmbeddingCache:
    """Vectors keyed by passage hash, one file per model, so a rebuild only embeds what changed."""

    def __init__(self, cache_dir: Path, model: str, dimension: int, space: str = "fp32") -> None:
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in model)[-80:]
        # torch and fp32 ONNX vectors agree (cosine 1.000) and share a file; int8 vectors get their own
        self.path = cache_dir / f"{safe}-{dimension}{'' if space == 'fp32' else '-' + space}.npz"
        self.dimension = dimension
        self.vectors: dict[str, NDArray[np.float32]] = {}
        if self.path.exists():
            try:
                with np.load(self.path) as data:
                    self.vectors = {k: v for k in data.files if (v := data[k]).shape == (dimension,)}  # read once
            except (OSError, ValueError):
                self.vectors = {}  # a damaged cache only costs a re-embed

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(f".tmp{os.getpid()}.npz")
        np.savez(tmp, **self.vectors)  # type: ignore[arg-type]  # numpy's stub types **kwds as allow_pickle
        os.replace(tmp, self.path)


def _builds_dir(index_dir: Path) -> Path:
    return index_dir.parent / f"{index_dir.name}.builds"


def _new_faiss_index(kind: str, dimension: int) -> Any:
    import faiss

    if kind == "hnsw":
        index = faiss.IndexHNSWFlat(dimension, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efSearch = 128
        return index
    return faiss.IndexFlatIP(dimension)


def build_index(
    knowledge_dir: Path,
    index_dir: Path,
    embedder: Embedder,
    cache_dir: Path,
    index_type: str = "flat",
    on_embed_start: Callable[[int], None] | None = None,
    on_embedded: Callable[[int], None] | None = None,
) -> Manifest:
    """Lint, embed (cached), write a complete index into a new folder, then swap it in atomically."""
    import faiss

    started = time.perf_counter()
    cards = load_cards(knowledge_dir)  # raises CardError before anything is written
    translated = load_translations(knowledge_dir, cards)
    overall, card_hashes = knowledge_hash(knowledge_dir)
    passages = [p for card in cards for p in card_passages(card)]

    backend = embedder_backend(embedder)
    cache = EmbeddingCache(cache_dir, embedder.name, embedder.dimension, vector_space(backend))
    inputs = {p.hash: dense_text(p.text) for p in passages}
    key_of = {h: content_hash(text) for h, text in inputs.items()}  # cache key: exactly what the model reads
    missing = list(dict.fromkeys(key_of[p.hash] for p in passages if key_of[p.hash] not in cache.vectors))
    if on_embed_start is not None:
        on_embed_start(len(missing))
    embed_started = time.perf_counter()
    if missing:
        text_of = {key_of[h]: text for h, text in inputs.items()}
        encode: Any = embedder.encode
        kwargs = {"progress": on_embedded} if on_embedded is not None else {}
        vectors = encode([text_of[h] for h in missing], **kwargs)
        cache.vectors.update(zip(missing, vectors, strict=True))
        cache.save()
    embed_seconds = time.perf_counter() - embed_started
    matrix = np.vstack([cache.vectors[key_of[p.hash]] for p in passages]).astype(np.float32)

    builds = _builds_dir(index_dir)
    builds.mkdir(parents=True, exist_ok=True)
    _remove_stale_temp(builds)
    build_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]
    tmp = builds / f".tmp-{build_id}"
    tmp.mkdir()
    try:
        vectors_index = _new_faiss_index(index_type, embedder.dimension)
        vectors_index.add(matrix)
        faiss.write_index(vectors_index, str(tmp / "vectors.faiss"))
        LexicalIndex.from_tokens(tokenize_all([p.text for p in passages], "en")).save(tmp / "bm25")
        write_json(tmp / "passages.json", [p.model_dump() for p in passages])
        write_json(tmp / "cards.json", [c.model_dump(mode="json") for c in cards])
        for lang, by_id in translated.items():
            write_language(tmp, lang, list(by_id.values()))
        manifest = Manifest(
            build_id=build_id,
            built_at=datetime.now(UTC).isoformat(timespec="seconds"),
            tool_version=__version__,
            model=embedder.name,
            dimension=embedder.dimension,
            backend=backend,
            index_type=index_type,
            card_count=len(cards),
            passage_count=len(passages),
            knowledge_hash=overall,
            card_hashes=card_hashes,
            embedded=len(missing),
            cached=len(passages) - len(missing),
            seconds=round(time.perf_counter() - started, 2),
            embed_seconds=round(embed_seconds, 2),
            languages={lang.value: len(by_id) for lang, by_id in translated.items()},
            format=INDEX_FORMAT,
        )
        write_json(tmp / MANIFEST, manifest.model_dump())  # written last: its presence marks a complete build
        final = builds / build_id
        tmp.rename(final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _swap_symlink(index_dir, final)
    _prune(builds, keep=final)
    return manifest


def _remove_stale_temp(builds: Path) -> None:
    """Folders left by a killed build are never referenced; clear them."""
    for leftover in builds.glob(".tmp-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def _swap_symlink(index_dir: Path, target: Path) -> None:
    link_tmp = index_dir.parent / f".{index_dir.name}.link-{os.getpid()}"
    if link_tmp.is_symlink() or link_tmp.exists():
        link_tmp.unlink()
    link_tmp.symlink_to(os.path.relpath(target, index_dir.parent))
    if index_dir.exists() and not index_dir.is_symlink():
        # An index copied in as a plain folder: move it aside so the rename below can replace the path.
        index_dir.rename(_builds_dir(index_dir) / f"copied-{uuid.uuid4().hex[:8]}")
    os.replace(link_tmp, index_dir)


def _prune(builds: Path, keep: Path) -> None:
    """Keep the newest builds (a running server may still read the previous one) and drop the rest."""
    done = sorted((p for p in builds.iterdir() if p.is_dir() and not p.name.startswith(".")),
                  key=lambda p: p.stat().st_mtime, reverse=True)
    for old in done[KEEP_BUILDS:]:
        if old != keep:
            shutil.rmtree(old, ignore_errors=True)


def read_manifest(index_dir: Path) -> Manifest:
    path = index_dir / MANIFEST
    if not path.exists():
        raise IndexMissing(f"no index at {index_dir}: {FIX}")
    try:
        return Manifest.model_validate_json(path.read_text(encoding="utf-8"))
    except (ValidationError, ValueError, OSError) as e:
        raise IndexIncompatible(f"the index manifest at {path} is damaged ({e.__class__.__name__}): {FIX}") from e


def ensure_compatible(manifest: Manifest, model: str, dimension: int | None = None,
                      backend: str | None = None) -> None:
    """Refuse an index built with another model, or with a backend whose vectors differ (int8 vs fp32)."""
    if manifest.model != model or (dimension is not None and manifest.dimension != dimension):
        raise IndexIncompatible(
            f"the index was built with model '{manifest.model}' (dimension {manifest.dimension}) but the configured "
            f"model is '{model}'" + (f" (dimension {dimension})" if dimension is not None else "")
            + f": {FIX} to rebuild it, or set COACH_EMBED_MODEL={manifest.model}"
        )
    if backend is not None and vector_space(manifest.backend) != vector_space(backend):
        raise IndexIncompatible(
            f"the index was built with the '{manifest.backend}' embedding backend but this process embeds queries "
            f"with '{backend}', and their vectors differ: {FIX} with COACH_EMBED_BACKEND={backend} to rebuild it, "
            f"or set COACH_EMBED_BACKEND={manifest.backend}"
        )


def load_index(index_dir: Path, embedder: Embedder) -> Index:
    """Load a complete index; raises IndexMissing or IndexIncompatible naming the fix."""
    import faiss

    manifest = read_manifest(index_dir)
    ensure_compatible(manifest, embedder.name, embedder.dimension, embedder_backend(embedder))
    root = index_dir.resolve()
    try:
        vectors = faiss.read_index(str(root / "vectors.faiss"))
        lexical = LexicalIndex.load(root / "bm25")
        passages = [Passage.model_validate(p) for p in json.loads((root / "passages.json").read_text("utf-8"))]
        cards = [Card.model_validate(c) for c in json.loads((root / "cards.json").read_text("utf-8"))]
        languages = {Language(lang): load_language(root, Language(lang)) for lang in manifest.languages}
    except (RuntimeError, OSError, ValueError, KeyError, ValidationError) as e:
        raise IndexIncompatible(f"the index at {index_dir} is damaged ({e}): {FIX}") from e
    if vectors.ntotal != len(passages) or vectors.d != manifest.dimension or len(cards) != manifest.card_count:
        raise IndexIncompatible(f"the index at {index_dir} is inconsistent (counts differ from manifest): {FIX}")
    return Index(manifest, vectors, lexical, passages, {c.id: c for c in cards}, root, languages)


def check_index(knowledge_dir: Path, index_dir: Path, model: str, backend: str | None = None) -> str | None:
    """None when the index is current with knowledge/ and the configured model and backend; otherwise the reason."""
    try:
        manifest = read_manifest(index_dir)
        ensure_compatible(manifest, model, backend=backend)
    except CoachError as e:
        return str(e)
    if manifest.format < INDEX_FORMAT:
        return f"the index was built by an older version (index format {manifest.format}, now {INDEX_FORMAT}): {FIX}"
    overall, cards = knowledge_hash(knowledge_dir)
    if overall == manifest.knowledge_hash:
        return None
    changed = sorted(k for k in cards.keys() & manifest.card_hashes.keys() if cards[k] != manifest.card_hashes[k])
    added = sorted(cards.keys() - manifest.card_hashes.keys())
    removed = sorted(manifest.card_hashes.keys() - cards.keys())
    parts = [f"{label}: {', '.join(ids[:5])}{' …' if len(ids) > 5 else ''}"
             for label, ids in (("changed", changed), ("added", added), ("removed", removed)) if ids]
    detail = "; ".join(parts) or "the topic taxonomy changed"
    return f"the index is stale ({detail}): {FIX}"
