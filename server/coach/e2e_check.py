"""What the end-to-end engine loses of what the ranker gets right, measured honestly inside the training split.

`python -m server.coach.e2e_check [--folds 0 1] [--misses FILE] [--fresh]` (FILE: every question whose card the
engine changed for better or worse, and every one not answered, as JSON lines): for each of train.py's question-grouped
folds named, the ranker's trees are fitted on the other folds' queries (train._card_model) and served with the
committed scope model and cut-offs (those were fitted on held-out probabilities already; refitting them per fold
costs five more fits), and the fold's questions are left out of the neighbours (as quality.py measures the held-aside
split against the training split's neighbours). Then every whole question of the fold is drafted by the Answerer as
a user would ask it, and compared with what the ranker alone put first for the same question (its held-out row,
what train.py's cross-validation counts): was the ranker's first card right, the engine's first cited card, the
outcome, and the first step of the engine that turned a right card into a wrong one (or a wrong into a right one):

- query: the engine's ranking of a one-part message (its best-scored card) already differs from the ranker's row
  (the neighbours less the fold's questions, the glossary, the message read as the engine reads it);
- parts: the message is split, and its first part's own ranking leads elsewhere;
- their words: the decoded phrases' cards put first in a part that asks about the partner's words
  (partrank.asks_about_their_words);
- blend: a part's ranking blended with its reading alone, the situation's card, unsaid phrasebook cards last;
- frame: the asker's pair and side preferred (partrank.in_frame_first);
- sections: the first section is not the first part's frame choice (a card used for an earlier-claimed part, a part
  skipped as off-topic or joining another, a follow-up rule);
- settle: what coach.choice does after planning (quoted_ask.beyond_the_quote, the closest-guidance note);
- clarify / decline: the engine does not answer.

The training rows are built once (about three minutes) with the training split's neighbours, each query leaving out
its own question, as train.py does; the fold's questions are neighbours of the other folds' rows there (a small
leak, into rows the fold's trees train on, never into the fold's own rows). Rows and fitted rankers are cached
under var/e2e/, keyed by the labelled set, the cards' index and the ranking code."""

from __future__ import annotations

import hashlib
import json
import pickle
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

from server.coach import train
from server.coach.answer import Answerer
from server.coach.labelled import AnswerSet, Question, load_answer_set
from server.coach.neighbours import Neighbours
from server.coach.partrank import in_frame_first
from server.coach.plan import Plan
from server.coach.rank import WEIGHTS, Asker, Ranker, Trees
from server.models import Ask, Language
from server.settings import PROJECT_ROOT

CACHE = PROJECT_ROOT / "var" / "e2e"
# what the training rows depend on (Planner.rank in plan.py too: after changing it, run with --fresh)
RANKING_CODE = ("rank.py", "cardwords.py", "neighbours.py", "train.py", "train_queries.py", "glossary.py",
                "offtopic.py", "traps.py", "understand.py", "parts.py", "decode.py", "bare_asks.py")
STEPS = ("query", "parts", "their words", "blend", "frame", "sections", "settle")


@dataclass
class Result:
    """One whole training question, drafted end to end with its fold's ranker."""

    id: str
    question: str
    want: list[str]
    parts: int  # how many parts the engine split it into
    ranker: str | None  # the ranker's first card on the whole question (held out)
    steps: dict[str, str | None]  # the first card after each step of the engine (STEPS)
    cited: str | None  # the answer's first cited card
    outcome: str

    @property
    def ranker_right(self) -> bool:
        return self.ranker in self.want

    @property
    def right(self) -> bool:
        return self.outcome == "answer" and self.cited in self.want

    @property
    def kind(self) -> str:
        """'kept' / 'wrong' when the engine agrees with the ranker on being right or wrong; else the step that
        turned the ranker's right card wrong ('lost: …') or its wrong card right ('gained: …')."""
        if self.ranker_right == self.right:
            return "kept" if self.right else "wrong"
        if self.outcome != "answer":
            return f"lost: {self.outcome}"
        before = self.ranker
        for step in STEPS:
            after = self.steps.get(step)
            if (after in self.want) != (before in self.want):
                return f"{'lost' if self.ranker_right else 'gained'}: {step}"
            before = after
        return f"{'lost' if self.ranker_right else 'gained'}: other"

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "question": self.question[:160], "want": self.want,
                "ranker": self.ranker, "steps": self.steps, "cited": self.cited, "outcome": self.outcome,
                "parts": self.parts}


def fold_of(group: str) -> int:
    return train._fold(group)


def _key(data: AnswerSet, answerer: Answerer, *extra: str) -> str:
    digest = hashlib.sha256()
    for q in [*data.questions, *data.out_of_scope]:
        digest.update(f"{q.id}\t{q.question}\t{q.cards}\t{[(p.text, p.cards) for p in q.parts]}\n".encode())
    for c in data.conversations:
        digest.update(f"{c.id}\t{[(t.question, t.cards) for t in c.turns]}\n".encode())
    digest.update(answerer.retriever.index.manifest.build_id.encode())
    for name in RANKING_CODE:
        digest.update((Path(__file__).parent / name).read_bytes())
    digest.update("|".join(extra).encode())
    return digest.hexdigest()[:16]


def _cached(path: Path, build: Callable[[], Any]) -> Any:
    if path.exists():
        return pickle.loads(path.read_bytes())
    value = build()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(value))
    return value


def without_fold(neighbours: Neighbours, fold: int, answerer: Answerer) -> Neighbours:
    """The neighbours less every labelled query of the fold's questions (vectors kept, nothing encoded again)."""
    keep = [n for n, e in enumerate(neighbours.examples) if fold_of(e.group) != fold]
    return Neighbours([neighbours.examples[n] for n in keep], answerer.retriever.embedder,
                      answerer.planner.cache_dir, neighbours.matrix[keep])


