"""Two app processes on one PostgreSQL behind nginx, started by ``scripts/serve``.

Two respondents answer in real browsers, each kept on its own process by the route cookie; their
answers interleave. The coordinator then revokes one code while it is open in its browser: its
next answer is refused there, its link is refused on the other process too, and the other
respondent goes on answering. Nothing saved before is lost.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
import urllib.error
import urllib.request
import uuid

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import text
from sqlalchemy.engine import make_url

from assessment import store
from assessment.rubric import load_rubric
from tests.e2e.conftest import _free_port
from tests.factories import make_scan, make_school
from tests.helpers import ROOT

pytestmark = pytest.mark.postgres
RUBRIC = load_rubric()
REVOKED = "Deze code is ingetrokken"


@pytest.fixture
def database(postgres_url):
    """A schema of its own on the test server, as a URL every process can use."""
    schema = f"serve_{uuid.uuid4().hex[:8]}"
    admin_engine = store.make_engine(postgres_url)
    with admin_engine.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(postgres_url).update_query_dict({"options": f"-csearch_path={schema}"})
    yield url.render_as_string(hide_password=False)
    with admin_engine.begin() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin_engine.dispose()


@pytest.fixture
def served(database, tmp_path):
    """``scripts/serve 2 PORT`` on ``database``; yields (url, its directory, the engine)."""
    if not os.path.exists("/usr/sbin/nginx"):
        pytest.skip("nginx is not installed (scripts/test installs it)")
    port = _free_port()
    while True:  # the two app processes take the next ports
        if all(_port_free(port + i) for i in (1, 2)):
            break
        port = _free_port()
    directory = tmp_path / "serve"
    env = {**os.environ, "TSO_DATABASE_URL": database, "TSO_SERVE_DIR": str(directory)}
    process = subprocess.Popen(
        [str(ROOT / "scripts" / "serve"), "2", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    engine = store.make_engine(database)
    try:
        _wait_for(url, process)
        yield url, directory, engine
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        engine.dispose()


def _port_free(port: int) -> bool:
    import socket

    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _wait_for(url: str, process: subprocess.Popen) -> None:
    for _ in range(240):
        if process.poll() is not None:
            raise RuntimeError(process.stdout.read().decode(errors="replace"))
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=1).read() == b"ok":
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError("scripts/serve did not start")


def _routes(url: str, directory) -> dict[str, str]:
    """A route cookie for each app process: which process a cookie reaches, from nginx's log
    (a WebSocket is logged only when it closes, a plain request at once)."""
    log = directory / "access.log"
    routes: dict[str, str] = {}
    for attempt in range(40):
        cookie = f"route{attempt}"
        request = urllib.request.Request(  # an unknown page: the app answers with a redirect
            f"{url}/{cookie}", headers={"Cookie": f"tso_route={cookie}"}
        )
        urllib.request.urlopen(request).read()
        line = _logged(log, f' /{cookie}"')
        routes.setdefault(line.rsplit("upstream=", 1)[1], cookie)
        if len(routes) == 2:
            return routes
    raise AssertionError(f"every route reached one process: {routes}")


def _logged(log, needle: str) -> str:
    """The access-log line holding ``needle``: nginx writes it after the response has gone out,
    so on a busy machine it may come a moment after the client has read the answer."""
    for _ in range(100):
        line = next((line for line in log.read_text().splitlines() if needle in line), None)
        if line is not None:
            return line
        time.sleep(0.1)
    raise AssertionError(f"nginx logged no request with {needle!r}")


def _open(browser: Browser, url: str, code: str, route: str, headers=None) -> Page:
    """A respondent's link in a new browser whose route cookie leads to one process."""
    context = browser.new_context(
        locale="nl-NL", viewport={"width": 1280, "height": 1600}, extra_http_headers=headers
    )
    context.add_cookies([{"name": "tso_route", "value": route, "url": url}])
    page = context.new_page()
    page.goto(f"{url}/?code={code}")
    return page


def _to_questionnaire(page: Page, *, begin: bool = True) -> None:
    """To the questions; ``begin=False``: a respondent who began before goes on where they were."""
    page.get_by_role("link", name="Naar de vragenlijst").click()
    expect(page.get_by_role("heading", name="Vragenlijst")).to_be_visible(timeout=30000)
    if begin:
        page.get_by_role("button", name="Beginnen").click()


def _wait_until_stored(engine, access, scan_id: int, criterion: str, values: list[int]) -> None:
    """Until the answers to ``criterion`` are ``values`` (a page saves after its rerun)."""
    for _ in range(60):
        if sorted(store.scan_data(engine, access, scan_id).answers.get(criterion, [])) == sorted(
            values
        ):
            return
        time.sleep(0.5)
    stored = store.scan_data(engine, access, scan_id).answers.get(criterion)
    raise AssertionError(f"{criterion}: {stored} stored, {values} given")


