"""The action-plan PDF report (issue 5): ``build_report(ReportInput) -> bytes``.

Importing this package is cheap: ReportLab and the fonts load on the first report. Entry points:
``build_report`` (plain input), ``report_for_scan`` (from the database), ``report_from_csv``
(answers CSV files, no database) and ``python -m assessment report``.
"""

from __future__ import annotations

from typing import Any

from assessment.report.model import (
    STRENGTH_FROM,
    PreviousScan,
    ReportAction,
    ReportInput,
    school_year,
)

__all__ = [
    "STRENGTH_FROM",
    "PreviousScan",
    "ReportAction",
    "ReportInput",
    "build_report",
    "report_for_scan",
    "school_year",
]


def build_report(report: ReportInput) -> bytes:
    """The PDF of ``report`` (A4, embedded DejaVu Sans) as bytes."""
    from assessment.report.pdf import build_report as build

    return build(report)


def report_for_scan(
    engine: Any, access: Any, scan_id: int, lang: str = "nl", **options: Any
) -> bytes:
    """The PDF of one stored scan, checked against ``access`` by the store."""
    from assessment.report.scan import report_for_scan as from_store

    return from_store(engine, access, scan_id, lang, **options)
