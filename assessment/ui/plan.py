"""Turning the plan editor's table into store calls: validated rows, then add, update or delete."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd

from assessment import store

STATUSES = store.ACTION_STATUSES
COLUMNS = ("id", "title", "theme", "owner", "due_date", "status")


def plan_frame(actions: list[store.ActionInfo]) -> pd.DataFrame:
    return pd.DataFrame(
        [{column: getattr(action, column) for column in COLUMNS} for action in actions],
        columns=list(COLUMNS),
    ).astype(
        {"id": "Int64", "title": "object", "owner": "object", "theme": "object", "status": "object"}
    )


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
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


def save_plan(
    engine,
    access: store.Access,
    scan_id: int,
    before: pd.DataFrame,
    after: pd.DataFrame,
    theme_ids: list[str],
) -> list[tuple[str, int]]:
    """Apply the edited table in one transaction; returns problems as (locale key, row number)
    and saves nothing when there are any."""
    problems: list[tuple[str, int]] = []
    rows = []
    for number, (_, row) in enumerate(after.iterrows(), start=1):
        title, theme = _text(row.get("title")), _text(row.get("theme"))
        status = _text(row.get("status")) or "planned"
        if not title:
            problems.append(("actions.errors.no_title", number))
        if theme not in theme_ids:
            problems.append(("actions.errors.no_theme", number))
        if status not in STATUSES:
            problems.append(("actions.errors.bad_status", number))
        action_id = row.get("id")
        rows.append(
            (
                None if action_id is None or pd.isna(action_id) else int(action_id),
                {
                    "title": title,
                    "theme": theme,
                    "owner": _text(row.get("owner")),
                    "due_date": _date(row.get("due_date")),
                    "status": status,
                },
            )
        )
    if problems:
        return problems
    kept = {action_id for action_id, _ in rows if action_id is not None}
    original = {int(r["id"]): r for _, r in before.iterrows()}
    store.save_plan(
        engine,
        access,
        scan_id,
        added=[fields for action_id, fields in rows if action_id is None],
        updated={
            action_id: fields
            for action_id, fields in rows
            if action_id is not None and _changed(original[action_id], fields)
        },
        deleted=sorted(original.keys() - kept),
    )
    return []


def _changed(original: pd.Series, fields: dict) -> bool:
    return any(
        (_date(original[k]) if k == "due_date" else _text(original[k])) != v
        for k, v in fields.items()
    )
