"""Optional LLM writer: any OpenAI-compatible chat-completions server writes the answer from the cards.

The only place that imports `openai` (the `llm` extra). Every failure is a WriterError, which the answer engine
turns into the grounded answer; nothing here may reach a user as a 500.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import jinja2

from server.errors import CoachError
from server.models import Card

_CITATION = re.compile(r"\[([a-z0-9]+(?:-[a-z0-9]+)*)\](?!\()")
# What an LLM's Markdown may carry that a front end would fetch or follow: images (Mattermost and browsers load
# them on sight), links, autolinks, bare URLs and raw tags. One left-to-right pass, so a link's URL is judged with
# its link. Allowed links are kept; other links keep their text; the rest goes.
_EXTERNAL = re.compile(
    r"(?P<image>!\[[^\]\n]*\](?:\([^)\n]*\)|\[[^\]\n]*\]))"
    r"|(?P<link>\[(?P<text>[^\]\n]*)\]\((?P<url><[^>\n]*>|[^)\s]*)(?:\s+[\"'(][^)\n]*)?\))"
    r"|(?P<auto><(?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:|www\.)[^>\s]*>)"
    r"|(?P<bare>\b(?:https?://|ftp://|mailto:|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"])"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)"
    r"|(?P<definition>^ {0,3}\[[^\]\n]+\]:[^\n]*$)", re.MULTILINE)
_URL_IN_SOURCE = re.compile(r"https?://[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"]")
LANGUAGES = {"en": "English", "ja": "Japanese", "ko": "Korean", "zh": "Chinese (Simplified)"}
MAX_UNCITED_SHARE = 0.5  # more of the reply's prose than this without a citation: the grounded answer instead


class WriterError(CoachError):
    """The LLM could not produce a usable answer (timeout, error, empty or uncited reply)."""

    status = 502


def fence(text: str) -> str:
    """Partner or user text made safe to put between the prompt's <user_message> tags: with &, < and > escaped
    as entities it cannot close its block or open a tag of its own, and the model still reads it."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def card_links(cards: Iterable[Card]) -> set[str]:
    """The URLs the cards cite in their sources: the external links an LLM reply may keep."""
    return {m.group(0) for card in cards for source in card.sources for m in _URL_IN_SOURCE.finditer(source)}


def strip_external(text: str, allowed_ids: Collection[str] = (), links: Collection[str] = ()) -> str:
    """The Markdown without images, raw tags or links that are neither to a retrieved card's page (/kb/<id>) nor
    in `links`; a link that goes keeps its text."""

    def allowed(url: str) -> bool:
        url = url.strip("<>")
        return url in links or (url.startswith("/kb/") and url[4:] in allowed_ids)

    def replace(match: re.Match[str]) -> str:
        if match.group("link") is not None:
            return match.group(0) if allowed(match.group("url")) else match.group("text")
        if match.group("auto") is not None or match.group("bare") is not None:
            return match.group(0) if allowed(match.group(0)) else ""
        return ""  # images, raw tags, link reference definitions

    return _EXTERNAL.sub(replace, text)


def _paragraphs(text: str) -> list[tuple[list[str], str]]:
    """(heading lines, prose) for each blank-line-separated block; headings are the block's leading # lines."""
    out = []
    for block in re.split(r"\n[ \t]*\n", text.strip()):
        lines = block.split("\n")
        n = next((i for i, line in enumerate(lines) if not line.lstrip().startswith("#")), len(lines))
        out.append((lines[:n], "\n".join(lines[n:]).strip()))
    return out


