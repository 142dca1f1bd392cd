"""Scoring of one scan: item values, disagreement, readiness, phases, next steps.

Pure functions over plain data. Answers are ``0``–``3`` (the rubric's scale), ``"dk"`` (don't know)
or ``"na"`` (not applicable). Every threshold comes from ``rubric.rules``.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from statistics import fmean
from typing import Any, Final, Literal

from assessment.rubric import Criterion, Rubric

DONT_KNOW: Final = "dk"
NOT_APPLICABLE: Final = "na"
SECURED = "geborgd"  # the phase of a theme (or school) whose phases are all complete

AnswerValue = int | Literal["dk", "na"]
Answers = Mapping[str, Sequence[AnswerValue]]  # criterion id -> every respondent's answer
Agreed = Mapping[str, AnswerValue]  # criterion id -> the team's agreed value


@dataclass(frozen=True)
class ItemResult:
    id: str
    theme: str
    phase: str
    value: float | None  # agreed value when set, else mean of numeric answers; None = unknown
    mean: float | None  # mean of the numeric answers, kept beside an agreed value
    n: int  # numeric answers
    dont_know: int
    not_applicable: int
    dk_share: float
    range: int | None  # max - min of the numeric answers, None without any
    contested: bool
    left_out: bool  # more than half n.v.t., or agreed n.v.t.
    agreed: AnswerValue | None
    distribution: dict[str, int]  # "0".."3", "dk", "na" -> count

    @property
    def unknown(self) -> bool:
        return not self.left_out and self.value is None


@dataclass(frozen=True)
class PhaseResult:
    phase: str
    mean: float | None
    items: int  # items that count (left-out items excluded)
    unknown: int
    blocking: tuple[tuple[str, float], ...]  # (item id, value) below rules.item_blocks_below
    complete: bool
    # critical items that hold the phase open: (item id, value) below rules.critical_min, or
    # (item id, None) when unknown ("zoek eerst uit")
    critical_open: tuple[tuple[str, float | None], ...] = ()

    @property
    def unknown_share(self) -> float:
        return self.unknown / self.items if self.items else 0.0

    @property
    def provisional(self) -> bool:
        """Complete, but with items nobody could judge yet: "voorlopig afgerond"."""
        return self.complete and self.unknown > 0


@dataclass(frozen=True)
class ThemeResult:
    id: str
    readiness: float | None  # 0-100, one decimal
    phase: str  # the phase it works on, or SECURED
    phases: tuple[PhaseResult, ...]
    flags: tuple[str, ...]  # "foundation_gap", "insufficient_information"

    @property
    def complete_phases(self) -> list[str]:
        return [p.phase for p in self.phases if p.complete]

    @property
    def provisional_phases(self) -> list[str]:
        return [p.phase for p in self.phases if p.provisional]


@dataclass(frozen=True)
class NextStep:
    theme: str
    criterion: str
    kind: Literal["improve", "find_out"]
    value: float | None


@dataclass(frozen=True)
class ScanResult:
    items: dict[str, ItemResult]
    themes: tuple[ThemeResult, ...]
    school_phase: str
    next_steps: tuple[NextStep, ...] = field(default=())

    def theme(self, theme_id: str) -> ThemeResult:
        return next(theme for theme in self.themes if theme.id == theme_id)

    @property
    def awaits_answers(self) -> bool:
        """Nobody answered yet (and nothing was agreed): see ``awaits_answers``."""
        return awaits_answers(self.items)


def awaits_answers(items: Mapping[str, ItemResult]) -> bool:
    """Nobody answered yet and nothing was agreed. Every item is then unknown, and a "zoek uit"
    for each would be noise: such a scan suggests no steps and no topics, only "wacht op
    antwoorden"."""
    return not any(
        item.n or item.dont_know or item.not_applicable or item.agreed is not None
        for item in items.values()
    )


def round_half_up(value: float | Fraction, decimals: int = 1) -> float:
    quantum = Decimal(1).scaleb(-decimals)
    exact = (
        Decimal(value.numerator) / Decimal(value.denominator)
        if isinstance(value, Fraction)
        else Decimal(repr(value))
    )
    return float(exact.quantize(quantum, rounding=ROUND_HALF_UP))


# --- items ------------------------------------------------------------------------------------


