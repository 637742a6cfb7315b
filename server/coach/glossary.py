"""English words for business terms in Japanese, Korean and Chinese questions (knowledge/glossary.yaml).

The bundled embedding model reads English only; adding the English words of the terms a question uses lets a
question written in Japanese, Korean or Chinese be matched by meaning, not only by shared characters."""

from __future__ import annotations

from pathlib import Path

import yaml

from server.cjk import language_of
from server.errors import CoachError
from server.settings import PROJECT_ROOT

GLOSSARY = PROJECT_ROOT / "knowledge" / "glossary.yaml"


class Glossary:
    def __init__(self, terms: list[tuple[str, str]]) -> None:
        self.terms = sorted(terms, key=lambda t: -len(t[0]))  # longest first: 最終編集権 before 編集

    @classmethod
    def load(cls, path: Path = GLOSSARY) -> Glossary:
        try:
            entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
            return cls([(term, entry["en"]) for entry in entries for lang in ("ja", "ko", "zh")
                        for term in entry.get(lang, [])])
        except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as e:
            raise CoachError(f"{path}: cannot read the glossary ({e.__class__.__name__}: {e}); each entry needs "
                             "'en' and lists under 'ja', 'ko', 'zh'") from e

    def expand(self, text: str) -> str:
        """The question with the English words of the terms it uses appended (English questions unchanged)."""
        if language_of(text) == "en":
            return text
        found = [english for term, english in self.terms if term in text]
        return f"{text} ({'; '.join(dict.fromkeys(found))})" if found else text
