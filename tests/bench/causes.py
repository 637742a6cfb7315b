"""Where the time and memory of `make bench` go, measured in the same run, so that a target the table misses comes
with its measured cause: the tokens the cold build feeds the model and the model's rate on them, what each language
analyser adds to a worker, and how one /api/ask splits into the HTTP round trip, the encode and the rest."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from server.knowledge.cards import load_cards
from server.knowledge.passages import card_passages, dense_text
from server.search.embedder import exported_model_dir
from server.settings import DEFAULT_MODEL, Settings

# One sentence per analyser, run in a fresh process: the resident memory it adds is what the first question in that
# language costs a worker (the analysers load lazily, one per language).
_ANALYSER_MEMORY = """
import json, sys
from server.morph import content_words
def rss():
    return next(int(l.split()[1]) / 1024 for l in open("/proc/self/status") if l.startswith("VmRSS:"))
added = {}
for lang, text in json.loads(sys.argv[1]).items():
    before = rss()
    content_words(text, lang)
    added[lang] = rss() - before
print(json.dumps(added))
"""
SAMPLES = {"ja": "前向きに検討しますと言われました", "ko": "검토해 보겠습니다라고 했습니다", "zh": "我们回去研究研究"}


def model_tokens(kb: Path) -> int:
    """Tokens the model reads to embed every passage (after truncation), i.e. the cold build's encoding work."""
    from tokenizers import Tokenizer

    folder = exported_model_dir(DEFAULT_MODEL, Settings().model_export_dir)
    config = json.loads((folder / "encoder.json").read_text(encoding="utf-8"))
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(int(config["max_seq_length"]))
    texts = [dense_text(p.text) for card in load_cards(kb) for p in card_passages(card)]
    return sum(len(e.ids) for e in tokenizer.encode_batch(texts))


def analyser_memory() -> dict[str, float]:
    """MiB each language analyser adds to a process that has loaded nothing else of them."""
    out = subprocess.run([sys.executable, "-c", _ANALYSER_MEMORY, json.dumps(SAMPLES)], check=True,
                         capture_output=True, text=True).stdout
    return {lang: float(mib) for lang, mib in json.loads(out).items()}


def tail_shares(asked: list[str], latencies: list[float]) -> dict[str, float]:
    """Among the slowest 5% of requests and among the others: the share of messages with two or more parts, and
    with pasted partner text (each part is one more retrieval and ranking; pasted text is decoded first)."""
    from server.coach.understand import understand

    cut = sorted(latencies)[int(len(latencies) * 0.95) - 1]
    read = [understand(text) for text in asked]
    groups = {"tail": [u for u, t in zip(read, latencies, strict=True) if t >= cut],
              "rest": [u for u, t in zip(read, latencies, strict=True) if t < cut]}
    out = {}
    for name, group in groups.items():
        out[f"{name}_multi"] = sum(len(u.parts) > 1 for u in group) / max(len(group), 1)
        out[f"{name}_pasted"] = sum(bool(u.partner_text) for u in group) / max(len(group), 1)
    return out


def cause_rows(figures: dict[str, float], encode_ms: float, tokens: int, analysers: dict[str, float]) -> list[str]:
    """One line per target: what the measured figure is made of."""
    embed = figures.get("embed_s", 0.0)
    rate = tokens / embed if embed else float("nan")
    rest = figures["p50_ms"] - figures["http_floor_ms"] - encode_ms
    names = {"ja": "Japanese (Sudachi)", "ko": "Korean (Kiwi)", "zh": "Chinese (jieba)"}
    return [
        f"/api/ask p50 {figures['p50_ms']:.1f} ms = HTTP round trip {figures['http_floor_ms']:.1f} ms (GET /healthz) "
        f"+ one query encode {encode_ms:.1f} ms + retrieval, ranking, composition and the store {rest:.1f} ms; "
        f"p50 {figures.get('p50_en_ms', float('nan')):.1f} ms for questions in English, "
        f"{figures.get('p50_cjk_ms', float('nan')):.1f} ms for those with Japanese, Korean or Chinese in them",
        f"/api/ask p95 {figures['p95_ms']:.1f} ms: of the slowest 5% of requests {figures['tail_multi']:.0%} have two "
        f"or more parts and {figures['tail_pasted']:.0%} pasted partner text, against {figures['rest_multi']:.0%} and "
        f"{figures['rest_pasted']:.0%} of the others (each part is one more retrieval and ranking)",
        f"cold build {figures['cold_s']:.1f} s: the model read {tokens:,} tokens in {embed:.1f} s "
        f"({rate:,.0f} tokens/s); cards, translations and BM25 in four languages took the other "
        f"{figures['cold_s'] - embed:.1f} s",
        f"memory {figures['rss_mib']:.0f} MiB after the questions, {figures['rss_ready_mib']:.0f} MiB when ready; "
        "the first question in a language loads its analyser: "
        + ", ".join(f"{names[lang]} +{mib:.0f} MiB" for lang, mib in analysers.items()),
    ]
