"""Respondents, answers, agreed values and a scan's data as scoring input."""

from __future__ import annotations

import pytest

from assessment import store
from assessment.scoring import score_scan


def test_an_answer_is_saved_replaced_and_cleared(world):
    me = world.access["respondent"]
    saved = store.save_answer(world.engine, me, "b-b1", 2, "  het plan ligt er  ")
    assert (saved.criterion, saved.value, saved.note) == ("b-b1", 2, "het plan ligt er")
    again = store.save_answer(world.engine, me, "b-b1", "dk")
    assert again.updated_at >= saved.updated_at
    mine = store.my_answers(world.engine, me)
    assert (mine["b-b1"].value, mine["b-b1"].note) == ("dk", "")
    store.clear_answer(world.engine, me, "b-b1")
    assert "b-b1" not in store.my_answers(world.engine, me)


def test_a_saved_answer_is_committed_when_the_call_returns(world):
    store.save_answer(world.engine, world.access["respondent"], "b-b2", 3, "vastgelegd")
    fresh = store.make_engine(world.engine.url.render_as_string(hide_password=False))
    try:
        assert store.my_answers(fresh, world.access["respondent"])["b-b2"].value == 3
    finally:
        fresh.dispose()


@pytest.mark.parametrize(
    ("criterion", "value", "key"),
    [
        ("x-onbekend", 2, "store.errors.unknown_criterion"),
        ("a-v1", "na", "store.errors.na_not_allowed"),
        ("a-v1", 4, "store.errors.bad_value"),
        ("a-v1", -1, "store.errors.bad_value"),
        ("a-v1", True, "store.errors.bad_value"),
        ("a-v1", "2", "store.errors.bad_value"),
        ("a-v1", None, "store.errors.bad_value"),
    ],
)
def test_an_invalid_answer_is_refused_and_nothing_changes(world, criterion, value, key):
    me = world.access["respondent"]
    before = store.my_answers(world.engine, me)
    with pytest.raises(store.InvalidInput) as refused:
        store.save_answer(world.engine, me, criterion, value)
    assert refused.value.key == key
    assert store.my_answers(world.engine, me) == before


def test_na_is_accepted_where_the_criterion_allows_it(world):
    assert store.save_answer(world.engine, world.access["respondent"], "b-v2", "na").value == "na"


def test_a_note_longer_than_the_limit_is_refused(world):
    with pytest.raises(store.InvalidInput) as refused:
        store.save_answer(world.engine, world.access["respondent"], "a-v1", 1, "x" * 2001)
    assert refused.value.key == "store.errors.too_long"


def test_a_closed_scan_takes_no_answers_until_it_is_reopened(world):
    me, coordinator = world.access["respondent"], world.access["coordinator"]
    store.close_scan(world.engine, coordinator, world.scan.id)
    for attempt in (
        lambda: store.save_answer(world.engine, me, "a-v1", 3),
        lambda: store.clear_answer(world.engine, me, "a-v1"),
        lambda: store.submit(world.engine, me),
        lambda: store.start_respondent(world.engine, me, "directie"),
    ):
        with pytest.raises(store.ScanClosed):
            attempt()
    assert store.my_answers(world.engine, me)["a-v1"].value == 2  # still readable
    store.reopen_scan(world.engine, coordinator, world.scan.id)
    assert store.save_answer(world.engine, me, "a-v1", 3).value == 3


def test_start_and_submit_record_role_and_times(world):
    me = world.access["respondent"]
    started = store.start_respondent(world.engine, me, "ib_zorg")
    assert started.role == "ib_zorg" and started.started_at is not None
    assert started.submitted_at is None
    again = store.start_respondent(world.engine, me, None)
    assert again.started_at == started.started_at and again.role is None
    submitted = store.submit(world.engine, me)
    assert submitted.submitted_at is not None
    assert store.my_respondent(world.engine, me) == submitted
    with pytest.raises(store.InvalidInput) as refused:
        store.start_respondent(world.engine, me, "leerling")
    assert refused.value.key == "store.errors.bad_respondent_role"


