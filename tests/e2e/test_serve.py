"""Two app processes on one PostgreSQL behind nginx, started by ``scripts/serve`` (DESIGN §7b).

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
import urllib.request
import uuid

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import text
from sqlalchemy.engine import make_url

from assessment import store
from assessment.rubric import load_rubric
from tests.e2e.conftest import _free_port
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
        request = urllib.request.Request(
            f"{url}/_stcore/health?{cookie}", headers={"Cookie": f"tso_route={cookie}"}
        )
        urllib.request.urlopen(request).read()
        line = _logged(log, f"?{cookie} ")
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


def _open(browser: Browser, url: str, code: str, route: str) -> Page:
    """A respondent's link in a new browser whose route cookie leads to one process."""
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 1600})
    context.add_cookies([{"name": "tso_route", "value": route, "url": url}])
    page = context.new_page()
    page.goto(f"{url}/?code={code}")
    return page


def _to_questionnaire(page: Page) -> None:
    page.get_by_role("link", name="Naar de vragenlijst").click()
    expect(page.get_by_role("heading", name="Vragenlijst")).to_be_visible(timeout=30000)
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

    admin = store.admin_access()
    board = store.create_board(engine, admin, "Stichting Twee Servers")
    school = store.create_school(engine, admin, board.id, "OBS Gedeeld")
    coordinator = store.resolve_code(
        engine, store.issue_code(engine, admin, "coordinator", school_id=school.id).code
    )
    scan = store.open_scan(engine, coordinator, school.id, "2026-2027", RUBRIC)
    codes = [
        store.issue_code(engine, coordinator, "respondent", scan_id=scan.id).code for _ in (1, 2)
    ]

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
