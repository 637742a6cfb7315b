"""Typed dependencies: routes declare what they need and get it from the lifespan state."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from server.coach.answer import Answerer
from server.errors import CoachError
from server.service.runtime import Runtime


class NotReady(CoachError):
    status = 503


def get_runtime(request: Request) -> Runtime:
    runtime: Runtime = request.state.runtime
    return runtime


def get_answerer(request: Request) -> Answerer:
    runtime = get_runtime(request)
    if runtime.answerer is None:
        reason = runtime.error or "still loading the model and index; try again in a few seconds"
        raise NotReady(f"the coach is not ready: {reason}")
    answerer: Answerer = runtime.answerer
    return answerer


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]
AnswererDep = Annotated[Answerer, Depends(get_answerer)]
