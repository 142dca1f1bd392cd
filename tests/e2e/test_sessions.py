"""Staying signed in in Chromium: a typed coordinator code survives a reload, a new
tab and a bookmark, never shows up in a URL, and stops working after sign-out or revocation.
Pages a code may not open answer in Dutch, never with Streamlit's English "Page not found"."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from assessment import store
from tests.e2e.test_journeys import shoot
from tests.factories import make_school

WAIT = 20000


@pytest.fixture
def school(server):
    """A school of its own with a coordinator code, so revoking it touches no other test."""
    return make_school(server.engine, name="OBS De Bladwijzer", board="Stichting Sessie")


def sign_in_by_typing(page: Page, url: str, code: str) -> None:
    page.goto(url)
    page.get_by_role("textbox", name="Jouw code").fill(code)
    page.get_by_role("button", name="Openen").click()
    expect_signed_in(page)


def expect_signed_in(page: Page) -> None:
    expect(page.get_by_role("heading", name="OBS De Bladwijzer")).to_be_visible(timeout=WAIT)
    expect(page.get_by_role("button", name="Afmelden")).to_be_visible()


def expect_signed_out(page: Page) -> None:
    expect(page.get_by_role("textbox", name="Jouw code")).to_be_visible(timeout=WAIT)
    expect(page.get_by_role("button", name="Afmelden")).to_have_count(0)


def test_a_typed_code_survives_reload_new_tab_and_bookmark_until_sign_out(
    page: Page, server, school
):
    code = school.coordinator_code
    requested: list[str] = []
    page.context.on("request", lambda request: requested.append(request.url))

    sign_in_by_typing(page, server.url, code)
    expect(page.get_by_text("Stappenplan")).to_be_visible()
    shoot(page, "session-signed-in")
    page.reload()
    expect_signed_in(page)
    bookmark = page.url

    tab = page.context.new_page()
    tab.goto(f"{server.url}/beheer")
    expect(tab.get_by_role("heading", name="Beheer")).to_be_visible(timeout=WAIT)
    tab.close()

    [cookie] = [c for c in page.context.cookies() if c["name"] == "tso_sessie"]
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and cookie["path"] == "/"
    assert "tso_sessie" not in page.evaluate("document.cookie")
    assert not [url for url in requested if code in url]

    page.get_by_role("button", name="Afmelden").click()
    expect_signed_out(page)
    page.goto(bookmark)
    expect_signed_out(page)
    # The server ended the session: even a browser that kept the cookie is signed out.
    page.context.add_cookies([cookie])
    page.goto(bookmark)
    expect_signed_out(page)
    expect(page.get_by_text("Je bent afgemeld.")).to_be_visible()
    with pytest.raises(store.SessionEnded):
        store.resolve_session(server.engine, cookie["value"])
    assert not [url for url in requested if code in url]


def test_revoking_the_code_signs_its_browsers_out(page: Page, server, school):
    code = school.coordinator_code
    sign_in_by_typing(page, server.url, code)
    page.reload()
    expect_signed_in(page)
    store.revoke_code(server.engine, store.admin_access(), school.coordinator.code_id)
    page.reload()
    expect_signed_out(page)
    expect(page.get_by_text("Deze code is ingetrokken.")).to_be_visible()
    page.reload()  # the dead cookie has been dropped: no message any more
    expect_signed_out(page)
    expect(page.get_by_text("Deze code is ingetrokken.")).to_have_count(0)
    assert not [c for c in page.context.cookies() if c["name"] == "tso_sessie"]


def test_a_coordinator_link_with_the_code_signs_in_and_drops_the_code_from_the_url(
    page: Page, server, school
):
    code = school.coordinator_code
    page.goto(f"{server.url}/bespreken?code={code}")
    expect(page.get_by_role("heading", name="Bespreken")).to_be_visible(timeout=WAIT)
    assert code not in page.url and re.search(r"/bespreken$", page.url)
    page.reload()
    expect(page.get_by_role("heading", name="Bespreken")).to_be_visible(timeout=WAIT)


NO_DIALOG = "Page not found"


@pytest.mark.parametrize(
    "path, sentence",
    [
        ("/beheer", "Meld je eerst aan met je code; daarna kun je deze pagina openen."),
        ("/vergelijken?code={respondent}", "Deze pagina is er niet voor jouw code."),
        ("/bestaatniet", None),
    ],
)
def test_a_page_out_of_reach_answers_in_dutch_without_page_not_found(
    page: Page, server, path, sentence
):
    page.goto(server.url + path.format(respondent=server.respondent))
    expect(page.get_by_role("heading", name="TSO Zelfscan")).to_be_visible(timeout=WAIT)
    if sentence:
        expect(page.get_by_text(sentence)).to_be_visible()
    shoot(page, "refused" + path.split("?")[0].replace("/", "-"))
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(page.get_by_text(NO_DIALOG)).to_have_count(0)


def test_a_request_for_another_host_name_is_refused(server):
    # DNS rebinding and a foreign Host header: only the names in TSO_ALLOWED_HOSTS are answered
    import urllib.error
    import urllib.request

    own = urllib.request.Request(server.url + "/_stcore/health")
    assert urllib.request.urlopen(own).status == 200
    foreign = urllib.request.Request(
        server.url + "/_stcore/health", headers={"Host": "evil.example"}
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(foreign)
    assert refused.value.code == 400
