"""Nothing is overwritten silently: a plan action and an agreed value carry a
version, and a save names the version it saw; an answer and its note are saved apart, so two tabs
of one respondent never wipe each other's work."""

from __future__ import annotations

import pytest

from assessment import store
from assessment.i18n import t
from assessment.store import group_commit, saving, saving_pg
from tests.store.test_concurrency import open_scan_with_respondents, run_at_once

# --- the plan ---------------------------------------------------------------------------------


def test_the_second_coordinator_s_stale_plan_save_is_refused_and_the_first_change_kept(world):
    engine, scan_id = world.engine, world.scan.id
    first = world.access["coordinator"]
    second = store.resolve_code(
        engine,
        store.issue_code(
            engine, store.admin_access(), "coordinator", school_id=world.school.id
        ).code,
    )
    action = store.add_action(engine, first, scan_id, "alfa", "Studiedag")
    seen_by_first = {a.id: a for a in store.list_actions(engine, first, scan_id)}
    seen_by_second = {a.id: a for a in store.list_actions(engine, second, scan_id)}

    store.save_plan(
        engine,
        first,
        scan_id,
        updated={action.id: {"owner": "Anna"}},
        versions={action.id: seen_by_first[action.id].version},
    )
    with pytest.raises(store.Conflict) as refused:
        store.save_plan(
            engine,
            second,
            scan_id,
            updated={action.id: {"title": "Studiedag in maart"}},
            added=[{"theme": "beta", "title": "Leesplan"}],
            versions={action.id: seen_by_second[action.id].version},
        )
    assert refused.value.key == "store.errors.plan_changed"
    assert refused.value.values == {"titles": "‘Studiedag’"}
    now = refused.value.current[action.id]
    assert (now.title, now.owner) == ("Studiedag", "Anna")
    plan = store.list_actions(engine, first, scan_id)
    assert [(a.title, a.owner) for a in plan if a.id == action.id] == [("Studiedag", "Anna")]
    assert "Leesplan" not in [a.title for a in plan]  # all or nothing


def test_deleting_an_action_someone_changed_meanwhile_is_refused(world):
    engine, coordinator, scan_id = world.engine, world.access["coordinator"], world.scan.id
    seen = world.action
    store.update_action(engine, coordinator, seen.id, version=seen.version, status="doing")
    with pytest.raises(store.Conflict):
        store.save_plan(
            engine, coordinator, scan_id, deleted=[seen.id], versions={seen.id: seen.version}
        )
    with pytest.raises(store.Conflict):
        store.delete_action(engine, coordinator, seen.id, version=seen.version)
    assert [
        a.status for a in store.list_actions(engine, coordinator, scan_id) if a.id == seen.id
    ] == ["doing"]


def test_a_stale_single_action_edit_is_refused(world):
    engine, coordinator = world.engine, world.access["coordinator"]
    seen = world.action
    changed = store.update_action(engine, coordinator, seen.id, version=seen.version, owner="Bram")
    assert changed.version == seen.version + 1
    with pytest.raises(store.Conflict) as refused:
        store.update_action(engine, coordinator, seen.id, version=seen.version, owner="Carla")
    assert refused.value.current[seen.id].owner == "Bram"
    store.update_action(engine, coordinator, seen.id, version=changed.version, owner="Carla")


def test_an_action_deleted_meanwhile_cannot_be_changed_but_may_be_deleted_again(world):
    engine, coordinator, scan_id = world.engine, world.access["coordinator"], world.scan.id
    seen = world.action
    store.delete_action(engine, coordinator, seen.id, version=seen.version)
    with pytest.raises(store.Conflict) as refused:
        store.save_plan(
            engine,
            coordinator,
            scan_id,
            updated={seen.id: {"owner": "Anna"}},
            versions={seen.id: seen.version},
        )
    assert refused.value.key == "store.errors.plan_deleted"
    assert refused.value.current == {seen.id: None}
    store.save_plan(
        engine, coordinator, scan_id, deleted=[seen.id], versions={seen.id: seen.version}
    )


def test_an_action_created_anew_under_a_reused_id_does_not_take_a_stale_save(world):
    """SQLite gives a new row the highest id again once the row holding it is deleted."""
    engine, coordinator, scan_id = world.engine, world.access["coordinator"], world.scan.id
    last = store.add_action(engine, coordinator, scan_id, "alfa", "Laatste")
    store.delete_action(engine, coordinator, last.id, version=last.version)
    again = store.add_action(engine, coordinator, scan_id, "alfa", "Opnieuw")
    if again.id != last.id:
        pytest.skip("this database does not reuse ids")
    with pytest.raises(store.Conflict):
        store.update_action(engine, coordinator, again.id, version=last.version, title="Oud")
    assert store.list_actions(engine, coordinator, scan_id)[-1].title == "Opnieuw"


