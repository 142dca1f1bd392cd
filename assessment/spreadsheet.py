"""Writing tables for spreadsheet programs (CSV for Dutch Excel, XLSX) without formula injection.

Every cell the app writes to a spreadsheet goes through ``safe_cell``: a text that starts with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return would be run as a formula by Excel or
LibreOffice (``=HYPERLINK(...)``, ``=cmd|...``), so it gets a leading apostrophe and stays text.

A CSV file is also opened by programs that guess its delimiter (an English Excel or Google
Sheets split at ``,``), and then a cell starts wherever the text holds a delimiter. So in a CSV
every field is quoted and ``safe_csv_cell`` also puts the apostrophe before a formula start that
follows a delimiter character (``,`` ``;`` tab ``|`` or a line end, with spaces or quotes between):
``1,=1+1`` is written ``1,'=1+1``, whatever a program takes for the delimiter.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell as XlsxCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A formula start after a delimiter character a spreadsheet may guess (or a line end), with any
# spaces and quotes between; at the start of the text ``safe_cell`` has already done it.
_AFTER_DELIMITER = re.compile(r'([,;\t|\r\n][\s"]*)([=+\-@])')
Cell = str | int | float | dt.date | None
CSV_DATE = "%d-%m-%Y"
XLSX_DATE = "DD-MM-YYYY"
MAX_COLUMN_WIDTH = 80


def safe_cell(value: object) -> str:
    """``value`` as text a spreadsheet shows and never evaluates."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def safe_csv_cell(value: object) -> str:
    """``value`` as CSV text no spreadsheet evaluates, whatever delimiter it splits at."""
    return _AFTER_DELIMITER.sub(r"\1'\2", safe_cell(value))


def csv_bytes(headers: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    """A CSV file as Dutch Excel opens it by double-click: ``;`` between cells, every cell
    quoted, UTF-8 with a byte-order mark (else Excel reads ë as Ã«), dates as dd-mm-jjjj."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow([safe_csv_cell(header) for header in headers])
    for row in rows:
        writer.writerow([_csv_text(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def _csv_text(value: Cell) -> str:
    if isinstance(value, dt.date):
        return value.strftime(CSV_DATE)
    if isinstance(value, int | float):
        return str(value).replace(".", ",")
    return safe_csv_cell(value)


Sheet = tuple[str, Sequence[str], Iterable[Sequence[Cell]]]  # title, headers, rows


def xlsx_bytes(sheet_title: str, headers: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    """An XLSX workbook with one sheet (see ``xlsx_workbook``)."""
    return xlsx_workbook([(sheet_title, headers, rows)])


def xlsx_workbook(sheets: Sequence[Sheet]) -> bytes:
    """An XLSX workbook with a sheet per (title, headers, rows): a bold, frozen header row with a
    filter, long texts that wrap, dates as real dates shown dd-mm-jjjj. Texts are always stored as
    text, never as formulas. Written in openpyxl's write-only mode: a board's workbook of
    60,000 rows takes seconds instead of half a minute."""
    workbook = Workbook(write_only=True)
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    for title, headers, rows in sheets:
        _fill_sheet(workbook.create_sheet(title[:31]), headers, list(rows), bold, wrap)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# A write-only sheet has column_dimensions and auto_filter, which its stubs leave out; and takes
# a date as a cell's value, where they name only datetime.
XlsxSheet = Any


def _fill_sheet(
    sheet: XlsxSheet,
    headers: Sequence[str],
    rows: list[Sequence[Cell]],
    bold: Font,
    wrap: Alignment,
) -> None:
    """Widths, frozen row and filter first: a write-only sheet takes them before its rows."""
    widths = [len(str(header)) for header in headers]
    for row in rows:
        for index, value in enumerate(row):
            size = 10 if isinstance(value, dt.date) else len(str(value))
            if size > widths[index]:
                widths[index] = size
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(width + 2, MAX_COLUMN_WIDTH)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(max(len(headers), 1))}{len(rows) + 1}"
    sheet.append([_styled(sheet, safe_cell(header), font=bold) for header in headers])
    for row in rows:
        sheet.append([_xlsx_cell(sheet, value, wrap) for value in row])


def _xlsx_cell(sheet: XlsxSheet, value: Cell, wrap: Alignment) -> XlsxCell | Cell:
    if isinstance(value, dt.date):
        return _styled(sheet, value, number_format=XLSX_DATE)
    if isinstance(value, str):
        # safe_cell never lets a text start with "=", so openpyxl stores it as text, not formula;
        # a text wider than its column wraps (a style on every cell would double the time)
        text = safe_cell(value)
        return _styled(sheet, text, alignment=wrap) if len(text) > MAX_COLUMN_WIDTH else text
    return value


def _styled(sheet: XlsxSheet, value: Any, **style: object) -> XlsxCell:
    cell = WriteOnlyCell(sheet, value=value)
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell
