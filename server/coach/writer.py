"""Optional LLM writer: any OpenAI-compatible chat-completions server writes the answer from the cards.

The only place that imports `openai` (the `llm` extra). Every failure is a WriterError, which the answer engine
turns into the grounded answer; nothing here may reach a user as a 500.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import jinja2

from server.errors import CoachError
from server.models import Card

_CITATION = re.compile(r"\[([a-z0-9]+(?:-[a-z0-9]+)*)\]")


class WriterError(CoachError):
    """The LLM could not produce a usable answer (timeout, error, empty or uncited reply)."""

    status = 502


def clean_citations(text: str, allowed: set[str]) -> tuple[str, list[str]]:
    """Drop citations that name no retrieved card; return the text and the valid ids cited, in order."""
    cited: list[str] = []

    def keep(match: re.Match[str]) -> str:
        if match.group(1) in allowed:
            cited.append(match.group(1))
            return match.group(0)
        return ""

    cleaned = _CITATION.sub(keep, text)
    return re.sub(r"[ \t]+\n", "\n", cleaned).strip() + "\n", list(dict.fromkeys(cited))


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
                 perspective: str | None) -> list[dict[str, str]]:
        system = self.prompts.get_template("llm_system.md.j2").render(example_id=cards[0].id if cards else "card-id")
        user = self.prompts.get_template("llm_user.md.j2").render(
            cards=cards, message=message, decoded=decoded, culture=culture, perspective=perspective)
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
