"""Every page for every role in Chromium, on the demo board: axe-core finds no
critical or serious WCAG 2 A/AA violation and no heading out of order in our own content, no chart
text is fainter than 4,5:1, and no page asks another host for anything, also not while a
selectbox or an expander is opened."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from assessment import store
from assessment.rubric import load_rubric
from tests.e2e.browser_checks import (
    WAIT,
    Violation,
    axe_violations,
    faint_chart_text,
    is_outside,
    pages_by_role,
    record_requests,
    wait_until_drawn,
)
from tests.e2e.conftest import start_streamlit

PAGES_BY_ROLE = pages_by_role()
DEMO_SCHOOL = "OBS De Regenboog"
ROLES = [None, "respondent", "coordinator", "trainer", "board"]
PHONE = {"width": 390, "height": 844}
# Every role on a desktop; the respondent, who mostly answers on a phone, on a phone as well.
VISITS = [(role, None) for role in ROLES] + [("respondent", PHONE)]

# Violations inside Streamlit's own widgets that no parameter or theme setting of ours reaches:
# (rule, data-testid of the Streamlit element that holds it, why it is not ours).
ALLOWED = [
    (
        "target-size",
        "stDateInputField",
        "the day, month and year parts of Streamlit's date input are react-aria segments of"
        " the text's own width; the field as a whole is 40 px high and opens a calendar",
    ),
]


# A button that opens a page's second state, checked as well: the questions behind the intro.
FURTHER = {"vragenlijst": "Beginnen"}


def allowed(violation: Violation) -> bool:
    return any(
        violation.rule == rule and test_id in violation.owners for rule, test_id, _ in ALLOWED
    )


@dataclass
class Site:
    url: str
    codes: dict[str | None, str | None]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The demo board with a code of every role for OBS De Regenboog (three school years, the
    newest open) behind one server."""
    database = f"sqlite:///{tmp_path_factory.mktemp('pages') / 'pages.sqlite'}"
    engine = store.make_engine(database)
    store.upgrade(engine)
    store.seed_demo(engine, load_rubric())
    admin = store.admin_access()
    [board] = [b for b in store.list_boards(engine, admin) if b.name == store.DEMO_BOARD]
    [school] = [s for s in store.list_schools(engine, admin, board.id) if s.name == DEMO_SCHOOL]
    [open_scan] = [s for s in store.list_scans(engine, admin, school.id) if s.status == "open"]
    codes = {
        None: None,
        "respondent": store.issue_code(engine, admin, "respondent", scan_id=open_scan.id).code,
        "coordinator": store.issue_code(engine, admin, "coordinator", school_id=school.id).code,
        "trainer": store.issue_code(engine, admin, "trainer", school_id=school.id).code,
        "board": store.issue_code(engine, admin, "board", board_id=board.id).code,
    }
    engine.dispose()
    process, url = start_streamlit(database)
    yield Site(url, codes)
    process.terminate()
    process.wait(timeout=10)


def page_url(site: Site, role: str | None, name: str) -> str:
    """A respondent's code stays in the address; the other roles sign in once with it, after
    which their session cookie carries them."""
    path = "" if name == "start" else name
    code = site.codes[role]
    if code and (role == "respondent" or name == "start"):
        return f"{site.url}/{path}?code={code}"
    return f"{site.url}/{path}"


def open_widgets(page: Page) -> None:
    """Open the page's first selectbox (and close it) and its first expander."""
    main = page.get_by_test_id("stMain")
    selectbox = main.get_by_test_id("stSelectbox")
    if selectbox.count():
        # Scrolled to first: the list closes on any scroll, also the one a click makes first.
        selectbox.first.scroll_into_view_if_needed()
        selectbox.first.get_by_role("button", name="Open").click()
        expect(page.get_by_role("option").first).to_be_visible(timeout=WAIT)
        page.keyboard.press("Escape")
    expander = main.get_by_test_id("stExpander")
    if expander.count():
        expander.first.locator("summary").click()
        expect(expander.first.locator("details")).to_have_attribute("open", "")


def problems(page: Page) -> list[str]:
    return [str(v) for v in axe_violations(page) if not allowed(v)] + faint_chart_text(page)


@pytest.mark.parametrize(
    "role, viewport",
    VISITS,
    ids=[f"{role or 'signed_out'}{'-phone' if viewport else ''}" for role, viewport in VISITS],
)
def test_every_page_passes_axe_and_asks_no_other_host(page: Page, site: Site, role, viewport):
    if viewport:
        page.set_viewport_size(viewport)
    requested = record_requests(page)
    ours: dict[str, list[str]] = {}
    for name in PAGES_BY_ROLE[role]:
        page.goto(page_url(site, role, name))
        wait_until_drawn(page)
        assert urlsplit(page.url).path == urlsplit(page_url(site, role, name)).path  # not refused
        found = problems(page)
        further = page.get_by_role("button", name=FURTHER.get(name, "-"), exact=True)
        if further.count():
            further.click()
            expect(further).to_have_count(0, timeout=WAIT)
            wait_until_drawn(page)
            found += problems(page)
        if found:
            ours[name] = found
        open_widgets(page)
    assert not ours, f"accessibility, role {role}: {ours}"
    outside = [url for url in requested if is_outside(url)]
    assert requested and not outside, f"requests to another host, role {role}: {outside}"
