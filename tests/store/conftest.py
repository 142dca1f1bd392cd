"""Store fixtures: the mini rubric, admin access, and a small world of boards, schools and codes."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import pytest
from sqlalchemy import func, select, text

from assessment import store
from assessment.rubric import Rubric, load_rubric
from assessment.store.tables import ALL_TABLES
from tests.factories import (
    add_respondent,
    board_code,
    closed_scan,
    make_board,
    make_scan,
    make_school,
    trainer_code,
)
from tests.helpers import MINI_RUBRIC


@pytest.fixture(scope="session")
def mini() -> Rubric:
    rubric = load_rubric(MINI_RUBRIC)
    store.register_rubric(rubric)
    return rubric


@pytest.fixture
def admin() -> store.Access:
    return store.admin_access()


@dataclass
class World:
    """Two boards. Board Noord: school A (shares with the board) and school C (does not).
    Board Zuid: school Z (shares). A has a closed scan with an open action and an open scan with
    two respondents, an agreed value and an action; C and Z have one open scan each."""

    engine: object
    board: store.BoardInfo
    other_board: store.BoardInfo
    school: store.SchoolInfo
    other_school: store.SchoolInfo
    far_school: store.SchoolInfo
    previous_scan: store.ScanInfo
    scan: store.ScanInfo
    other_scan: store.ScanInfo
    far_scan: store.ScanInfo
    previous_action: store.ActionInfo
    action: store.ActionInfo
    rubric: Rubric
    codes: dict[str, str] = field(default_factory=dict)  # actor -> secret code
    access: dict[str, store.Access] = field(default_factory=dict)  # actor -> resolved access


ACTORS = (
    "admin",
    "board",  # board of school A, which shares with it
    "other_board",  # a board that school A does not belong to
    "coordinator",  # coordinator of school A
    "other_coordinator",  # coordinator of school C, same board as A
    "trainer",  # trainer of school A
    "respondent",  # respondent in A's open scan
    "other_respondent",  # respondent in C's open scan
)


_built: dict[str, tuple[dict[str, list[dict]], World]] = {}


@pytest.fixture
def world(engine, mini, admin) -> World:
    """The world on a fresh database: built through the service functions once per engine and
    session, then restored row by row (the same content, in a few milliseconds)."""
    kind = engine.dialect.name
    if kind not in _built:
        built = build_world(engine, mini, admin)
        _built[kind] = (snapshot(engine), built)
        return built
    rows, template = _built[kind]
    restore(engine, rows)
    return dataclasses.replace(template, engine=engine)


def snapshot(engine) -> dict[str, list[dict]]:
    with engine.connect() as connection:
        return {
            table.name: [
                dict(row._mapping)
                for row in connection.execute(select(table).order_by(*table.primary_key.columns))
            ]
            for table in ALL_TABLES
        }


def restore(engine, rows: dict[str, list[dict]]) -> None:
    """Write a snapshot into an empty database, parents first."""
    with engine.begin() as connection:
        for table in reversed(ALL_TABLES):
            if rows[table.name]:
                connection.execute(table.insert(), rows[table.name])
        if connection.dialect.name == "postgresql":
            for table in ALL_TABLES:
                if "id" not in table.c:
                    continue
                connection.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {table.name}), false)"
                    )
                )


def build_world(engine, mini, admin) -> World:
    board, other_board = make_board(engine, "Stichting Noord"), make_board(engine, "Stichting Zuid")
    codes = {"board": board_code(engine, board), "other_board": board_code(engine, other_board)}
    a = make_school(engine, name="OBS A", board=board, share_with_board=True)
    c = make_school(engine, name="OBS C", board=board, share_with_board=False)
    z = make_school(engine, name="OBS Z", board=other_board, share_with_board=True)
    codes |= {"coordinator": a.coordinator_code, "other_coordinator": c.coordinator_code}
    first_action = {"theme": "alfa", "title": "Werkgroep samenstellen", "criterion": "a-v1"}
    previous_scan = closed_scan(engine, a, label="2024-2025", rubric=mini, actions=[first_action])
    scan, other_scan, far_scan = (
        make_scan(engine, school, label="2025-2026", rubric=mini) for school in (a, c, z)
    )
    codes["trainer"] = trainer_code(engine, a)
    respondents = [
        add_respondent(engine, scan, role="leerkracht", answers=noted(values))
        for values in ({"a-v1": 2, "a-v2": "na", "b-v1": 1}, {"a-v1": 0, "a-v2": 3, "b-v1": "dk"})
    ]
    other = add_respondent(engine, other_scan, role="leerkracht", answers=noted({"a-v1": 3}))
    codes |= {"respondent": respondents[0].code, "other_respondent": other.code}
    access = {actor: store.resolve_code(engine, code) for actor, code in codes.items()}
    access["admin"] = admin
    store.set_agreed(engine, a.coordinator, scan.id, "a-v1", 1, "besproken", version=0)
    action = store.add_action(engine, a.coordinator, scan.id, "beta", "Ouderavond", owner="IB")
    return World(
        engine,
        board,
        other_board,
        a.school,
        c.school,
        z.school,
        previous_scan.scan,
        scan.scan,
        other_scan.scan,
        far_scan.scan,
        previous_scan.actions[0],
        action,
        mini,
        codes,
        access,
    )


def noted(values: dict) -> dict:
    """Each answer with an evidence note that names it."""
    return {
        criterion: (value, f"bewijs {criterion} {value}") for criterion, value in values.items()
    }


def row_counts(engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
            for table in ALL_TABLES
        }


def full_export(engine) -> list[dict]:
    """Every school of the database, exported: the whole content to compare before and after."""
    admin = store.admin_access()
    return [
        store.export_school(engine, admin, school.id)
        for school in store.list_schools(engine, admin)
    ]
