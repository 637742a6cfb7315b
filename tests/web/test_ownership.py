"""Who may read a conversation: ids issued by the server only, a web conversation tied to the browser that started
it (signed cookie), read-only share links that can be revoked, and forms from other sites refused. Two browsers
are two HTTP clients with their own cookies, against the app served by uvicorn on loopback."""

from __future__ import annotations

import re
import stat
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from server.app import create_app
from server.settings import Settings
from server.store.conversations import ConversationStore
from server.web.checks import CROSS_SITE

from ..conftest import FIXTURE_KB, make_settings
from ..loopback import serve

HTMX = {"HX-Request": "true"}
SOFT_NO = "my partner won't say no directly"
CONFIDENTIAL = "Confidential: their email says they will consider the budget positively"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, fixture_index: Any) -> Iterator[tuple[str, Settings]]:
    tmp = tmp_path_factory.mktemp("owners")
    settings = make_settings(tmp, FIXTURE_KB, database_url=f"sqlite:///{tmp / 'coach.db'}", reload_interval=0,
                             api_rate_per_minute=0)
    settings.index_dir = Path(fixture_index.path)
    app = create_app(settings, wait_until_loaded=True)
    with serve(app) as url:
        yield url, settings


def browser(site: tuple[str, Settings]) -> httpx.Client:
    """A browser of its own: its own cookie jar, and the same-origin header a browser's own form post carries."""
    return httpx.Client(base_url=site[0], headers={"Sec-Fetch-Site": "same-origin"}, timeout=60)


def ask(client: httpx.Client, message: str = SOFT_NO, **fields: str) -> str:
    response = client.post("/chat", data={"message": message, **fields}, headers=HTMX)
    assert response.status_code == 200, response.text
    return response.headers["hx-replace-url"].removeprefix("/?c=")


def test_a_link_alone_does_not_open_another_browsers_conversation(site: tuple[str, Settings]) -> None:
    with browser(site) as victim, browser(site) as attacker:
        cid = ask(victim, CONFIDENTIAL)
        assert re.fullmatch(r"[0-9a-f]{32}", cid)
        assert CONFIDENTIAL[:20] in victim.get(f"/?c={cid}").text
        page = attacker.get(f"/?c={cid}")
        assert page.status_code == 200 and "That conversation is not available in this browser" in page.text
        assert CONFIDENTIAL[:20] not in page.text and 'name="conversation_id" value=""' in page.text
        for path in (f"/c/{cid}/export", f"/api/conversations/{cid}", f"/api/conversations/{cid}/export"):
            response = attacker.get(path)
            assert response.status_code == 404 and CONFIDENTIAL[:20] not in response.text, path
        assert victim.get(f"/c/{cid}/export").text.count("Confidential: their email") == 1
        # posting into it (web or API) starts a new conversation instead of continuing or reading it
        other = ask(attacker, "and what did they say?", conversation_id=cid)
        api = attacker.post("/api/ask", json={"message": "and what did they say?", "conversation_id": cid}).json()
        assert len({cid, other, api["conversation_id"]}) == 3
        store = ConversationStore.from_url(site[1].database_url)
        assert [t.content for t in store.turns(cid) if t.role == "user"] == [CONFIDENTIAL]
        # a tampered cookie is no key either
        attacker.cookies.set("coach_browser", victim.cookies["coach_browser"][:-2] + "xx", domain="127.0.0.1")
        assert CONFIDENTIAL[:20] not in attacker.get(f"/?c={cid}").text


def test_a_client_chosen_id_is_never_adopted_even_by_two_first_requests_at_once(site: tuple[str, Settings]) -> None:
    results: list[httpx.Response] = []
    start = threading.Barrier(6)

    def first_request(kind: str) -> None:
        with browser(site) as client:
            start.wait()
            if kind == "api":
                results.append(client.post("/api/ask", json={"message": SOFT_NO, "conversation_id": "acme-kickoff"}))
            else:
                results.append(client.post("/chat", data={"message": SOFT_NO, "conversation_id": "acme-kickoff"},
                                           headers=HTMX))

    threads = [threading.Thread(target=first_request, args=(kind,)) for kind in ["api", "web"] * 3]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [r.status_code for r in results] == [200] * 6
    ids = [r.json()["conversation_id"] if r.headers["content-type"].startswith("application/json")
           else r.headers["hx-replace-url"].removeprefix("/?c=") for r in results]
    assert len(set(ids)) == 6 and "acme-kickoff" not in ids
    assert not ConversationStore.from_url(site[1].database_url).exists("acme-kickoff")


