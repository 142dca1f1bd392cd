"""The tussenmeting: a few criteria asked again between two yearly scans, scored by the same rules.

A tussenmeting asks the criteria of the phase each theme works on in the last closed yearly scan,
and those of the open plan's actions (``propose``). It is scored over those criteria only
(``score_interim``): a phase whose criteria it did not ask is *not measured*, never "not reached";
a phase it asked only some criteria of is *partly measured* and gets no verdict. Compared with
the yearly scan it follows, it says per phase "1,6 → 2,1, nu afgerond" (``movements``).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from assessment.development_map import CellState, MapCell, MapRow
from assessment.questions import Questions, QuestionTheme
from assessment.rubric import Roles, Rubric
from assessment.scoring import (
    Agreed,
    Answers,
    ItemResult,
    PhaseResult,
    ScanResult,
    round_half_up,
    score_item,
    score_phase,
)
from assessment.views import privacy

# Who answers a tussenmeting: the working group, every member as such. A criterion the
# werkgroep cannot judge (in the shipped rubric only the board's support, judged by the directie)
# stays for the yearly scan.
WORKING_GROUP = "werkgroep"
PHASE = "phase"  # asked because its theme works on its phase
PLAN = "plan"  # asked because an open action of the plan is linked to it

Coverage = Literal["measured", "partly", "not_measured"]
Verdict = Literal["complete", "provisional", "open"]


def reason(reasons: Collection[str]) -> str:
    """The stored reason: ``phase``, ``plan`` or ``phase+plan``."""
    return "+".join(r for r in (PHASE, PLAN) if r in reasons)


def propose(rubric: Rubric, yearly: ScanResult, plan_criteria: Iterable[str]) -> dict[str, str]:
    """The criteria a tussenmeting after ``yearly`` asks, in rubric order, each with its reason:
    those of the phase each theme works on (none for a geborgd theme) and those linked to an open
    action of the plan, as far as the working group can judge them."""
    working = {theme.id: theme.phase for theme in yearly.themes}
    planned = set(plan_criteria)
    chosen: dict[str, str] = {}
    for criterion in rubric.criteria:
        reasons = []
        if working.get(criterion.theme) == criterion.phase:
            reasons.append(PHASE)
        if criterion.id in planned:
            reasons.append(PLAN)
        if reasons and criterion.asked_of(WORKING_GROUP):
            chosen[criterion.id] = reason(reasons)
    return chosen


def questions(rubric: Rubric, roles: Roles, asked: Collection[str]) -> Questions:
    """The questionnaire of a tussenmeting: the usual screens with only the criteria it asks."""
    every = Questions.for_role(rubric, roles)
    themes = []
    for theme in every.themes:
        kept = tuple(c for c in theme.criteria if c.id in asked)
        if kept:
            themes.append(QuestionTheme(theme.theme, kept))
    return Questions(tuple(themes))


@dataclass(frozen=True)
class InterimPhase:
    phase: str
    coverage: Coverage
    asked: int  # criteria of this phase the tussenmeting asked
    total: int  # criteria of this phase in the rubric
    result: PhaseResult | None  # over the asked criteria; None when none was asked

    @property
    def verdict(self) -> Verdict | None:
        """Only a phase asked whole gets a verdict: a part of a phase completes nothing."""
        if self.coverage != "measured" or self.result is None:
            return None
        if self.result.complete:
            return "provisional" if self.result.provisional else "complete"
        return "open"


@dataclass(frozen=True)
class InterimTheme:
    id: str
    phases: tuple[InterimPhase, ...]

    @property
    def measured(self) -> tuple[InterimPhase, ...]:
        return tuple(p for p in self.phases if p.coverage != "not_measured")


@dataclass(frozen=True)
class InterimResult:
    items: dict[str, ItemResult]  # the asked criteria only
    themes: tuple[InterimTheme, ...]

    def theme(self, theme_id: str) -> InterimTheme:
        return next(theme for theme in self.themes if theme.id == theme_id)


def score_interim(
    rubric: Rubric, answers: Answers, agreed: Agreed | None, asked: Collection[str]
) -> InterimResult:
    """The tussenmeting scored by the yearly scan's rules over the criteria it asked."""
    agreed = agreed or {}
    items = {
        c.id: score_item(rubric, c, answers.get(c.id, ()), agreed.get(c.id))
        for c in rubric.criteria
        if c.id in asked
    }
    themes = []
    for theme in rubric.theme_list:
        phases = []
        for phase_id in rubric.phase_ids:
            of_phase = [c.id for c in theme.criteria if c.phase == phase_id]
            measured = [items[c] for c in of_phase if c in items]
            coverage: Coverage = (
                "not_measured"
                if not measured
                else "measured"
                if len(measured) == len(of_phase)
                else "partly"
            )
            result = score_phase(rubric, phase_id, measured) if measured else None
            phases.append(InterimPhase(phase_id, coverage, len(measured), len(of_phase), result))
        themes.append(InterimTheme(theme.id, tuple(phases)))
    return InterimResult(items, tuple(themes))


