"""Lint's dated-figure rule: a figure that changes (an incentive rate, cap, grant or quota) must say when it was
published, so an old rate is never passed off as today's. The unit is the paragraph: one 'as published in <year>'
dates every figure in it, including a list that the dated line introduces."""

from __future__ import annotations

import re

_FIGURE = (r"(?:\d+(?:\.\d+)?\s?%|[¥$€£]\s?\d[\d,.]*(?:\s?(?:[MBK]|bn|million|billion)\b)?"
           r"|\d[\d,.]*\s?(?:million|billion|bn)\b|\bKRW\s?\d[\d,.]*|\d[\d,.]*\s?(?:yen|won)\b)")
_INCENTIVE = (r"(?:\b(?:rebates?|(?:tax\s)?credits?|incentives?|grants?|subsid(?:y|ies|ised|ized)|caps?|capped"
              r"|quotas?)\b|補助金|인센티브)")
_CLAIM = re.compile(rf"{_FIGURE}[^.]{{0,40}}?{_INCENTIVE}|{_INCENTIVE}[^.]{{0,40}}?{_FIGURE}", re.IGNORECASE)
_DATED = re.compile(r"as published in (?:19|20)\d{2}", re.IGNORECASE)
_HEADING = re.compile(r"^#{1,6}\s")


def undated_claims(text: str) -> list[str]:
    """Figure-like incentive claims in one paragraph that carries no 'as published in <year>'."""
    flat = " ".join(text.split())
    if _DATED.search(flat):
        return []
    return [m.group(0) for m in _CLAIM.finditer(flat)]


def figure_message(claim: str) -> str:
    return (f"figure '{claim}' changes over time: add 'as published in <year>' to the same paragraph and name "
            "the official programme, or leave the figure out")


def undated_figures(lines: list[str], first: int) -> list[tuple[int, str]]:
    """(line, message) for each undated claim in the body paragraphs of a card; `first` indexes the body's start."""
    found: list[tuple[int, str]] = []
    block: list[str] = []
    start = first
    for i in range(first, len(lines) + 1):
        line = lines[i] if i < len(lines) else ""
        if not line.strip() or _HEADING.match(line):
            found += [(start + 1, figure_message(c)) for c in undated_claims("\n".join(block))]
            block = []
            continue
        if not block:
            start = i
        block.append(line)
    return found
