"""Who may open a conversation in the web chat: the browser that started it. Each browser gets a random id in a
signed, HttpOnly, SameSite=Lax cookie (Secure over HTTPS); the store keeps a hash of that id as the conversation's
owner, so a link (`/?c=<id>`) alone opens nothing. Owners can hand out read-only share links instead."""

from __future__ import annotations

import hashlib
import os
import secrets
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.responses import Response
from itsdangerous import BadSignature, Signer

from server.service.runtime import Runtime
from server.settings import Settings

BROWSER_COOKIE = "coach_browser"
YEAR = 365 * 24 * 3600
_SALT = "coach.browser"


def secret_key(settings: Settings) -> str:
    """COACH_SECRET_KEY, else the key generated once into secret_key_file (readable by the owner only). Workers
    starting together agree: the file appears with its content in one step (a hard link), and the first wins."""
    if settings.secret_key is not None:
        return settings.secret_key.get_secret_value()
    path = Path(settings.secret_key_file)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".secret-")  # created with mode 0600
        try:
            with os.fdopen(fd, "w") as out:
                out.write(secrets.token_urlsafe(48))
            os.link(temporary, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(temporary)
    key = path.read_text().strip()
    if len(key) < 32:
        raise RuntimeError(f"{path} holds no usable key (under 32 characters): delete it to generate a new one")
    return key


def _signer(request: Request, settings: Settings) -> Signer:
    state = request.app.state
    if getattr(state, "browser_signer", None) is None:
        state.browser_signer = Signer(secret_key(settings), salt=_SALT)
    signer: Signer = state.browser_signer
    return signer


def _owner_of(browser_id: str) -> str:
    return hashlib.sha256(browser_id.encode()).hexdigest()


def browser(request: Request, settings: Settings) -> str | None:
    """This browser's owner key (a hash of its id), or None without a validly signed cookie."""
    raw = request.cookies.get(BROWSER_COOKIE)
    if not raw:
        return None
    try:
        browser_id = _signer(request, settings).unsign(raw).decode()
    except (BadSignature, UnicodeDecodeError):
        return None
    return _owner_of(browser_id)


def claim(request: Request, settings: Settings) -> tuple[str, str | None]:
    """This browser's owner key, and the signed cookie value to set when the browser has no id yet."""
    found = browser(request, settings)
    if found is not None:
        return found, None
    browser_id = secrets.token_hex(16)
    return _owner_of(browser_id), _signer(request, settings).sign(browser_id).decode()


def give_cookie(response: Response, request: Request, value: str | None, settings: Settings) -> None:
    """Set the browser's signed id (from `claim`), if it is new; Secure over HTTPS or with COACH_HTTPS_ONLY."""
    if value is not None:
        response.set_cookie(BROWSER_COOKIE, value, max_age=YEAR, httponly=True, samesite="lax",
                            secure=settings.https_only or request.url.scheme == "https")


def owns(request: Request, runtime: Runtime, conversation_id: str) -> bool:
    """True when this browser started the conversation."""
    mine = browser(request, runtime.settings)
    return mine is not None and bool(conversation_id) and runtime.answerer is not None \
        and runtime.answerer.store.owner(conversation_id) == mine


def share_url(request: Request, runtime: Runtime, conversation_id: str) -> str:
    """The conversation's read-only link while it is shared, else ""."""
    answerer = runtime.answerer
    token = answerer.store.share_token(conversation_id) if answerer is not None and conversation_id else None
    return f"{str(request.base_url).rstrip('/')}/s/{token}" if token else ""


def llm_host(settings: Settings) -> str:
    """Where messages go when an operator has configured an LLM writer ("" when nothing leaves the server)."""
    return urlsplit(settings.llm_base_url).netloc or settings.llm_base_url if settings.llm_base_url else ""
