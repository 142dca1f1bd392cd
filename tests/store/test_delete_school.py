"""Deleting a school: after it, no table holds a row of it; the other schools are untouched."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from assessment import store
from assessment.store import tables as T
from assessment.store.deletion import delete_school
from assessment.store.tables import ALL_TABLES
from tests.store.conftest import full_export


def rows_of_school(engine, school_id: int) -> dict[str, set[tuple]]:
    """The primary keys of every row that belongs to the school, per table, found through the
    foreign keys of every table: a row belongs to it when a reference points at one that does."""
    with engine.connect() as connection:
        rows = {
            t.name: [dict(r._mapping) for r in connection.execute(select(t))] for t in ALL_TABLES
        }
    owned: dict[str, set[tuple]] = {table.name: set() for table in ALL_TABLES}
    owned["school"] = {(r["id"],) for r in rows["school"] if r["id"] == school_id}
    changed = True
    while changed:
        changed = False
        for table in ALL_TABLES:
            for row in rows[table.name]:
                key = tuple(row[column.name] for column in table.primary_key.columns)
                if key in owned[table.name]:
                    continue
                if any(
                    (row[fk.parent.name],) in owned[fk.column.table.name]
                    for fk in table.foreign_keys
                ):
                    owned[table.name].add(key)
                    changed = True
    return owned


def logged_rows(engine, school_id: int) -> int:
    with engine.connect() as connection:
        return connection.execute(
            select(func.count()).where(T.audit_event.c.school_id == school_id)
        ).scalar_one()


def test_a_deleted_school_leaves_no_row_in_any_table(world, admin):
    engine, coordinator = world.engine, world.access["coordinator"]
    store.submit(engine, world.access["respondent"])
    store.close_scan(engine, coordinator, world.scan.id)  # a summary too
    store.open_session(engine, coordinator, "browser")  # and a sign-in
    others = [e for e in full_export(engine) if e["school"]["name"] != "OBS A"]
    before = rows_of_school(engine, world.school.id)
    assert all(before[name] for name in ("scan", "respondent", "answer", "access_code", "action"))

    logged = logged_rows(engine, world.school.id)  # the log has no foreign keys
    assert logged  # the close and the sign-in at least

    removed = delete_school(engine, admin, world.school.id, "OBS A")

    assert removed == sum(len(keys) for keys in before.values()) + logged
    assert all(not keys for keys in rows_of_school(engine, world.school.id).values())
    assert logged_rows(engine, world.school.id) == 0  # only the deletion itself, without it
    assert full_export(engine) == others
    assert store.list_boards(engine, admin)  # the board stays


def test_a_wrong_name_deletes_nothing(world, admin):
    before = full_export(world.engine)
    with pytest.raises(store.InvalidInput) as refused:
        delete_school(world.engine, admin, world.school.id, "OBS B")
    assert refused.value.key == "retention.cli.confirm_mismatch"
    assert full_export(world.engine) == before


def test_only_an_admin_deletes_a_school(world):
    with pytest.raises(store.AccessDenied):
        delete_school(world.engine, world.access["coordinator"], world.school.id, "OBS A")
