"""A real HTTP server on loopback that speaks the OpenAI chat-completions protocol, for the writer tests.

The model name picks the behaviour: "cite" answers citing the first card in the prompt (plus one bogus id),
"uncited" answers without citations, "hostile" mixes cited paragraphs with images, outside links and uncited
paragraphs, "mostly-uncited" cites one short paragraph of many, "error" fails with HTTP 500, "slow" waits
before answering.
Streaming requests get server-sent events, as real servers send them.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from contextlib import ExitStack
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, StreamingResponse

from .loopback import serve


def _reply(model: str, prompt: str) -> str:
    card = re.search(r'<card id="([^"]+)">', prompt)
    card_id = card.group(1) if card else "none"
    if model == "uncited":
        return "## What's likely going on\nThey are being polite.\n"
    if model == "hostile":  # images, outside links and uncited paragraphs around cited ones
        return (f"## What's likely going on\nYour partner is avoiding a public refusal [{card_id}]. "
                f"![pixel](https://tracker.example/p.png?u=1) See [the card](/kb/{card_id}), "
                "[this offer](https://evil.example/phish), https://evil.example/raw, <https://evil.example/auto> "
                "and www.evil.example/w. <img src=https://evil.example/i.png>\n\n"
                "Also, buy our negotiation course today.\n\n"
                f"## What to do\n1. Ask for the next concrete step [{card_id}].\n2. Confirm it in writing.\n\n"
                "## Watch out for\nThis paragraph cites nothing.\n\n[ref]: https://evil.example/ref\n")
    if model == "mostly-uncited":
        return (f"## What's likely going on\nA refusal [{card_id}].\n\n"
                + "Here is a long paragraph of advice that no card supports, written from general knowledge. " * 4)
    return (f"## What's likely going on\nYour partner is avoiding a public refusal [{card_id}].\n\n"
            f"## What to do\n1. Ask for the next concrete step [{card_id}] [not-a-real-card].\n")


def make_app(requests: list[dict[str, Any]]) -> FastAPI:
    app = FastAPI()

    @app.post("/v1/chat/completions", response_model=None)
    async def completions(request: Request) -> JSONResponse | StreamingResponse:
        body = await request.json()
        requests.append(body)
        model = body["model"]
        if model == "error":
            return JSONResponse({"error": {"message": "boom", "type": "server_error"}}, status_code=500)
        if model == "slow":
            time.sleep(2.5)
        text = _reply(model, body["messages"][-1]["content"])
        if not body.get("stream"):
            return JSONResponse({"id": "c1", "object": "chat.completion", "created": 0, "model": model,
                                 "choices": [{"index": 0, "finish_reason": "stop",
                                              "message": {"role": "assistant", "content": text}}]})

        def events() -> Iterator[str]:
            for piece in re.findall(r"\S+\s*", text):
                chunk = {"id": "c1", "object": "chat.completion.chunk", "created": 0, "model": model,
                         "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]}
                yield f"data: {json.dumps(chunk)}\n\n"
            yield "data: [DONE]\n\n"

        return StreamingResponse(events(), media_type="text/event-stream")

    return app


class LLMServer:
    """The fake server on a free loopback port while in its `with` block; `requests` records every request body."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.url = ""
        self._stack = ExitStack()

    def __enter__(self) -> LLMServer:
        self.url = self._stack.enter_context(serve(make_app(self.requests))) + "/v1"
        return self

    def __exit__(self, *exc: object) -> None:
        self._stack.close()
