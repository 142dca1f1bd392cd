"""The board dashboard from stored summaries: average, phase counts, sorting, trend, waiting."""

from __future__ import annotations

import datetime as dt

import pytest

from assessment.board_dashboard import NAME, build_dashboard, scan_map
from assessment.rubric import load_rubric
from assessment.scoring import SECURED
from assessment.store.info import BoardScan, BoardSchool, SchoolInfo
from tests.helpers import MINI_RUBRIC

RUBRIC = load_rubric(MINI_RUBRIC)


def scan(label: str, year: int, alfa: float | None, beta: float | None, shown=True) -> BoardScan:
    readiness = {"alfa": alfa, "beta": beta} if shown else {}
    phases = {"alfa": "voorbereiden", "beta": SECURED} if shown else {}
    moment = dt.datetime(year, 11, 1, tzinfo=dt.UTC)
    return BoardScan(year, label, moment, 5 if shown else 2, 4, None, readiness, phases, {})


def school(number: int, name: str, *scans: BoardScan) -> BoardSchool:
    return BoardSchool(SchoolInfo(number, 1, name, True, False), scans)


SCHOOLS = [
    school(1, "Anker", scan("2024-2025", 2024, 40.0, 10.0), scan("2023-2024", 2023, 20.0, 5.0)),
    school(2, "Boog", scan("2024-2025", 2024, 60.0, None)),
    school(3, "Cirkel", scan("2024-2025", 2024, None, None, shown=False)),
    school(4, "Duin"),
]


def test_rows_waiting_average_and_phase_counts():
    dashboard = build_dashboard(SCHOOLS, RUBRIC)
    assert [row.school for row in dashboard.rows] == ["Anker", "Boog"]
    assert [(w.school, w.reason, w.respondents) for w in dashboard.waiting] == [
        ("Cirkel", "too_few", 2),
        ("Duin", "no_closed_scan", 0),
    ]
    assert dashboard.average("alfa") == pytest.approx(50.0)
    assert dashboard.average("beta") == pytest.approx(10.0)  # a school without a value is left out
    assert dashboard.phase_counts("alfa") == {"verkennen": 0, "voorbereiden": 2, SECURED: 0}
    assert dashboard.phase_counts("beta") == {"verkennen": 0, "voorbereiden": 0, SECURED: 2}
    assert dashboard.rows[0].change("alfa") == pytest.approx(20.0)
    assert dashboard.rows[1].change("alfa") is None


def test_sorting_by_a_theme_puts_schools_without_a_value_last():
    dashboard = build_dashboard(SCHOOLS, RUBRIC)
    assert [r.school for r in dashboard.sorted_rows("alfa")] == ["Boog", "Anker"]
    assert [r.school for r in dashboard.sorted_rows("beta")] == ["Anker", "Boog"]
    assert [r.school for r in dashboard.sorted_rows(NAME)] == ["Anker", "Boog"]


def test_trend_per_school_oldest_first_with_the_board_average():
    dashboard = build_dashboard(SCHOOLS, RUBRIC)
    assert dashboard.trend("alfa") == {
        "Anker": [("2023-2024", 20.0), ("2024-2025", 40.0)],
        "Boog": [("2024-2025", 60.0)],
    }
    assert dashboard.labels == ("2023-2024", "2024-2025")
    assert dashboard.average_trend(dashboard.trend("alfa")) == [
        ("2023-2024", 20.0),
        ("2024-2025", 50.0),
    ]


def test_the_ontwikkelkaart_is_rebuilt_from_the_summary():
    cells = {
        "beta": [("verkennen", "done", 2.5), ("voorbereiden", "working", 1.0)],
        "alfa": [("verkennen", "done", 2.5), ("voorbereiden", "working", 1.0)],
    }
    rows = scan_map(cells, ["alfa", "beta", "gamma"])
    assert [row.theme for row in rows] == ["alfa", "beta"]
    assert [(c.phase, c.state, c.mean) for c in rows[0].cells] == [
        ("verkennen", "done", 2.5),
        ("voorbereiden", "working", 1.0),
    ]


def test_the_middle_half_of_many_schools_per_school_year():
    many = [
        school(n, f"School {n}", scan("2024-2025", 2024, float(10 * n), None)) for n in range(1, 10)
    ]
    dashboard = build_dashboard(many, RUBRIC)
    [(label, first, third)] = dashboard.middle_half(dashboard.trend("alfa"))
    assert (label, first, third) == ("2024-2025", 30.0, 70.0)
    assert dashboard.middle_half({"Alleen": [("2024-2025", 50.0)]}) == [("2024-2025", None, None)]


def test_readiness_bands_count_schools_per_step_of_the_heatmap_scale():
    dashboard = build_dashboard(SCHOOLS, RUBRIC)
    assert dashboard.readiness_bands("alfa") == [0, 0, 1, 1, 0]  # 40 and 60
    assert dashboard.readiness_bands("beta") == [1, 0, 0, 0, 0]  # 10; Boog has none


def test_movers_are_schools_with_a_previous_scan_largest_rise_first():
    rising = school(5, "Eik", scan("2024-2025", 2024, 90.0, 90.0), scan("2023-2024", 2023, 10, 10))
    falling = school(
        6, "Fort", scan("2024-2025", 2024, 10.0, 10.0), scan("2023-2024", 2023, 30, 20)
    )
    dashboard = build_dashboard([*SCHOOLS, falling, rising], RUBRIC)
    moved = [(row.school, change) for row, change in dashboard.movers()]
    assert moved == [("Eik", 80.0), ("Anker", 12.5), ("Fort", -15.0)]  # Boog has no previous
