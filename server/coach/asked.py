"""The words of a message that ask (its question sentences, or of one that asks after a comma its last clause), as
opposed to the situation it describes; read by the off-topic cues (offtopic.py) and by the glossary, which adds a
role term's English only where it is asked about (glossary.py)."""

from __future__ import annotations

import re

_GLOSS = re.compile(r" \([^()]*\)$")  # what Glossary.expand appends
_SENTENCE = re.compile(r"(?<=[?？!！。])\s*|(?<=\.)\s+|\n+")
# 「…에러가 나요.」 (나다, "comes up") tells; the asking -나요 ends a stem: 괜찮나요 (as in coach/parts.py)
_ASKS_END = re.compile(r"(?:[?？]|か|ですか|ますか|でしょうか|까요?|(?<!\s)나요|죠|吗|呢)\s*[。.]?\s*$")
_CLAUSE = re.compile(r"[、，,;；]\s*")
_JOINED = re.compile(r"(?:and|or|also|plus|but)\b|それと|あと|또|그리고|还有|另外|以及", re.I)


def own_words(text: str) -> str:
    """The question without the English glosses `Glossary.expand` appends in parentheses."""
    return _GLOSS.sub("", text)


def asked_clause(text: str) -> str:
    """The words that ask: the sentences that end in a question (else the last sentence), and of a sentence that
    asks after a comma, its last clause (「梅雨の予備日は入れてありますが、費用はどちらが負担しますか？」, "weather days
    are on the schedule, who pays?"), unless that clause only adds a second ask ("..., and what are its hours?")."""
    own = own_words(text).strip()
    sentences = [s for s in _SENTENCE.split(own) if s and s.strip()] or [own]
    asking = [s for s in sentences if _ASKS_END.search(s)] or sentences[-1:]
    out = []
    for sentence in asking:
        clauses = [c for c in _CLAUSE.split(sentence.strip()) if c.strip()]
        last = clauses[-1] if clauses else sentence
        whole = len(clauses) < 2 or _JOINED.match(last.strip()) or len(last.strip()) < 4
        out.append(sentence if whole else last)
    return " ".join(out)
