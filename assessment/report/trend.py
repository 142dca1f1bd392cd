"""Readiness per theme over a school's scans: shown once a school has three or more."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from assessment.rubric import Rubric
from assessment.scoring import score_scan_remembered

MIN_SCANS_FOR_TREND = 3
# Okabe–Ito colours, told apart by colour-blind readers; markers and dashes tell them apart in grey.
THEME_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#000000", "#E69F00", "#56B4E9")


@dataclass(frozen=True)
class TrendPoint:
    label: str  # the scan's label, usually its school year
    readiness: Sequence[float | None]  # per theme, in the rubric's theme order


def school_trend(engine: Any, access: Any, scan_id: int, rubric: Rubric) -> list[TrendPoint]:
    """The school's scans up to and including ``scan_id``, oldest first, each scored with today's
    rubric (older answers through its crosswalk); empty when there are fewer than three."""
    from assessment import store

    scan = store.get_scan(engine, access, scan_id)
    view = store.results_view(engine, access, scan.school_id, scan_id)
    return trend_of(view, rubric) if view is not None else []


def trend_of(view: Any, rubric: Rubric, scored: dict[int, Any] | None = None) -> list[TrendPoint]:
    """The trend up to the scan a ``store.ResultsView`` shows (read once for the whole page);
    ``scored`` holds results the caller already has, by scan id."""
    scans = [view.scan, *view.earlier]
    if len(scans) < MIN_SCANS_FOR_TREND:
        return []
    points = []
    for earlier in reversed(scans):
        result = (scored or {}).get(earlier.id)
        if result is None:
            values = view.values[earlier.id]
            result = score_scan_remembered(rubric, values.answers, values.agreed)
        points.append(TrendPoint(earlier.label, [t.readiness for t in result.themes]))
    return points
