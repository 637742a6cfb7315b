"""How a trained ranker is written to ranker.json: LightGBM's trees as the plain node lists coach.rank.Trees reads
(no LightGBM when serving), one tree per line so that a retrain's diff stays readable."""

from __future__ import annotations

import json
from typing import Any

from server.coach.rank import FEATURES


def exported(dump: dict[str, Any], scale: float = 1.0, shift: float = 0.0) -> dict[str, object]:
    """LightGBM's dump_model as plain lists in pre-order, each node naming its feature, every leaf times `scale`
    and `shift` the baseline (a numeric split sends a value <= its threshold left, as coach.rank.Trees does)."""
    trees = []
    for info in dump["tree_info"]:
        tree: dict[str, list[Any]] = {key: [] for key in ("feature", "threshold", "left", "right", "value", "leaf")}

        def add(node: dict[str, Any], tree: dict[str, list[Any]] = tree) -> int:
            at = len(tree["leaf"])
            leaf = "leaf_value" in node
            if not leaf and node["decision_type"] != "<=":
                raise ValueError(f"unexpected LightGBM split {node['decision_type']!r}")
            for key, value in (("feature", "" if leaf else FEATURES[node["split_feature"]]),
                               ("threshold", 0.0 if leaf else float(node["threshold"])), ("left", 0), ("right", 0),
                               ("value", scale * float(node["leaf_value"]) if leaf else 0.0), ("leaf", leaf)):
                tree[key].append(value)
            if not leaf:
                tree["left"][at] = add(node["left_child"])
                tree["right"][at] = add(node["right_child"])
            return at

        add(info["tree_structure"])
        trees.append(tree)
    return {"baseline": shift, "scale": scale, "trees": trees}


def dumps(result: dict[str, object]) -> str:
    """Indented JSON with one tree per line: diffable without a line per node."""
    model = dict(result["card_model"])  # type: ignore[call-overload]
    trees = model.pop("trees")
    body = json.dumps({**result, "card_model": {**model, "trees": "TREES"}}, indent=2, ensure_ascii=False)
    lines = ",\n".join("      " + json.dumps(tree, separators=(",", ":")) for tree in trees)
    return body.replace('"trees": "TREES"', '"trees": [\n' + lines + "\n    ]") + "\n"
