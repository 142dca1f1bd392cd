"""Scoring of one scan (DESIGN §4): item values, disagreement, readiness, phases, next steps.

Pure functions over plain data. Answers are ``0``–``3`` (the rubric's scale), ``"dk"`` (don't know)
or ``"na"`` (not applicable). Every threshold comes from ``rubric.rules``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from statistics import fmean
from typing import Literal

from assessment.i18n import number, percent, t
from assessment.rubric import Criterion, Rubric

DONT_KNOW = "dk"
NOT_APPLICABLE = "na"
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

    @property
    def unknown_share(self) -> float:
        return self.unknown / self.items if self.items else 0.0


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


def round_half_up(value: float, decimals: int = 1) -> float:
    quantum = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP))


# --- items ------------------------------------------------------------------------------------


def score_item(
    rubric: Rubric, criterion: Criterion, answers: Sequence[AnswerValue], agreed: AnswerValue | None
) -> ItemResult:
    numeric = [a for a in answers if not isinstance(a, str)]
    dont_know = sum(1 for a in answers if a == DONT_KNOW)
    not_applicable = sum(1 for a in answers if a == NOT_APPLICABLE)
    mean = fmean(numeric) if numeric else None
    # An agreed value is the team's verdict: it decides, also over a majority of n.v.t. answers.
    if agreed is None:
        value, left_out = mean, not_applicable * 2 > len(answers)
    elif agreed in (DONT_KNOW, NOT_APPLICABLE):
        value, left_out = None, agreed == NOT_APPLICABLE
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
        dk_share=dont_know / (len(numeric) + dont_know) if numeric or dont_know else 1.0,
        range=spread,
        contested=len(numeric) >= 2 and spread >= rubric.rules.disagreement_range,
        left_out=left_out,
        agreed=agreed,
        distribution={
            key: distribution.get(key, 0)
            for key in [*map(str, rubric.scale_values), DONT_KNOW, NOT_APPLICABLE]
        },
    )


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
    unknown_share = unknown / len(counted) if counted else 0.0
    # A phase whose items are all n.v.t. asks nothing of this school, so it does not hold it back.
    complete = not counted or (
        mean is not None
        and mean >= rules.phase_complete_mean
        and not blocking
        and unknown_share <= rules.max_dont_know_share
    )
    return PhaseResult(phase_id, mean, len(counted), unknown, blocking, complete)


def readiness(rubric: Rubric, items: Sequence[ItemResult]) -> float | None:
    """Mean item value as a share of the top of the scale, 0–100 with one decimal."""
    values = [item.value for item in items if item.value is not None]
    top = max(rubric.scale_values)
    return round_half_up(fmean(values) / top * 100) if values else None


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
    below = [
        i for i in candidates if i.value is not None and i.value < rubric.rules.next_step_below
    ]
    below.sort(key=lambda item: item.value)  # stable: rubric order among equal values
    steps = [NextStep(theme.id, i.id, "improve", i.value) for i in below]
    steps += [NextStep(theme.id, i.id, "find_out", None) for i in candidates if i.unknown]
    return steps[: rubric.rules.next_steps_per_theme]


def through_crosswalk(rubric: Rubric, answers: Answers, agreed: Agreed) -> tuple[Answers, Agreed]:
    """Answers and agreed values of an older rubric version under today's criterion ids, so that
    last year's scan stays comparable (``crosswalk:`` in rubric.yaml maps old id -> new id)."""
    if not rubric.crosswalk:
        return answers, agreed
    moved: dict[str, list[AnswerValue]] = {}
    for criterion_id, given in answers.items():
        moved.setdefault(rubric.crosswalk.get(criterion_id, criterion_id), []).extend(given)
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
    steps = tuple(step for theme in themes for step in next_steps(rubric, theme, items))
    return ScanResult(items, themes, school_phase(rubric, themes), steps)


# --- explanations -----------------------------------------------------------------------------


def phase_label(rubric: Rubric, phase_id: str, lang: str) -> str:
    if phase_id == SECURED:
        return t("scoring.secured", lang)
    return rubric.text(rubric.phase(phase_id).label, lang)


