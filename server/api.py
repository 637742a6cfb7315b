"""JSON API: POST /api/ask, GET /api/conversations/{id} (and its Markdown export)."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel, Field

from server.models import CONVERSATION_ID_PATTERN, Answer, Ask, Turn
from server.service.deps import AnswererDep

router = APIRouter(prefix="/api", tags=["api"])
# Checked before any query: a NUL or an odd byte in an id would otherwise reach the database (a 500 on PostgreSQL)
ConversationId = Annotated[str, Path(max_length=64, pattern=CONVERSATION_ID_PATTERN,
                                     description="A conversation id (letters, digits, _ . : -).")]


PAGE_SIZE = 50
MAX_PAGE = 200


class ConversationOut(BaseModel):
    conversation_id: str
    turns: list[Turn]
    total: int = Field(description="Turns the conversation keeps (at most COACH_MAX_CONVERSATION_TURNS).")
    offset: int
    next_offset: int | None = Field(description="Pass as `offset` for the next page; null on the last page.")


@router.post("/ask", response_model=Answer, responses={422: {"description": "Invalid message or field."},
                                                        503: {"description": "Model or index not loaded."}})
async def ask(body: Ask, answerer: AnswererDep) -> Answer:
    """Answer one question (or pasted partner message) with grounded coaching and its sources. An unknown
    `conversation_id` (or one that belongs to a browser) starts a new conversation: use the returned id."""
    return await run_in_threadpool(_answer, answerer, body)


def _answer(answerer: AnswererDep, body: Ask) -> Answer:
    if body.conversation_id and answerer.store.owner(body.conversation_id) is not None:
        body = body.model_copy(update={"conversation_id": None})  # the web chat's: its browser's alone
    return answerer.answer(body)


def _known(answerer: AnswererDep, conversation_id: str) -> None:
    """A conversation the API may show: not one that a browser owns (the web chat serves those to their owner and
    through share links only), with the same 404 for those as for unknown ids."""
    if not answerer.store.exists(conversation_id) or answerer.store.owner(conversation_id) is not None:
        raise HTTPException(404, f"no conversation '{conversation_id}'")


@router.get("/conversations/{conversation_id}", response_model=ConversationOut,
            responses={404: {"description": "Unknown conversation."}})
def conversation(conversation_id: ConversationId, answerer: AnswererDep,
                 offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
                 limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = PAGE_SIZE) -> ConversationOut:
    """One page of a conversation's turns, oldest first (`limit` up to 200 from `offset`)."""
    _known(answerer, conversation_id)
    turns, total = answerer.store.page(conversation_id, offset, limit)
    following = offset + len(turns)
    return ConversationOut(conversation_id=conversation_id, turns=turns, total=total, offset=offset,
                           next_offset=following if following < total else None)


@router.get("/conversations/{conversation_id}/export", response_class=PlainTextResponse,
            responses={404: {"description": "Unknown conversation."}})
def export(conversation_id: ConversationId, answerer: AnswererDep) -> PlainTextResponse:
    """One conversation as a Markdown file."""
    _known(answerer, conversation_id)
    safe_name = re.sub(r"[^A-Za-z0-9_.-]", "_", conversation_id)  # ':' has no place in a file name
    return PlainTextResponse(answerer.store.export_markdown(conversation_id), media_type="text/markdown",
                             headers={"Content-Disposition": f'attachment; filename="coach-{safe_name}.md"'})
