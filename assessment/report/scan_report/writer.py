"""The writer of the scan report: the general ``Writer`` plus the report's input."""

from __future__ import annotations

from assessment.report.writer import Writer
from assessment.scoring import ScanResult, ThemeResult
from assessment.views.report_input import ReportInput


class ScanWriter(Writer):
    def __init__(self, report: ReportInput):
        super().__init__(report.rubric, report.lang)
        self.r = report
        self.result: ScanResult = report.result
        self.previous = report.previous

    def previous_theme(self, theme_id: str) -> ThemeResult | None:
        if self.previous is None:
            return None
        return next((th for th in self.previous.result.themes if th.id == theme_id), None)
