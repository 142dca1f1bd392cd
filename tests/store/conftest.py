"""Store fixtures: the mini rubric, admin access, and a small world of boards, schools and codes."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import pytest
from sqlalchemy import func, select, text

from assessment import store
from assessment.rubric import Rubric, load_rubric
from assessment.store.tables import ALL_TABLES
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
    board = store.create_board(engine, admin, "Stichting Noord")
    other_board = store.create_board(engine, admin, "Stichting Zuid")
    school = store.create_school(engine, admin, board.id, "OBS A", share_with_board=True)
    other_school = store.create_school(engine, admin, board.id, "OBS C", share_with_board=False)
    far_school = store.create_school(engine, admin, other_board.id, "OBS Z", share_with_board=True)
    codes = {
        "board": store.issue_code(engine, admin, "board", board_id=board.id).code,
        "other_board": store.issue_code(engine, admin, "board", board_id=other_board.id).code,
        "coordinator": store.issue_code(engine, admin, "coordinator", school_id=school.id).code,
        "other_coordinator": store.issue_code(
            engine, admin, "coordinator", school_id=other_school.id
        ).code,
    }
    far_coordinator = store.resolve_code(
        engine, store.issue_code(engine, admin, "coordinator", school_id=far_school.id).code
    )
    coordinator = store.resolve_code(engine, codes["coordinator"])
    other_coordinator = store.resolve_code(engine, codes["other_coordinator"])
    previous_scan = store.open_scan(engine, coordinator, school.id, "2024-2025", mini)
    previous_action = store.add_action(
        engine, coordinator, previous_scan.id, "alfa", "Werkgroep samenstellen", criterion="a-v1"
    )
    store.close_scan(engine, coordinator, previous_scan.id)
    scan = store.open_scan(engine, coordinator, school.id, "2025-2026", mini)
    other_scan = store.open_scan(engine, other_coordinator, other_school.id, "2025-2026", mini)
    far_scan = store.open_scan(engine, far_coordinator, far_school.id, "2025-2026", mini)
    codes["trainer"] = store.issue_code(engine, coordinator, "trainer", school_id=school.id).code
    codes["respondent"] = store.issue_code(engine, coordinator, "respondent", scan_id=scan.id).code
    second = store.issue_code(engine, coordinator, "respondent", scan_id=scan.id).code
    codes["other_respondent"] = store.issue_code(
        engine, other_coordinator, "respondent", scan_id=other_scan.id
    ).code
    access = {actor: store.resolve_code(engine, code) for actor, code in codes.items()}
    access["admin"] = admin
    for actor_access, values in (
        (access["respondent"], {"a-v1": 2, "a-v2": "na", "b-v1": 1}),
        (store.resolve_code(engine, second), {"a-v1": 0, "a-v2": 3, "b-v1": "dk"}),
        (access["other_respondent"], {"a-v1": 3}),
    ):
        store.start_respondent(engine, actor_access, "leerkracht")
        for criterion, value in values.items():
            store.save_answer(
                engine, actor_access, criterion, value, note=f"bewijs {criterion} {value}"
            )
    store.set_agreed(engine, coordinator, scan.id, "a-v1", 1, "besproken", version=0)
    action = store.add_action(engine, coordinator, scan.id, "beta", "Ouderavond", owner="IB")
    return World(
        engine,
        board,
        other_board,
        school,
        other_school,
        far_school,
        previous_scan,
        scan,
        other_scan,
        far_scan,
        previous_action,
        action,
        mini,
        codes,
        access,
    )


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
