"""Turning the plan editor's table into store calls: validated rows, then add, update or delete.

A row is never dropped: a row without a title or theme, or a deadline that is no date, is reported
by its number (and title) and then nothing at all is saved; the saved plan is read back and compared
with the table, so the page can never say "saved" about a value it did not store.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine

from assessment import store

STATUSES = store.ACTION_STATUSES
NOT_STORED = "actions.errors.not_stored"
COLUMNS = ("id", "title", "theme", "owner", "due_date", "status")
# The title column fits beside the row markers on a 390 px phone; its rows are as high as the
# longest title needs (up to the 500 characters a title may have), so every title shows in full.
TITLE_WIDTH = 300
LINE_HEIGHT, ROW_PADDING, CHARS_PER_LINE, MAX_LINES = 20, 16, 40, 13
HEADER_HEIGHT = 36
MIN_YEAR, MAX_YEAR = 2000, 2100


@dataclass(frozen=True)
class Problem:
    """A row that cannot be saved: a locale key and its values (``row``, maybe ``title``)."""

    key: str
    values: dict[str, object]


def plan_frame(actions: list[store.ActionInfo]) -> pd.DataFrame:
    """The plan as the table holds it. The deadline is text, ``01-03-2027``: a date column's
    editor is the browser's date field, which shows mm/dd/yyyy in an English browser and hands an
    edited date back as ``'2027-03-01'`` while the column is still empty."""
    return pd.DataFrame(
        [
            {
                column: day_text(action.due_date)
                if column == "due_date"
                else getattr(action, column)
                for column in COLUMNS
            }
            for action in actions
        ],
        columns=list(COLUMNS),
    ).astype(
        {
            "id": "Int64",
            "title": "object",
            "owner": "object",
            "theme": "object",
            "due_date": "object",
            "status": "object",
        }
    )


def row_height(frame: pd.DataFrame) -> int:
    """A row height in pixels at which the longest title shows in full in a wide column."""
    longest = max((len(_text(title)) for title in frame["title"]), default=0)
    lines = min(MAX_LINES, max(1, math.ceil(longest / CHARS_PER_LINE)))
    return ROW_PADDING + LINE_HEIGHT * lines


def table_height(frame: pd.DataFrame) -> int:
    """Pixels for the header, every row and the empty row for a new action: no inner scrolling."""
    return HEADER_HEIGHT + (len(frame) + 1) * row_height(frame) + 3


def _text(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


@dataclass(frozen=True)
class UnreadableDate:
    """A deadline cell that holds no date we can read: reported, never saved as "no deadline"."""

    text: str


_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?")


def day_text(value: dt.date | None) -> str | None:
    """A deadline as the table shows and reads it: ``01-03-2027``."""
    return value.strftime("%d-%m-%Y") if value else None


def _date(value: object) -> dt.date | UnreadableDate | None:
    """A deadline cell as a date: the text ``1-3-2027`` or ``01-03-2027`` (also with / or .) as
    typed, ``2027-03-01`` as an editor or a spreadsheet hands it over, or a date itself."""
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    if match := _DAY_MONTH_YEAR.fullmatch(text):
        day, month, year = (int(part) for part in match.groups())
    elif match := _ISO.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
    else:
        return UnreadableDate(text)
    try:
        found = dt.date(year, month, day)
    except ValueError:
        return UnreadableDate(text)
    return found if MIN_YEAR <= found.year <= MAX_YEAR else UnreadableDate(text)


def _rows(frame: pd.DataFrame) -> list[tuple[int | None, dict[str, object]]]:
    """(action id or None for a new row, its fields) per row, in the table's order."""
    rows: list[tuple[int | None, dict[str, object]]] = []
    for _, row in frame.iterrows():
        action_id = row.get("id")
        fields: dict[str, object] = {
            "title": _text(row.get("title")),
            "theme": _text(row.get("theme")),
            "owner": _text(row.get("owner")),
            "due_date": _date(row.get("due_date")),
            "status": _text(row.get("status")) or "planned",
        }
        rows.append((None if action_id is None or pd.isna(action_id) else int(action_id), fields))
    return rows