@dataclass(frozen=True)
class Movement:
    """One measured phase of one theme since the yearly scan: its mean before and now over the
    criteria asked, and the verdict now (None when the phase was only partly measured)."""

    theme: str
    phase: str
    before: float | None
    after: float | None
    verdict: Verdict | None
    was_complete: bool
    coverage: Coverage
    asked: int
    total: int


def _mean(values: Iterable[float | None]) -> float | None:
    known = [Fraction(v).limit_denominator(10_000) for v in values if v is not None]
    return float(sum(known) / len(known)) if known else None


def movements(yearly: ScanResult, interim: InterimResult) -> list[Movement]:
    """Per measured phase of every theme, in rubric order: the mean of the asked criteria in the
    yearly scan and in the tussenmeting (left-out items counted in neither, as in scoring)."""
    moved = []
    for theme in interim.themes:
        yearly_theme = yearly.theme(theme.id)
        for phase in theme.measured:
            asked = [
                i for i in interim.items.values() if (i.theme, i.phase) == (theme.id, phase.phase)
            ]
            before = _mean(
                yearly.items[i.id].value for i in asked if not yearly.items[i.id].left_out
            )
            after = _mean(i.value for i in asked if not i.left_out)
            was = next(p for p in yearly_theme.phases if p.phase == phase.phase).complete
            moved.append(
                Movement(
                    theme.id,
                    phase.phase,
                    before,
                    after,
                    phase.verdict,
                    was,
                    phase.coverage,
                    phase.asked,
                    phase.total,
                )
            )
    return moved


def updated_readiness(
    rubric: Rubric, yearly: ScanResult, interim: InterimResult
) -> list[float | None]:
    """Readiness per theme (rubric order) for the trend's interim point: the yearly scan's item
    values with those the tussenmeting asked again replaced by its own. It is the yearly picture
    brought up to date on a few criteria, never a yearly scan of its own."""
    items = {**yearly.items, **interim.items}
    readiness = []
    for theme in rubric.theme_list:
        values = [
            Fraction(item.value).limit_denominator(10_000)
            for item in items.values()
            if item.theme == theme.id and item.value is not None
        ]
        readiness.append(
            round_half_up(sum(values) / len(values) / max(rubric.scale_values) * 100)
            if values
            else None
        )
    return readiness


def shows_item(rubric: Rubric, item: ItemResult) -> bool:
    """Whether a criterion's own figure may be shown (the privacy policy decides)."""
    return privacy.interim_figure_shown(rubric, item)


def plan_movement(
    yearly: ScanResult, interim: InterimResult, criteria: Iterable[str]
) -> dict[str, tuple[float | None, float | None]]:
    """For each of ``criteria`` the tussenmeting asked: (value in the yearly scan, value now)."""
    return {
        c: (yearly.items[c].value, interim.items[c].value)
        for c in criteria
        if c in interim.items and c in yearly.items
    }


def _cell_state(rubric: Rubric, phase: InterimPhase) -> CellState:
    result = phase.result
    if phase.coverage == "not_measured" or result is None:
        return "not_measured"
    if phase.coverage == "partly":
        return "partly_measured"
    if result.complete:
        return "provisional" if result.provisional else "done"
    if result.mean is None or result.unknown_share > rubric.rules.max_dont_know_share:
        return "insufficient"
    return "working"  # asked again because the team works on it


def interim_map(rubric: Rubric, interim: InterimResult) -> tuple[MapRow, ...]:
    """The ontwikkelkaart of a tussenmeting: a phase it did not ask is "niet gemeten", one it
    asked in part "deels gemeten" (with the mean of what it asked), never "nog niet aan toe"."""
    return tuple(
        MapRow(
            theme.id,
            tuple(
                MapCell(
                    p.phase,
                    _cell_state(rubric, p),
                    p.result.mean if p.result is not None else None,
                    p.result.unknown if p.result is not None else 0,
                )
                for p in theme.phases
            ),
        )
        for theme in interim.themes
    )
