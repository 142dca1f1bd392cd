"""Why a theme sits in its phase, and why an item counts as contested or unknown, in words a
teacher reads: "Voorbereiden: gemiddeld 1,7 (nodig 2,0)", "3 van de 11 zeggen 0 of 1, 8 zeggen 2 of 3".
"""

from __future__ import annotations

from decimal import ROUND_DOWN

from assessment.i18n import number, percent, t
from assessment.rubric import Rubric
from assessment.scoring import (
    DONT_KNOW,
    SECURED,
    ItemResult,
    NextStep,
    PhaseResult,
    ScanResult,
    ThemeResult,
    round_half_up,
    split_at_bar,
)


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
    reasons += [
        _critical_reason(rubric, item_id, value, lang) for item_id, value in phase.critical_open
    ]
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
    verdict = "provisional" if phase.provisional else "complete" if phase.complete else "incomplete"
    return f"{label}: {t(f'scoring.explain.{verdict}', lang)} – " + "; ".join(reasons)


def explain_provisional(rubric: Rubric, phase: PhaseResult, lang: str) -> str:
    """The sentence "Voorbereiden is voorlopig afgerond: 2 van 6 criteria zijn nog onbekend."."""
    return t(
        "scoring.explain.provisional_one"
        if phase.unknown == 1
        else "scoring.explain.provisional_many",
        lang,
        phase=phase_label(rubric, phase.phase, lang),
        unknown=phase.unknown,
        items=phase.items,
    )


def provisional_notes(rubric: Rubric, result: ScanResult, lang: str) -> list[str]:
    """Every provisional phase in a sentence with its theme: "Thema · Verkennen is voorlopig
    afgerond: 1 van 2 criteria is nog onbekend." (a phone shows the ontwikkelkaart in symbols)."""
    return [
        f"{rubric.text(rubric.theme(theme.id).label, lang)} · {explain_provisional(rubric, p, lang)}"
        for theme in result.themes
        for p in theme.phases
        if p.provisional
    ]


def critical_holds(rubric: Rubric, result: ScanResult, lang: str) -> list[str]:
    """The critical items that keep the phase a theme works on open, one line each: "Thema ·
    Verkennen: ‘Afspraken over fysiek ingrijpen’ is een kernpraktijk en scoort 1,0 (nodig 2,0)"."""
    lines = []
    for theme in result.themes:
        for phase in theme.phases:
            if phase.phase != theme.phase:
                continue
            where = (
                f"{rubric.text(rubric.theme(theme.id).label, lang)} · "
                f"{phase_label(rubric, phase.phase, lang)}"
            )
            lines += [
                f"{where}: {_critical_reason(rubric, item_id, value, lang)}"
                for item_id, value in phase.critical_open
            ]
    return lines


def _critical_reason(rubric: Rubric, item_id: str, value: float | None, lang: str) -> str:
    label = rubric.text(rubric.criterion(item_id).label, lang)
    if value is None:
        return t("scoring.explain.critical_unknown", lang, label=label)
    return t(
        "scoring.explain.critical_low",
        lang,
        label=label,
        value=_under_bar(value, rubric.rules.critical_min, lang),
        minimum=number(rubric.rules.critical_min, lang),
    )


def phase_mean_text(rubric: Rubric, mean: float, lang: str) -> str:
    """A phase mean as shown in the ontwikkelkaart: never rounded up to the phase bar."""
    bar = rubric.rules.phase_complete_mean
    return number(mean, lang) if mean >= bar else _under_bar(mean, bar, lang)


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
        if phase.provisional:
            shown.append(explain_provisional(rubric, phase, lang))
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


def explain_item(rubric: Rubric, item: ItemResult, lang: str) -> str | None:
    """Why an item counts as contested or unknown, or None when it is neither."""
    if item.contested:
        numeric = [
            int(v) for v, count in item.distribution.items() if v.isdigit() for _ in range(count)
        ]
        below, above = split_at_bar(rubric, numeric)
        bar = rubric.rules.phase_complete_mean
        return t(
            "scoring.item.contested",
            lang,
            below=below,
            n=item.n,
            low=_values_as_words([v for v in rubric.scale_values if v < bar], lang),
            above=above,
            high=_values_as_words([v for v in rubric.scale_values if v >= bar], lang),
        )
    if not item.unknown:
        return None
    if item.agreed == DONT_KNOW:
        return t("scoring.item.agreed_dont_know", lang)
    if item.n + item.dont_know == 0:
        return t("scoring.item.no_answers", lang)
    return t(
        "scoring.item.mostly_dont_know",
        lang,
        dont_know=item.dont_know,
        total=item.n + item.dont_know,
        limit=percent(rubric.rules.max_dont_know_share, lang),
    )


def _values_as_words(values: list[int], lang: str) -> str:
    """0, 1 -> "0 of 1"; 1, 2, 3 -> "1, 2 of 3"."""
    shown = [str(v) for v in values]
    if len(shown) < 2:
        return "".join(shown)
    return f"{', '.join(shown[:-1])} {t('scoring.item.or', lang)} {shown[-1]}"