def _answer(page: Page, criterion, value: int) -> None:
    group = page.get_by_role(
        "radiogroup", name=re.compile(re.escape(RUBRIC.text(criterion.label, "nl")))
    )
    group.get_by_text(re.compile(rf"^{value} · ")).click()


def test_two_processes_share_the_answers_and_a_revocation(browser: Browser, served):
    url, directory, engine = served
    headers = urllib.request.urlopen(url + "/").headers
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in headers["Permissions-Policy"]

    coordinator, scan, codes = _school_with_respondents(engine, 2)

    one, other = _routes(url, directory).values()
    first, second = _open(browser, url, codes[0], one), _open(browser, url, codes[1], other)
    for page in (first, second):
        _to_questionnaire(page)
    criteria = RUBRIC.theme_list[0].criteria[:4]
    for index, criterion in enumerate(criteria[:3]):  # both processes save at the same time
        _answer(first, criterion, index)
        _answer(second, criterion, 3 - index)
        _wait_until_stored(engine, coordinator, scan.id, criterion.id, [index, 3 - index])

    first_access = store.resolve_code(engine, codes[0])
    store.revoke_code(engine, coordinator, first_access.code_id)

    _answer(first, criteria[3], 2)  # the revoked code, still open on its own process
    expect(first.get_by_text(REVOKED).first).to_be_visible(timeout=15000)
    _answer(second, criteria[3], 1)  # the other respondent, on the other process, goes on
    _wait_until_stored(engine, coordinator, scan.id, criteria[3].id, [1])

    again = _open(browser, url, codes[0], other)  # the revoked link, on the other process
    expect(again.get_by_text(REVOKED).first).to_be_visible(timeout=30000)
    for page in (first, second, again):
        page.context.close()
    time.sleep(1)  # nginx logs a WebSocket when it closes
    upstreams = {
        line.rsplit("upstream=", 1)[1]
        for line in (directory / "access.log").read_text().splitlines()
        if "/_stcore/stream" in line
    }
    assert len(upstreams) == 2, upstreams  # both processes served a page

    data = store.scan_data(engine, coordinator, scan.id)
    for index, criterion in enumerate(criteria[:3]):
        assert sorted(data.answers[criterion.id]) == sorted([index, 3 - index])
    assert data.answers[criteria[3].id] == [1]


def _school_with_respondents(engine, count: int):
    school = make_school(engine, name="OBS Gedeeld", board="Stichting Twee Servers")
    scan = make_scan(engine, school, rubric=RUBRIC, respondents=count)
    return school.coordinator, scan.scan, scan.codes


def _health(url: str) -> bool:
    try:
        return urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok"
    except OSError:
        return False


def test_a_killed_process_is_started_again_while_the_others_go_on(browser: Browser, served):
    url, directory, engine = served
    coordinator, scan, codes = _school_with_respondents(engine, 2)
    routes = _routes(url, directory)
    (doomed_upstream, doomed_route), (_, living_route) = sorted(routes.items())
    first, second = (
        _open(browser, url, codes[0], doomed_route),
        _open(browser, url, codes[1], living_route),
    )
    for page in (first, second):
        _to_questionnaire(page)
    criteria = RUBRIC.theme_list[0].criteria[:5]
    for index, criterion in enumerate(criteria[:2]):
        _answer(first, criterion, index)
        _answer(second, criterion, 3 - index)
        _wait_until_stored(engine, coordinator, scan.id, criterion.id, [index, 3 - index])

    port = doomed_upstream.rsplit(":", 1)[1]
    pid_file = directory / f"streamlit-{port}.pid"
    killed = int(pid_file.read_text())
    _answer(second, criteria[2], 2)  # a save under way on the living process ...
    os.kill(killed, signal.SIGKILL)  # ... while the other process dies
    _wait_until_stored(engine, coordinator, scan.id, criteria[2].id, [2])
    assert _health(url)  # nginx answers, from the living process
    _answer(second, criteria[3], 1)  # the other respondent goes on
    _wait_until_stored(engine, coordinator, scan.id, criteria[3].id, [1])

    first.goto(f"{url}/?code={codes[0]}")  # the respondent of the dead process reloads
    _to_questionnaire(first, begin=False)
    _answer(first, criteria[3], 3)
    _wait_until_stored(engine, coordinator, scan.id, criteria[3].id, [1, 3])

    for _ in range(120):  # the dead process is started again on its own port
        if pid_file.read_text().strip() != str(killed) and _health(f"http://127.0.0.1:{port}"):
            break
        time.sleep(0.5)
    else:
        raise AssertionError("the killed process was not started again")
    again = _open(browser, url, codes[0], doomed_route)  # its route works on the new process
    _to_questionnaire(again, begin=False)
    _answer(again, criteria[4], 0)
    _wait_until_stored(engine, coordinator, scan.id, criteria[4].id, [0])

    data = store.scan_data(engine, coordinator, scan.id)
    for index, criterion in enumerate(criteria[:2]):  # nothing acknowledged before is lost
        assert sorted(data.answers[criterion.id]) == sorted([index, 3 - index])
    assert sorted(data.answers[criteria[3].id]) == [1, 3]
    for page in (first, second, again):
        page.context.close()