def clean_citations(text: str, allowed: set[str], links: Collection[str] = ()) -> tuple[str, list[str]]:
    """An LLM reply made fit to show: images, raw tags and links other than to retrieved cards (or `links`)
    removed, citations that name no retrieved card dropped, and every paragraph that cites no retrieved card
    dropped (with a heading left with nothing under it). Returns the text and the valid ids cited, in order.
    Raises WriterError when more than MAX_UNCITED_SHARE of the prose had to go, or nothing cited is left."""
    cited: list[str] = []

    def keep(match: re.Match[str]) -> str:
        if match.group(1) in allowed:
            cited.append(match.group(1))
            return match.group(0)
        return ""

    cleaned = _CITATION.sub(keep, strip_external(text, allowed, links))
    cleaned = re.sub(r"[ \t]+\n", "\n", cleaned)
    kept: list[str] = []
    total = dropped = 0
    for headings, prose in _paragraphs(cleaned):
        total += len(prose)
        if prose and not any(m.group(1) in allowed for m in _CITATION.finditer(prose)):
            dropped += len(prose)
            prose = ""
        if headings and kept and not _has_prose(kept[-1]):
            kept.pop()  # the previous heading lost everything under it
        kept.append("\n".join([*headings, prose]).strip() if headings else prose)
    if kept and not _has_prose(kept[-1]):
        kept.pop()
    body = "\n\n".join(k for k in kept if k).strip()
    if not total or dropped > MAX_UNCITED_SHARE * total or not body:
        raise WriterError(f"{dropped} of {total} characters of the reply cited no retrieved card")
    return body + "\n", list(dict.fromkeys(m.group(1) for m in _CITATION.finditer(body)))


def _has_prose(block: str) -> bool:
    return any(line.strip() and not line.lstrip().startswith("#") for line in block.split("\n"))


@dataclass(frozen=True)
class _Fenced:
    """A decoded expression as the prompt shows it (its surface form comes from the user's text)."""

    form: str
    card_id: str


class Writer:
    """Writes (or streams) an answer from retrieved cards through prompts/llm_*.md.j2."""

    def __init__(self, base_url: str, model: str, api_key: str, timeout: float,
                 prompts: jinja2.Environment) -> None:
        try:
            from openai import OpenAI
        except ModuleNotFoundError as e:
            raise WriterError("COACH_LLM_BASE_URL is set but the OpenAI client is not installed: "
                              "pip install '.[llm]' (or unset COACH_LLM_BASE_URL for grounded answers)") from e
        self.model = model
        self.prompts = prompts
        self._client: Any = OpenAI(base_url=base_url, api_key=api_key, timeout=timeout, max_retries=0)

    def messages(self, cards: list[Card], message: str, decoded: list[Any], culture: str | None,
                 perspective: str | None, language: str | None = None, stage: str | None = None,
                 parts: list[str] | None = None, excerpts: dict[str, Any] | None = None,
                 replies: list[tuple[str, str]] | None = None) -> list[dict[str, str]]:
        """The prompt: the cards (or, per card, the excerpts the engine chose for this ask), what the engine
        understood about the asker (pair, side, language, stage, sub-questions) and, for a pasted e-mail, its
        requests with the reply line the grounded answer would give."""
        system = self.prompts.get_template("llm_system.md.j2").render(example_id=cards[0].id if cards else "card-id")
        user = self.prompts.get_template("llm_user.md.j2").render(
            cards=cards, message=fence(message), decoded=[_Fenced(fence(d.form), d.card_id) for d in decoded],
            culture=culture, perspective=perspective, language=LANGUAGES.get(language or ""), stage=stage,
            parts=[fence(p) for p in parts or []], excerpts=excerpts or {},
            replies=[(fence(request), fence(reply)) for request, reply in replies or []])
        return [{"role": "system", "content": system}, {"role": "user", "content": user}]

    def stream(self, messages: list[dict[str, str]]) -> Iterator[str]:
        """Yield text pieces as the server produces them; raises WriterError on any failure."""
        try:
            response = self._client.chat.completions.create(model=self.model, messages=messages, stream=True,
                                                             temperature=0.2)
            for chunk in response:
                choices = getattr(chunk, "choices", None) or []
                piece = choices[0].delta.content if choices and choices[0].delta else None
                if piece:
                    yield piece
        except WriterError:
            raise
        except Exception as e:  # openai raises many kinds (timeout, status, connection, decoding)
            raise WriterError(f"LLM writer failed: {e.__class__.__name__}: {e}") from e
