"""English words for business terms in Japanese, Korean and Chinese questions (knowledge/glossary.yaml).

The bundled embedding model reads English only; adding the English words of the terms a question uses lets a
question written in Japanese, Korean or Chinese be matched by meaning, not only by shared characters. Those words
speak only for the terms they gloss: `unglossed` says how much of a question they leave unsaid, so that a question
about a child's cartoons (「孩子不爱看动画怎么办？」, glossed "animation studio anime retakes quality") is not read
as an English question about an anime studio."""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

from server.cjk import CJK_CHAR, language_of
from server.coach.asked import asked_clause
from server.coach.asked import own_words as own_words  # re-exported: picks, scope, plan and offtopic read it here
from server.errors import CoachError
from server.settings import PROJECT_ROOT

GLOSSARY = PROJECT_ROOT / "knowledge" / "glossary.yaml"
class Glossary:
    """Terms with their English words. A term whose English is empty is a false friend: a word that contains a
    term but means something else (「제작사인데」 is "we are a production company", not 사인 "signing"; 「いずれ」
    is "eventually", not ずれ "slip"), read as itself and glossed with nothing."""

    def __init__(self, terms: list[tuple[str, str]], settings: frozenset[str] = frozenset()) -> None:
        self.terms = sorted(terms, key=lambda t: -len(t[0]))  # longest first: 最終編集権 before 編集
        self.settings = settings  # terms that name a party's role (see `expand`)

    @classmethod
    def load(cls, path: Path = GLOSSARY) -> Glossary:
        try:
            entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
            terms = [(term, _english(entry), bool(entry.get("setting"))) for entry in entries
                     for lang in ("ja", "ko", "zh") for term in entry.get(lang, [])]
            return cls([(term, english) for term, english, _ in terms],
                       frozenset(term for term, _, setting in terms if setting))
        except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as e:
            raise CoachError(f"{path}: cannot read the glossary ({e.__class__.__name__}: {e}); each entry needs "
                             "'en' (text; \"\" for false friends) and lists under 'ja', 'ko', 'zh'") from e

    def expand(self, text: str) -> str:
        """The question with the English words of the terms it uses appended (English questions unchanged). A term
        inside a longer one found at the same place says nothing of its own: 「공동제작사」 is a co-producer, not
        also "co-production" and "production company"; 「预算超支」 an overrun, not also "budget". A term marked
        `setting` names a party's role, which askers mostly give as the setting of another ask (「幹事会社として…稟議が
        間に合いません。どう返事をすれば？」, 「幹事会社から「前例がない」と言われた。断りですか？」): its English
        words, the title words of the card on that role, are added only when it stands in the words that ask."""
        if language_of(text) == "en":
            return text
        matches = self._matches(text, whole_only=True)
        if any(term in self.settings for term, _, _ in matches):
            asked = asked_clause(text)
            matches = [m for m in matches if m[0] not in self.settings or m[0] in asked]
        found = [english for term, english, _ in matches]
        return f"{text} ({'; '.join(dict.fromkeys(found))})" if found else text

    def _matches(self, text: str, whole_only: bool = False) -> list[tuple[str, str, range]]:
        """Each occurrence of a term (longest terms first) that no false friend found earlier covers; `whole_only`:
        only those no longer term found earlier covers entirely. str.find, not a regex per term: hundreds of terms
        would thrash re's cache."""
        out: list[tuple[str, str, range]] = []
        taken: set[int] = set()
        false_friends: set[int] = set()
        for term, english in self.terms:
            start = text.find(term)
            while start >= 0:
                span = range(start, start + len(term))
                if false_friends.issuperset(span):
                    pass  # inside a word that only looks like it: 사인 in 제작사인데
                elif not english:
                    false_friends.update(span)
                elif not (whole_only and taken.issuperset(span)):
                    out.append((term, english, span))
                    taken.update(span)
                start = text.find(term, start + len(term))
        return out

    def unglossed(self, text: str) -> float:
        """Share of a question's Japanese, Korean or Chinese letters that no glossary term covers (read on its own
        words, glossed or not): 1.0 when the English words appended say nothing about it, 0.0 for an English
        question or one made only of glossed terms."""
        own = own_words(text)
        if language_of(own) == "en":
            return 0.0
        letters = [i for i, c in enumerate(own) if CJK_CHAR.match(c)]
        covered = {i for _, _, span in self._matches(own) for i in span}
        return round(1.0 - len(covered.intersection(letters)) / len(letters), 4) if letters else 0.0


def _english(entry: dict[str, object]) -> str:
    english = entry["en"]
    if not isinstance(english, str):
        raise TypeError(f"'en' is {english!r}, not text")
    return english


@functools.cache
def default_glossary() -> Glossary:
    """knowledge/glossary.yaml, read once per process."""
    return Glossary.load()
