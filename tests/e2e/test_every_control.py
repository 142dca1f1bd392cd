"""Every control for every role in Chromium, at 1280 px and on a 390 px phone: each button,
selectbox, toggle and download on every page is used once, and none of them leads to "Er ging
iets mis" on the page or a traceback in the server's log.

One server on the demo board serves every role; its log is read after each role. Controls with
the same kind and label (the "Toevoegen" of each suggested step) count as one control."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Page, expect

from assessment import store
from assessment.i18n import t
from assessment.rubric import load_rubric
from assessment.ui.web import COOKIE
from tests.e2e.browser_checks import WAIT, pages_by_role
from tests.e2e.conftest import start_streamlit

PAGES_BY_ROLE = pages_by_role()
DEMO_SCHOOL = "OBS De Regenboog"
# The respondent first and the coordinator last: the coordinator's clicks close and reopen scans.
ROLES = ["respondent", "board", "trainer", "coordinator"]
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
FAILED = [t("app.errors.unexpected", lang)[:20] for lang in ("nl", "en")]
MAX_CLICKS_PER_PAGE = 40
SLOW = 60000

# Every control of the main area, as (kind, label); data_editor cells, the table toolbar and the
# language switch (which has tests of its own) are left out.
_CONTROLS = """() => {
  const main = document.querySelector('[data-testid=stMain]');
  const skip = '[data-testid=stDataFrame], [data-testid=stElementToolbar], [kind=elementToolbar], .st-key-language_top, [data-testid=stTooltipIcon]';
  const text = el => {
    const copy = el.cloneNode(true);
    copy.querySelectorAll('[data-testid=stIconMaterial]').forEach(icon => icon.remove());
    return copy.textContent.replace(/\\s+/g, ' ').trim();
  };
  const seen = new Set(), found = [];
  document.querySelectorAll('[data-probe]').forEach(el => el.removeAttribute('data-probe'));
  const add = (kind, el, label, target) => {
    if (el.closest(skip) || el.disabled || !el.getClientRects().length || !label) return;
    const key = kind + '|' + label;
    if (seen.has(key)) return;
    seen.add(key);
    (target || el).setAttribute('data-probe', String(found.length));
    found.push([kind, label, found.length]);
  };
  main.querySelectorAll('[data-testid=stDownloadButton] button').forEach(
    el => add('download', el, text(el)));
  main.querySelectorAll('[data-testid=stSelectbox]').forEach(
    el => add('selectbox', el.querySelector('input') || el, text(el.querySelector('label') || el), el));
  main.querySelectorAll('[data-testid=stCheckbox] input').forEach(
    el => add('toggle', el, text(el.closest('label') || el), el.closest('label')));
  main.querySelectorAll('button').forEach(el => {
    if (el.closest('[data-testid=stDownloadButton], [data-testid=stSelectbox]')) return;
    add('button', el, text(el) || el.getAttribute('aria-label') || '');
  });
  return found;
}"""


@dataclass
class Site:
    url: str
    codes: dict[str, str]
    log: Path


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("controls")
    database = f"sqlite:///{folder / 'controls.sqlite'}"
    engine = store.make_engine(database)
    store.upgrade(engine)
    store.seed_demo(engine, load_rubric())
    admin = store.admin_access()
    [board] = [b for b in store.list_boards(engine, admin) if b.name == store.DEMO_BOARD]
    [school] = [s for s in store.list_schools(engine, admin, board.id) if s.name == DEMO_SCHOOL]
    [open_scan] = [s for s in store.list_scans(engine, admin, school.id) if s.status == "open"]
    codes = {
        "respondent": store.issue_code(engine, admin, "respondent", scan_id=open_scan.id).code,
        "coordinator": store.issue_code(engine, admin, "coordinator", school_id=school.id).code,
        "trainer": store.issue_code(engine, admin, "trainer", school_id=school.id).code,
        "board": store.issue_code(engine, admin, "board", board_id=board.id).code,
    }
    engine.dispose()
    log = folder / "server.log"
    process, url = start_streamlit(database, log)
    yield Site(url, codes, log)
    process.terminate()
    process.wait(timeout=10)


def page_url(site: Site, role: str, name: str) -> str:
    path = "" if name == "start" else name
    if role == "respondent":
        return f"{site.url}/{path}?code={site.codes[role]}"
    return f"{site.url}/{path}"


def sign_in(page: Page, site: Site, role: str) -> None:
    """Sign in by link and wait until the browser holds its session cookie."""
    page.goto(f"{site.url}/?code={site.codes[role]}")
    for _ in range(100):
        if any(cookie["name"] == COOKIE for cookie in page.context.cookies()):
            break
        page.wait_for_timeout(100)
    else:
        raise AssertionError(f"{role}: no session cookie after signing in")
    settle(page)


def settle(page: Page) -> None:
    """The run a click started is over and drawn (a busy CI machine may take long)."""
    page.wait_for_timeout(250)  # a click starts its run a moment later
    expect(page.get_by_test_id("stApp")).to_have_attribute(
        "data-test-script-state", "notRunning", timeout=SLOW
    )
    for test_id in ("stSkeleton", "stSpinner"):
        expect(page.get_by_test_id(test_id)).to_have_count(0, timeout=SLOW)
    expect(page.locator("[data-stale=true]")).to_have_count(0, timeout=SLOW)


def no_failure_on_screen(page: Page, what: str) -> None:
    for text in FAILED:
        assert page.get_by_text(text).count() == 0, f"{what}: {text}"
    assert page.get_by_test_id("stException").count() == 0, what


def use(page: Page, kind: str, element: Locator) -> None:
    if not element.is_visible():  # hidden by an earlier click's rerun: nobody can press it now
        return
    element.scroll_into_view_if_needed()
    if kind == "download":
        with page.expect_download(timeout=SLOW) as started:
            element.click(timeout=WAIT)
        assert Path(started.value.path()).stat().st_size > 0
    elif kind == "selectbox":
        element.get_by_role("button", name="Open").click(timeout=WAIT)
        options = page.get_by_role("option")
        expect(options.first).to_be_visible(timeout=WAIT)
        options.last.click()
    else:
        element.click(timeout=WAIT)
    settle(page)
    page.keyboard.press("Escape")  # closes a dialog or a list a click opened


def open_expanders(page: Page) -> None:
    """Open every expander, so that the controls inside it are used too."""
    page.evaluate(
        "document.querySelectorAll('[data-testid=stMain] details:not([open]) > summary')"
        ".forEach(summary => summary.click())"
    )


def visit(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.get_by_test_id("stMain").locator("h1").first).to_be_visible(timeout=SLOW)
    settle(page)
    open_expanders(page)


def click_everything(page: Page, site: Site, role: str, name: str) -> set[tuple[str, str]]:
    """Use every control of one page once (also those a click brings up); returns them."""
    url = page_url(site, role, name)
    visit(page, url)
    done: set[tuple[str, str]] = set()
    retried: dict[tuple[str, str], int] = {}
    while len(done) < MAX_CLICKS_PER_PAGE:
        if not page.url.split("?")[0].rstrip("/").endswith(url.split("?")[0].rstrip("/")):
            visit(page, url)  # a click led elsewhere (or signed out): back to this page
        waiting = [
            (kind, label, probe)
            for kind, label, probe in page.evaluate(_CONTROLS)
            if (kind, label) not in done
        ]
        if not waiting:
            break
        kind, label, probe = waiting[0]
        try:
            use(page, kind, page.locator(f'[data-probe="{probe}"]'))
        except PlaywrightError:  # drawn anew between finding and clicking: find it again, once
            retried[(kind, label)] = retried.get((kind, label), 0) + 1
            if retried[(kind, label)] > 1:
                raise
            settle(page)
            continue
        done.add((kind, label))
        no_failure_on_screen(page, f"{role} {name}: {kind} ‘{label}’")
        open_expanders(page)
        settle(page)
    return done


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("role", ROLES)
def test_every_control_of_every_page_works(page: Page, site: Site, role: str, viewport: str):
    page.set_viewport_size(VIEWPORTS[viewport])
    log_start = site.log.stat().st_size
    if role != "respondent":
        sign_in(page, site, role)
    used = {name: click_everything(page, site, role, name) for name in PAGES_BY_ROLE[role]}
    assert sum(len(controls) for controls in used.values()) >= len(used), used
    with site.log.open("rb") as log:
        log.seek(log_start)
        written = log.read().decode("utf-8", "replace")
    assert "Traceback" not in written, written[-4000:]