def explain_phase(rubric: Rubric, phase: PhaseResult, lang: str) -> str:
    """Why ``phase`` is complete or not, with its numbers, e.g.
    "Voorbereiden: gemiddeld 1,7 (nodig 2,0); 'Tijd en budget vastgelegd' scoort 0,5"."""
    rules = rubric.rules
    label = phase_label(rubric, phase.phase, lang)
    if phase.items == 0:
        return t("scoring.explain.all_not_applicable", lang, phase=label)
    needed = number(rules.phase_complete_mean, lang)
    if phase.mean is None:
        reasons = [t("scoring.explain.no_values", lang)]
    elif phase.mean >= rules.phase_complete_mean:
        reasons = [t("scoring.explain.mean_ok", lang, mean=number(phase.mean, lang), needed=needed)]
    else:
        reasons = [
            t(
                "scoring.explain.mean_low",
                lang,
                mean=_under_bar(phase.mean, rules.phase_complete_mean, lang),
                needed=needed,
            )
        ]
    for item_id, value in phase.blocking:
        reasons.append(
            t(
                "scoring.explain.blocking",
                lang,
                label=rubric.text(rubric.criterion(item_id).label, lang),
                value=_under_bar(value, rules.item_blocks_below, lang),
                minimum=number(rules.item_blocks_below, lang),
            )
        )
    if phase.unknown:
        key = (
            "unknown_too_many" if phase.unknown_share > rules.max_dont_know_share else "unknown_ok"
        )
        reasons.append(
            t(
                f"scoring.explain.{key}",
                lang,
                unknown=phase.unknown,
                items=phase.items,
                share=percent(phase.unknown_share, lang),
                limit=percent(rules.max_dont_know_share, lang),
            )
        )
    verdict = t(
        "scoring.explain.complete" if phase.complete else "scoring.explain.incomplete", lang
    )
    return f"{label}: {verdict} – " + "; ".join(reasons)


def _under_bar(value: float, bar: float, lang: str) -> str:
    """A value under ``bar`` as text that never reads as reaching it: 1,97 and 0,95, not 2,0
    and 1,0 (two decimals, rounded down, where one decimal would round up to the bar)."""
    if round_half_up(value, 1) < bar:
        return number(value, lang)
    return number(value, lang, 2, rounding=ROUND_DOWN)


def step_action(rubric: Rubric, step: NextStep, lang: str) -> str:
    """What to do: the criterion's first action, or "find out" for an item nobody could score."""
    criterion = rubric.criterion(step.criterion)
    if step.kind == "find_out":
        return t("scoring.find_out", lang, label=rubric.text(criterion.label, lang))
    return rubric.text(criterion.actions[0], lang)


def explain_theme(rubric: Rubric, theme: ThemeResult, lang: str) -> str:
    """The phase verdict of a theme with every phase up to the one it works on, and its flags."""
    shown = []
    for phase in theme.phases:
        shown.append(explain_phase(rubric, phase, lang))
        if phase.phase == theme.phase:
            break
    if theme.phase == SECURED:
        lines = [t("scoring.explain.secured", lang)]
    else:
        lines = [t("scoring.explain.works_on", lang, phase=phase_label(rubric, theme.phase, lang))]
    lines += shown
    if "foundation_gap" in theme.flags:
        working = [p.phase for p in theme.phases].index(theme.phase)
        ahead = [
            p
            for p in theme.phases[working + 1 :]
            if p.mean is not None and p.mean >= rubric.rules.phase_complete_mean
        ]
        lines.append(
            t(
                "scoring.explain.foundation_gap",
                lang,
                later=", ".join(
                    f"{phase_label(rubric, p.phase, lang)} ({number(p.mean, lang)})" for p in ahead
                ),
                phase=phase_label(rubric, theme.phase, lang),
            )
        )
    if "insufficient_information" in theme.flags:
        lines.append(t("scoring.explain.insufficient_information", lang))
    return "\n".join(lines)
