"""A new school's first plan in a real browser: suggested steps added, owners and deadlines typed
in the grid, saved and reloaded: every deadline is still there, in the grid, the CSV, the Excel
file and the PDF."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from babel.dates import format_date
from openpyxl import load_workbook
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from assessment import store
from assessment.i18n import t
from assessment.rubric import load_rubric
from tests.e2e.browser_checks import WAIT, wait_until_drawn
from tests.e2e.test_journeys import shoot
from tests.factories import every_criterion, make_scan, make_school

RUBRIC = load_rubric()
MARKERS, TITLE, THEME, OWNER = 40, 300, 165, 110  # column widths in the grid (pages/actieplan.py)
HEADER = 36
STEPS = 3
TYPED = [("Anna", "01-03-2027"), ("Bram", "15-4-2027"), ("Chris", "30-06-2027")]


def new_school_with_answers(engine) -> str:
    """A school whose first scan has a few low answers (so there are steps to suggest) and no
    plan yet; returns its coordinator code."""
    school = make_school(engine, name="OBS Het Eerste Plan", board="Stichting Eerste Plan")
    make_scan(engine, school, rubric=RUBRIC, answers=[every_criterion(RUBRIC, 1)] * 3)
    return school.coordinator_code


def settled(page: Page) -> None:
    page.wait_for_timeout(400)  # the edit reaches the server in a run of its own
    expect(page.get_by_test_id("stApp")).to_have_attribute(
        "data-test-script-state", "notRunning", timeout=WAIT
    )


def type_in_cell(page: Page, row: int, column_x: int, text: str) -> None:
    grid = page.get_by_test_id("stDataFrame").first
    box = grid.bounding_box()
    row_height = (box["height"] - HEADER - 3) / (STEPS + 1)
    page.mouse.click(box["x"] + column_x, box["y"] + HEADER + row_height * (row + 0.5))
    page.wait_for_timeout(300)  # as a person does: the grid takes keys once it shows the cell
    page.keyboard.type(text, delay=20)
    page.keyboard.press("Enter")
    settled(page)


def grid_text(page: Page) -> str:
    """What the grid holds, read from the table glide-data-grid keeps for screen readers."""
    return page.get_by_test_id("stDataFrame").first.locator("table").inner_text()


def download(page: Page, name: str) -> bytes:
    with page.expect_download() as started:
        page.get_by_role("button", name=name).click()
    return Path(started.value.path()).read_bytes()


def test_a_new_school_s_first_deadlines_survive_save_and_reload(page: Page, server):
    code = new_school_with_answers(server.engine)
    page.goto(server.url)
    page.get_by_label("Jouw code", exact=True).fill(code)
    page.get_by_role("button", name="Openen").click()
    page.get_by_role("link", name="Actieplan").click()
    expect(page.get_by_role("heading", name="Het plan")).to_be_visible(timeout=WAIT)
    for _ in range(STEPS):
        page.get_by_role("button", name="Toevoegen").first.click()
        expect(page.get_by_text("De stap staat in het actieplan.")).to_be_visible(timeout=WAIT)
        wait_until_drawn(page)

    owner_x = MARKERS + TITLE + THEME + OWNER // 2
    deadline_x = MARKERS + TITLE + THEME + OWNER + 50
    for row, (owner, deadline) in enumerate(TYPED):
        type_in_cell(page, row, owner_x, owner)
        type_in_cell(page, row, deadline_x, deadline)
    page.get_by_role("button", name="Plan opslaan").click()
    expect(page.get_by_text("Het plan is opgeslagen.")).to_be_visible(timeout=WAIT)

    page.reload()
    expect(page.get_by_role("heading", name="Het plan")).to_be_visible(timeout=WAIT)
    wait_until_drawn(page)
    shown = grid_text(page)
    for owner, day in [("Anna", "01-03-2027"), ("Bram", "15-04-2027"), ("Chris", "30-06-2027")]:
        assert owner in shown and day in shown, shown
    shoot(page, "plan-after-reload")

    coordinator = store.resolve_code(server.engine, code)
    [scan] = store.list_scans(server.engine, coordinator, coordinator.school_id)
    saved = store.list_actions(server.engine, coordinator, scan.id)
    expected = [dt.date(2027, 3, 1), dt.date(2027, 4, 15), dt.date(2027, 6, 30)]
    assert [(a.owner, a.due_date) for a in saved] == [
        (owner, day) for (owner, _), day in zip(TYPED, expected, strict=True)
    ]

    rows = list(csv.reader(io.StringIO(download(page, "Plan als CSV").decode("utf-8-sig"))))
    flat_csv = " ".join(" ".join(row) for row in rows)
    workbook = load_workbook(io.BytesIO(download(page, "Plan als Excel-bestand")))
    flat_xlsx = " ".join(
        str(cell) for sheet in workbook for row in sheet.iter_rows(values_only=True) for cell in row
    )
    pdf = PdfReader(io.BytesIO(download(page, "Actieplan als PDF")))
    flat_pdf = " ".join(p.extract_text() for p in pdf.pages)
    for day in expected:
        assert day.strftime("%d-%m-%Y") in flat_csv, day
        assert day.isoformat() in flat_xlsx, (day, flat_xlsx)
        assert format_date(day, t("report.date_short"), locale="nl") in flat_pdf, day
