""""Can you draft the reply?": a short e-mail put together from the wording of the card just shown (its lines for
the asker's side, the sentence each quotes), in the answer's language: our greeting, one or two of the card's
statements, the card's question as the ask (else our plain ask for their view by a date, unless the body
already asks), our sign-off. Only the frame is ours
(prompts/labels.yaml, `draft`); every sentence of the body comes from the card."""

from __future__ import annotations

import re

from server.coach.compose import Labels

BODY_LINES = 2  # statements from the card in the body
MIN_WORDS = 5  # a quoted English span shorter than this is a gloss ("there is room"), not a sentence to send
# A translated line gives the English after it: 「…（英語で: "…"）」, 「… (영어로: "…")」, 「…（英文: "…"）」
_ENGLISH_AFTER = re.compile(r"\s*[（(]\s*(?:英語で|영어로|英文|英语)\s*[:：].*$", re.S)
_QUOTED = re.compile(r"[\"“]([^\"”]+?[.?!])[\"”]")  # an English sentence quoted in full, its end inside the quotes
_BRACKETED = re.compile(r"^「([^」]+)」$")  # a whole line in 「」: the sentence itself
_QUESTION = re.compile(r"(?:[?？]|でしょうか。?|ませんか。?|까요\.?|니까\.?|吗。?)\s*$")


def utterance(line: str) -> str | None:
    """What a card's wording line would have the asker write: the sentence it quotes, the translated sentence
    before its English version, or a line that is itself in 「」; None for a gloss ("'Quick question': ...") or
    a note to one's own team."""
    line = " ".join(line.split())
    if _ENGLISH_AFTER.search(line):
        return _ENGLISH_AFTER.sub("", line).strip().strip("「」\"“”") or None
    bracketed = _BRACKETED.match(line)
    if bracketed:
        return bracketed.group(1)
    quoted = [m.group(1) for m in _QUOTED.finditer(line) if len(m.group(1).split()) >= MIN_WORDS]
    return " ".join(quoted) or None


def draft_email(lines: list[str], words: Labels) -> list[str]:
    """The e-mail's paragraphs: greeting, the card's statements (the first of `lines` leads: the line picked for
    this ask), the ask, sign-off. Empty when the card has no sentence to send."""
    said = [u for u in map(utterance, lines) if u]
    if not said:
        return []
    questions = [u for u in said if _QUESTION.search(u)]
    statements = [u for u in said if not _QUESTION.search(u)]
    if said[0] in questions and statements:  # the picked line is a question: it is the ask, a statement leads
        questions.remove(said[0])
        questions.insert(0, said[0])
    body = statements[:BODY_LINES] or said[:1]
    ask = next((q for q in questions if q not in body), None)
    if ask is None and not _QUESTION.search(body[-1]):  # a body that ends asking needs no second ask
        ask = words["draft"]["ask"]
    return [words["draft"]["greeting"], *body, *([ask] if ask else []), words["draft"]["sign_off"]]


