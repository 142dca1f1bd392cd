"""What the action-plan report takes beside its input (``assessment.views.report_input.ReportInput``):
the action statuses and school years."""

from __future__ import annotations

import datetime as dt

ACTION_STATUSES = ("planned", "doing", "done", "dropped")


def school_year(day: dt.date) -> str:
    """The Dutch school year a day falls in (from 1 August): 24-11-2026 → "2026-2027"."""
    start = day.year if day.month >= 8 else day.year - 1
    return f"{start}-{start + 1}"


def previous_school_year(label: str) -> str | None:
    """ "2026-2027" → "2025-2026"; None for a label that is not a school year."""
    parts = label.split("-")
    if len(parts) == 2 and all(p.isdigit() and len(p) == 4 for p in parts):
        first, second = (int(p) for p in parts)
        if second == first + 1:
            return f"{first - 1}-{first}"
    return None