def test_the_browser_cookie_is_signed_httponly_lax_and_secure_over_https(tmp_path: Path, fixture_index: Any) -> None:
    settings = make_settings(tmp_path, FIXTURE_KB, database_url=f"sqlite:///{tmp_path / 'coach.db'}",
                             reload_interval=0)
    settings.index_dir = Path(fixture_index.path)
    key_file = tmp_path / "secret_key"
    with TestClient(create_app(settings, wait_until_loaded=True)) as plain:
        response = plain.post("/chat", data={"message": SOFT_NO}, headers=HTMX)
        cookie = next(c for c in response.headers.get_list("set-cookie") if c.startswith("coach_browser="))
        assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie
        cid = response.headers["hx-replace-url"].removeprefix("/?c=")
        value = plain.cookies["coach_browser"]
        assert key_file.exists() and stat.S_IMODE(key_file.stat().st_mode) == 0o600
        assert len(key_file.read_text()) >= 32 and key_file.read_text() not in value
    with TestClient(create_app(settings, wait_until_loaded=True), base_url="https://coach.example") as secure:
        secure.cookies.set("coach_browser", value)  # the generated key survived the restart: still the owner
        assert secure.get(f"/?c={cid}").text.count('data-role="answer"') == 1
        secure.cookies.clear()
        response = secure.post("/chat", data={"message": SOFT_NO}, headers=HTMX)
        assert all("Secure" in c for c in response.headers.get_list("set-cookie"))
    settings.secret_key = SecretStr("x" * 40)  # another key: the old signature no longer holds
    with TestClient(create_app(settings, wait_until_loaded=True)) as rekeyed:
        rekeyed.cookies.set("coach_browser", value)
        assert 'data-role="answer"' not in rekeyed.get(f"/?c={cid}").text


def test_a_share_link_opens_a_read_only_copy_until_it_is_revoked(site: tuple[str, Settings]) -> None:
    with browser(site) as owner, browser(site) as friend:
        cid = ask(owner, CONFIDENTIAL)
        assert friend.post("/share", data={"conversation_id": cid}).status_code == 404  # only the owner shares
        made = owner.post("/share", data={"conversation_id": cid}, headers=HTMX)
        link = re.search(r'id="share-url" type="text" readonly value="([^"]+)"', made.text)
        assert made.status_code == 200 and link is not None and "Stop sharing" in made.text
        path = httpx.URL(link.group(1)).path
        assert re.fullmatch(r"/s/[A-Za-z0-9_-]{32}", path)
        assert owner.post("/share", data={"conversation_id": cid}, headers=HTMX).text == made.text  # one link
        shared = friend.get(path)
        assert shared.status_code == 200 and "Confidential: their email" in shared.text
        assert "<textarea" not in shared.text and "/feedback" not in shared.text
        assert "data-suggestion" not in shared.text
        assert friend.get(f"{path}/export").text.count("Confidential: their email") == 1
        assert "Confidential: their email" not in friend.get(f"/?c={cid}").text  # the link is not ownership
        assert friend.post("/share/revoke", data={"conversation_id": cid}).status_code == 404
        revoked = owner.post("/share/revoke", data={"conversation_id": cid}, follow_redirects=False)
        assert revoked.status_code == 303 and revoked.headers["location"] == f"/?c={cid}&share=open"
        assert "Create a read-only link" in owner.get(revoked.headers["location"]).text
        for gone in (path, f"{path}/export", "/s/" + "x" * 65):
            response = friend.get(gone)
            assert response.status_code == 404 and "This share link was revoked" in response.text


@pytest.mark.parametrize("headers", [{"Sec-Fetch-Site": "cross-site"}, {"Sec-Fetch-Site": "same-site"},
                                     {"Origin": "https://evil.example"}, {"Origin": "null"}],
                         ids=["cross-site", "same-site", "origin", "null-origin"])
def test_forms_sent_from_other_sites_are_refused(site: tuple[str, Settings], headers: dict[str, str]) -> None:
    with browser(site) as owner:
        cid = ask(owner)
        store = ConversationStore.from_url(site[1].database_url)
        before = len(store.turns(cid))
        owner.headers.pop("Sec-Fetch-Site")
        for path, data in (("/chat", {"message": "forged", "conversation_id": cid}),
                           ("/feedback", {"conversation_id": cid, "turn": "1", "rating": "down"}),
                           ("/share", {"conversation_id": cid})):
            response = owner.post(path, data=data, headers=headers)
            assert response.status_code == 403 and CROSS_SITE.replace("'", "&#39;") in response.text, path
        assert len(store.turns(cid)) == before and store.turns(cid)[1].rating is None
        assert store.share_token(cid) is None
        same = owner.post("/chat", data={"message": SOFT_NO, "conversation_id": cid},
                          headers={"Origin": site[0], **HTMX})
        assert same.status_code == 200 and len(store.turns(cid)) == before + 2
