"""Vergelijken with the demo board: heatmap, sorting, a school's ontwikkelkaart, and the
spreadsheet export holding the numbers of the screen and nothing a spreadsheet would run."""

from __future__ import annotations

import io
from html.parser import HTMLParser

import openpyxl
import pytest

from assessment import store
from assessment.board_dashboard import build_dashboard
from assessment.board_export import board_xlsx
from assessment.rubric import load_rubric
from assessment.spreadsheet import FORMULA_STARTS
from tests.app.conftest import open_app

SCHOOLS = ["Kindcentrum Het Anker", "OBS De Regenboog", "SBO De Wissel"]
AVERAGE = "Gemiddelde van het bestuur (3 scholen)"


class _Table(HTMLParser):
    """The rows of the first table in an HTML fragment, as lists of cell texts."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None
        self._sub = 0

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("th", "td"):
            self._cell = []
        elif tag == "span" and self._cell is not None and ("class", "sub") in attrs:
            self._cell.append("\n")

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def tables(at) -> list[list[list[str]]]:
    """Every board table on the page (heatmap first, then all scans)."""
    found = []
    for element in at.get("html"):
        if "tso-heat" in element.proto.body:
            parser = _Table()
            parser.feed(element.proto.body)
            found.append(parser.rows)
    return found


@pytest.fixture
def demo_board(database):
    rubric = load_rubric()
    store.seed_demo(database, rubric)
    admin = store.admin_access()
    [board] = store.list_boards(database, admin)
    return store.issue_code(database, admin, "board", board_id=board.id).code


def test_the_demo_board_sees_its_three_schools_closed_scans(demo_board):
    at = open_app(demo_board, "vergelijken")
    assert not at.exception
    assert at.title[0].value == "Scholen vergelijken"
    heatmap, scans = tables(at)
    assert heatmap[0][:2] == ["School", "Professionalisering"]
    assert [row[0] for row in heatmap[1:]] == [AVERAGE, *SCHOOLS]  # one line per school
    assert heatmap[0][-1] == "Scan · invullers" and heatmap[2][-1] == "2024-2025 · 9"
    assert [row[:3] for row in scans[1:]] == [["2024-2025", "22-11-2024", "9"]]
    # the demo's open 2025-2026 scans are not on the board; the two closed ones of De Regenboog are
    at.selectbox(key="board_school").set_value("OBS De Regenboog").run()
    scans = tables(at)[1]
    assert [row[:3] for row in scans[1:]] == [
        ["2024-2025", "22-11-2024", "8"],
        ["2023-2024", "24-11-2023", "7"],
    ]
    assert "2025-2026" not in str(tables(at))


def test_sorting_by_a_theme_puts_the_highest_readiness_first(demo_board):
    at = open_app(demo_board, "vergelijken")
    at.selectbox(key="board_sort").set_value("leiderschap").run()
    heatmap = tables(at)[0]
    column = heatmap[0].index("Leiderschap")
    values = [float(row[column].replace(",", ".")) for row in heatmap[2:]]
    assert values == sorted(values, reverse=True)
    assert heatmap[1][0] == AVERAGE  # the average stays on top


def test_choosing_a_school_shows_its_ontwikkelkaart(demo_board):
    at = open_app(demo_board, "vergelijken")
    at.selectbox(key="board_school").set_value("SBO De Wissel").run()
    assert not at.exception
    maps = [h.proto.body for h in at.get("html") if "tso-map" in h.proto.body]
    assert len(maps) == 1 and "SBO De Wissel, scan 2024-2025" in maps[0]
    assert "hier werkt het team aan" in maps[0]


def test_the_spreadsheet_holds_the_numbers_of_the_screen_and_no_formula(database, demo_board):
    admin = store.admin_access()
    [school] = [s for s in store.list_schools(database, admin) if s.name == "SBO De Wissel"]
    hostile = store.create_school(database, admin, school.board_id, "=HYPERLINK(1)")
    store.set_board_sharing(database, admin, hostile.id, True)
    at = open_app(demo_board, "vergelijken")
    screen = tables(at)[0]
    access = store.resolve_code(database, demo_board)
    rubric = load_rubric()
    dashboard = build_dashboard(store.board_overview(database, access), rubric)
    criteria = store.board_criteria(database, access, [row.scan.scan_id for row in dashboard.rows])
    workbook = openpyxl.load_workbook(io.BytesIO(board_xlsx(dashboard, criteria, rubric, "nl")))
    overview = [list(row) for row in workbook["Overzicht"].iter_rows(values_only=True)]
    themes = screen[0][1:-2]
    assert overview[0][:4] == ["School", "Scan", "Afgesloten op", "Invullers"]
    assert overview[0][4:-1] == themes
    for sheet_row, screen_row in zip(overview[1:], screen[1:], strict=True):
        assert sheet_row[0] == screen_row[0]
        shown = [float(cell.replace(",", ".")) for cell in screen_row[1 : 1 + len(themes)]]
        assert sheet_row[4 : 4 + len(themes)] == shown
    assert workbook.sheetnames == [
        "Overzicht",
        "Fasen",
        "Scans",
        "Criteria",
        "Criteria per school",
        "Uitleg",
    ]
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(FORMULA_STARTS), cell.value
    # the school without a closed scan is listed as waiting, its name never a formula
    assert "=HYPERLINK(1): nog geen afgesloten scan" in [t.value for t in at.text]


def test_a_large_boards_spreadsheet_is_made_on_request_and_then_offered(
    database, demo_board, monkeypatch
):
    from assessment.ui import board

    monkeypatch.setattr(board, "XLSX_AT_ONCE", 0)  # as if the board had more schools
    at = open_app(demo_board, "vergelijken")
    assert "Spreadsheet (XLSX)" not in [b.label for b in at.get("download_button")]
    next(b for b in at.button if b.label == "Spreadsheet maken (XLSX)").click().run()
    assert not at.exception
    assert "Spreadsheet (XLSX)" in [b.label for b in at.get("download_button")]
    logged = store.audit_log(database, store.admin_access(), limit=50)
    assert any(e.action == "download" and e.detail.get("what") == "board_xlsx" for e in logged)
