"""Writing one row of the audit log inside the caller's transaction (``audit.py`` reads it).

Kept apart from ``audit.py`` so that ``access.py`` can record issued and revoked codes without
importing the module that checks access through it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, select

from assessment.store import tables as T
from assessment.store._common import clean_text, utcnow
from assessment.store.info import Access

# What the log records; the texts are under ``audit.actions`` in the locale files.
AUDIT_ACTIONS = (
    "sign_in",
    "code_issued",
    "code_revoked",
    "scan_opened",
    "scan_closed",
    "scan_reopened",
    "agreed_set",
    "agreed_cleared",
    "plan_saved",
    "mr_informed",
    "mr_not_informed",
    "sharing_changed",
    "download",
    "export",
    "purge",
    "school_deleted",
    "school_type_set",
    "research_consent",
    "research_export",
)
# What a download or export was; the texts are under ``audit.what``.
DOWNLOADS = (
    "plan_pdf",
    "plan_xlsx",
    "plan_csv",
    "briefing_pdf",
    "board_pdf",
    "board_appendix",
    "board_xlsx",
    "code_slips",
    "privacy_leaflet",
    "school_zip",
    "export_json",
)
SYSTEM = "system"  # the role of what the installation does by itself (the daily purge)


def to_the_minute(moment: dt.datetime) -> dt.datetime:
    return moment.replace(second=0, microsecond=0)


def _detail(detail: dict[str, Any] | None) -> dict[str, str | int] | None:
    """Short labels and numbers only: a note or an answer has no place here."""
    if not detail:
        return None
    clean: dict[str, str | int] = {}
    for key, value in detail.items():
        if isinstance(value, bool):
            value = int(value)
        if isinstance(value, int):
            clean[key] = value
        elif isinstance(value, str):
            clean[key] = clean_text(value, T.LABEL_LENGTH)
        else:
            raise ValueError(f"audit detail {key!r} is neither a label nor a number")
    return clean


def record(
    connection: Connection,
    access: Access | None,
    action: str,
    *,
    school_id: int | None = None,
    scan_id: int | None = None,
    board_id: int | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """One row in the log, in the caller's transaction. ``access`` None is the installation
    itself (a scheduled purge). The caller has checked the access already. With a ``scan_id``
    the scan's label goes into ``detail`` as ``scan`` (and its school is the row's school)."""
    if action not in AUDIT_ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    label: str | None = ""
    if access is not None and access.code_id is not None:
        label = connection.execute(
            select(T.access_code.c.label).where(T.access_code.c.id == access.code_id)
        ).scalar_one_or_none()
    if scan_id is not None:
        scan = connection.execute(
            select(T.scan.c.school_id, T.scan.c.label).where(T.scan.c.id == scan_id)
        ).one_or_none()
        if scan is not None:
            school_id = scan.school_id if school_id is None else school_id
            detail = {"scan": scan.label, **(detail or {})}
    connection.execute(
        T.audit_event.insert().values(
            occurred_at=to_the_minute(utcnow()),
            role=access.role if access is not None else SYSTEM,
            code_id=access.code_id if access is not None else None,
            code_label=label or "",
            action=action,
            board_id=board_id if board_id is not None else _board_of(access, school_id),
            school_id=school_id,
            scan_id=scan_id,
            detail=_detail(detail),
        )
    )


def _board_of(access: Access | None, school_id: int | None) -> int | None:
    if access is not None and (school_id is None or access.school_id == school_id):
        return access.board_id
    return None
