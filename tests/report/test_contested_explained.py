"""The PDF explains "verschillend beoordeeld" by both halves of the rule: the spread and the
camps on each side of the phase bar."""

from __future__ import annotations

import datetime as dt

from assessment.report import ReportInput, build_report
from assessment.scoring import score_scan
from tests.report.helpers import Pdf

BOTH_HALVES = "2 of meer punten uit elkaar, en gaf minstens 25% een score onder 2,0 en minstens 25% 2,0 of hoger"


def test_the_themes_the_legend_and_the_quality_notes_name_spread_and_camps(mini):
    result = score_scan(mini, {"a-v1": [0, 0, 3, 3]})
    report = ReportInput(
        school="School",
        scan_label="2026",
        date=dt.date(2026, 12, 2),
        rubric=mini,
        result=result,
        respondents=4,
    )
    text = Pdf(build_report(report)).flat
    assert BOTH_HALVES in text
    assert "‘verdeeld’ bij 2 of meer én minstens 25% van de scores aan elke kant van 2,0" in text
    assert "(spreiding 2 of meer, minstens 25% van de scores aan elke kant van 2,0)" in text
