"""The report of one stored scan: its input from the view layer, drawn as the action-plan PDF."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the report package loads the database layer only when a stored scan is drawn
    from sqlalchemy import Engine

    from assessment.store import Access


def report_for_scan(
    engine: Engine, access: Access, scan_id: int, lang: str = "nl", *, include_notes: bool = False
) -> bytes:
    """The PDF of a stored scan as bytes (coordinator, trainer or admin access)."""
    from assessment.report.scan_report import build_report
    from assessment.views.report import report_input

    return build_report(report_input(engine, access, scan_id, lang, include_notes=include_notes))