def test_a_review_decision_changes_the_version(world):
    engine, coordinator = world.engine, world.access["coordinator"]
    seen = world.previous_action
    store.review_action(engine, coordinator, seen.id, world.scan.id, "done", version=seen.version)
    with pytest.raises(store.Conflict):
        store.update_action(engine, coordinator, seen.id, version=seen.version, status="doing")


@pytest.mark.parametrize("decision", ["done", "dropped", "continue"])
def test_reviewing_last_year_s_action_from_a_stale_list_keeps_the_colleague_s_change(
    world, decision
):
    engine, coordinator, scan_id = world.engine, world.access["coordinator"], world.scan.id
    seen = store.actions_to_review(engine, coordinator, scan_id)[0]  # the list on my screen
    colleague = store.update_action(
        engine, coordinator, seen.id, version=seen.version, status="dropped", owner="Ans"
    )
    with pytest.raises(store.Conflict) as refused:
        store.review_action(engine, coordinator, seen.id, scan_id, decision, version=seen.version)
    error = refused.value
    assert t(error.key, "nl", **error.values) == (
        f"Iemand anders heeft ‘{seen.title}’ intussen gewijzigd; er is niets opgeslagen."
    )
    assert error.current == {seen.id: colleague}
    previous = {a.id: a for a in store.list_actions(engine, coordinator, world.previous_scan.id)}
    assert previous[seen.id] == colleague
    assert all(a.carried_from != seen.id for a in store.list_actions(engine, coordinator, scan_id))


def test_reviewing_the_action_as_the_list_shows_it_is_saved(world):
    engine, coordinator, scan_id = world.engine, world.access["coordinator"], world.scan.id
    seen = store.actions_to_review(engine, coordinator, scan_id)[0]
    done = store.review_action(engine, coordinator, seen.id, scan_id, "done", version=seen.version)
    assert (done.status, done.version) == ("done", seen.version + 1)


# --- agreed values ----------------------------------------------------------------------------


def test_a_stale_agreed_value_is_refused_and_the_newer_one_kept(world):
    engine, coordinator, scan_id = world.engine, world.access["coordinator"], world.scan.id
    seen = store.scan_data(engine, coordinator, scan_id).agreed_versions["a-v1"]
    store.set_agreed(engine, coordinator, scan_id, "a-v1", 3, "na overleg", version=seen)
    with pytest.raises(store.Conflict) as refused:
        store.set_agreed(engine, coordinator, scan_id, "a-v1", 0, "oud beeld", version=seen)
    assert (refused.value.key, refused.value.values) == (
        "store.errors.agreed_changed",
        {"criterion": "a-v1"},
    )
    now = refused.value.current["a-v1"]
    assert (now.value, now.note) == (3, "na overleg")
    with pytest.raises(store.Conflict):
        store.clear_agreed(engine, coordinator, scan_id, "a-v1", version=seen)
    data = store.scan_data(engine, coordinator, scan_id)
    assert (data.agreed["a-v1"], data.agreed_notes["a-v1"]) == (3, "na overleg")


def test_an_agreed_value_set_meanwhile_is_not_overwritten_by_one_who_saw_none(world):
    engine, coordinator, scan_id = world.engine, world.access["coordinator"], world.scan.id
    store.set_agreed(engine, coordinator, scan_id, "b-v1", 2, version=0)
    with pytest.raises(store.Conflict) as refused:
        store.set_agreed(engine, coordinator, scan_id, "b-v1", 1, version=0)
    assert refused.value.current["b-v1"].value == 2
    assert store.scan_data(engine, coordinator, scan_id).agreed["b-v1"] == 2


def test_an_agreed_value_cleared_and_set_again_refuses_a_page_that_saw_the_first(world):
    engine, coordinator, scan_id = world.engine, world.access["coordinator"], world.scan.id
    first = store.set_agreed(engine, coordinator, scan_id, "b-v1", 2, version=0)
    store.clear_agreed(engine, coordinator, scan_id, "b-v1", version=first.version)
    store.clear_agreed(engine, coordinator, scan_id, "b-v1", version=first.version)  # gone: fine
    second = store.set_agreed(engine, coordinator, scan_id, "b-v1", 3, version=0)
    with pytest.raises(store.Conflict) as refused:
        store.set_agreed(engine, coordinator, scan_id, "b-v1", 0, version=first.version)
    assert refused.value.current["b-v1"] == second


