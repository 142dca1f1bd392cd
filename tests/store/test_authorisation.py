"""Who may do what, as a table: every operation against every role.

Actors (see ``World``): admin; the board of school A (A shares with it) and another board; the
coordinator of school A and of school C (same board, C does not share); the trainer of A; a
respondent in A's open scan and one in C's scan. Each row lists who is allowed; everyone else must
get AccessDenied. Each case runs on a fresh database.
"""

from __future__ import annotations

import datetime as dt

import pytest

from assessment import store
from tests.store.conftest import ACTORS, World, full_export, row_counts


def agreed_version(w: World, criterion: str) -> int:
    return store.scan_data(w.engine, store.admin_access(), w.scan.id).agreed_versions[criterion]


OPERATIONS = {
    # --- reading ---------------------------------------------------------------------------------
    "read school A": (
        "admin board coordinator trainer respondent",
        lambda w, a: store.get_school(w.engine, a, w.school.id),
    ),
    "read school C, which does not share with its board": (
        "admin other_coordinator other_respondent",
        lambda w, a: store.get_school(w.engine, a, w.other_school.id),
    ),
    "list the scans of school A": (
        "admin board coordinator trainer",
        lambda w, a: store.list_scans(w.engine, a, w.school.id),
    ),
    "list the scans of school C": (
        "admin other_coordinator",
        lambda w, a: store.list_scans(w.engine, a, w.other_school.id),
    ),
    "read the scan of A (label, status)": (
        "admin board coordinator trainer respondent",
        lambda w, a: store.get_scan(w.engine, a, w.scan.id),
    ),
    "find the previous scan of A": (
        "admin board coordinator trainer",
        lambda w, a: store.previous_scan(w.engine, a, w.scan.id),
    ),
    "read every answer and evidence note of A's scan": (
        "admin coordinator trainer",
        lambda w, a: store.scan_data(w.engine, a, w.scan.id),
    ),
    "read every answer of C's scan": (
        "admin other_coordinator",
        lambda w, a: store.scan_data(w.engine, a, w.other_scan.id),
    ),
    "read the action plan of A": (
        "admin coordinator trainer",
        lambda w, a: store.list_actions(w.engine, a, w.scan.id),
    ),
    "read last year's open actions of A": (
        "admin coordinator trainer",
        lambda w, a: store.actions_to_review(w.engine, a, w.scan.id),
    ),
    "list the access codes of A": (
        "admin coordinator",
        lambda w, a: store.list_codes(w.engine, a, w.school.id),
    ),
    "list schools (each sees its own)": (
        "admin board other_board coordinator other_coordinator trainer",
        lambda w, a: store.list_schools(w.engine, a),
    ),
    "board overview (aggregates of its own sharing schools)": (
        "board other_board",
        lambda w, a: store.board_overview(w.engine, a),
    ),
    "read own answers in A's scan": (
        "coordinator respondent",
        lambda w, a: store.my_answers(w.engine, a, scan_id=w.scan.id),
    ),
    "read own respondent record in A's scan": (
        "coordinator respondent",
        lambda w, a: store.my_respondent(w.engine, a, scan_id=w.scan.id),
    ),
    "export school A": (
        "admin",
        lambda w, a: store.export_school(w.engine, a, w.school.id),
    ),
    # --- answering -------------------------------------------------------------------------------
    "start filling in A's scan": (
        "coordinator respondent",
        lambda w, a: store.start_respondent(w.engine, a, "werkgroep", scan_id=w.scan.id),
    ),
    "save an answer in A's scan": (
        "coordinator respondent",
        lambda w, a: store.save_answer(w.engine, a, "b-b1", 2, "notitie", scan_id=w.scan.id),
    ),
    "clear an answer in A's scan": (
        "coordinator respondent",
        lambda w, a: store.clear_answer(w.engine, a, "a-v1", scan_id=w.scan.id),
    ),
    "answer and submit in A's scan": (
        "coordinator respondent",
        lambda w, a: (
            store.save_answer(w.engine, a, "b-b1", 2, scan_id=w.scan.id),
            store.submit(w.engine, a, scan_id=w.scan.id),
        ),
    ),
    # --- the school's own work -------------------------------------------------------------------
    "set an agreed value in A's scan": (
        "coordinator",
        lambda w, a: store.set_agreed(w.engine, a, w.scan.id, "b-v1", 2, "afgesproken", version=0),
    ),
    "clear an agreed value in A's scan": (
        "coordinator",
        lambda w, a: store.clear_agreed(
            w.engine, a, w.scan.id, "a-v1", version=agreed_version(w, "a-v1")
        ),
    ),
    "add an action to A's plan": (
        "coordinator",
        lambda w, a: store.add_action(w.engine, a, w.scan.id, "alfa", "Studiedag plannen"),
    ),
    "edit an action of A": (
        "coordinator",
        lambda w, a: store.update_action(
            w.engine, a, w.action.id, version=w.action.version, status="doing"
        ),
    ),
    "delete an action of A": (
        "coordinator",
        lambda w, a: store.delete_action(w.engine, a, w.action.id, version=w.action.version),
    ),
    "carry last year's action of A over": (
        "coordinator",
        lambda w, a: store.review_action(
            w.engine,
            a,
            w.previous_action.id,
            w.scan.id,
            "continue",
            version=w.previous_action.version,
        ),
    ),
    "open a new scan for A": (
        "coordinator",
        lambda w, a: store.open_scan(w.engine, a, w.school.id, "2026-2027", w.rubric),
    ),
    "close A's scan": (
        "coordinator",
        lambda w, a: store.close_scan(w.engine, a, w.scan.id),
    ),
    "reopen A's closed scan": (
        "coordinator",
        lambda w, a: store.reopen_scan(w.engine, a, w.previous_scan.id),
    ),
    "change A's sharing with the board": (
        "admin coordinator",
        lambda w, a: store.set_board_sharing(w.engine, a, w.school.id, False),
    ),
    # --- codes -----------------------------------------------------------------------------------
    "issue a respondent code for A's scan": (
        "admin coordinator",
        lambda w, a: store.issue_code(w.engine, a, "respondent", scan_id=w.scan.id),
    ),
    "issue a trainer code for A": (
        "admin coordinator",
        lambda w, a: store.issue_code(w.engine, a, "trainer", school_id=w.school.id),
    ),
    "issue a coordinator code for A": (
        "admin",
        lambda w, a: store.issue_code(w.engine, a, "coordinator", school_id=w.school.id),
    ),
    "issue a board code": (
        "admin",
        lambda w, a: store.issue_code(w.engine, a, "board", board_id=w.board.id),
    ),
    "revoke A's trainer code": (
        "admin coordinator",
        lambda w, a: store.revoke_code(w.engine, a, w.access["trainer"].code_id),
    ),
    # --- administration --------------------------------------------------------------------------
    "create a board": (
        "admin",
        lambda w, a: store.create_board(w.engine, a, "Stichting Nieuw"),
    ),
    "create a school": (
        "admin",
        lambda w, a: store.create_school(w.engine, a, w.board.id, "OBS Nieuw"),
    ),
    "import a school": (
        "admin",
        lambda w, a: store.import_school(w.engine, a, _renamed_export(w)),
    ),
}


