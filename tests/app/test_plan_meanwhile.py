"""Actieplan with two coordinators at once: a change made meanwhile is never overwritten silently,
the page says what changed, and the user's edits stay in the table until saved or thrown away."""

from __future__ import annotations

from assessment import store
from tests.app.conftest import open_app
from tests.app.test_plan import editor_edits, save, texts


def plan_of(school) -> list[tuple[str, str]]:
    coordinator = store.resolve_code(school.engine, school.coordinator)
    return [
        (a.title, a.owner) for a in store.list_actions(school.engine, coordinator, school.scan.id)
    ]


def button(at, label: str):
    return next(b for b in at.button if b.label == label)


def two_coordinators_on_one_plan(school):
    coordinator = store.resolve_code(school.engine, school.coordinator)
    store.add_action(school.engine, coordinator, school.scan.id, "draagvlak", "Studiedag")
    first = open_app(school.coordinator, "actieplan")
    second = open_app(school.coordinator, "actieplan")
    key = f"plan-{school.scan.id}"
    editor_edits(first, key, edited={0: {"owner": "Anna"}})
    save(first)
    assert "Het plan is opgeslagen." in texts(first.success)
    editor_edits(second, key, edited={0: {"title": "Studiedag in maart"}})
    second.run()
    save(second)
    return second


def test_the_second_coordinator_s_stale_save_is_refused_and_says_what_changed(school):
    second = two_coordinators_on_one_plan(school)
    assert not second.exception
    assert plan_of(school) == [("Studiedag", "Anna")]
    assert "Het plan is opgeslagen." not in texts(second.success)
    [message] = [e.replace("\\", "") for e in texts(second.error) if "intussen gewijzigd" in e]
    assert "‘Studiedag’: Eigenaar nu ‘Anna’ (was ‘–’)" in message
    # the edit is still in the table, drawn from the plan it was made on
    assert any("Niet-opgeslagen wijzigingen" in w for w in texts(second.warning))
    assert second.session_state[f"plan-{school.scan.id}"]["edited_rows"]
    assert list(second.data_editor[0].value["owner"]) == [""]


def test_saving_over_the_change_keeps_the_colleague_s_other_cells(school):
    second = two_coordinators_on_one_plan(school)
    button(second, "Mijn wijzigingen alsnog opslaan").click().run()
    assert not second.exception
    assert plan_of(school) == [("Studiedag in maart", "Anna")]
    assert "Het plan is opgeslagen." in texts(second.success)
    assert not [e for e in texts(second.error) if "intussen gewijzigd" in e]
    assert not [w for w in texts(second.warning) if "Niet-opgeslagen" in w]


def test_throwing_the_edits_away_shows_the_plan_as_it_is_now(school):
    second = two_coordinators_on_one_plan(school)
    button(second, "Wijzigingen weggooien").click().run()
    assert not second.exception and not second.error
    assert plan_of(school) == [("Studiedag", "Anna")]
    assert list(second.data_editor[0].value["owner"]) == ["Anna"]
    assert not [w for w in texts(second.warning) if "Niet-opgeslagen" in w]


def test_an_action_deleted_meanwhile_is_named_and_can_come_back(school):
    coordinator = store.resolve_code(school.engine, school.coordinator)
    action = store.add_action(school.engine, coordinator, school.scan.id, "draagvlak", "Leesplan")
    second = open_app(school.coordinator, "actieplan")
    store.delete_action(school.engine, coordinator, action.id, version=action.version)
    editor_edits(second, f"plan-{school.scan.id}", edited={0: {"owner": "Bram"}})
    second.run()
    save(second)
    assert any("‘Leesplan’ is verwijderd." in e for e in texts(second.error))
    assert plan_of(school) == []
    button(second, "Mijn wijzigingen alsnog opslaan").click().run()
    assert plan_of(school) == [("Leesplan", "Bram")]


def test_an_owner_typed_just_before_toevoegen_is_kept(school):
    """The typed cell and the click on Toevoegen can reach the server in one run."""
    coordinator = store.resolve_code(school.engine, school.coordinator)
    store.add_action(school.engine, coordinator, school.scan.id, "draagvlak", "Studiedag")
    store.save_answer(school.engine, coordinator, school.scan_criterion, 0, scan_id=school.scan.id)
    at = open_app(school.coordinator, "actieplan")
    add = next(b for b in at.button if b.label == "Toevoegen")
    assert not add.disabled
    editor_edits(at, f"plan-{school.scan.id}", edited={0: {"owner": "Anna"}})
    add.click().run()
    assert not at.exception
    assert any("Sla eerst je wijzigingen in het plan op" in e for e in texts(at.error))
    assert list(at.data_editor[0].value["owner"]) == [""]  # the table as drawn; the edit is kept
    assert at.session_state[f"plan-{school.scan.id}"]["edited_rows"] == {0: {"owner": "Anna"}}
    save(at)
    assert plan_of(school) == [("Studiedag", "Anna")]
