"""Readiness per theme over a school's scans: shown once a school has three or more."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assessment.rubric import Rubric
from assessment.scoring import ScanResult, score_scan_remembered

if TYPE_CHECKING:  # the PDF's input holds a trend; importing it must not load the database layer
    from assessment.store import ScanInfo, ScanValues

MIN_SCANS_FOR_TREND = 3


@dataclass(frozen=True)
class TrendPoint:
    label: str  # the scan's label, usually its school year
    readiness: Sequence[float | None]  # per theme, in the rubric's theme order


def trend_points(
    scans: Sequence[ScanInfo],
    values: Mapping[int, ScanValues],
    rubric: Rubric,
    scored: Mapping[int, ScanResult] | None = None,
) -> tuple[TrendPoint, ...]:
    """The trend over ``scans`` (the shown scan first, then the earlier ones, newest first),
    oldest first, each scored with today's rubric (older answers through its crosswalk); empty
    when there are fewer than three. ``scored`` holds results already computed, by scan id."""
    if len(scans) < MIN_SCANS_FOR_TREND:
        return ()
    points = []
    for earlier in reversed(scans):
        result = (scored or {}).get(earlier.id)
        if result is None:
            given = values[earlier.id]
            result = score_scan_remembered(rubric, given.answers, given.agreed)
        points.append(TrendPoint(earlier.label, [t.readiness for t in result.themes]))
    return tuple(points)
