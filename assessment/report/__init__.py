"""The PDF documents: the scan report (the action plan) and the code slips.

Importing this package is cheap: ReportLab and the fonts load on the first report. Entry points:
``build_report`` (plain input), ``report_for_scan`` (from the database), ``report_from_csv``
(answers CSV files, no database) and ``python -m assessment report``.

A new document (briefing, board report) is a module or package of its own, like ``scan_report``:
its top module reads like the document's table of contents and each section is a function that
returns a list of flowables. It builds on the toolkit:

- ``styles``: A4 geometry (``MARGIN``, ``CONTENT_WIDTH``, ``FRAME_HEIGHT``), the colours,
  ``paragraph_styles()`` (body, h1–h3, bullet, quote, ``cell*``), ``esc()`` for every piece of
  user or rubric text that goes into paragraph markup, ``fit()`` for a column as wide as its text.
- ``writer.Writer(rubric, lang)``: ``t()`` (a ``report.*`` locale text), ``p()`` (a paragraph
  that shows text exactly), ``m()`` (markup built from ``esc()``-ed pieces), ``num()``,
  ``date()``, theme, criterion, phase, status and role labels, answer values. Subclass it to hold
  the document's input (``scan_report.writer.ScanWriter``).
- ``tables.table(rows, widths, ...)``: a table of paragraph cells in the house style (dark head
  row, zebra rows); one column takes the width that is left, tall rows may split.
- ``chart`` (readiness radar or bars), ``map_chart`` (development map), ``trend_chart`` (trend
  over school years): ReportLab drawings as wide as ``CONTENT_WIDTH``.
- ``furniture.render(story, lang=..., title=..., header=..., footer=...)``: the PDF bytes, with
  header, footer and "pagina x van y" on every page and metadata with the document language.
- ``fonts``: ``clean()`` for text drawn directly on a canvas, ``shorten()`` to fit a width.

The code slips (``code_slips``) draw straight on a canvas with the same fonts and page size.
"""

from __future__ import annotations

from typing import Any

from assessment.report.model import school_year
from assessment.views.report_input import PreviousScan, ReportAction, ReportInput

__all__ = [
    "PreviousScan",
    "ReportAction",
    "ReportInput",
    "build_report",
    "report_for_scan",
    "school_year",
]


def build_report(report: ReportInput) -> bytes:
    """The PDF of ``report`` (A4, embedded DejaVu Sans) as bytes."""
    from assessment.report.scan_report import build_report as build

    return build(report)


def report_for_scan(
    engine: Any, access: Any, scan_id: int, lang: str = "nl", **options: Any
) -> bytes:
    """The PDF of one stored scan, checked against ``access`` by the store."""
    from assessment.report.scan import report_for_scan as from_store

    return from_store(engine, access, scan_id, lang, **options)
