"""The plan as CSV for Dutch Excel and as XLSX: Dutch headers and words, no formula ever runs."""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
import pytest

from assessment.plan_export import plan_csv, plan_xlsx
from assessment.rubric import load_rubric
from assessment.spreadsheet import csv_bytes, safe_cell, xlsx_bytes
from assessment.store.info import ActionInfo

HOSTILE = '=HYPERLINK("http://x")'
HEADERS = ["Actie", "Thema", "Criterium", "Eigenaar", "Deadline", "Status"]


@pytest.fixture(scope="module")
def rubric():
    return load_rubric()


def action(number: int, title: str, **fields) -> ActionInfo:
    values = {
        "id": number,
        "scan_id": 1,
        "theme": "draagvlak",
        "criterion": None,
        "title": title,
        "owner": "",
        "due_date": None,
        "status": "planned",
        "carried_from": None,
        "version": 1,
    }
    return ActionInfo(**(values | fields))


@pytest.fixture(scope="module")
def actions():
    return [
        action(1, HOSTILE, owner="@directie", due_date=dt.date(2027, 3, 1), status="doing"),
        action(2, "Studiedag ‘veiligheid’ – groep 3 & 4", owner="-IB", status="done"),
    ]


def test_the_csv_opens_in_dutch_excel_and_runs_no_formula(actions, rubric):
    data = plan_csv(actions, rubric, "nl")
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark: Excel reads é and ‘ right
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == HEADERS
    theme = rubric.text(rubric.theme("draagvlak").label, "nl")
    assert rows[1] == [f"'{HOSTILE}", theme, "", "'@directie", "01-03-2027", "Bezig"]
    assert rows[2] == ["Studiedag ‘veiligheid’ – groep 3 & 4", theme, "", "'-IB", "", "Klaar"]


def test_the_xlsx_keeps_dutch_headers_and_stores_titles_as_text(actions, rubric):
    sheet = openpyxl.load_workbook(io.BytesIO(plan_xlsx(actions, rubric, "nl"))).active
    assert sheet.title == "Actieplan"
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == HEADERS
    title = sheet.cell(row=2, column=1)
    assert title.value == f"'{HOSTILE}" and title.data_type == "s"
    assert sheet.cell(row=2, column=4).value == "'@directie"
    deadline = sheet.cell(row=2, column=5)
    assert deadline.value.date() == dt.date(2027, 3, 1) and deadline.number_format == "DD-MM-YYYY"
    assert [row[5] for row in values[1:]] == ["Bezig", "Klaar"]
    assert not any(
        cell.data_type == "f" for row in sheet.iter_rows() for cell in row
    )  # no formula anywhere


def test_english_headers_and_status_words_in_english(actions, rubric):
    rows = list(
        csv.reader(io.StringIO(plan_csv(actions, rubric, "en").decode("utf-8-sig")), delimiter=";")
    )
    assert rows[0][0] == "Action" and rows[1][5] == "In progress"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_is_neutralised(start):
    text = f"{start}1+1"
    assert safe_cell(text) == f"'{text}"
    [_, row] = list(
        csv.reader(io.StringIO(csv_bytes(["a"], [[text]]).decode("utf-8-sig")), delimiter=";")
    )
    assert row == [f"'{text}"]
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_bytes("x", ["a"], [[text]]))).active
    # XML turns a carriage return into a line feed; the apostrophe in front is what counts
    # (or keeps it, written by lxml); the apostrophe in front is what counts
    assert sheet.cell(row=2, column=1).value.replace("\r", "\n") == f"'{text}".replace("\r", "\n")


@pytest.mark.parametrize("text", ["Studiedag", "1+1", "e-mail", "'al veilig", ""])
def test_ordinary_text_is_left_alone(text):
    assert safe_cell(text) == text


# Texts a team could type that become formulas when a program splits the CSV at another
# delimiter than ";" (an English Excel, Google Sheets' guess).
SPLIT_HOSTILE = [
    "=1+1",
    "+1+1;;Gepland",
    "Overleg, =1+1",
    'Plan,"=HYPERLINK(""http://x"")',
    "Ouders;@SUM(1)",
    "Team\t-2+3",
    "IB|+1",
    "regel 1\n=1+1",
    "a, ,  -1",
]
DELIMITERS = [",", ";", "\t", "|"]


def _starts_a_formula(field: str) -> bool:
    return field.lstrip(' "').startswith(("=", "+", "-", "@"))


@pytest.mark.parametrize("delimiter", DELIMITERS, ids=["comma", "semicolon", "tab", "pipe"])
def test_no_csv_field_starts_a_formula_whatever_the_delimiter(delimiter, rubric):
    plan = [action(n, title, owner=title) for n, title in enumerate(SPLIT_HOSTILE, 1)]
    text = plan_csv(plan, rubric, "nl").decode("utf-8-sig")
    fields = [field for row in csv.reader(io.StringIO(text), delimiter=delimiter) for field in row]
    assert len(fields) > len(SPLIT_HOSTILE)  # the file was split, also at the wrong delimiter
    assert [field for field in fields if _starts_a_formula(field)] == []


def test_every_csv_field_is_quoted_and_reads_back_with_semicolons(rubric):
    plan = [action(n, title) for n, title in enumerate(SPLIT_HOSTILE, 1)]
    text = plan_csv(plan, rubric, "nl").decode("utf-8-sig")
    records = text.split("\r\n")
    assert all(record.startswith('"') and record.endswith('"') for record in records if record)
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    titles = [row[0] for row in rows[1:]]
    assert titles[0] == "'=1+1" and titles[2] == "Overleg, '=1+1"
    assert titles[7] == "regel 1\n'=1+1"
    # With the apostrophes taken out, each title reads as it was typed.
    assert [title.replace("'", "") for title in titles] == [
        title.replace("'", "") for title in SPLIT_HOSTILE
    ]
