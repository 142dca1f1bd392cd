"""The hostile-input corpus (tests/data/hostile.yaml) through every text field of a stored scan,
then out again: in the action-plan PDF (with notes) and in the plan's CSV and XLSX. A text the store
takes comes out literally and never as markup or a formula; a text it refuses is refused in Dutch."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from assessment import store
from assessment.i18n import t
from assessment.plan_export import plan_csv, plan_xlsx
from assessment.report import report_for_scan
from assessment.report.fonts import MISSING_GLYPH
from assessment.rubric import load_rubric
from assessment.spreadsheet import FORMULA_STARTS
from tests.factories import make_scan, make_school
from tests.helpers import MINI_RUBRIC
from tests.report.helpers import Pdf

CORPUS = yaml.safe_load(
    (Path(__file__).parent.parent / "data" / "hostile.yaml").read_text(encoding="utf-8")
)
# Texts the PDF font draws letter for letter, so they must come back from the PDF's text as is.
DRAWN_AS_IS = [
    "html",
    "script",
    "markdown_link",
    "markdown_image",
    "markdown_emphasis",
    "latex",
    "reportlab_font",
    "reportlab_image",
    "reportlab_link",
    "entity",
    "csv_formula",
    "csv_at",
    "sql",
    "backslashes",
]


def stored_scan(engine, text: str):
    """A scan whose school, label, note, agreed note, action title and owner all hold ``text``;
    the coordinator's access, the scan id, and the actions as stored."""
    rubric = load_rubric(MINI_RUBRIC)
    store.register_rubric(rubric)
    school = make_school(engine, name=f"OBS {text}")
    scan = make_scan(
        engine,
        school,
        label=f"2026 {text}",
        rubric=rubric,
        answers=[{"a-v1": (value, f"Toelichting {text}")} for value in (1, 3, 3)],
        agreed={"a-v1": (2, f"Afspraak {text}")},
        actions=[{"theme": "alfa", "title": f"Actie {text}", "owner": f"Juf {text}"}],
    )
    coordinator = school.coordinator
    return coordinator, scan.id, store.list_actions(engine, coordinator, scan.id)


@pytest.mark.parametrize("case", sorted(CORPUS))
def test_hostile_text_comes_out_literally_in_the_pdf_and_the_spreadsheets(engine, case):
    text = CORPUS[case]
    try:
        coordinator, scan_id, actions = stored_scan(engine, text)
    except store.StoreError as refused:
        assert t(refused.key, "nl", **refused.values)  # a Dutch sentence, not a traceback
        return
    pdf = Pdf(report_for_scan(engine, coordinator, scan_id, include_notes=True))
    if case in DRAWN_AS_IS:  # compared without white space: a narrow column wraps inside words
        letters = "".join(pdf.text.split())
        for shown in (f"OBS {text}", f"Toelichting {text}", f"Actie {text}", f"Juf {text}"):
            assert "".join(shown.split()) in letters, shown
    assert MISSING_GLYPH not in pdf.flat or case in ("emoji", "arabic")

    rubric = load_rubric(MINI_RUBRIC)
    rows = list(
        csv.reader(io.StringIO(plan_csv(actions, rubric, "nl").decode("utf-8-sig")), delimiter=";")
    )
    sheet = load_workbook(io.BytesIO(plan_xlsx(actions, rubric, "nl"))).active
    cells = [c for row in rows for c in row] + [
        str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None
    ]
    assert not [c for c in cells if c.startswith(FORMULA_STARTS)]
    assert not [c for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    titles = {c.removeprefix("'") for c in cells}
    assert actions[0].title in titles and actions[0].owner in titles
