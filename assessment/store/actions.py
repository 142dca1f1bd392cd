"""The action plan of a scan, and last year's open actions coming back for review."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Engine, Row, delete, select, update

from assessment.rubric import Rubric
from assessment.store import tables as T
from assessment.store._common import (
    action_info,
    clean_text,
    get_scan_row,
    insert_for,
    scan_rubric,
)
from assessment.store.access import school_content, school_write, verify
from assessment.store.audit_record import record
from assessment.store.engine import reading, writing
from assessment.store.errors import Conflict, InvalidInput, NotFound
from assessment.store.info import (
    ACTION_STATUSES,
    OPEN_ACTION_STATUSES,
    REVIEW_DECISIONS,
    Access,
    ActionInfo,
)
from assessment.store.schools import previous_row

EDITABLE_FIELDS = ("theme", "criterion", "title", "owner", "due_date", "status")


def check_action_fields(rubric: Rubric | None, fields: dict[str, Any]) -> dict[str, Any]:
    """The action's fields cleaned and checked (against ``rubric`` when given)."""
    theme = fields["theme"]
    criterion = fields.get("criterion") or None
    if rubric is not None and isinstance(criterion, str) and criterion in rubric.crosswalk:
        # an action of an older scan on a retired criterion goes on with its successor, and
        # with that criterion's theme (a criterion may have moved to another theme)
        criterion = rubric.crosswalk[criterion]
        if rubric.has_criterion(criterion):
            theme = rubric.criterion(criterion).theme
    if rubric is not None:
        if theme not in [t.id for t in rubric.theme_list]:
            raise InvalidInput("store.errors.unknown_theme", theme=str(theme))
        if criterion is not None:
            if not isinstance(criterion, str) or not rubric.has_criterion(criterion):
                raise InvalidInput("store.errors.unknown_criterion", criterion=str(criterion))
            if rubric.criterion(criterion).theme != theme:
                raise InvalidInput(
                    "store.errors.criterion_theme", criterion=criterion, theme=str(theme)
                )
    elif not isinstance(theme, str) or not theme:
        raise InvalidInput("store.errors.unknown_theme", theme=str(theme))
    status = fields.get("status") or "planned"
    if status not in ACTION_STATUSES:
        raise InvalidInput("store.errors.bad_status", status=str(status))
    return {
        "theme": theme,
        "criterion": criterion,
        "title": clean_text(fields.get("title"), T.TITLE_LENGTH, required="title"),
        "owner": clean_text(fields.get("owner"), T.NAME_LENGTH, name=True),
        "due_date": _date(fields.get("due_date")),
        "status": status,
    }


def _date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidInput("store.errors.bad_date", value=str(value))


def _action_row(connection: Connection, action_id: Any, *, lock: bool = False) -> Row[Any]:
    if isinstance(action_id, bool) or not isinstance(action_id, int):
        raise NotFound("store.errors.action_not_found", id=action_id)
    query = select(T.action).where(T.action.c.id == action_id)
    if lock:
        query = query.with_for_update()
    row = connection.execute(query).one_or_none()
    if row is None:
        raise NotFound("store.errors.action_not_found", id=action_id)
    return row


def list_actions(engine: Engine, access: Access, scan_id: int) -> list[ActionInfo]:
    with reading(engine) as connection:
        verify(connection, access)
        scan = get_scan_row(connection, scan_id)
        school_content(access, scan.school_id)
        rows = connection.execute(
            select(T.action).where(T.action.c.scan_id == scan_id).order_by(T.action.c.id)
        )
        return [action_info(row) for row in rows]


def add_action(
    engine: Engine,
    access: Access,
    scan_id: int,
    theme: str,
    title: str,
    owner: str = "",
    due_date: dt.date | None = None,
    status: str = "planned",
    criterion: str | None = None,
) -> ActionInfo:
    fields: dict[str, Any] = {"theme": theme, "criterion": criterion, "title": title}
    fields |= {"owner": owner, "due_date": due_date, "status": status}
    with writing(engine) as connection:
        verify(connection, access)
        scan = get_scan_row(connection, scan_id)
        school_write(access, scan.school_id)
        action_id = _insert(connection, scan, fields)
        _record_plan(connection, access, scan, added=1)
        return action_info(_action_row(connection, action_id))