def _renamed_export(w: World) -> dict:
    document = store.export_school(w.engine, store.admin_access(), w.school.id)
    document["school"]["name"] = "OBS A (kopie)"
    return document


CASES = [
    pytest.param(operation, actor, actor in allowed.split(), id=f"{operation} | {actor}")
    for operation, (allowed, _) in OPERATIONS.items()
    for actor in ACTORS
]


@pytest.mark.parametrize(("operation", "actor", "allowed"), CASES)
def test_authorisation_matrix(world, operation, actor, allowed):
    _, run = OPERATIONS[operation]
    access = world.access[actor]
    if allowed:
        run(world, access)
    else:
        before = row_counts(world.engine)
        with pytest.raises(store.AccessDenied) as refused:
            run(world, access)
        assert refused.value.key == "store.errors.not_allowed"
        assert row_counts(world.engine) == before


def test_every_actor_has_a_row_where_it_is_allowed_and_one_where_it_is_not():
    for actor in ACTORS:
        rows = [actor in allowed.split() for allowed, _ in OPERATIONS.values()]
        assert any(rows) and not all(rows), actor


# --- what the allowed reads contain -------------------------------------------------------------


def test_a_respondent_sees_only_his_own_answers(world):
    mine = store.my_answers(world.engine, world.access["respondent"])
    assert {c: a.value for c, a in mine.items()} == {"a-v1": 2, "a-v2": "na", "b-v1": 1}
    assert {a.note for a in mine.values()} == {"bewijs a-v1 2", "bewijs a-v2 na", "bewijs b-v1 1"}


def test_a_respondent_cannot_reach_another_scan_by_passing_its_id(world):
    with pytest.raises(store.AccessDenied):
        store.my_answers(world.engine, world.access["respondent"], scan_id=world.other_scan.id)
    with pytest.raises(store.AccessDenied):
        store.save_answer(
            world.engine, world.access["respondent"], "a-v1", 1, scan_id=world.other_scan.id
        )


def test_a_coordinator_of_another_school_sees_nothing_of_school_a(world):
    other = world.access["other_coordinator"]
    schools = store.list_schools(world.engine, other)
    assert [s.name for s in schools] == ["OBS C"]
    with pytest.raises(store.AccessDenied):
        store.list_codes(world.engine, other, world.school.id)


