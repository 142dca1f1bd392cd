"""A board cannot recover a lone colleague's answers from any number it sees. Three colleagues
answer; the criteria only the directie judges get one score each. Two schools differ only in
what that one directie answered there: every figure their boards get (the page's data, the
ontwikkelkaart cells, the criterion table, the PDF, the spreadsheet) is the same, so none of
those answers can be derived from them, while the schools' own results do differ."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest

from assessment import store
from assessment.board_dashboard import build_dashboard
from assessment.board_export import board_xlsx, overview_table, phase_table, scans_table
from assessment.report.board_appendix import board_appendix_pdf
from assessment.report.board_report import board_pdf
from assessment.rubric import load_rubric
from assessment.scoring import score_scan
from tests.factories import board_code, closed_scan, make_school
from tests.helpers import DATA
from tests.report.helpers import Pdf

# The roles rubric: a-v1 and b-b2 for the directie only, a-b1 for directie and werkgroep.
RESTRICTED = ("a-v1", "a-b1", "b-b2")
DIRECTIE = {"a-v2": 2, "a-b2": 2, "b-v1": 2, "b-v2": 1, "b-b1": 2}
TEACHERS = [
    {"a-v2": 3, "a-b2": 1, "b-v1": 2, "b-v2": 2, "b-b1": 1},
    {"a-v2": 2, "a-b2": 2, "b-v1": 3, "b-v2": "dk", "b-b1": 2},
]
# What the directie answered on the criteria only she judges, in two versions of the school.
VERSIONS = {
    "high": {"a-v1": 3, "a-b1": 3, "b-b2": 3},
    "low": {"a-v1": 0, "a-b1": "dk", "b-b2": 1},
}
BOARD = "Stichting Samen"
MADE = dt.date(2026, 12, 6)


@pytest.fixture
def rubric():
    rubric = load_rubric(DATA / "rubrics" / "roles")
    store.register_rubric(rubric)
    return rubric


def school_with(engine, rubric, restricted: dict, agreed: dict | None = None):
    """A board with one sharing school whose three colleagues answered and whose scan is
    closed; returns (board access, coordinator access, scan id)."""
    school = make_school(engine, name="OBS De Regenboog", board=BOARD, share_with_board=True)
    scan = closed_scan(
        engine,
        school,
        rubric=rubric,
        respondents=["directie"] + ["leerkracht"] * len(TEACHERS),
        answers=[DIRECTIE | restricted, *TEACHERS],
        agreed=agreed,
    )
    board_access = store.resolve_code(engine, board_code(engine, school.board))
    return board_access, school.coordinator, scan.id


def everything_the_board_sees(engine, access, rubric) -> dict:
    overview = store.board_overview(engine, access)
    dashboard = build_dashboard(overview, rubric)
    ids = [row.scan.scan_id for row in dashboard.rows]
    maps = store.board_maps(engine, access, ids)
    criteria = store.board_criteria(engine, access, ids)
    workbook = openpyxl.load_workbook(io.BytesIO(board_xlsx(dashboard, criteria, rubric, "nl")))
    return {
        "scans": [
            (s.respondents, s.submitted, s.school_phase, s.readiness, s.phases, s.flags)
            for school in overview
            for s in school.scans
        ],
        "screen": [
            overview_table(dashboard, rubric, "nl"),
            phase_table(dashboard, rubric, "nl"),
            scans_table(dashboard, rubric, "nl"),
            {theme: dashboard.trend(theme) for theme in dashboard.themes},
        ],
        "maps": list(maps.values()),
        "criteria": [list(by_criterion.values()) for by_criterion in criteria.values()],
        "xlsx": [
            [[cell.value for cell in row] for row in sheet.iter_rows()]
            for sheet in workbook.worksheets
        ],
        "pdf": Pdf(board_pdf(dashboard, rubric, BOARD, "nl", made=MADE)).flat,
        "appendix": Pdf(board_appendix_pdf(dashboard, maps, rubric, BOARD, "nl", made=MADE)).flat,
    }


def school_result(engine, coordinator, scan_id, rubric):
    data = store.scan_data(engine, coordinator, scan_id)
    return score_scan(rubric, data.answers, data.agreed)


def test_a_lone_directies_answers_change_nothing_the_board_sees(engine, rubric):
    seen, results = {}, {}
    for version, restricted in VERSIONS.items():
        board, coordinator, scan_id = school_with(engine, rubric, restricted)
        seen[version] = everything_the_board_sees(engine, board, rubric)
        results[version] = school_result(engine, coordinator, scan_id, rubric)
    # The directie's answers count for the school: its own readiness differs ...
    assert [t.readiness for t in results["high"].themes] != [
        t.readiness for t in results["low"].themes
    ]
    # ... and the board has figures to look at (three respondents) ...
    assert seen["high"]["scans"][0][0] == 3 and seen["high"]["scans"][0][3]
    assert seen["high"]["maps"] and seen["high"]["criteria"][0]
    # ... none of which depends on what the directie alone answered.
    for part in seen["high"]:
        assert seen["high"][part] == seen["low"][part], part


def test_the_board_sees_no_figure_of_a_criterion_scored_by_one(engine, rubric):
    board, _coordinator, scan_id = school_with(engine, rubric, VERSIONS["high"])
    criteria = store.board_criteria(engine, board, [scan_id])[scan_id]
    assert not set(RESTRICTED) & set(criteria)
    assert {c.criterion for c in criteria.values()} == {"a-v2", "a-b2", "b-v1", "b-b1"}


def test_an_agreed_value_of_a_hidden_criterion_is_the_teams_and_counts(engine, rubric):
    agreed = {"a-v1": 3}  # the team settled it together: no one colleague's answer
    seen = {}
    for version, restricted in VERSIONS.items():
        board, _coordinator, scan_id = school_with(engine, rubric, restricted, agreed)
        seen[version] = everything_the_board_sees(engine, board, rubric)
        criteria = store.board_criteria(engine, board, [scan_id])[scan_id]
        entry = criteria["a-v1"]
        assert (entry.agreed, entry.mean, entry.n, entry.dont_know) == (3, None, None, None)
    assert seen["high"]["scans"] == seen["low"]["scans"]
    assert seen["high"]["maps"] == seen["low"]["maps"]
    without, _coordinator, _scan = school_with(engine, rubric, VERSIONS["high"])
    readiness = everything_the_board_sees(engine, without, rubric)["scans"][0][3]
    assert seen["high"]["scans"][0][3]["alfa"] != readiness["alfa"]  # the agreed 3 counts