def update_action(
    engine: Engine, access: Access, action_id: int, *, version: int, **fields: Any
) -> ActionInfo:
    """Change some of theme, criterion, title, owner, due_date, status. Moving an action to
    another theme drops a criterion of the old theme. ``version`` is the version the caller saw;
    a change made meanwhile is refused with ``Conflict``."""
    with writing(engine) as connection:
        verify(connection, access)
        row = _action_row(connection, action_id, lock=True)
        scan = get_scan_row(connection, row.scan_id)
        school_write(access, scan.school_id)
        if row.version != version:
            raise _conflict({row.id: action_info(row)})
        _update(connection, row, scan, fields)
        _record_plan(connection, access, scan, changed=1)
        return action_info(_action_row(connection, action_id))


def delete_action(engine: Engine, access: Access, action_id: int, *, version: int) -> None:
    """Delete an action; refused with ``Conflict`` when it changed since the caller saw ``version``."""
    with writing(engine) as connection:
        verify(connection, access)
        row = _action_row(connection, action_id, lock=True)
        scan = get_scan_row(connection, row.scan_id)
        school_write(access, scan.school_id)
        if row.version != version:
            raise _conflict({row.id: action_info(row)})
        connection.execute(delete(T.action).where(T.action.c.id == action_id))
        _record_plan(connection, access, scan, deleted=1)


def save_plan(
    engine: Engine,
    access: Access,
    scan_id: int,
    *,
    added: Sequence[dict[str, Any]] = (),
    updated: dict[int, dict[str, Any]] | None = None,
    deleted: Sequence[int] = (),
    versions: Mapping[int, int] | None = None,
) -> list[ActionInfo]:
    """Apply one edit of a scan's plan in one transaction: all of it, or (on any error) nothing.
    Every action named must belong to ``scan_id``; ``versions`` holds the version the caller saw
    of each action it updates or deletes. When one of them changed meanwhile, or one it updates
    was deleted meanwhile, nothing is saved: ``Conflict`` names them. (Deleting an action someone
    else deleted already is no conflict.) Returns the plan as it is afterwards."""
    updated = updated or {}
    versions = versions or {}
    with writing(engine) as connection:
        verify(connection, access)
        scan = get_scan_row(connection, scan_id)
        school_write(access, scan.school_id)
        rows = _plan_rows(connection, [*deleted, *updated])
        for row in rows.values():
            if row.scan_id != scan_id:
                raise NotFound()
        changed: dict[int, ActionInfo | None] = {
            action_id: None for action_id in updated if action_id not in rows
        }
        for action_id, row in rows.items():
            if row.version != versions.get(action_id):
                changed[action_id] = action_info(row)
        if changed:
            raise _conflict(changed)
        connection.execute(delete(T.action).where(T.action.c.id.in_(list(deleted))))
        for action_id, fields in updated.items():
            _update(connection, rows[action_id], scan, fields)
        for fields in added:
            _insert(connection, scan, fields)
        _record_plan(
            connection, access, scan, added=len(added), changed=len(updated), deleted=len(deleted)
        )
        plan = connection.execute(
            select(T.action).where(T.action.c.scan_id == scan_id).order_by(T.action.c.id)
        ).all()
        return [action_info(row) for row in plan]


def _record_plan(
    connection: Connection,
    access: Access,
    scan: Row[Any],
    *,
    added: int = 0,
    changed: int = 0,
    deleted: int = 0,
) -> None:
    """How many actions an edit added, changed and deleted; never their titles or owners."""
    detail = {"added": added, "changed": changed, "deleted": deleted}
    record(
        connection, access, "plan_saved", school_id=scan.school_id, scan_id=scan.id, detail=detail
    )


def _plan_rows(connection: Connection, action_ids: list[Any]) -> dict[int, Row[Any]]:
    """The rows of these actions that exist, locked for the edit (PostgreSQL)."""
    for action_id in action_ids:
        if isinstance(action_id, bool) or not isinstance(action_id, int):
            raise NotFound("store.errors.action_not_found", id=action_id)
    if not action_ids:
        return {}
    query = (
        select(T.action)
        .where(T.action.c.id.in_(sorted(set(action_ids))))
        .order_by(T.action.c.id)  # one lock order for every caller
        .with_for_update()
    )
    return {row.id: row for row in connection.execute(query)}


def _conflict(current: dict[int, ActionInfo | None]) -> Conflict:
    titles = ", ".join(f"‘{info.title}’" for info in current.values() if info is not None)
    if not titles:
        return Conflict("store.errors.plan_deleted", current=current)
    return Conflict("store.errors.plan_changed", current=current, titles=titles)


