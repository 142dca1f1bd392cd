"""The writer of the scan report: the general ``Writer`` plus the report's input."""

from __future__ import annotations

from assessment.i18n import percent
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


def contested_rule(w: ScanWriter) -> dict[str, str | int]:
    """Both halves of the rule for "contested" (``scoring.is_contested``), for the texts that
    explain it: the answers span ``range`` or more, and at least ``share`` of the scores lie on
    each side of the phase bar ``bar``."""
    rules = w.rubric.rules
    return {
        "range": rules.disagreement_range,
        "share": percent(rules.contested_share, w.lang),
        "bar": w.num(rules.phase_complete_mean),
    }
