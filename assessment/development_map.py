"""The ontwikkelkaart: the TSO model as one picture, a row per theme and a column per
phase, each cell saying where the team stands in words and a symbol, so it reads without colour.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from assessment.i18n import t
from assessment.rubric import Rubric
from assessment.scoring import PhaseResult, ScanResult, ThemeResult

CellState = Literal[
    "done", "provisional", "working", "not_yet", "insufficient", "partly_measured", "not_measured"
]
CELL_STATES: tuple[CellState, ...] = ("done", "provisional", "working", "not_yet", "insufficient")
# A tussenmeting's map (``assessment/interim.py``) also has cells it did not (fully) ask again.
INTERIM_CELL_STATES: tuple[CellState, ...] = (
    "done",
    "provisional",
    "working",
    "insufficient",
    "partly_measured",
    "not_measured",
)
# One symbol per state, the same on screen and in print (DejaVu Sans has all of them).
CELL_SYMBOLS: dict[CellState, str] = {
    "done": "✓",
    "provisional": "◐",
    "working": "●",
    "not_yet": "○",
    "insufficient": "?",
    "partly_measured": "◌",
    "not_measured": "–",
}


@dataclass(frozen=True)
class MapCell:
    phase: str
    state: CellState
    mean: float | None  # the mean item value of the phase, None when no item has a value
    unknown: int = 0  # items nobody could judge; said in a provisional cell


def state_words(lang: str) -> Callable[[CellState, int], str]:
    """A cell's state in words: "afgerond", and for a provisional phase with its count,
    "voorlopig afgerond (2 onbekend)"; with a count of 0 the word alone (for the legend)."""

    def word(state: CellState, unknown: int = 0) -> str:
        if state == "provisional" and unknown:
            return t("scoring.provisional_short", lang, unknown=unknown)
        return t(f"map.state.{state}", lang)

    return word


@dataclass(frozen=True)
class MapRow:
    theme: str
    cells: tuple[MapCell, ...]


def cell_state(rubric: Rubric, theme: ThemeResult, phase: PhaseResult) -> CellState:
    """Afgerond when the phase is complete (voorlopig while some of its items are unknown);
    otherwise te weinig informatie when too much of it is unknown; otherwise the phase the theme
    works on, or one it has not reached yet."""
    if phase.complete:
        return "provisional" if phase.provisional else "done"
    if phase.mean is None or phase.unknown_share > rubric.rules.max_dont_know_share:
        return "insufficient"
    return "working" if phase.phase == theme.phase else "not_yet"


def development_map(rubric: Rubric, result: ScanResult) -> tuple[MapRow, ...]:
    return tuple(
        MapRow(
            theme.id,
            tuple(
                MapCell(p.phase, cell_state(rubric, theme, p), p.mean, p.unknown)
                for p in theme.phases
            ),
        )
        for theme in result.themes
    )
