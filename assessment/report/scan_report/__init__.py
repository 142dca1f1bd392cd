"""The scan report (the action-plan PDF of one scan), in the order of its table of contents:
the summary, then the plan ("what we do, who, by when": the page that goes on the wall), then
each theme, then the appendix.

Every text comes from the locale files (``report.*``), from the rubric or from the input.
"""

from __future__ import annotations

import datetime as dt

from reportlab.platypus import PageBreak

from assessment.report.furniture import render
from assessment.report.scan_report.actions import action_plan
from assessment.report.scan_report.appendix import appendix
from assessment.report.scan_report.summary import summary
from assessment.report.scan_report.themes import themes
from assessment.report.scan_report.writer import ScanWriter
from assessment.views.report_input import ReportInput


def build_report(report: ReportInput) -> bytes:
    """The PDF of ``report`` as bytes."""
    w = ScanWriter(report)
    story = [
        *summary(w),
        PageBreak(),
        *action_plan(w),
        PageBreak(),
        *themes(w),
        PageBreak(),
        *appendix(w),
    ]
    return render(
        story,
        lang=report.lang,
        title=w.t("metadata.title", school=report.school, scan=report.scan_label),
        author=report.school,
        subject=w.t("metadata.subject"),
        keywords=w.t("metadata.keywords"),
        header=w.t("header", school=report.school, scan=report.scan_label),
        footer=w.t("footer", date=w.date(report.generated or dt.date.today(), True)),
    )
