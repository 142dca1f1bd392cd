"""The HTTP side of the app as a real server sends it (``server.py``, as ``scripts/run`` starts
it): the security headers on every route, a Content-Security-Policy that Streamlit's own pages
live with, and sign-in and sign-out routes that answer only the app's own pages and a ticket only
for the browser that asked for it."""

from __future__ import annotations

import re
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import Browser, Page, expect

from assessment import store
from assessment.ui.security_headers import HEADERS
from tests.e2e.conftest import _free_port
from tests.factories import make_school

WAIT = 30000


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


def fetch(url: str, method: str = "GET", headers: dict | None = None):
    """The response itself (status, headers), redirects not followed."""
    request = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        return urllib.request.build_opener(_NoRedirect).open(request)
    except urllib.error.HTTPError as answer:
        return answer


def static_file(url: str) -> str:
    page = urllib.request.urlopen(url + "/").read().decode()
    return "/" + re.search(r'src="\.?/?(static/[^"]+\.js)"', page)[1]


def test_every_route_sends_the_security_headers(server):
    paths = [
        ("GET", "/", 200),
        ("GET", static_file(server.url), 200),
        ("GET", "/_stcore/health", 200),
        ("GET", "/_stcore/host-config", 200),
        ("GET", "/bestaatniet", 307),
        ("GET", "/_aanmelden?t=onzin", 303),
        ("POST", "/_afmelden", 403),
    ]
    for method, path, status in paths:
        answer = fetch(server.url + path, method)
        assert answer.status == status, path
        for name, value in HEADERS.items():
            assert answer.headers.get_all(name) == [value], (path, name)
    foreign = fetch(server.url + "/", headers={"Host": "evil.example"})
    assert foreign.status == 400 and foreign.headers["X-Frame-Options"] == "DENY"


@pytest.fixture
def coordinator_code(server) -> str:
    school = make_school(server.engine, name="OBS De Bladwijzer", board="Stichting Kop")
    return school.coordinator_code


def sign_in(page: Page, url: str, code: str) -> None:
    page.goto(url)
    page.get_by_role("textbox", name="Jouw code").fill(code)
    page.get_by_role("button", name="Openen").click()


def test_streamlit_pages_break_no_rule_of_the_content_security_policy(
    page: Page, server, coordinator_code
):
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    sign_in(page, server.url, coordinator_code)
    expect(page.get_by_role("button", name="Afmelden")).to_be_visible(timeout=WAIT)
    for path, heading in [
        ("/beheer", "Beheer"),
        ("/resultaten", "Resultaten"),
        ("/bespreken", "Bespreken"),
        ("/actieplan", "Actieplan"),
    ]:
        page.goto(server.url + path)
        expect(page.get_by_role("heading", name=heading).first).to_be_visible(timeout=WAIT)
    page.goto(f"{server.url}/vragenlijst?code={server.respondent}")
    expect(page.get_by_role("heading", name="Vragenlijst")).to_be_visible(timeout=WAIT)
    assert refused == []


def test_sign_in_and_sign_out_refuse_requests_from_other_sites(server, coordinator_code):
    access = store.resolve_code(server.engine, coordinator_code)
    mine = "the-browser-cookie-of-the-coordinator"

    def redeem(ticket: str, **headers):
        answer = fetch(
            f"{server.url}/_aanmelden?t={ticket}&naar=/beheer",
            headers={"Cookie": f"tso_browser={mine}", **headers},
        )
        assert answer.status == 303 and answer.headers["Location"] in ("/beheer", "/")
        return [c for c in answer.headers.get_all("Set-Cookie") or [] if "tso_sessie=" in c]

    for foreign in [{"Sec-Fetch-Site": "cross-site"}, {"Sec-Fetch-Site": "same-site"}]:
        assert redeem(store.open_session(server.engine, access, mine), **foreign) == []
    assert (
        redeem(store.open_session(server.engine, access, mine), Origin="http://evil.example") == []
    )
    ticket = store.open_session(server.engine, access, mine)
    [cookie] = redeem(ticket, **{"Sec-Fetch-Site": "same-origin"})
    token = cookie.split(";")[0].split("=", 1)[1]
    assert redeem(ticket, **{"Sec-Fetch-Site": "same-origin"}) == []  # once

    for foreign in [
        {"Sec-Fetch-Site": "cross-site", "Origin": "http://evil.example"},
        {"Origin": "http://evil.example"},
        {},  # no browser at all
    ]:
        answer = fetch(
            server.url + "/_afmelden", "POST", {"Cookie": f"tso_sessie={token}", **foreign}
        )
        assert answer.status == 403 and not answer.headers.get_all("Set-Cookie")
        assert store.resolve_session(server.engine, token) == access
    host = server.url.split("//", 1)[1]
    answer = fetch(
        server.url + "/_afmelden",
        "POST",
        {
            "Cookie": f"tso_sessie={token}",
            "Sec-Fetch-Site": "same-origin",
            "Origin": f"http://{host}",
        },
    )
    assert answer.status == 204
    with pytest.raises(store.SessionEnded):
        store.resolve_session(server.engine, token)


@pytest.fixture
def other_site():
    """A page on another site (``localhost`` beside the app's ``127.0.0.1``) with one link."""
    links: dict[str, str] = {}

    class Page(BaseHTTPRequestHandler):
        def do_GET(self):
            body = f'<a id="lokker" href="{links["href"]}">Klik hier</a>'.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    port = _free_port()
    site = ThreadingHTTPServer(("127.0.0.1", port), Page)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    yield f"http://localhost:{port}/", links
    site.shutdown()


def test_a_ticket_signs_in_only_the_browser_that_asked_for_it(
    browser: Browser, server, coordinator_code, other_site
):
    attacker = browser.new_context(locale="nl-NL")
    tickets: list[str] = []

    def keep_ticket(route):
        tickets.append(route.request.url)
        route.abort()

    attacker.route("**/_aanmelden*", keep_ticket)
    attacker_page = attacker.new_page()
    sign_in(attacker_page, server.url, coordinator_code)
    for _ in range(100):
        if tickets:
            break
        attacker_page.wait_for_timeout(100)
    [ticket_url] = tickets
    attacker.unroute("**/_aanmelden*")

    victim = browser.new_context(locale="nl-NL")
    page = victim.new_page()
    address, links = other_site
    links["href"] = ticket_url
    page.goto(address)
    page.click("#lokker")  # a link on another site
    expect(page.get_by_role("textbox", name="Jouw code")).to_be_visible(timeout=WAIT)
    page.evaluate("url => { window.location.href = url; }", ticket_url)  # even from the app itself
    expect(page.get_by_role("textbox", name="Jouw code")).to_be_visible(timeout=WAIT)
    expect(page.get_by_role("button", name="Afmelden")).to_have_count(0)
    assert not [c for c in victim.cookies() if c["name"] == "tso_sessie"]

    attacker_page.evaluate("url => { window.location.href = url; }", ticket_url)
    expect(attacker_page.get_by_role("button", name="Afmelden")).to_be_visible(timeout=WAIT)
    assert [c for c in attacker.cookies() if c["name"] == "tso_sessie"]
    attacker.close()
    victim.close()
