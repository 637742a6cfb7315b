"""What Slack and Mattermost send, read and checked before anything answers: the body within its limit, Slack's
signature, form and JSON payloads, and a command's text."""

from __future__ import annotations

import json
import re
import time
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from fastapi import HTTPException, Request
from slack_sdk.signature import SignatureVerifier
from starlette.datastructures import Headers

from server.models import text_problem
from server.service.limits import json_depth

MAX_JSON_DEPTH = 32  # Slack's payloads nest about 8 deep; deeper is junk, refused before the parser recurses
REPLAY_WINDOW = 300  # seconds; Slack's rule and slack_sdk's
NOT_READY = "The coach is still starting up (loading its model and knowledge index). Try again in a minute."
RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"description": "Malformed payload (the reason is in `detail`)."},
    401: {"description": "Missing, stale or wrong signature or token."},
    413: {"description": "Body over COACH_MAX_BODY_BYTES."},
    422: {"description": "A text field that cannot be stored (a NUL character); `detail` names it."},
    503: {"description": "Not configured (no secret or token), or the coach is still loading."},
}


def configured(value: str | None) -> str | None:
    """The secret or token without surrounding space; None when it is not set."""
    return value.strip() if value and value.strip() else None


async def read_body(request: Request, limit: int) -> bytes:
    """The raw body, refused with 413 past `limit` bytes (declared or streamed), before anything parses it."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"request body over {limit} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise HTTPException(413, f"request body over {limit} bytes")
    return bytes(body)


def verify_slack(body: bytes, headers: Headers, secret: str) -> None:
    """Slack's v0 signature over the raw body, checked by slack_sdk; raises 401 with the reason."""
    timestamp = headers.get("x-slack-request-timestamp")
    signature = headers.get("x-slack-signature")
    if not timestamp or not signature:
        raise HTTPException(401, "missing X-Slack-Signature or X-Slack-Request-Timestamp header")
    try:
        when = int(timestamp)
    except ValueError:
        raise HTTPException(401, "X-Slack-Request-Timestamp is not a Unix time") from None
    if abs(time.time() - when) > REPLAY_WINDOW:
        raise HTTPException(401, "stale request: the timestamp is more than 5 minutes from now")
    try:
        valid = SignatureVerifier(secret).is_valid(body, timestamp, signature)
    except (TypeError, ValueError):  # slack_sdk raises on non-ASCII signatures and non-UTF-8 bodies
        valid = False
    if not valid:
        raise HTTPException(401, "invalid Slack signature")


def _storable(value: Any, where: str) -> None:
    """422 when any string in a payload (keys included) cannot be stored as text (NUL, lone surrogates)."""
    if isinstance(value, str):
        problem = text_problem(value, where)
        if problem:
            raise HTTPException(422, problem)
    elif isinstance(value, dict):
        for key, item in value.items():
            _storable(key, f"a key in {where}")
            _storable(item, f"{where}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _storable(item, f"{where}[{i}]")


def parse_form(body: bytes) -> dict[str, str]:
    try:
        form = dict(parse_qsl(body.decode("utf-8"), keep_blank_values=True, max_num_fields=200))
    except ValueError as e:  # UnicodeDecodeError is a ValueError too
        raise HTTPException(400, f"malformed form body: {e}") from e
    for name, value in form.items():
        _storable(name, "a form field name")
        _storable(value, f"form field '{name}'")
    return form


def parse_json_object(raw: bytes | str, what: str, max_depth: int = MAX_JSON_DEPTH) -> dict[str, Any]:
    """A JSON object, checked: 400 if it is not JSON or nests deeper than `max_depth`, 422 for unstorable text."""
    if json_depth(raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw, max_depth) > max_depth:
        raise HTTPException(400, f"{what} is JSON nested deeper than {max_depth} levels")
    try:
        value = json.loads(raw)
    except (ValueError, RecursionError) as e:
        raise HTTPException(400, f"{what} is not valid JSON: {e}") from e
    if not isinstance(value, dict):
        raise HTTPException(400, f"{what} is not a JSON object")
    _storable(value, what)
    return value


SLACK_HOOKS = "hooks.slack.com"


def checked_response_url(value: Any, api_url: str) -> str:
    """A response_url we may POST to: https://hooks.slack.com/..., or on the configured Slack API's own host
    (a local Slack in tests). Anything else would let a signed request make us post to any server."""
    if not isinstance(value, str) or not re.match(r"https?://[^\s/]+", value):
        raise HTTPException(400, "missing or invalid response_url")
    url, api = urlsplit(value), urlsplit(api_url)
    if (url.scheme, url.hostname) == ("https", SLACK_HOOKS) and url.port in (None, 443) and not url.username:
        return value
    if (url.scheme, url.netloc) == (api.scheme, api.netloc):
        return value
    raise HTTPException(400, f"response_url is not on Slack's {SLACK_HOOKS}")


def command_text(text: str) -> tuple[bool, str]:
    """(share, question) from a command's text; an empty question means "show help"."""
    head, *rest = re.split(r"\s+", text.strip(), maxsplit=1) or [""]
    if head.lower() in ("help", "-h", "--help", "?"):
        return False, ""
    if head.lower() == "share":
        return True, rest[0].strip() if rest else ""
    return False, text.strip()
