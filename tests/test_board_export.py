"""The board spreadsheet: per criterion over the schools, per school a mean only where enough
colleagues scored a criterion, and a thousand schools written as one workbook."""

from __future__ import annotations

import io

import openpyxl
import pytest

from assessment.board_export import board_xlsx, criteria_per_school_table, criteria_table
from assessment.report.board_sample import sample_board
from assessment.rubric import load_rubric
from assessment.store.info import CriterionSummary


@pytest.fixture(scope="module")
def tso():
    return load_rubric()


def test_a_criterion_below_the_minimum_has_an_empty_cell_and_counts_for_no_school(tso):
    sample = sample_board(tso, schools=2, years=1)
    first = tso.criteria[0].id
    hidden_scan = sample.dashboard.rows[0].scan.scan_id
    criteria = {scan_id: dict(entries) for scan_id, entries in sample.criteria.items()}
    criteria[hidden_scan][first] = CriterionSummary(first, None, None, None, None, None)
    _, per_school = criteria_per_school_table(sample.dashboard, criteria, tso, "nl")
    assert per_school[0][2] is None and per_school[1][2] is not None
    _, over_schools = criteria_table(sample.dashboard, criteria, tso, "nl")
    assert over_schools[0][3] == 1  # one school with a mean
    assert over_schools[0][4] == round(
        criteria[sample.dashboard.rows[1].scan.scan_id][first].mean, 2
    )


def test_a_thousand_schools_make_one_workbook_with_an_explanation(tso):
    sample = sample_board(tso, schools=1000, years=2)
    workbook = openpyxl.load_workbook(
        io.BytesIO(board_xlsx(sample.dashboard, sample.criteria, tso, "nl")), read_only=True
    )
    assert workbook.sheetnames[-2:] == ["Criteria per school", "Uitleg"]
    rows = list(workbook["Criteria per school"].iter_rows(values_only=True))
    assert len(rows) == 1001 and len(rows[0]) == 2 + len(tso.criteria)
    explanation = " ".join(row[0] for row in workbook["Uitleg"].iter_rows(values_only=True))
    assert "minder dan 3 collega's" in explanation
