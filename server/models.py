"""Value types that cross module seams: cards, passages, queries and hits."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

SECTION_TITLES = ("What's going on", "What to do", "What to say", "Watch out for")


class Culture(StrEnum):
    JP_US = "jp-us"
    KR_US = "kr-us"
    CN_US = "cn-us"
    ANY = "any"


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


class Hit(BaseModel):
    """One retrieved card, best passage first; score is the fused score (higher is better)."""

    card_id: str
    title: str
    passage: str
    passage_kind: str
    score: float
    dense_score: float
    topics: list[str]
    cultures: list[str]
    perspective: str
