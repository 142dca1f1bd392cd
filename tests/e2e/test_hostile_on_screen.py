"""Hostile text on screen: a demo-like school whose name, scan labels, evidence notes,
action titles and owners hold HTML, Markdown, LaTeX and spreadsheet formulas, opened in Chromium
on every page that shows them. Nothing is interpreted (no image, no link, no formula drawn, no
script), the text reads as typed, and no page asks another host for anything. A text the store
refuses (a reading-direction override) gets a Dutch sentence on screen."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

import pytest
import yaml
from playwright.sync_api import Page, expect

from assessment import store
from assessment.i18n import t
from assessment.rubric import load_rubric
from assessment.store.demo import SCHOOLS, demo_document
from tests.e2e.browser_checks import WAIT, is_outside, record_requests, wait_until_drawn
from tests.e2e.conftest import start_streamlit
from tests.helpers import ROOT

CORPUS = yaml.safe_load((ROOT / "tests/data/hostile.yaml").read_text(encoding="utf-8"))
TEXTS = [
    CORPUS[name]
    for name in (
        "html",
        "markdown_link",
        "markdown_image",
        "csv_formula",
        "streamlit_directive",
        "markdown_emphasis",
    )
] + ["$x$"]
SCHOOL = f"OBS {CORPUS['html']} {CORPUS['markdown_link']}"
OPEN_LABEL = f"2025-2026 {CORPUS['markdown_image']}"
CLOSED_LABEL = "$x$"


@dataclass
class Site:
    url: str
    engine: object
    codes: dict[str, str]
    school_id: int


def hostile_document() -> dict:
    """OBS De Regenboog of the demo, its texts replaced by hostile ones: every evidence note,
    action title and owner, the school's name and the labels of its two newest scans."""
    document = demo_document(load_rubric(), SCHOOLS[0])
    document["school"] = {**document["school"], "name": SCHOOL, "is_demo": False}
    document["scans"][-2]["label"] = CLOSED_LABEL
    document["scans"][-1]["label"] = OPEN_LABEL
    texts = itertools.cycle(TEXTS)
    for scan in document["scans"]:
        for respondent in scan["respondents"]:
            for answer in respondent["answers"]:
                if answer["note"]:
                    answer["note"] = next(texts)
        for action in scan["actions"]:
            action["title"] = next(texts)
            action["owner"] = next(texts)
    return document


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    database = f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'hostile.sqlite'}"
    engine = store.make_engine(database)
    store.upgrade(engine)
    admin = store.admin_access()
    board = store.create_board(engine, admin, "Stichting Proef")
    school = store.import_school(engine, admin, hostile_document(), board.id)
    codes = {
        "coordinator": store.issue_code(engine, admin, "coordinator", school_id=school.id).code,
        "trainer": store.issue_code(engine, admin, "trainer", school_id=school.id).code,
        "board": store.issue_code(engine, admin, "board", board_id=board.id).code,
    }
    process, url = start_streamlit(database)
    yield Site(url, engine, codes, school.id)
    process.terminate()
    process.wait(timeout=10)
    engine.dispose()


def test_the_store_takes_the_hostile_texts_as_they_are(site):
    [school] = store.list_schools(site.engine, store.admin_access())
    assert school.name == SCHOOL
    labels = [s.label for s in store.list_scans(site.engine, store.admin_access(), school.id)]
    assert labels == [OPEN_LABEL, CLOSED_LABEL, "2023-2024"]


def expect_nothing_interpreted(page: Page) -> None:
    """No image, disguised link, emphasis, formula or script made from the texts. A bare address
    such as http://evil.example stays a visible address; Streamlit's Markdown makes it clickable,
    as a mail program would, but no link ever shows other words than where it goes."""
    main = page.get_by_test_id("stMain")
    expect(page.locator("img[src='x'], img[src*='evil.example']")).to_have_count(0)
    links = main.locator("a[href*='evil.example']")
    expect(links.filter(has_not_text=re.compile(r"^https?://evil\.example"))).to_have_count(0)
    emphasis = re.compile("^(vet|schuin|code|kop|rood)$")
    expect(
        main.locator("strong, em, code, h1, h2, h3, h4, span").filter(has_text=emphasis)
    ).to_have_count(0)
    expect(main.locator(".katex")).to_have_count(0)


