"""The app and the command line on one SQLite file, as a school runs them (README, Command line).

The app runs (``streamlit run server.py``, as ``scripts/run`` starts it); a coordinator opens a
scan and a respondent answers in real browsers. Beside it every command that touches the
database runs as its own process. Then both save again, a colleague with a code the command line
made answers for the first time, and the app stops. Every write the app acknowledged must be in
the file, and SQLite must find the file whole. (A descriptor of the file opened and closed by our
own code dropped SQLite's locks: a command then deleted the WAL under the running app, the next
respondent met a corrupt database and the scan the coordinator saw opened was gone.)
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

from playwright.sync_api import Browser, Page, expect

from assessment import store
from assessment.rubric import load_rubric
from tests.e2e.conftest import start_streamlit
from tests.e2e.test_serve import _answer, _to_questionnaire, _wait_until_stored
from tests.factories import closed_scan, make_scan, make_school
from tests.helpers import ROOT

RUBRIC = load_rubric()
CRITERIA = RUBRIC.theme_list[0].criteria


def command(database: str, *args: str) -> subprocess.CompletedProcess:
    """``python -m assessment ARGS`` as its own process, on the app's database."""
    env = {**os.environ, "TSO_DATABASE_URL": database}
    env.pop("TSO_RUBRIC_DIR", None)
    return subprocess.run(
        [sys.executable, "-m", "assessment", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def settled(page: Page) -> None:
    page.wait_for_timeout(400)  # a click starts its run a moment later
    expect(page.get_by_test_id("stApp")).to_have_attribute(
        "data-test-script-state", "notRunning", timeout=30000
    )


def open_scan_on_beheer(page: Page, label: str) -> None:
    expect(page.get_by_role("button", name="Afmelden")).to_be_visible(timeout=30000)
    page.get_by_role("link", name="Beheer", exact=True).click()
    settled(page)  # else the page's own run redraws the form over what was typed
    name = page.get_by_role("textbox", name="Naam van de nieuwe scan")
    name.fill(label)
    expect(name).to_have_value(label)
    page.get_by_role("button", name="Nieuwe scan openen").click()
    expect(page.get_by_text(f"Scan {label} staat open.")).to_be_visible(timeout=30000)


def respondent_page(browser: Browser, url: str, code: str) -> Page:
    page = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 1600}).new_page()
    page.goto(f"{url}/?code={code}")
    _to_questionnaire(page)
    return page


def test_every_command_beside_the_running_app_loses_nothing(browser: Browser, tmp_path):
    path = tmp_path / "tso.sqlite"
    database = f"sqlite:///{path}"
    engine = store.make_engine(database)
    store.upgrade(engine)
    school = make_school(engine, name="OBS Eén Bestand", board="Stichting Naast Elkaar")
    coordinator_code, coordinator = school.coordinator_code, school.coordinator
    last_year = closed_scan(engine, school, label="2025-2026", rubric=RUBRIC)
    scan = make_scan(engine, school, rubric=RUBRIC, respondents=1)
    [first_code] = scan.codes
    engine.dispose()

    app, url = start_streamlit(database)
    try:
        coordinator_page = browser.new_context(locale="nl-NL").new_page()
        coordinator_page.goto(f"{url}/?code={coordinator_code}")
        open_scan_on_beheer(coordinator_page, "2027-2028")
        first = respondent_page(browser, url, first_code)
        _answer(first, CRITERIA[0], 2)
        _wait_until_stored(engine, coordinator, scan.id, CRITERIA[0].id, [2])
        engine.dispose()

        for _ in range(3):  # a closed scan gets no new codes
            refused = command(
                database, "admin", "issue-code", "--role", "respondent", "--scan", "1"
            )
            assert refused.returncode == 2 and "gesloten" in refused.stderr, refused.stderr
        issued = [
            command(database, "admin", "issue-code", "--role", "respondent", "--scan", str(scan.id))
            for _ in range(2)
        ]
        assert [done.returncode for done in issued] == [0, 0], [d.stderr for d in issued]
        revoked_code, second_code = (done.stdout.splitlines()[1] for done in issued)
        revoked_id = issued[0].stdout.split()[1]
        ran = [
            command(database, "admin", "revoke-code", revoked_id),
            command(database, "admin", "list"),
            command(database, "export", "--school", str(school.id), "-o", str(tmp_path / "s.json")),
            command(database, "report", "--scan", str(last_year.id), "-o", str(tmp_path / "p.pdf")),
            command(database, "db", "upgrade"),
            command(database, "demo"),
        ]
        assert [done.returncode for done in ran] == [0] * len(ran), [d.stderr for d in ran]
        assert "OBS Eén Bestand" in ran[1].stdout
        assert (tmp_path / "p.pdf").read_bytes().startswith(b"%PDF-")

        _answer(first, CRITERIA[1], 3)  # the app saves again, on its open sessions
        _wait_until_stored(engine, coordinator, scan.id, CRITERIA[1].id, [3])
        second = respondent_page(browser, url, second_code)  # and on a new one
        _answer(second, CRITERIA[0], 1)
        _wait_until_stored(engine, coordinator, scan.id, CRITERIA[0].id, [1, 2])
        open_scan_on_beheer(coordinator_page, "2028-2029")
        gone = respondent_page_refused(browser, url, revoked_code)
        expect(gone.get_by_text("Deze code is ingetrokken").first).to_be_visible(timeout=30000)
        engine.dispose()
    finally:
        app.terminate()
        app.wait(timeout=30)

    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        labels = {row[0] for row in connection.execute("SELECT label FROM scan")}
        boards = {row[0] for row in connection.execute("SELECT name FROM board")}
    connection.close()
    assert {"2025-2026", "2026-2027", "2027-2028", "2028-2029"} <= labels
    assert {"Stichting Naast Elkaar", "Stichting Samen Leren"} <= boards  # the demo's too
    data = store.scan_data(engine, coordinator, scan.id)
    assert sorted(data.answers[CRITERIA[0].id]) == [1, 2]
    assert data.answers[CRITERIA[1].id] == [3]
    engine.dispose()


def respondent_page_refused(browser: Browser, url: str, code: str) -> Page:
    page = browser.new_context(locale="nl-NL").new_page()
    page.goto(f"{url}/?code={code}")
    return page