def has_changes(before: pd.DataFrame, after: pd.DataFrame) -> bool:
    """Whether the edited table differs from the saved plan (edits that change nothing do not)."""
    return _rows(before) != _rows(after)


def problems(after: pd.DataFrame, theme_ids: list[str]) -> list[Problem]:
    found = []
    for number, (_, fields) in enumerate(_rows(after), start=1):
        title, has_theme = fields["title"], fields["theme"] in theme_ids
        if not title and not has_theme:
            found.append(Problem("actions.errors.empty_row", {"row": number}))
        elif not title:
            found.append(Problem("actions.errors.no_title", {"row": number}))
        elif not has_theme:
            found.append(Problem("actions.errors.no_theme", {"row": number, "title": title}))
        if fields["status"] not in STATUSES:
            found.append(Problem("actions.errors.bad_status", {"row": number}))
        if isinstance(fields["due_date"], UnreadableDate):
            found.append(
                Problem("actions.errors.bad_date", {"row": number, "date": fields["due_date"].text})
            )
    return found


def _not_stored(
    saved: list[store.ActionInfo],
    added: list[tuple[int, dict[str, object]]],
    updated: dict[int, tuple[int, dict[str, object]]],
) -> list[Problem]:
    """The rows (by number) whose values the plan as saved does not hold: a save is only called a
    save when every value typed arrived. ``added`` and ``updated`` hold (row number, fields)."""
    stored = dict(_rows(plan_frame(saved)))
    missing = [
        number
        for action_id, (number, changed) in updated.items()
        if any(stored.get(action_id, {}).get(k) != v for k, v in changed.items())
    ]
    unclaimed = [fields for action_id, fields in stored.items() if action_id not in updated]
    for number, fields in added:
        if fields in unclaimed:
            unclaimed.remove(fields)
        else:
            missing.append(number)
    return [Problem(NOT_STORED, {"row": number}) for number in sorted(missing)]


def save_plan(
    engine: Engine,
    access: store.Access,
    scan_id: int,
    base: list[store.ActionInfo],
    after: pd.DataFrame,
    theme_ids: list[str],
    newer: Mapping[int, store.ActionInfo | None] | None = None,
) -> list[Problem]:
    """Apply the table ``after``, edited from the plan ``base``, in one transaction. Returns the
    problems and saves nothing when there are any; an empty list means everything is saved.
    Read back after saving, a row that does not hold what was typed comes back as a
    ``not_stored`` problem (then the rest is saved).
    Only the cells the user changed are sent, with the versions of ``base``: a change a colleague
    made meanwhile to an action the user changed or deleted raises ``store.Conflict``. ``newer``
    (that conflict's actions as they are now) puts the user's changes over them instead; an
    action deleted meanwhile that the user changed comes back as a new one."""
    found = problems(after, theme_ids)
    if found:
        return found
    newer = newer or {}
    gone = {action_id for action_id, info in newer.items() if info is None}
    original = dict(_rows(plan_frame(base)))
    added: list[tuple[int, dict[str, object]]] = []
    updated: dict[int, tuple[int, dict[str, object]]] = {}
    for number, (action_id, fields) in enumerate(_rows(after), start=1):
        if action_id is None:
            added.append((number, fields))
            continue
        changed = {k: v for k, v in fields.items() if original[action_id].get(k) != v}
        if changed and action_id in gone:
            added.append((number, fields))
        elif changed:
            updated[action_id] = (number, changed)
    kept = {action_id for action_id, _ in _rows(after) if action_id is not None}
    versions = {action.id: action.version for action in base}
    versions |= {action_id: info.version for action_id, info in newer.items() if info is not None}
    saved = store.save_plan(
        engine,
        access,
        scan_id,
        added=[fields for _, fields in added],
        updated={action_id: changed for action_id, (_, changed) in updated.items()},
        deleted=sorted(
            action_id
            for action_id in original
            if action_id is not None and action_id not in kept | gone
        ),
        versions=versions,
    )
    return _not_stored(saved, added, updated)