def _insert(connection: Connection, scan: Row[Any], fields: dict[str, Any]) -> int:
    defaults = {"criterion": None, "owner": "", "due_date": None, "status": "planned"}
    values = check_action_fields(scan_rubric(scan), defaults | fields)
    return connection.execute(
        T.action.insert().values(scan_id=scan.id, **values).returning(T.action.c.id)
    ).scalar_one()


def _update(connection: Connection, row: Row[Any], scan: Row[Any], fields: dict[str, Any]) -> None:
    unknown = sorted(set(fields) - set(EDITABLE_FIELDS))
    if unknown:
        raise InvalidInput("store.errors.unknown_field", field=", ".join(unknown))
    rubric = scan_rubric(scan)
    merged = {name: getattr(row, name) for name in EDITABLE_FIELDS} | fields
    if (
        "criterion" not in fields
        and merged["criterion"]
        and merged["theme"] != row.theme
        and rubric.has_criterion(merged["criterion"])
        and rubric.criterion(merged["criterion"]).theme != merged["theme"]
    ):
        merged["criterion"] = None
    values = check_action_fields(rubric, merged)
    connection.execute(
        update(T.action)
        .where(T.action.c.id == row.id)
        .values(**values, version=T.action.c.version + 1)
    )


def actions_to_review(engine: Engine, access: Access, scan_id: int) -> list[ActionInfo]:
    """Open (planned or doing) actions of the school's previous scan that have not been carried
    over into this scan yet: they come back for review before new steps."""
    with reading(engine) as connection:
        verify(connection, access)
        scan = get_scan_row(connection, scan_id)
        school_content(access, scan.school_id)
        previous = previous_row(connection, scan)
        if previous is None:
            return []
        carried = select(T.action.c.carried_from).where(
            T.action.c.scan_id == scan_id, T.action.c.carried_from.is_not(None)
        )
        rows = connection.execute(
            select(T.action)
            .where(
                T.action.c.scan_id == previous.id,
                T.action.c.status.in_(OPEN_ACTION_STATUSES),
                T.action.c.id.not_in(carried),
            )
            .order_by(T.action.c.id)
        )
        return [action_info(row) for row in rows]


def review_action(
    engine: Engine, access: Access, action_id: int, scan_id: int, decision: str, *, version: int
) -> ActionInfo | None:
    """Decide on an earlier scan's action: "continue" copies it into ``scan_id`` (status kept,
    ``carried_from`` set) and returns the copy; "done" or "dropped" set the old action's status
    and return it. ``version`` is the version of the action the caller saw; when a colleague
    changed it meanwhile nothing is saved: ``Conflict`` says what it is now."""
    if decision not in REVIEW_DECISIONS:
        raise InvalidInput("store.errors.bad_decision", decision=str(decision))
    with writing(engine) as connection:
        verify(connection, access)
        scan = get_scan_row(connection, scan_id)
        school_write(access, scan.school_id)
        old = _action_row(connection, action_id, lock=True)
        old_scan = get_scan_row(connection, old.scan_id)
        earlier = (old_scan.created_at, old_scan.id) < (scan.created_at, scan.id)
        if old_scan.school_id != scan.school_id or not earlier:
            raise InvalidInput("store.errors.not_earlier_action")
        if old.version != version:
            raise Conflict(
                "store.errors.review_changed", current={old.id: action_info(old)}, title=old.title
            )
        if decision != "continue":
            connection.execute(
                update(T.action)
                .where(T.action.c.id == action_id)
                .values(status=decision, version=T.action.c.version + 1)
            )
            _record_plan(connection, access, old_scan, changed=1)
            return action_info(_action_row(connection, action_id))
        status = old.status if old.status in OPEN_ACTION_STATUSES else "planned"
        connection.execute(
            insert_for(connection, T.action)
            .values(
                scan_id=scan_id,
                theme=old.theme,
                criterion=old.criterion,
                title=old.title,
                owner=old.owner,
                due_date=old.due_date,
                status=status,
                carried_from=old.id,
            )
            .on_conflict_do_nothing(index_elements=["scan_id", "carried_from"])
        )
        copy = connection.execute(
            select(T.action).where(T.action.c.scan_id == scan_id, T.action.c.carried_from == old.id)
        ).one()
        _record_plan(connection, access, scan, added=1)
        return action_info(copy)