def score_item(
    rubric: Rubric, criterion: Criterion, answers: Sequence[AnswerValue], agreed: AnswerValue | None
) -> ItemResult:
    rules = rubric.rules
    numeric = [a for a in answers if not isinstance(a, str)]
    dont_know = sum(1 for a in answers if a == DONT_KNOW)
    not_applicable = sum(1 for a in answers if a == NOT_APPLICABLE)
    mean = fmean(numeric) if numeric else None
    dk_share = dont_know / (len(numeric) + dont_know) if numeric or dont_know else 1.0
    # An agreed number is the team's verdict: it decides, also over a majority of n.v.t.
    # answers (docs/scoring.md); an agreed "weet niet" gives no value but leaves that rule standing.
    if agreed is None:
        # When most of the team does not know, the few numbers given are no value.
        value = mean if dk_share <= rules.max_dont_know_share else None
        left_out = not_applicable * 2 > len(answers)
    elif agreed in (DONT_KNOW, NOT_APPLICABLE):
        value = None
        left_out = agreed == NOT_APPLICABLE or not_applicable * 2 > len(answers)
    else:
        value, left_out = float(agreed), False
    spread = max(numeric) - min(numeric) if numeric else None
    distribution = Counter(str(a) for a in answers)
    return ItemResult(
        id=criterion.id,
        theme=criterion.theme,
        phase=criterion.phase,
        value=None if left_out else value,
        mean=mean,
        n=len(numeric),
        dont_know=dont_know,
        not_applicable=not_applicable,
        dk_share=dk_share,
        range=spread,
        contested=is_contested(rubric, numeric),
        left_out=left_out,
        agreed=agreed,
        distribution={
            key: distribution.get(key, 0)
            for key in [*map(str, rubric.scale_values), DONT_KNOW, NOT_APPLICABLE]
        },
    )


def split_at_bar(rubric: Rubric, numeric: Sequence[int]) -> tuple[int, int]:
    """How many numeric answers lie below the phase bar (0–1) and how many at or above it (2–3)."""
    below = sum(1 for a in numeric if a < rubric.rules.phase_complete_mean)
    return below, len(numeric) - below


def is_contested(rubric: Rubric, numeric: Sequence[int]) -> bool:
    """A real split: a range of at least ``disagreement_range`` and at least ``contested_share``
    of the answers on each side of the phase bar. One outlier in a team of twelve is no split."""
    rules = rubric.rules
    if len(numeric) < 2 or max(numeric) - min(numeric) < rules.disagreement_range:
        return False
    below, above = split_at_bar(rubric, numeric)
    minimum = rules.contested_share * len(numeric)
    return below >= minimum and above >= minimum


def score_items(
    rubric: Rubric, answers: Answers, agreed: Agreed | None = None
) -> dict[str, ItemResult]:
    agreed = agreed or {}
    return {
        c.id: score_item(rubric, c, answers.get(c.id, ()), agreed.get(c.id))
        for c in rubric.criteria
    }


# --- themes and phases ------------------------------------------------------------------------


def score_phase(rubric: Rubric, phase_id: str, items: Sequence[ItemResult]) -> PhaseResult:
    """A phase is complete when its mean reaches the bar, no item blocks it, not too much of it
    is unknown, and every critical item is known and reaches ``rules.critical_min``: "gestart" is
    not enough for a safety practice."""
    counted = [item for item in items if item.phase == phase_id and not item.left_out]
    values = [item.value for item in counted if item.value is not None]
    mean = fmean(values) if values else None
    unknown = sum(1 for item in counted if item.value is None)
    rules = rubric.rules
    blocking = tuple(
        (item.id, item.value)
        for item in counted
        if item.value is not None and item.value < rules.item_blocks_below
    )
    critical_open = tuple(
        (item.id, item.value)
        for item in counted
        if rubric.criterion(item.id).critical
        and (item.value is None or item.value < rules.critical_min)
    )
    unknown_share = unknown / len(counted) if counted else 0.0
    # A phase whose items are all n.v.t. asks nothing of this school, so it does not hold it back.
    complete = not counted or (
        mean is not None
        and mean >= rules.phase_complete_mean
        and not blocking
        and unknown_share <= rules.max_dont_know_share
        and not critical_open
    )
    return PhaseResult(phase_id, mean, len(counted), unknown, blocking, complete, critical_open)


def readiness(rubric: Rubric, items: Sequence[ItemResult]) -> float | None:
    """Mean item value as a share of the top of the scale, 0–100 with one decimal."""
    # Item values are means of a few small integers: recovered exactly as fractions, so that a
    # readiness of exactly 56,25 rounds half up to 56,3 and never down through a float error.
    values = [
        Fraction(item.value).limit_denominator(10_000) for item in items if item.value is not None
    ]
    if not values:
        return None
    return round_half_up(sum(values) / len(values) / max(rubric.scale_values) * 100)