def test_submitting_without_a_single_answer_is_refused(world):
    coordinator, scan_id = world.access["coordinator"], world.scan.id
    store.start_respondent(world.engine, coordinator, "directie", scan_id=scan_id)
    with pytest.raises(store.InvalidInput) as refused:
        store.submit(world.engine, coordinator, scan_id=scan_id)
    assert refused.value.key == "store.errors.nothing_to_submit"
    assert store.my_respondent(world.engine, coordinator, scan_id=scan_id).submitted_at is None
    store.save_answer(world.engine, coordinator, "a-v1", "dk", scan_id=scan_id)
    assert store.submit(world.engine, coordinator, scan_id=scan_id).submitted_at is not None


def test_a_coordinator_fills_in_the_scan_himself_with_his_own_row(world):
    coordinator = world.access["coordinator"]
    scan_id = world.scan.id
    assert store.my_respondent(world.engine, coordinator, scan_id=scan_id) is None
    assert store.my_answers(world.engine, coordinator, scan_id=scan_id) == {}
    with pytest.raises(store.InvalidInput) as refused:
        store.save_answer(world.engine, coordinator, "a-v1", 3)
    assert refused.value.key == "store.errors.scan_required"
    me = store.start_respondent(world.engine, coordinator, "directie", scan_id=scan_id)
    store.save_answer(world.engine, coordinator, "a-v1", 3, "mijn beeld", scan_id=scan_id)
    assert store.my_respondent(world.engine, coordinator, scan_id=scan_id).id == me.id
    assert set(store.my_answers(world.engine, coordinator, scan_id=scan_id)) == {"a-v1"}
    data = store.scan_data(world.engine, coordinator, scan_id)
    assert sorted(map(str, data.answers["a-v1"])) == ["0", "2", "3"]
    assert {r.role for r in data.respondents} == {"leerkracht", "directie"}


def test_scan_data_is_the_scoring_input_with_notes_and_agreed_values(world):
    data = store.scan_data(world.engine, world.access["coordinator"], world.scan.id)
    assert data.scan == world.scan
    # sorted by value and by text, not in the order of the respondents
    assert data.answers == {"a-v1": [0, 2], "a-v2": [3, "na"], "b-v1": [1, "dk"]}
    assert data.notes["a-v2"] == ["bewijs a-v2 3", "bewijs a-v2 na"]
    assert data.agreed == {"a-v1": 1} and data.agreed_notes == {"a-v1": "besproken"}
    assert len(data.respondents) == 2
    result = score_scan(world.rubric, data.answers, data.agreed)
    assert result.items["a-v1"].value == 1.0 and result.items["a-v1"].mean == 1.0


# In the order the codes were issued ("Collega 1" first), neither sorted nor reverse sorted.
NOTES_IN_ISSUE_ORDER = ["echo: te weinig tijd", "Delta", "charlie", "Alfa zegt ja", "bravo"]
ANSWERS_IN_ISSUE_ORDER = [2, 0, "dk", 3, 1]


def test_notes_and_answers_are_never_listed_in_the_order_the_codes_were_issued(world):
    coordinator, scan = world.access["other_coordinator"], world.other_scan
    for note, value in zip(NOTES_IN_ISSUE_ORDER, ANSWERS_IN_ISSUE_ORDER, strict=True):
        code = store.issue_code(world.engine, coordinator, "respondent", scan_id=scan.id).code
        respondent = store.resolve_code(world.engine, code)
        store.start_respondent(world.engine, respondent, None)
        store.save_answer(world.engine, respondent, "b-v1", value, note)
    data = store.scan_data(world.engine, coordinator, scan.id)
    listed = data.notes["b-v1"]
    assert listed != NOTES_IN_ISSUE_ORDER
    assert listed == ["Alfa zegt ja", "bravo", "charlie", "Delta", "echo: te weinig tijd"]
    assert data.answers["b-v1"] == [0, 1, 2, 3, "dk"]


