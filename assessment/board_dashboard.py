"""The board dashboard as data: per school its newest closed scan with results, the
phase distribution per theme, the board average and each school's trend, from the stored scan
summaries only. Shared by the Vergelijken page, the spreadsheet export and the board PDF, so all
three show the same numbers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from statistics import fmean, quantiles
from typing import Any
from zoneinfo import ZoneInfo

from assessment.development_map import MapCell, MapRow
from assessment.explanations import phase_label
from assessment.rubric import Rubric
from assessment.scoring import SECURED
from assessment.store.info import BoardScan, BoardSchool

NAME = "name"  # sort key: the school's name instead of a theme
READINESS_BANDS = ("0–19", "20–39", "40–59", "60–79", "80–100")  # the heatmap's steps
SCHOOL_TIME = ZoneInfo("Europe/Amsterdam")


@dataclass(frozen=True)
class SchoolRow:
    """A school with results: its newest shown scan and the one before it, if any."""

    school: str
    scan: BoardScan
    previous: BoardScan | None

    def readiness(self, theme: str) -> float | None:
        return self.scan.readiness.get(theme)

    def phase(self, theme: str) -> str | None:
        return self.scan.phases.get(theme)

    def change(self, theme: str) -> float | None:
        """Readiness now minus readiness in the previous shown scan."""
        if self.previous is None:
            return None
        before = self.previous.readiness.get(theme)
        now = self.readiness(theme)
        if now is None or before is None:
            return None
        return now - before


@dataclass(frozen=True)
class Waiting:
    """A sharing school without results to show, and why: ``no_closed_scan`` or ``too_few``."""

    school: str
    reason: str
    respondents: int


@dataclass(frozen=True)
class Dashboard:
    themes: tuple[str, ...]
    phases: tuple[str, ...]  # the rubric's phases, then "geborgd"
    rows: tuple[SchoolRow, ...]  # by school name
    waiting: tuple[Waiting, ...]
    schools: tuple[BoardSchool, ...]
    history: Mapping[str, tuple[BoardScan, ...]]  # per school its shown scans, oldest first
    labels: tuple[str, ...]  # every shown scan's label once, in the order they were closed

    def average(self, theme: str) -> float | None:
        """The board average: the mean readiness of the schools' newest scans."""
        values = [r for r in (row.readiness(theme) for row in self.rows) if r is not None]
        return fmean(values) if values else None

    def phase_counts(self, theme: str) -> dict[str, int]:
        """How many schools work on each phase of ``theme`` (in phase order)."""
        counts = dict.fromkeys(self.phases, 0)
        for row in self.rows:
            phase = row.phase(theme)
            if phase in counts:
                counts[phase] += 1
        return counts

    def readiness_bands(self, theme: str) -> list[int]:
        """How many schools' readiness of ``theme`` falls in each step of the heatmap's scale
        (0–19, 20–39, 40–59, 60–79, 80–100)."""
        counts = [0] * len(READINESS_BANDS)
        for row in self.rows:
            value = row.readiness(theme)
            if value is not None:
                counts[min(int(value // 20), len(READINESS_BANDS) - 1)] += 1
        return counts

    def movers(self) -> list[tuple[SchoolRow, float]]:
        """Schools with a previous shown scan and the mean change of their readiness over the
        themes, largest rise first."""
        moved = []
        for row in self.rows:
            changes = [c for c in (row.change(theme) for theme in self.themes) if c is not None]
            if changes:
                moved.append((row, fmean(changes)))
        return sorted(moved, key=lambda pair: (-pair[1], pair[0].school))

    def sorted_rows(self, key: str = NAME) -> list[SchoolRow]:
        """By name, or by readiness of theme ``key``: highest first, schools without one last."""
        if key == NAME:
            return list(self.rows)
        return sorted(
            self.rows,
            key=lambda row: (row.readiness(key) is None, -(row.readiness(key) or 0.0)),
        )

    def trend(self, theme: str) -> dict[str, list[tuple[str, float | None]]]:
        """Per school its shown scans, oldest first, as (label, readiness of ``theme``)."""
        return {
            name: [(scan.label, scan.readiness.get(theme)) for scan in scans]
            for name, scans in self.history.items()
        }

    def average_trend(
        self, series: Mapping[str, Sequence[tuple[str, float | None]]]
    ) -> list[tuple[str, float | None]]:
        """Per scan label (in order) the mean readiness over the schools of a ``trend``."""
        values: dict[str, list[float]] = {label: [] for label in self.labels}
        for points in series.values():
            for label, value in points:
                if value is not None:
                    values[label].append(value)
        return [(label, fmean(v) if v else None) for label, v in values.items()]

    def middle_half(
        self, series: Mapping[str, Sequence[tuple[str, float | None]]]
    ) -> list[tuple[str, float | None, float | None]]:
        """Per scan label the first and third quartile of a ``trend``: where the middle half of
        the schools lie (None with fewer than two schools)."""
        values: dict[str, list[float]] = {label: [] for label in self.labels}
        for points in series.values():
            for label, value in points:
                if value is not None:
                    values[label].append(value)
        band: list[tuple[str, float | None, float | None]] = []
        for label, found in values.items():
            if len(found) < 2:
                band.append((label, None, None))
            else:
                first, _, third = quantiles(found, n=4, method="inclusive")
                band.append((label, first, third))
        return band


def build_dashboard(schools: Sequence[BoardSchool], rubric: Rubric) -> Dashboard:
    rows, waiting, history = [], [], {}
    first_closed: dict[str, dt.datetime] = {}
    for school in schools:
        shown = [scan for scan in school.scans if scan.phases]
        for scan in shown:
            if scan.label not in first_closed or scan.closed_at < first_closed[scan.label]:
                first_closed[scan.label] = scan.closed_at
        if shown:
            history[school.school.name] = tuple(reversed(shown))
            previous = shown[1] if len(shown) > 1 else None
            rows.append(SchoolRow(school.school.name, shown[0], previous))
        elif school.scans:
            waiting.append(Waiting(school.school.name, "too_few", school.scans[0].respondents))
        else:
            waiting.append(Waiting(school.school.name, "no_closed_scan", 0))
    themes = tuple(theme.id for theme in rubric.theme_list)
    return Dashboard(
        themes,
        (*rubric.phase_ids, SECURED),
        tuple(rows),
        tuple(waiting),
        tuple(schools),
        history,
        tuple(sorted(first_closed, key=first_closed.__getitem__)),
    )


def scan_map(
    cells: Mapping[str, Sequence[Sequence[Any]]], themes: Sequence[str]
) -> tuple[MapRow, ...]:
    """The ontwikkelkaart of a scan, rebuilt from its summary (``store.board_maps``: phase,
    state, mean and the unknown items, which summaries made before scoring v3 lack), a row per
    theme in ``themes`` order."""
    return tuple(
        MapRow(theme, tuple(MapCell(*cell) for cell in cells[theme]))
        for theme in themes
        if theme in cells
    )


def theme_label(rubric: Rubric, theme_id: str, lang: str) -> str:
    """A theme's label; a theme of an older rubric version keeps its id."""
    if theme_id in {theme.id for theme in rubric.theme_list}:
        return rubric.text(rubric.theme(theme_id).label, lang)
    return theme_id


def phase_name(rubric: Rubric, phase_id: str | None, lang: str) -> str:
    if phase_id is None:
        return "–"
    if phase_id == SECURED or phase_id in rubric.phase_ids:
        return phase_label(rubric, phase_id, lang)
    return phase_id


def closed_on(scan: BoardScan) -> dt.date:
    """The day the scan was closed, in the Netherlands."""
    return scan.closed_at.astimezone(SCHOOL_TIME).date()