def score_theme(rubric: Rubric, theme_id: str, items: Mapping[str, ItemResult]) -> ThemeResult:
    theme_items = [item for item in items.values() if item.theme == theme_id]
    phases = tuple(score_phase(rubric, p, theme_items) for p in rubric.phase_ids)
    working = next((p for p in phases if not p.complete), None)
    flags: list[str] = []
    if working is not None:
        later = phases[phases.index(working) + 1 :]
        if any(p.mean is not None and p.mean >= rubric.rules.phase_complete_mean for p in later):
            flags.append("foundation_gap")
        if working.unknown_share > rubric.rules.max_dont_know_share:
            flags.append("insufficient_information")
    return ThemeResult(
        id=theme_id,
        readiness=readiness(rubric, theme_items),
        phase=working.phase if working else SECURED,
        phases=phases,
        flags=tuple(flags),
    )


def school_phase(rubric: Rubric, themes: Sequence[ThemeResult]) -> str:
    order = [*rubric.phase_ids, SECURED]
    return min((theme.phase for theme in themes), key=order.index, default=SECURED)


def next_steps(
    rubric: Rubric, theme: ThemeResult, items: Mapping[str, ItemResult]
) -> list[NextStep]:
    if theme.phase == SECURED:
        return []
    candidates = [
        item
        for item in items.values()
        if item.theme == theme.id and item.phase == theme.phase and not item.left_out
    ]
    rules = rubric.rules
    holding = {item_id for p in theme.phases for item_id, _value in p.critical_open}
    below = [
        (i.value, i)
        for i in candidates
        if i.value is not None
        and (i.value < rules.next_step_below or (i.id in holding and i.value < rules.critical_min))
    ]
    below.sort(key=lambda pair: pair[0])  # stable: rubric order among equal values
    steps = [NextStep(theme.id, i.id, "improve", value) for value, i in below]
    steps += [NextStep(theme.id, i.id, "find_out", None) for i in candidates if i.unknown]
    # A critical item holding the phase open comes first, lowest or unknown, then the rest.
    steps.sort(key=lambda step: step.criterion not in holding)
    return steps[: rules.next_steps_per_theme]


def through_crosswalk(rubric: Rubric, answers: Answers, agreed: Agreed) -> tuple[Answers, Agreed]:
    """Answers and agreed values of an older rubric version under today's criterion ids, so that
    last year's scan stays comparable (``crosswalk:`` in rubric.yaml maps old id -> new id)."""
    if not rubric.crosswalk:
        return answers, agreed
    # A scan whose rubric already had the new id asked it directly: its answers there are the
    # team's own, and the old id's would count the same respondents twice.
    moved: dict[str, list[AnswerValue]] = {
        c: list(v) for c, v in answers.items() if c not in rubric.crosswalk
    }
    for old_id, given in answers.items():
        new_id = rubric.crosswalk.get(old_id)
        if new_id is not None and not answers.get(new_id):
            moved.setdefault(new_id, []).extend(given)
    moved_agreed = {
        rubric.crosswalk.get(c, c): v for c, v in agreed.items() if c not in rubric.crosswalk
    }
    for old_id, value in agreed.items():  # today's own agreement wins over an old one
        if old_id in rubric.crosswalk:
            moved_agreed.setdefault(rubric.crosswalk[old_id], value)
    return moved, moved_agreed


def score_scan(rubric: Rubric, answers: Answers, agreed: Agreed | None = None) -> ScanResult:
    """Everything the results page, the report and the command line show for one scan."""
    answers, agreed = through_crosswalk(rubric, answers, agreed or {})
    items = score_items(rubric, answers, agreed)
    themes = tuple(score_theme(rubric, theme.id, items) for theme in rubric.theme_list)
    steps = (
        ()
        if awaits_answers(items)
        else tuple(step for theme in themes for step in next_steps(rubric, theme, items))
    )
    return ScanResult(items, themes, school_phase(rubric, themes), steps)


_SCORED_KEPT = 128
_scored: dict[tuple[Any, ...], ScanResult] = {}
_scored_lock = threading.Lock()


def score_scan_remembered(
    rubric: Rubric, answers: Answers, agreed: Agreed | None = None
) -> ScanResult:
    """``score_scan``, remembered for the same rubric and values: a page rerun scores the same
    scans again. A result is frozen, so one serves every caller."""
    key = (
        rubric.id,
        rubric.content_hash,
        tuple((criterion, tuple(values)) for criterion, values in answers.items()),
        tuple((agreed or {}).items()),
    )
    with _scored_lock:
        result = _scored.get(key)
    if result is None:
        result = score_scan(rubric, answers, agreed)
        with _scored_lock:
            if len(_scored) >= _SCORED_KEPT:
                _scored.pop(next(iter(_scored)))  # the oldest goes first
            _scored[key] = result
    return result