# --- an answer and its note ---------------------------------------------------------------------


def test_an_answer_changed_in_one_tab_keeps_the_note_saved_in_the_other(world):
    me, engine = world.access["respondent"], world.engine
    store.save_answer(engine, me, "b-b1", 2, "")
    store.save_note(engine, me, "b-b1", "bewijs: het verslag van maart")  # tab 2
    changed = store.save_answer(engine, me, "b-b1", 3)  # tab 1: only the answer changed
    assert (changed.value, changed.note) == (3, "bewijs: het verslag van maart")
    mine = store.my_answers(engine, me)["b-b1"]
    assert (mine.value, mine.note) == (3, "bewijs: het verslag van maart")


def test_a_note_saved_in_one_tab_keeps_the_answer_changed_in_the_other(world):
    me, engine = world.access["respondent"], world.engine
    store.save_answer(engine, me, "b-b1", 2, "eerste notitie")
    store.save_answer(engine, me, "b-b1", "dk")  # tab 1
    noted = store.save_note(engine, me, "b-b1", "tweede notitie")  # tab 2 still shows 2
    assert (noted.value, noted.note) == ("dk", "tweede notitie")
    mine = store.my_answers(engine, me)["b-b1"]
    assert (mine.value, mine.note) == ("dk", "tweede notitie")


def test_a_first_answer_without_a_note_gets_an_empty_one_and_a_note_needs_an_answer(world):
    me, engine = world.access["respondent"], world.engine
    assert store.save_answer(engine, me, "b-b2", 1).note == ""
    with pytest.raises(store.InvalidInput) as refused:
        store.save_note(engine, me, "a-b1", "zonder antwoord")
    assert refused.value.key == "store.errors.note_without_answer"
    assert "a-b1" not in store.my_answers(engine, me)


def test_the_one_statement_postgresql_save_keeps_the_note(world):
    me, engine = world.access["respondent"], world.engine
    store.save_answer(engine, me, "b-b1", 2, "bewaard")  # the scan's rubric is known after this
    if engine.dialect.name != "postgresql":
        pytest.skip("the one-statement save is PostgreSQL's")
    saved = saving_pg.try_save(engine, me, "b-b1", 1, None, world.scan.id)
    assert saved is not None  # written by the one statement, not the general way
    assert (saved.value, saved.note) == (1, "bewaard")
    assert store.my_answers(engine, me)["b-b1"].note == "bewaard"


def test_one_shared_commit_holds_answers_with_and_without_notes_and_note_saves(engine, mini):
    _coordinator, _scan, people = open_scan_with_respondents(engine, mini, 4)
    for person in people[:3]:
        store.save_answer(engine, person, "a-v1", 1, "eerder")
    jobs = [
        saving._Save(access=people[0], criterion="a-v1", value=2, note="nieuw"),
        saving._Save(access=people[1], criterion="a-v1", value=3),  # the note stays
        saving._Save(access=people[2], criterion="a-v1", note="alleen de notitie"),
        saving._Save(access=people[3], criterion="a-v1", note="zonder antwoord"),
    ]
    group_commit.write_each(engine, jobs, saving._write)
    outcomes = [
        (job.result.value, job.result.note) if job.result else job.error.key for job in jobs
    ]
    assert outcomes == [
        (2, "nieuw"),
        (3, "eerder"),
        (1, "alleen de notitie"),
        "store.errors.note_without_answer",
    ]
    stored = [store.my_answers(engine, person).get("a-v1") for person in people]
    assert [(a.value, a.note) for a in stored[:3]] == outcomes[:3]
    assert stored[3] is None


def test_thirty_respondents_each_in_two_tabs_lose_neither_answer_nor_note(engine, mini):
    """Per respondent one tab changes the answer while the other saves the note, all at once."""
    _coordinator, _scan, people = open_scan_with_respondents(engine, mini, 15)
    criteria = [c.id for c in mini.criteria]
    for person in people:
        for criterion in criteria:
            store.save_answer(engine, person, criterion, 0, "")

    def tab(index: int) -> None:
        person = people[index // 2]
        for position, criterion in enumerate(criteria):
            if index % 2:
                store.save_note(engine, person, criterion, f"notitie {index // 2}-{position}")
            else:
                store.save_answer(engine, person, criterion, (index + position) % 4)

    run_at_once(2 * len(people), tab)
    for number, person in enumerate(people):
        mine = store.my_answers(engine, person)
        for position, criterion in enumerate(criteria):
            assert (mine[criterion].value, mine[criterion].note) == (
                (2 * number + position) % 4,
                f"notitie {number}-{position}",
            )