@contextmanager
def recording_plans(answerer: Answerer) -> Iterator[list[Plan]]:
    """The plans the Planner returns while drafting (one per reading of the message), before coach.choice."""
    planner = answerer.planner
    plans: list[Plan] = []
    original = planner.plan

    def plan(*args: Any, **kwargs: Any) -> Plan:
        plans.append(original(*args, **kwargs))
        return plans[-1]

    planner.plan = plan  # type: ignore[method-assign]
    try:
        yield plans
    finally:
        del planner.plan  # the class's method again


def draft_question(answerer: Answerer, q: Question, ranker_top: str | None) -> Result:
    """Draft one question as a new user asks it, and the first card after each step of the engine."""
    answerer._first_turns.clear()
    with recording_plans(answerer) as plans, answerer.planner.neighbours.leaving_out(q.id):
        draft = answerer.draft(Ask(message=q.question))
    u = draft.understanding
    planned = plans[0] if plans else draft.plan
    ranked = planned.candidates[0].card.id if planned.candidates else None
    pool = planned.pools[0] if planned.pools else [c.card.id for c in planned.candidates]
    by_id = {c.card.id: c for c in planned.candidates}
    chosen = [by_id[i] for i in pool if i in by_id]
    asker = Asker(u.pair, u.side, frozenset(f.card_id for f in draft.decoded), Language(u.language))
    framed = in_frame_first(chosen, asker)[0] if chosen else []
    scored = max(planned.candidates, key=lambda c: c.probability).card.id if planned.candidates else None
    steps = {"query": scored if len(u.parts) == 1 else ranker_top,
             "parts": scored,
             "their words": ranked,
             "blend": pool[0] if pool else None,
             "frame": framed[0].card.id if framed else (pool[0] if pool else None),
             "sections": planned.cards[0].id if planned.cards else None,
             "settle": draft.cards[0].id if draft.cards else None}
    cited = draft.cards[0].id if draft.cards and draft.outcome == "answer" else None
    return Result(q.id, q.question, q.cards, len(u.parts), ranker_top, steps, cited, draft.outcome)


def fold_trees(rows: list[train.Row], fold: int) -> dict[str, object]:
    """The card trees fitted on every row but the fold's (train._card_model), with the committed calibration."""
    committed = json.loads(WEIGHTS.read_text(encoding="utf-8"))["card_model"]
    return train._card_model([r for r in rows if fold_of(r.group) != fold],
                             (committed["scale"], committed["baseline"]))


def run(folds: list[int], answerer: Answerer | None = None, data: AnswerSet | None = None, fresh: bool = False,
        log: Callable[[str], None] = lambda s: print(s, file=sys.stderr)) -> list[Result]:
    answerer = answerer or train._answerer()
    data = data or load_answer_set().only("train")
    full = train.neighbours(answerer, data)
    answerer.planner.neighbours = full
    key = _key(data, answerer)
    if fresh:
        for old in CACHE.glob(f"*-{key}*"):
            old.unlink()
    log(f"training rows (cached under {CACHE} as rows-{key})")
    rows: list[train.Row] = _cached(CACHE / f"rows-{key}.pkl", lambda: train.examples(answerer, data))
    results = []
    for fold in folds:
        trees = _cached(CACHE / f"trees-{key}-{fold}.pkl", partial(fold_trees, rows, fold))
        weights = CACHE / f"ranker-{key}-{fold}.json"  # the committed scope model and cut-offs, these trees
        committed = json.loads(WEIGHTS.read_text(encoding="utf-8"))
        weights.write_text(train.dumps({**committed, "card_model": {"settings": train.CARD_MODEL, **trees}}),
                           encoding="utf-8")
        answerer.planner.ranker = Ranker.load(weights)
        answerer.planner.neighbours = without_fold(full, fold, answerer)
        held_trees = Trees.from_json(trees)
        whole = {(q.id, q.question) for q in data.questions}
        held = {r.group: r for r in rows if not r.followup and (r.group, r.text) in whole}
        questions = [q for q in data.questions if fold_of(q.id) == fold]
        log(f"fold {fold}: {len(questions)} questions")
        for q in questions:
            row = held.get(q.id)
            top = row.cards[int(np.argmax(held_trees.log_odds(row.features)))] if row is not None else None
            results.append(draft_question(answerer, q, top))
    return results


def summary(results: list[Result]) -> dict[str, Any]:
    n = len(results)
    kinds = Counter(r.kind for r in results)
    return {"questions": n, "ranker hit@1": round(sum(r.ranker_right for r in results) / n, 4) if n else 0.0,
            "engine hit@1": round(sum(r.right for r in results) / n, 4) if n else 0.0,
            "outcomes": dict(Counter(r.outcome for r in results)), "kinds": dict(sorted(kinds.items())),
            "multi-part": sum(r.parts > 1 for r in results)}


def main(argv: list[str]) -> None:
    folds = [int(f) for f in argv[argv.index("--folds") + 1:] if f.isdigit()] if "--folds" in argv else [0, 1]
    results = run(folds, fresh="--fresh" in argv)
    print(json.dumps(summary(results), indent=2, ensure_ascii=False))
    if "--misses" in argv:
        path = Path(argv[argv.index("--misses") + 1])
        path.write_text("".join(json.dumps(r.as_json(), ensure_ascii=False) + "\n" for r in results
                                if r.kind not in ("kept", "wrong") or r.outcome != "answer"), encoding="utf-8")


if __name__ == "__main__":  # python -m server.coach.e2e_check [--folds 0 1] [--misses FILE] [--fresh]
    main(sys.argv[1:])
