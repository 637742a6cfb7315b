"""JSON API: POST /api/ask, GET /api/conversations/{id} (and its Markdown export)."""

from __future__ import annotations

import re

from fastapi import APIRouter, HTTPException
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel

from server.models import Answer, Ask, Turn
from server.service.deps import AnswererDep

router = APIRouter(prefix="/api", tags=["api"])


class ConversationOut(BaseModel):
    conversation_id: str
    turns: list[Turn]


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


def _turns(answerer: AnswererDep, conversation_id: str) -> list[Turn]:
    """The turns of a conversation the API may show: not one that a browser owns (the web chat serves those to
    their owner and through share links only), and the same 404 for those as for unknown ids."""
    if not answerer.store.exists(conversation_id) or answerer.store.owner(conversation_id) is not None:
        raise HTTPException(404, f"no conversation '{conversation_id}'")
    return answerer.store.turns(conversation_id)


@router.get("/conversations/{conversation_id}", response_model=ConversationOut,
            responses={404: {"description": "Unknown conversation."}})
def conversation(conversation_id: str, answerer: AnswererDep) -> ConversationOut:
    """Every turn of one conversation, oldest first."""
    return ConversationOut(conversation_id=conversation_id, turns=_turns(answerer, conversation_id))


@router.get("/conversations/{conversation_id}/export", response_class=PlainTextResponse,
            responses={404: {"description": "Unknown conversation."}})
def export(conversation_id: str, answerer: AnswererDep) -> PlainTextResponse:
    """One conversation as a Markdown file."""
    _turns(answerer, conversation_id)
    safe_name = re.sub(r"[^A-Za-z0-9_.-]", "_", conversation_id)  # ids from older clients may hold anything
    return PlainTextResponse(answerer.store.export_markdown(conversation_id), media_type="text/markdown",
                             headers={"Content-Disposition": f'attachment; filename="coach-{safe_name}.md"'})
