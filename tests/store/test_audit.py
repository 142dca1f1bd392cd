"""The audit log: every action a school must account for writes exactly one row, to the minute,
naming the role and code label and never an answer, a note or a code; a coordinator reads only
their own school's rows, a trainer and a board read none."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from assessment import store
from assessment.store import tables as T
from assessment.store.audit_record import AUDIT_ACTIONS
from assessment.store.research_consent import set_research_consent, set_school_type
from assessment.store.research_scans import research_scans

SECRET_NOTE = "Juf Anna vertelde over leerling Bram"  # never to appear in the log


def rows(engine) -> list[dict]:
    with engine.connect() as connection:
        return [
            dict(row._mapping)
            for row in connection.execute(select(T.audit_event).order_by(T.audit_event.c.id))
        ]


def count(engine) -> int:
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(T.audit_event)).scalar_one()


def coordinator(world) -> store.Access:
    return world.access["coordinator"]


def agreed_version(world, criterion: str) -> int:
    data = store.scan_data(world.engine, coordinator(world), world.scan.id)
    return data.agreed_versions.get(criterion, 0)


def clear_agreed(world) -> None:
    version = agreed_version(world, "a-v1")
    store.clear_agreed(world.engine, coordinator(world), world.scan.id, "a-v1", version=version)


def update_action(world) -> None:
    store.update_action(
        world.engine,
        coordinator(world),
        world.action.id,
        version=world.action.version,
        title="Ouderavond over TSO",
    )


def delete_action(world) -> None:
    store.delete_action(
        world.engine, coordinator(world), world.action.id, version=world.action.version
    )


def save_plan(world) -> None:
    store.save_plan(
        world.engine,
        coordinator(world),
        world.scan.id,
        added=[{"theme": "alfa", "title": "Studiedag", "owner": "Juf Anna"}],
        updated={world.action.id: {"status": "doing"}},
        versions={world.action.id: world.action.version},
    )


# (name, what the actor does, the action the row must name, the role in it)
ACTIONS = [
    (
        "coordinator signs in",
        lambda w: store.record_sign_in(w.engine, coordinator(w)),
        "sign_in",
        "coordinator",
    ),
    (
        "trainer signs in",
        lambda w: store.record_sign_in(w.engine, w.access["trainer"]),
        "sign_in",
        "trainer",
    ),
    (
        "board signs in",
        lambda w: store.record_sign_in(w.engine, w.access["board"]),
        "sign_in",
        "board",
    ),
    (
        "trainer code issued",
        lambda w: store.issue_code(
            w.engine, coordinator(w), "trainer", school_id=w.school.id, label="Trainer Kees"
        ),
        "code_issued",
        "coordinator",
    ),
    (
        "a batch of team codes issued",
        lambda w: store.issue_team_codes(w.engine, coordinator(w), w.scan.id, 5),
        "code_issued",
        "coordinator",
    ),
    (
        "code revoked",
        lambda w: store.revoke_code(w.engine, coordinator(w), w.access["respondent"].code_id),
        "code_revoked",
        "coordinator",
    ),
    (
        "scan opened",
        lambda w: store.open_scan(w.engine, coordinator(w), w.school.id, "2026-2027", w.rubric),
        "scan_opened",
        "coordinator",
    ),
    (
        "scan closed",
        lambda w: store.close_scan(w.engine, coordinator(w), w.scan.id),
        "scan_closed",
        "coordinator",
    ),
    (
        "scan reopened",
        lambda w: store.reopen_scan(w.engine, coordinator(w), w.previous_scan.id),
        "scan_reopened",
        "coordinator",
    ),
    (
        "agreed value set",
        lambda w: store.set_agreed(
            w.engine, coordinator(w), w.scan.id, "b-v1", 2, SECRET_NOTE, version=0
        ),
        "agreed_set",
        "coordinator",
    ),
    ("agreed value cleared", clear_agreed, "agreed_cleared", "coordinator"),
    (
        "action added",
        lambda w: store.add_action(
            w.engine, coordinator(w), w.scan.id, "alfa", SECRET_NOTE, owner="Juf Anna"
        ),
        "plan_saved",
        "coordinator",
    ),
    ("action changed", update_action, "plan_saved", "coordinator"),
    ("action deleted", delete_action, "plan_saved", "coordinator"),
    ("plan saved in one edit", save_plan, "plan_saved", "coordinator"),
    (
        "last year's action reviewed",
        lambda w: store.review_action(
            w.engine,
            coordinator(w),
            w.previous_action.id,
            w.scan.id,
            "continue",
            version=w.previous_action.version,
        ),
        "plan_saved",
        "coordinator",
    ),
    (
        "MR informed ticked",
        lambda w: store.set_mr_informed(w.engine, coordinator(w), w.scan.id, True),
        "mr_informed",
        "coordinator",
    ),
    (
        "sharing with the board changed",
        lambda w: store.set_board_sharing(w.engine, coordinator(w), w.school.id, False),
        "sharing_changed",
        "coordinator",
    ),
    (
        "school type set",
        lambda w: set_school_type(w.engine, coordinator(w), w.school.id, "sbo"),
        "school_type_set",
        "coordinator",
    ),
    (
        "research consent turned on",
        lambda w: set_research_consent(w.engine, coordinator(w), w.school.id, True),
        "research_consent",
        "coordinator",
    ),
    (
        "research dataset exported",
        lambda w: research_scans(w.engine, w.access["admin"]),
        "research_export",
        "admin",
    ),
    (
        "plan PDF downloaded",
        lambda w: store.record_download(w.engine, coordinator(w), "plan_pdf", scan_id=w.scan.id),
        "download",
        "coordinator",
    ),
    (
        "briefing downloaded by the trainer",
        lambda w: store.record_download(
            w.engine, w.access["trainer"], "briefing_pdf", scan_id=w.scan.id
        ),
        "download",
        "trainer",
    ),
    (
        "board spreadsheet downloaded",
        lambda w: store.record_download(w.engine, w.access["board"], "board_xlsx"),
        "download",
        "board",
    ),
    (
        "leaflet downloaded",
        lambda w: store.record_download(w.engine, coordinator(w), "privacy_leaflet"),
        "download",
        "coordinator",
    ),
    (
        "retention carried out by the installation",
        lambda w: store.log_event(w.engine, None, "purge", None, {"scans": 1, "answers": 6}),
        "purge",
        "system",
    ),
    (
        "a school deleted from the command line",
        lambda w: store.log_event(
            w.engine, w.access["admin"], "school_deleted", None, {"school": w.far_school.id}
        ),
        "school_deleted",
        "admin",
    ),
]


@pytest.mark.parametrize(
    ("act", "action", "role"),
    [pytest.param(act, action, role, id=name) for name, act, action, role in ACTIONS],
)
def test_each_action_writes_one_row_without_answers_notes_or_codes(world, act, action, role):
    before = rows(world.engine)
    act(world)
    after = rows(world.engine)
    assert len(after) == len(before) + 1
    row = after[-1]
    assert (row["action"], row["role"]) == (action, role)
    assert (row["occurred_at"].second, row["occurred_at"].microsecond) == (0, 0)
    text = json.dumps(row, default=str)
    for secret in (SECRET_NOTE, "Juf Anna", "bewijs", *world.codes.values()):
        assert secret not in text
    assert not {"value", "score", "note", "answer", "title", "owner"} & set(row["detail"] or {})


def test_every_action_the_log_knows_is_written_by_something():
    assert {action for _, _, action, _ in ACTIONS} | {
        "export",
        "mr_not_informed",
    } == set(AUDIT_ACTIONS)


def test_the_row_names_the_code_label_and_the_scan(world):
    trainer = store.resolve_code(
        world.engine,
        store.issue_code(
            world.engine, coordinator(world), "trainer", school_id=world.school.id, label="Kees"
        ).code,
    )
    store.record_download(world.engine, trainer, "briefing_pdf", scan_id=world.scan.id)
    event = store.school_log(world.engine, coordinator(world), world.school.id).events[0]
    assert (event.role, event.code_label, event.code_id) == ("trainer", "Kees", trainer.code_id)
    assert event.detail == {"scan": "2025-2026", "what": "briefing_pdf"}
    assert (event.school_id, event.scan_id) == (world.school.id, world.scan.id)


def test_what_is_refused_or_changes_nothing_writes_no_row(world):
    before = count(world.engine)
    with pytest.raises(store.AccessDenied):
        store.close_scan(world.engine, world.access["trainer"], world.scan.id)
    with pytest.raises(store.AccessDenied):
        store.record_download(
            world.engine, world.access["other_coordinator"], "plan_pdf", scan_id=world.scan.id
        )
    store.close_scan(world.engine, coordinator(world), world.previous_scan.id)  # closed already
    store.set_mr_informed(world.engine, coordinator(world), world.scan.id, False)  # not ticked
    assert count(world.engine) == before


def test_mr_informed_is_remembered_per_scan_and_unticking_is_logged(world):
    engine, access = world.engine, coordinator(world)
    day = dt.date(2026, 9, 14)
    assert store.set_mr_informed(engine, access, world.scan.id, True, today=day) == day
    assert store.set_mr_informed(engine, access, world.scan.id, True) == day  # the first day stays
    assert store.mr_informed_on(engine, access, world.scan.id) == day
    assert store.mr_informed_on(engine, access, world.previous_scan.id) is None
    assert store.mr_informed_on(engine, world.access["trainer"], world.scan.id) == day
    store.set_mr_informed(engine, access, world.scan.id, False)
    assert store.mr_informed_on(engine, access, world.scan.id) is None
    actions = [e.action for e in store.school_log(engine, access, world.school.id).events[:2]]
    assert actions == ["mr_not_informed", "mr_informed"]
    with pytest.raises(store.AccessDenied):
        store.set_mr_informed(engine, world.access["trainer"], world.scan.id, True)


def test_a_coordinator_reads_only_their_own_schools_rows_newest_first(world):
    engine = world.engine
    store.record_sign_in(engine, coordinator(world))
    store.record_sign_in(engine, world.access["other_coordinator"])
    store.close_scan(engine, coordinator(world), world.scan.id)
    own = store.school_log(engine, coordinator(world), world.school.id, per_page=1000).events
    assert own and {event.school_id for event in own} == {world.school.id}
    assert own[0].action == "scan_closed" and own[1].action == "sign_in"
    assert [event.id for event in own] == sorted((event.id for event in own), reverse=True)
    other = store.school_log(
        engine, world.access["other_coordinator"], world.other_school.id, per_page=1000
    ).events
    assert other and {event.school_id for event in other} == {world.other_school.id}
    with pytest.raises(store.AccessDenied):
        store.school_log(engine, coordinator(world), world.other_school.id)


@pytest.mark.parametrize("actor", ["trainer", "board", "respondent", "other_board"])
def test_trainer_board_and_respondent_read_none_of_it(world, actor):
    with pytest.raises(store.AccessDenied):
        store.school_log(world.engine, world.access[actor], world.school.id)
    with pytest.raises(store.AccessDenied):
        store.audit_log(world.engine, world.access[actor])


def test_only_the_operator_reads_the_whole_log(world):
    with pytest.raises(store.AccessDenied):
        store.audit_log(world.engine, coordinator(world))
    everything = store.audit_log(world.engine, world.access["admin"])
    assert {world.school.id, world.other_school.id} <= {event.school_id for event in everything}
    one = store.audit_log(world.engine, world.access["admin"], school_id=world.other_school.id)
    assert one and {event.school_id for event in one} == {world.other_school.id}


def test_the_log_is_paged(world):
    engine, access = world.engine, coordinator(world)
    for _ in range(5):
        store.record_sign_in(engine, access)
    total = store.school_log(engine, access, world.school.id).total
    first = store.school_log(engine, access, world.school.id, page=1, per_page=3)
    last = store.school_log(engine, access, world.school.id, page=99, per_page=3)
    assert (first.pages, first.total, len(first.events)) == (-(-total // 3), total, 3)
    assert last.page == first.pages and len(last.events) == total - 3 * (first.pages - 1)
    assert first.events[0].id > last.events[-1].id


def test_purge_audit_log_removes_rows_older_than_the_cut(world):
    engine = world.engine
    store.record_sign_in(engine, coordinator(world))
    total = count(engine)
    now = dt.datetime.now(dt.UTC)
    assert store.purge_audit_log(engine, now - dt.timedelta(days=1)) == 0
    assert count(engine) == total
    assert store.purge_audit_log(engine, now + dt.timedelta(minutes=2)) == total
    assert count(engine) == 0


def test_forgetting_a_school_removes_only_its_rows(world):
    from assessment.store.engine import writing

    with writing(world.engine) as connection:
        store.forget_school(connection, world.school.id)
    remaining = store.audit_log(world.engine, world.access["admin"])
    assert remaining and world.school.id not in {event.school_id for event in remaining}