def test_respondents_who_never_started_are_not_counted(world):
    store.issue_code(world.engine, world.access["coordinator"], "respondent", scan_id=world.scan.id)
    data = store.scan_data(world.engine, world.access["coordinator"], world.scan.id)
    assert len(data.respondents) == 2


def test_agreed_values_are_set_replaced_checked_and_cleared(world):
    coordinator, scan_id = world.access["coordinator"], world.scan.id
    agreed = store.set_agreed(world.engine, coordinator, scan_id, "b-v2", "na", "geldt niet")
    assert (agreed.value, agreed.note) == ("na", "geldt niet")
    store.set_agreed(world.engine, coordinator, scan_id, "b-v2", 2)
    assert store.scan_data(world.engine, coordinator, scan_id).agreed["b-v2"] == 2
    with pytest.raises(store.InvalidInput):
        store.set_agreed(world.engine, coordinator, scan_id, "a-v1", "na")
    store.clear_agreed(world.engine, coordinator, scan_id, "b-v2")
    assert "b-v2" not in store.scan_data(world.engine, coordinator, scan_id).agreed


def test_agreed_values_can_still_be_set_after_the_scan_closed(world):
    coordinator = world.access["coordinator"]
    store.close_scan(world.engine, coordinator, world.scan.id)
    store.set_agreed(world.engine, coordinator, world.scan.id, "b-v1", 1, "na de bespreking")


def test_a_scan_of_an_unloaded_rubric_version_accepts_criteria_that_still_exist(world, mini):
    from sqlalchemy import update

    from assessment.store.tables import scan

    with world.engine.begin() as connection:
        connection.execute(
            update(scan).where(scan.c.id == world.scan.id).values(rubric_hash="0" * 64)
        )
    me = world.access["respondent"]
    assert store.save_answer(world.engine, me, "b-b1", 1).value == 1
    with pytest.raises(store.InvalidInput):
        store.save_answer(world.engine, me, "weg-criterium", 1)
    with world.engine.begin() as connection:
        connection.execute(
            update(scan).where(scan.c.id == world.scan.id).values(rubric_id="onbekend")
        )
    with pytest.raises(store.InvalidInput) as refused:
        store.save_answer(world.engine, me, "b-b1", 1)
    assert refused.value.key == "store.errors.rubric_unavailable"


def test_scans_are_listed_newest_first_with_the_previous_one(world, mini):
    coordinator = world.access["coordinator"]
    scans = store.list_scans(world.engine, coordinator, world.school.id)
    assert [s.label for s in scans] == ["2025-2026", "2024-2025"]
    assert (
        store.previous_scan(world.engine, coordinator, world.scan.id).id == world.previous_scan.id
    )
    assert store.previous_scan(world.engine, coordinator, world.previous_scan.id) is None
    assert (scans[0].rubric_id, scans[0].rubric_version, scans[0].rubric_hash) == (
        mini.id,
        mini.version,
        mini.content_hash,
    )
    with pytest.raises(store.InvalidInput) as refused:
        store.open_scan(world.engine, coordinator, world.school.id, "2025-2026", mini)
    assert refused.value.key == "store.errors.duplicate_scan"
    with pytest.raises(store.InvalidInput) as refused:
        store.open_scan(world.engine, coordinator, world.school.id, "   ", mini)
    assert refused.value.key == "store.errors.empty_label"


def test_unknown_ids_are_not_found(world):
    coordinator = world.access["coordinator"]
    for attempt in (
        lambda: store.get_scan(world.engine, coordinator, 999),
        lambda: store.get_school(world.engine, coordinator, 999),
        lambda: store.update_action(world.engine, coordinator, 999, title="x"),
        lambda: store.revoke_code(world.engine, store.admin_access(), 999),
        lambda: store.create_school(world.engine, store.admin_access(), 999, "OBS Nergens"),
    ):
        with pytest.raises(store.NotFound):
            attempt()
