"""Value types that cross module seams: cards, passages, queries and hits."""

from __future__ import annotations

import re
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

SECTION_TITLES = ("What's going on", "What to do", "What to say", "Watch out for")
CONVERSATION_ID_PATTERN = r"^[A-Za-z0-9_.:-]+$"
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def text_problem(value: str, name: str) -> str | None:
    """Why `value` cannot be stored as text, or None. PostgreSQL text cannot hold NUL, and a lone UTF-16 surrogate
    (from a JSON escape such as \\ud800) cannot be encoded as UTF-8 by any database driver. Every front end checks
    each text field with this at the edge and answers 422 with the reason."""
    found = _UNSTORABLE.search(value)
    if found is None:
        return None
    char, position = found.group(), found.start()
    if char == "\x00":
        return f"{name} contains a NUL character (\\u0000) at position {position}; remove it and send again"
    return (f"{name} contains a lone UTF-16 surrogate (\\u{ord(char):04x}) at position {position}, which is not "
            "text; send valid UTF-8")


class Culture(StrEnum):
    JP_US = "jp-us"
    KR_US = "kr-us"
    CN_US = "cn-us"
    ANY = "any"


class Language(StrEnum):
    """The languages the coach answers in and its interface is written in."""

    EN = "en"
    JA = "ja"
    KO = "ko"
    ZH = "zh"


class Perspective(StrEnum):
    BOTH = "both"
    US_SIDE = "us-side"
    ASIA_SIDE = "asia-side"


class CardKind(StrEnum):
    GUIDE = "guide"
    PHRASEBOOK = "phrasebook"
    CHECKLIST = "checklist"


class Phrase(BaseModel):
    """One expression a phrasebook card explains; the decoder looks for it in pasted text."""

    model_config = ConfigDict(extra="forbid")

    expression: str = Field(min_length=1)
    variants: list[str] = []
    romanization: str = ""
    literal: str = ""
    signal: str = Field(min_length=1)
    response: str = Field(min_length=1)


class CardMeta(BaseModel):
    """The front matter of a card, validated."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    title: str = Field(min_length=1)
    kind: CardKind = CardKind.GUIDE
    topics: list[str] = Field(min_length=1)
    cultures: list[Culture] = Field(min_length=1)
    perspective: Perspective
    triggers: list[str] = Field(min_length=1)
    summary: str = Field(min_length=1)
    related: list[str] = []
    sources: list[str] = Field(min_length=1)
    phrases: list[Phrase] = []


class Card(CardMeta):
    """A parsed guidance card: front matter plus the four body sections (title -> Markdown)."""

    sections: dict[str, str]
    path: str = ""
    lang: Language = Language.EN  # a translation (knowledge/cards/<lang>/<id>.md) keeps the English card's id

    def section(self, title: str) -> str:
        return self.sections.get(title, "")


class Passage(BaseModel):
    """A retrievable piece of a card: the summary with its triggers, or one body section."""

    card_id: str
    kind: str  # "summary" or a section title
    text: str
    hash: str


class Query(BaseModel):
    """What a front end asks the retriever: text plus optional filters."""

    text: str
    cultures: list[Culture] = []
    topics: list[str] = []
    perspective: Perspective | None = None
    lang: Language = Language.EN  # the language the question is written in: its translated cards are searched too


class Hit(BaseModel):
    """One retrieved card, best passage first; score is the fused score (higher is better)."""

    card_id: str
    title: str
    passage: str
    passage_kind: str
    score: float
    dense_score: float
    lexical_score: float = 0.0
    topics: list[str]
    cultures: list[str]
    perspective: str


class Ask(BaseModel):
    """A question from any front end; the /api/ask request body."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    message: str = Field(min_length=1, max_length=4000, description="The question or pasted partner message.")
    conversation_id: str | None = Field(None, max_length=64, pattern=CONVERSATION_ID_PATTERN,
                                        description="Continue this conversation (letters, digits, _ . : -).")
    culture: Culture | None = Field(None, description="Culture pair; 'any' means no preference.")
    perspective: Perspective | None = Field(None, description="Which side the user is on.")
    lang: Language | None = Field(None, description="Answer in this language (en, ja, ko, zh); "
                                  "by default the language the message is written in.")

    @field_validator("message")
    @classmethod
    def _storable(cls, value: str) -> str:
        problem = text_problem(value, "message")
        if problem:
            raise PydanticCustomError("unstorable_text", problem)
        return value


class Source(BaseModel):
    id: str
    title: str
    topics: list[str]
    cultures: list[str]
    score: float


class Decoded(BaseModel):
    expression: str
    meaning: str
    card_id: str


class Answer(BaseModel):
    """The reply every front end renders; its JSON is the /api/ask response."""

    conversation_id: str
    in_scope: bool
    confidence: float = Field(ge=0.0, le=1.0)
    answer_markdown: str
    sources: list[Source]
    suggestions: list[str]
    decoded: list[Decoded]
    lang: Language = Field(Language.EN, description="The language the answer is written in.")


class Turn(BaseModel):
    """One stored exchange in a conversation."""

    role: str  # "user" or "coach"
    content: str
    created_at: str
    resolved_query: str | None = None
    in_scope: bool | None = None
    confidence: float | None = None
    card_ids: list[str] = []
    suggestions: list[str] = []  # coach turns: the follow-ups offered
    rating: int | None = None  # coach turns: +1 or -1 once rated in the web chat
