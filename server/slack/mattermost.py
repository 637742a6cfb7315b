"""Mattermost's Slack-compatible slash command: verified by its token, answered at once as one Markdown post."""

from __future__ import annotations

import hmac
import logging

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import ValidationError

from server.coach.compose import Labels
from server.models import Answer, Ask
from server.service.deps import RuntimeDep
from server.slack.blocks import help_markdown
from server.slack.incoming import NOT_READY, RESPONSES, command_text, configured, parse_form, read_body
from server.slack.replies import FAILED

log = logging.getLogger("coach.webhook")
router = APIRouter(tags=["chat apps"])
MATTERMOST_LIMIT = 16_000  # a Mattermost post holds at most 16,383 characters


@router.post("/mattermost/commands", responses=RESPONSES)
async def mattermost_command(request: Request, runtime: RuntimeDep) -> JSONResponse:
    """Mattermost's Slack-compatible slash command, verified by its token and answered as Markdown."""
    settings = runtime.settings
    expected = configured(settings.mattermost_token)
    if expected is None:
        raise HTTPException(503, "Mattermost is not configured: set COACH_MATTERMOST_TOKEN")
    body = await read_body(request, settings.max_body_bytes)
    header = request.headers.get("authorization")
    if header is not None:
        scheme, _, offered = header.partition(" ")
        offered = offered.strip() if scheme.lower() == "token" else ""
    else:  # older Mattermost versions send the token only in the form
        try:
            offered = parse_form(body).get("token", "")
        except HTTPException:
            offered = ""
    if not hmac.compare_digest(offered.encode("utf-8"), expected.encode("utf-8")):
        raise HTTPException(401, "invalid Mattermost token")
    form = parse_form(body)
    share, question = command_text(form.get("text", ""))
    command = form.get("command") or "/coach"
    if not question:
        return JSONResponse({"response_type": "ephemeral", "text": help_markdown(command, "the coach")})
    answerer = runtime.answerer
    if answerer is None:
        return JSONResponse({"response_type": "ephemeral", "text": NOT_READY})
    try:
        ask = Ask(message=question)
    except ValidationError:
        return JSONResponse({"response_type": "ephemeral",
                             "text": f"Please keep it under 4,000 characters (this one has {len(question):,})."})
    try:
        answer = await run_in_threadpool(answerer.answer, ask)
    except Exception:  # Mattermost shows only 200 responses: say sorry rather than fail
        log.exception("answering a Mattermost command failed")
        return JSONResponse({"response_type": "ephemeral", "text": FAILED})
    text = mattermost_text(answer, question, command, form.get("user_name") if share else None,
                           answerer.labels[answer.lang.value])
    return JSONResponse({"response_type": "in_channel" if share else "ephemeral", "text": text})


def mattermost_text(answer: Answer, question: str, command: str, asked_by: str | None, words: Labels) -> str:
    """An answer as one Mattermost post: the question, the Markdown answer, follow-ups; within the post limit.
    `words`: the answer language's labels, so the post's own words follow the answer's language."""
    chat = words["chat"]
    who = chat["asked"].format(who=f"@{asked_by}") if asked_by else chat["question"]
    text = f"**{who}:** {question}\n\n{answer.answer_markdown.strip()}"
    if answer.suggestions:
        text += f"\n\n**{chat['also_ask']}**\n" + "\n".join(f"- `{command} {s}`" for s in answer.suggestions)
    if len(text) > MATTERMOST_LIMIT:
        text = text[: MATTERMOST_LIMIT - 40].rstrip() + "\n\n*(answer shortened to fit one post)*"
    return text