def test_a_board_sees_only_schools_that_opted_in_and_only_aggregates(world):
    overview = store.board_overview(world.engine, world.access["board"])
    assert [summary.school.name for summary in overview] == ["OBS A"]
    assert [s.name for s in store.list_schools(world.engine, world.access["board"])] == ["OBS A"]
    other = store.board_overview(world.engine, world.access["other_board"])
    assert [summary.school.name for summary in other] == ["OBS Z"]
    # Only A's closed scan, which nobody answered: counts and date, no results.
    [closed] = overview[0].scans
    assert (closed.label, closed.respondents, closed.shown) == ("2024-2025", 0, False)
    text = repr(overview)
    assert "bewijs" not in text and "besproken" not in text  # no evidence or agreed notes


def test_a_trainer_reads_results_notes_and_plan_but_writes_nothing(world):
    trainer = world.access["trainer"]
    data = store.scan_data(world.engine, trainer, world.scan.id)
    assert data.notes["a-v1"] == ["bewijs a-v1 0", "bewijs a-v1 2"]  # by text
    assert [a.title for a in store.list_actions(world.engine, trainer, world.scan.id)] == [
        "Ouderavond"
    ]
    for attempt in (
        lambda: store.save_answer(world.engine, trainer, "a-v1", 1, scan_id=world.scan.id),
        lambda: store.start_respondent(world.engine, trainer, None, scan_id=world.scan.id),
        lambda: store.issue_code(world.engine, trainer, "respondent", scan_id=world.scan.id),
        lambda: store.set_board_sharing(world.engine, trainer, world.school.id, False),
    ):
        with pytest.raises(store.AccessDenied):
            attempt()


# --- revoked and expired codes open nothing -----------------------------------------------------

CODE_ACTORS = [actor for actor in ACTORS if actor != "admin"]


def _something_allowed(world: World, actor: str):
    """An operation the actor may normally do."""
    for allowed, run in OPERATIONS.values():
        if actor in allowed.split():
            return run
    raise AssertionError(actor)


@pytest.mark.parametrize("actor", CODE_ACTORS)
def test_a_revoked_code_opens_nothing(world, actor):
    access = world.access[actor]
    store.revoke_code(world.engine, store.admin_access(), access.code_id)
    with pytest.raises(store.CodeRefused) as refused:
        store.resolve_code(world.engine, world.codes[actor])
    assert refused.value.key == "store.errors.code_revoked"
    before = full_export(world.engine)
    # A session that resolved the code before it was revoked is refused too.
    for _allowed, run in OPERATIONS.values():
        with pytest.raises((store.CodeRefused, store.AccessDenied)) as stale:
            run(world, access)
        if isinstance(stale.value, store.CodeRefused):
            assert stale.value.key == "store.errors.code_revoked"
    with pytest.raises(store.CodeRefused):
        _something_allowed(world, actor)(world, access)
    assert full_export(world.engine) == before


@pytest.mark.parametrize("actor", CODE_ACTORS)
def test_an_expired_code_opens_nothing(world, actor):
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=400)
    code_id = world.access[actor].code_id
    _set_expiry(world.engine, code_id, dt.datetime.now(dt.UTC) + dt.timedelta(days=365))
    assert store.resolve_code(world.engine, world.codes[actor]) == world.access[actor]
    with pytest.raises(store.CodeRefused) as refused:
        store.resolve_code(world.engine, world.codes[actor], now=later)
    assert refused.value.key == "store.errors.code_expired"
    _set_expiry(world.engine, code_id, dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1))
    with pytest.raises(store.CodeRefused) as stale:
        _something_allowed(world, actor)(world, world.access[actor])
    assert stale.value.key == "store.errors.code_expired"


def _set_expiry(engine, code_id: int, moment: dt.datetime) -> None:
    from sqlalchemy import update

    from assessment.store.tables import access_code

    with engine.begin() as connection:
        connection.execute(
            update(access_code).where(access_code.c.id == code_id).values(expires_at=moment)
        )


def test_an_access_that_does_not_match_its_code_is_refused(world):
    respondent = world.access["respondent"]
    forged = [
        store.Access("coordinator", school_id=world.school.id, code_id=respondent.code_id),
        store.Access(
            "respondent",
            school_id=world.other_school.id,
            scan_id=world.other_scan.id,
            respondent_id=respondent.respondent_id,
            code_id=respondent.code_id,
        ),
        store.Access("coordinator", school_id=world.school.id),  # no code at all
        store.Access("admin", code_id=respondent.code_id),
    ]
    for access in forged:
        with pytest.raises(store.AccessDenied):
            store.scan_data(world.engine, access, world.scan.id)