def expect_literal(page: Page, *texts: str) -> None:
    main = page.get_by_test_id("stMain")
    for text in texts:
        expect(main.get_by_text(text).first).to_be_attached()


def quoted_notes(page: Page) -> list[str]:
    """The evidence notes on the page, which are shown in quotes."""
    quoted = page.get_by_test_id("stMain").get_by_text(re.compile("^“.*”$"))
    return [text.strip()[1:-1] for text in quoted.all_text_contents()]


def visit(page: Page, site: Site, name: str) -> None:
    page.goto(f"{site.url}/{name}")
    wait_until_drawn(page)
    expect_nothing_interpreted(page)


@pytest.fixture
def watched(page: Page):
    """The page, with every request and every script dialog recorded; after the test none went
    to another host and no dialog opened."""
    requested = record_requests(page)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    assert requested and not [url for url in requested if is_outside(url)]
    assert not dialogs


def sign_in(page: Page, site: Site, role: str) -> None:
    page.goto(f"{site.url}/?code={site.codes[role]}")
    wait_until_drawn(page)


def test_the_coordinator_pages_show_the_texts_as_typed(watched: Page, site: Site):
    page = watched
    sign_in(page, site, "coordinator")
    main = page.get_by_test_id("stMain")

    visit(page, site, "resultaten")
    expect(main.locator("h1")).to_contain_text(f"Resultaten {SCHOOL}")
    expect(main.locator(".js-plotly-plot").first).to_contain_text(CLOSED_LABEL)
    expect(main.locator(".js-plotly-plot").first).to_contain_text(OPEN_LABEL)

    visit(page, site, "bespreken")
    notes = quoted_notes(page)
    assert notes and set(notes) <= set(TEXTS), notes

    visit(page, site, "actieplan")
    [open_scan, *_] = store.list_scans(site.engine, store.admin_access(), site.school_id)
    to_review = store.actions_to_review(site.engine, store.admin_access(), open_scan.id)
    assert to_review
    for action in to_review:
        expect_literal(page, action.title, f"Eigenaar: {action.owner}")

    visit(page, site, "beheer")
    expect_literal(page, SCHOOL, f"{OPEN_LABEL} (open)", f"{CLOSED_LABEL} (gesloten)")
    main.get_by_role("button", name="Codes aanmaken").click()
    expect(main.get_by_text("Alle links kopiëren")).to_be_visible(timeout=WAIT)
    main.get_by_text("Per collega, met QR-code").click()
    expect(main.get_by_text(f"Collega 1 · {OPEN_LABEL}", exact=True)).to_be_visible(timeout=WAIT)
    expect_nothing_interpreted(page)

    # A text the store refuses is refused in Dutch, and nothing is issued.
    main.get_by_role("textbox", name="Naam van de trainer").fill(CORPUS["rtl_override"])
    main.get_by_role("button", name="Trainerscode aanmaken").click()
    expect(main.get_by_text(t("store.errors.direction_control", "nl"))).to_be_visible(timeout=WAIT)


def test_the_trainer_briefing_shows_the_texts_as_typed(watched: Page, site: Site):
    page = watched
    sign_in(page, site, "trainer")
    visit(page, site, "briefing")
    main = page.get_by_test_id("stMain")
    expect(main.locator("h1")).to_contain_text(f"Briefing: {SCHOOL}")
    expect_literal(page, f"Scan {OPEN_LABEL} (open)", CLOSED_LABEL)
    notes = quoted_notes(page)
    assert notes and set(notes) <= set(TEXTS), notes


def test_the_board_comparison_shows_the_texts_as_typed(watched: Page, site: Site):
    page = watched
    sign_in(page, site, "board")
    visit(page, site, "vergelijken")
    expect_literal(page, SCHOOL, CLOSED_LABEL)
    expect(page.get_by_test_id("stMain").locator(".js-plotly-plot").last).to_contain_text(SCHOOL)


def test_the_store_refuses_a_reading_direction_override_in_dutch(site: Site):
    with pytest.raises(store.InvalidInput) as refused:
        store.create_school(site.engine, store.admin_access(), 1, CORPUS["rtl_override"])
    assert t(refused.value.key, "nl") == (
        "Deze tekst bevat een teken dat de leesrichting omdraait. Haal het weg of typ de tekst"
        " opnieuw."
    )
