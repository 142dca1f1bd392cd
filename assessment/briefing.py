"""The trainer's briefing of one school: what a trainer reads in ten minutes before a follow-up
session. The same content feeds the Briefing page and the briefing PDF; it is built from the
store by ``assessment.views.briefing.build_briefing``.

* the ontwikkelkaart;
* the weakest themes and why (earliest phase first, then lowest readiness);
* the biggest changes in readiness since the previous scan, largest first;
* the contested items with their distribution and the team's notes; a scan with too few
  respondents for the privacy policy (``assessment.views.privacy``) shows neither, nor how the
  split fell (a small group's split points at people);
* the open and overdue actions, of this scan and the previous scan's not yet reviewed;
* three topics for the session: the rubric's actions for the phase the school works on, for its
  lowest items first.

Notes are sorted by their text, never in respondent order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from assessment.contested import most_contested_first
from assessment.development_map import MapRow
from assessment.explanations import explain_item, explain_theme, phase_label
from assessment.i18n import t
from assessment.rubric import Rubric
from assessment.scoring import (
    DONT_KNOW,
    NOT_APPLICABLE,
    SECURED,
    ItemResult,
    ScanResult,
)

WEAKEST_THEMES = 2
TOPICS = 3
OPEN_STATUSES = ("planned", "doing")


@dataclass(frozen=True)
class WeakTheme:
    theme: str
    label: str
    readiness: float | None
    phase: str  # phase label, or "geborgd" in words
    why: tuple[str, ...]  # explain_theme, one line each


@dataclass(frozen=True)
class ThemeChange:
    theme: str
    label: str
    before: float
    after: float
    phase_before: str
    phase_after: str
    # The team now works on an earlier phase than before: a phase it had completed fell back
    # below its bar (an item dropped, more "weet niet"), even when readiness rose elsewhere.
    went_back: bool = False

    @property
    def change(self) -> float:
        return self.after - self.before


@dataclass(frozen=True)
class ContestedItem:
    criterion: str
    label: str
    theme_label: str
    explanation: str  # "3 van de 11 zeggen 0 of 1, 8 zeggen 2 of 3"
    distribution: tuple[tuple[str, int], ...]  # (answer as shown, count); empty for a small group
    notes: tuple[str, ...]  # evidence notes sorted by text; empty for a small group
    agreed: str | None  # the team's agreed value as shown, when set
    agreed_note: str


@dataclass(frozen=True)
class OpenAction:
    title: str
    theme_label: str
    owner: str
    due_date: dt.date | None
    status: str  # planned | doing
    scan_label: str
    overdue: bool


@dataclass(frozen=True)
class Topic:
    criterion: str
    label: str
    theme_label: str
    value: float | None  # None: nobody could answer it ("zoek uit")
    action: str


@dataclass(frozen=True)
class Briefing:
    school: str
    scan_label: str
    scan_status: str
    previous_label: str | None
    rubric: Rubric
    result: ScanResult
    school_phase: str  # in words
    map_rows: tuple[MapRow, ...]
    respondents: int  # started
    too_few: bool  # too few respondents for the privacy policy: no distributions, no notes
    group_minimum: int  # the policy's minimum, for the text that names it
    weakest: tuple[WeakTheme, ...]
    changes: tuple[ThemeChange, ...]
    contested: tuple[ContestedItem, ...]
    actions: tuple[OpenAction, ...]
    topics: tuple[Topic, ...]
    today: dt.date

    @property
    def overdue(self) -> int:
        return sum(1 for action in self.actions if action.overdue)


def amsterdam_today() -> dt.date:
    try:
        from zoneinfo import ZoneInfo

        return dt.datetime.now(ZoneInfo("Europe/Amsterdam")).date()
    except (ImportError, KeyError, ValueError):  # no time zone data on this machine
        return dt.date.today()


def weakest_themes(rubric: Rubric, result: ScanResult, lang: str) -> tuple[WeakTheme, ...]:
    """The themes furthest behind: the earliest phase worked on first, then the lowest
    readiness (a theme without any value first: nobody could say)."""
    order = [*rubric.phase_ids, SECURED]
    ranked = sorted(
        result.themes,
        key=lambda theme: (
            order.index(theme.phase),
            -1.0 if theme.readiness is None else theme.readiness,
        ),
    )
    return tuple(
        WeakTheme(
            theme=theme.id,
            label=rubric.text(rubric.theme(theme.id).label, lang),
            readiness=theme.readiness,
            phase=phase_label(rubric, theme.phase, lang),
            why=tuple(explain_theme(rubric, theme, lang).splitlines()),
        )
        for theme in ranked[:WEAKEST_THEMES]
    )


def _phase_rank(rubric: Rubric, phase_id: str) -> int:
    """A phase's place in the rubric's order; geborgd comes after every phase."""
    ids = rubric.phase_ids
    return ids.index(phase_id) if phase_id in ids else len(ids)


def changes(
    rubric: Rubric, result: ScanResult, previous: ScanResult | None, lang: str
) -> tuple[ThemeChange, ...]:
    """Readiness per theme against the previous scan, the largest change (up or down) first;
    themes without a readiness in either scan are left out."""
    if previous is None:
        return ()
    found = [
        ThemeChange(
            theme=now.id,
            label=rubric.text(rubric.theme(now.id).label, lang),
            before=before.readiness,
            after=now.readiness,
            phase_before=phase_label(rubric, before.phase, lang),
            phase_after=phase_label(rubric, now.phase, lang),
            went_back=_phase_rank(rubric, now.phase) < _phase_rank(rubric, before.phase),
        )
        for now, before in zip(result.themes, previous.themes, strict=True)
        if now.readiness is not None and before.readiness is not None
    ]
    return tuple(sorted(found, key=lambda change: -abs(change.change)))


def contested_items(
    rubric: Rubric,
    result: ScanResult,
    notes: Mapping[str, Sequence[str]],
    agreed_notes: Mapping[str, str],
    too_few: bool,
    lang: str,
) -> tuple[ContestedItem, ...]:
    """The items the team is split on, most contested first (``assessment.contested``, the order
    of Bespreken's agenda too), each with how the answers fell and the notes written beside
    them, sorted by text so that nobody's notes stand together."""
    contested = most_contested_first(rubric, result.items.values())
    return tuple(
        ContestedItem(
            criterion=item.id,
            label=rubric.text(rubric.criterion(item.id).label, lang),
            theme_label=rubric.text(rubric.theme(item.theme).label, lang),
            explanation="" if too_few else explain_item(rubric, item, lang) or "",
            distribution=() if too_few else distribution(rubric, item, lang),
            notes=() if too_few else tuple(sorted(notes.get(item.id, ()), key=_text_order)),
            agreed=None if item.agreed is None else answer_text(rubric, item.agreed, lang),
            agreed_note=agreed_notes.get(item.id, ""),
        )
        for item in contested
    )


def _text_order(note: str) -> tuple[str, str]:
    return note.casefold(), note


def distribution(rubric: Rubric, item: ItemResult, lang: str) -> tuple[tuple[str, int], ...]:
    """How many gave each answer; n.v.t. only where the criterion allows it."""
    keys = [*map(str, rubric.scale_values), DONT_KNOW]
    if rubric.criterion(item.id).allow_not_applicable:
        keys.append(NOT_APPLICABLE)
    return tuple((answer_text(rubric, key, lang), item.distribution.get(key, 0)) for key in keys)


def answer_text(rubric: Rubric, value: Any, lang: str) -> str:
    """An answer as a short word: "2", "weet niet", "n.v.t."."""
    if value == DONT_KNOW:
        return rubric.text(rubric.dont_know.label, lang).lower()
    if value == NOT_APPLICABLE:
        return rubric.text(rubric.not_applicable.label, lang)
    return str(value)


def open_actions(
    rubric: Rubric, actions: list[tuple[str, Any]], today: dt.date, lang: str
) -> tuple[OpenAction, ...]:
    """Planned and running actions, overdue ones first, then by due date (none last)."""
    found = [
        OpenAction(
            title=action.title,
            theme_label=_theme_label(rubric, action.theme, lang),
            owner=action.owner,
            due_date=action.due_date,
            status=action.status,
            scan_label=label,
            overdue=action.due_date is not None and action.due_date < today,
        )
        for label, action in actions
        if action.status in OPEN_STATUSES
    ]
    return tuple(
        sorted(
            found,
            key=lambda a: (not a.overdue, a.due_date is None, a.due_date or today, a.title),
        )
    )


def _theme_label(rubric: Rubric, theme_id: str, lang: str) -> str:
    known = {theme.id for theme in rubric.theme_list}
    return rubric.text(rubric.theme(theme_id).label, lang) if theme_id in known else theme_id


def topics(rubric: Rubric, result: ScanResult, lang: str) -> tuple[Topic, ...]:
    """``TOPICS`` suggestions from the rubric's actions for the phase the school works on (the
    last phase for a school that has secured them all): its items under the phase bar, lowest
    first, then the items nobody could answer, as "zoek uit"; none while the scan awaits answers."""
    if result.awaits_answers:
        return ()
    phase = result.school_phase if result.school_phase != SECURED else rubric.phase_ids[-1]
    bar = rubric.rules.phase_complete_mean
    candidates = [i for i in result.items.values() if i.phase == phase and not i.left_out]
    scored = sorted(
        ((i.value, i) for i in candidates if i.value is not None), key=lambda pair: pair[0]
    )
    unknown = [i for i in candidates if i.value is None]
    # Items that already reach the phase bar come only when nothing else is left to suggest.
    below = [i for value, i in scored if value < bar]
    chosen = [*below, *unknown, *(i for value, i in scored if value >= bar)][:TOPICS]
    return tuple(_topic(rubric, item, lang) for item in chosen)


def _topic(rubric: Rubric, item: ItemResult, lang: str) -> Topic:
    criterion = rubric.criterion(item.id)
    label = rubric.text(criterion.label, lang)
    action = (
        rubric.text(criterion.actions[0], lang)
        if item.value is not None
        else t("scoring.find_out", lang, label=label)
    )
    return Topic(
        criterion=item.id,
        label=label,
        theme_label=rubric.text(rubric.theme(item.theme).label, lang),
        value=item.value,
        action=action,
    )
