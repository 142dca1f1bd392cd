"""The ontwikkelkaart (DESIGN §7a): the TSO model as one picture, a row per theme and a column per
phase, each cell saying where the team stands in words and a symbol, so it reads without colour.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from assessment.rubric import Rubric
from assessment.scoring import PhaseResult, ScanResult, ThemeResult

CellState = Literal["done", "working", "not_yet", "insufficient"]
CELL_STATES: tuple[CellState, ...] = ("done", "working", "not_yet", "insufficient")
# One symbol per state, the same on screen and in print (DejaVu Sans has all four).
CELL_SYMBOLS: dict[CellState, str] = {
    "done": "✓",
    "working": "●",
    "not_yet": "○",
    "insufficient": "?",
}


@dataclass(frozen=True)
class MapCell:
    phase: str
    state: CellState
    mean: float | None  # the mean item value of the phase, None when no item has a value


@dataclass(frozen=True)
class MapRow:
    theme: str
    cells: tuple[MapCell, ...]


def cell_state(rubric: Rubric, theme: ThemeResult, phase: PhaseResult) -> CellState:
    """Afgerond when the phase is complete; otherwise te weinig informatie when too much of it is
    unknown; otherwise the phase the theme works on, or one it has not reached yet."""
    if phase.complete:
        return "done"
    if phase.mean is None or phase.unknown_share > rubric.rules.max_dont_know_share:
        return "insufficient"
    return "working" if phase.phase == theme.phase else "not_yet"


def development_map(rubric: Rubric, result: ScanResult) -> tuple[MapRow, ...]:
    return tuple(
        MapRow(
            theme.id,
            tuple(MapCell(p.phase, cell_state(rubric, theme, p), p.mean) for p in theme.phases),
        )
        for theme in result.themes
    )
