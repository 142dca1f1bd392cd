"""Turning the plan editor's table into store calls: validated rows, then add, update or delete.

A row is never dropped: a row without a title or theme is reported by its number (and title) and
then nothing at all is saved, so the page can never say "saved" about a plan it did not save.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import pandas as pd

from assessment import store

STATUSES = store.ACTION_STATUSES
COLUMNS = ("id", "title", "theme", "owner", "due_date", "status")
# The title column fits beside the row markers on a 390 px phone; its rows are as high as the
# longest title needs (up to the 500 characters a title may have), so every title shows in full.
TITLE_WIDTH = 300
LINE_HEIGHT, ROW_PADDING, CHARS_PER_LINE, MAX_LINES = 20, 16, 40, 13
HEADER_HEIGHT = 36


@dataclass(frozen=True)
class Problem:
    """A row that cannot be saved: a locale key and its values (``row``, maybe ``title``)."""

    key: str
    values: dict[str, object]


def plan_frame(actions: list[store.ActionInfo]) -> pd.DataFrame:
    return pd.DataFrame(
        [{column: getattr(action, column) for column in COLUMNS} for action in actions],
        columns=list(COLUMNS),
    ).astype(
        {"id": "Int64", "title": "object", "owner": "object", "theme": "object", "status": "object"}
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


def _date(value: object) -> dt.date | None:
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def _rows(frame: pd.DataFrame) -> list[tuple[int | None, dict[str, object]]]:
    """(action id or None for a new row, its fields) per row, in the table's order."""
    rows = []
    for _, row in frame.iterrows():
        action_id = row.get("id")
        fields = {
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
    return found


def save_plan(
    engine,
    access: store.Access,
    scan_id: int,
    before: pd.DataFrame,
    after: pd.DataFrame,
    theme_ids: list[str],
) -> list[Problem]:
    """Apply the edited table in one transaction. Returns the problems and saves nothing when
    there are any; an empty list means everything in ``after`` is saved."""
    found = problems(after, theme_ids)
    if found:
        return found
    rows = _rows(after)
    kept = {action_id for action_id, _ in rows if action_id is not None}
    original = dict(_rows(before))
    store.save_plan(
        engine,
        access,
        scan_id,
        added=[fields for action_id, fields in rows if action_id is None],
        updated={
            action_id: fields
            for action_id, fields in rows
            if action_id is not None and original.get(action_id) != fields
        },
        deleted=sorted(original.keys() - kept),
    )
    return []
