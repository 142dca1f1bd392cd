"""The board dashboard as data (DESIGN §7a): per school its newest closed scan with results, the
phase distribution per theme, the board average and each school's trend, from the stored scan
summaries only. Shared by the Vergelijken page, the spreadsheet export and the board PDF, so all
three show the same numbers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from statistics import fmean
from zoneinfo import ZoneInfo

from assessment.development_map import MapCell, MapRow
from assessment.explanations import phase_label
from assessment.rubric import Rubric
from assessment.scoring import SECURED
from assessment.store.info import BoardScan, BoardSchool

NAME = "name"  # sort key: the school's name instead of a theme
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
        series = {}
        for school in self.schools:
            points = [
                (scan.label, scan.readiness.get(theme))
                for scan in reversed(school.scans)
                if scan.shown
            ]
            if points:
                series[school.school.name] = points
        return series

    def average_trend(self, theme: str) -> list[tuple[str, float | None]]:
        """Per scan label (in order) the mean readiness of ``theme`` over the schools' scans."""
        values: dict[str, list[float]] = {label: [] for label in self.scan_labels()}
        for points in self.trend(theme).values():
            for label, value in points:
                if value is not None:
                    values[label].append(value)
        return [(label, fmean(v) if v else None) for label, v in values.items()]

    def scan_labels(self) -> list[str]:
        """Every shown scan's label once, in the order the scans were first closed (school
        years)."""
        first: dict[str, object] = {}
        for school in self.schools:
            for scan in school.scans:
                if scan.shown and (scan.label not in first or scan.closed_at < first[scan.label]):
                    first[scan.label] = scan.closed_at
        return sorted(first, key=first.__getitem__)

    def school(self, name: str) -> BoardSchool | None:
        return next((s for s in self.schools if s.school.name == name), None)


def build_dashboard(schools: Sequence[BoardSchool], rubric: Rubric) -> Dashboard:
    rows, waiting = [], []
    for school in schools:
        shown = [scan for scan in school.scans if scan.shown]
        if shown:
            previous = shown[1] if len(shown) > 1 else None
            rows.append(SchoolRow(school.school.name, shown[0], previous))
        elif school.scans:
            waiting.append(Waiting(school.school.name, "too_few", school.scans[0].respondents))
        else:
            waiting.append(Waiting(school.school.name, "no_closed_scan", 0))
    themes = tuple(theme.id for theme in rubric.theme_list)
    return Dashboard(
        themes, (*rubric.phase_ids, SECURED), tuple(rows), tuple(waiting), tuple(schools)
    )


def scan_map(
    cells: Mapping[str, Sequence[tuple[str, str, float | None]]], themes: Sequence[str]
) -> tuple[MapRow, ...]:
    """The ontwikkelkaart of a scan, rebuilt from its summary (``store.board_maps``), a row per
    theme in ``themes`` order."""
    return tuple(
        MapRow(theme, tuple(MapCell(phase, state, mean) for phase, state, mean in cells[theme]))
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