def test_behind_tls_cookies_are_secure_and_no_log_holds_a_code(browser: Browser, served):
    url, directory, engine = served
    coordinator, scan, codes = _school_with_respondents(engine, 1)
    page = _open(browser, url, codes[0], "any", headers={"X-Forwarded-Proto": "https"})
    expect(page.get_by_role("link", name="Naar de vragenlijst")).to_be_visible(timeout=30000)
    page.context.close()

    ticket_browser = "browser-cookie-of-the-coordinator"
    admin = store.admin_access()
    issued = store.issue_code(engine, admin, "coordinator", school_id=coordinator.school_id)
    ticket = store.open_session(engine, store.resolve_code(engine, issued.code), ticket_browser)
    request = urllib.request.Request(
        f"{url}/_aanmelden?t={ticket}&naar=/beheer",
        headers={
            "X-Forwarded-Proto": "https",  # what a TLS proxy in front of nginx sends
            "Sec-Fetch-Site": "same-origin",
            "Cookie": f"tso_browser={ticket_browser}",
        },
    )

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args):
            return None

    try:
        urllib.request.build_opener(NoRedirect).open(request)
    except urllib.error.HTTPError as answer:
        cookies = answer.headers.get_all("Set-Cookie")
    [session] = [c for c in cookies if c.startswith("tso_sessie=")]
    assert "Secure" in session and "HttpOnly" in session
    assert all("Secure" in c for c in cookies)  # the route cookie too

    html = urllib.request.urlopen(
        urllib.request.Request(url + "/", headers={"X-Forwarded-Proto": "https"})
    )
    assert all("Secure" in c for c in html.headers.get_all("Set-Cookie"))

    time.sleep(1)
    for logged in directory.iterdir():
        if logged.is_file():
            text = logged.read_text(errors="replace")
            assert codes[0] not in text and issued.code not in text and ticket not in text
    assert "/_aanmelden" in (directory / "access.log").read_text()  # the log does log paths


def test_wrong_codes_count_per_forwarded_address_across_both_processes(browser: Browser, served):
    from assessment import code_attempts
    from assessment.store._common import utcnow

    url, directory, engine = served
    _school_with_respondents(engine, 0)
    one, other = _routes(url, directory).values()
    for tab in range(19):  # 19 wrong codes from the school's address, each tab one
        code_attempts.wrong_code(engine, f"elsewhere-{tab}", "10.1.1.1", utcnow())

    def typed(route: str, address: str, code: str) -> Page:
        page = _open(browser, url, "", route, headers={"X-Forwarded-For": address})
        page.get_by_role("textbox", name="Jouw code").fill(code)
        page.get_by_role("button", name="Openen").click()
        return page

    school = typed(one, "10.1.1.1", "fout-20")  # the 20th from that address, on one process
    expect(school.get_by_text("kennen we niet")).to_be_visible(timeout=30000)
    school.get_by_role("textbox", name="Jouw code").fill("fout-21")
    school.get_by_role("button", name="Openen").click()
    expect(school.get_by_text("te vaak een onjuiste code")).to_be_visible(timeout=30000)

    home = typed(other, "10.2.2.2", "fout-a")  # another address, on the other process
    expect(home.get_by_text("kennen we niet")).to_be_visible(timeout=30000)
    home.get_by_role("textbox", name="Jouw code").fill("fout-b")
    home.get_by_role("button", name="Openen").click()
    expect(home.get_by_text("kennen we niet")).to_be_visible(timeout=30000)
    expect(home.get_by_text("te vaak een onjuiste code")).to_have_count(0)

    neighbour = typed(other, "10.1.1.1", "fout-22")  # the school's address, other process
    expect(neighbour.get_by_text("kennen we niet")).to_be_visible(timeout=30000)
    neighbour.get_by_role("textbox", name="Jouw code").fill("fout-23")
    neighbour.get_by_role("button", name="Openen").click()
    expect(neighbour.get_by_text("te vaak een onjuiste code")).to_be_visible(timeout=30000)
    for page in (school, home, neighbour):
        page.context.close()
