"""The action plan, and last year's open actions coming back for review."""

from __future__ import annotations

import datetime as dt

import pytest

from assessment import store


def test_an_action_is_added_edited_and_deleted(world):
    coordinator, scan_id = world.access["coordinator"], world.scan.id
    added = store.add_action(
        world.engine,
        coordinator,
        scan_id,
        "alfa",
        "  Studiedag over stress  ",
        owner="Directie",
        due_date=dt.date(2026, 3, 1),
        criterion="a-b1",
    )
    assert (added.title, added.status, added.criterion, added.carried_from) == (
        "Studiedag over stress",
        "planned",
        "a-b1",
        None,
    )
    edited = store.update_action(
        world.engine,
        coordinator,
        added.id,
        version=added.version,
        status="doing",
        due_date=None,
        owner="",
    )
    assert (edited.status, edited.due_date, edited.owner, edited.title) == (
        "doing",
        None,
        "",
        "Studiedag over stress",
    )
    store.delete_action(world.engine, coordinator, added.id, version=edited.version)
    titles = [a.title for a in store.list_actions(world.engine, coordinator, scan_id)]
    assert titles == ["Ouderavond"]


@pytest.mark.parametrize(
    ("fields", "key"),
    [
        ({"theme": "gamma"}, "store.errors.unknown_theme"),
        ({"criterion": "b-v1"}, "store.errors.criterion_theme"),
        ({"criterion": "z-9"}, "store.errors.unknown_criterion"),
        ({"title": "  "}, "store.errors.empty_title"),
        ({"title": "x" * 501}, "store.errors.too_long"),
        ({"status": "klaar"}, "store.errors.bad_status"),
        ({"due_date": "morgen"}, "store.errors.bad_date"),
        ({"scan_id": 1}, "store.errors.unknown_field"),
    ],
)
def test_an_invalid_action_change_is_refused(world, fields, key):
    coordinator = world.access["coordinator"]
    added = store.add_action(
        world.engine, coordinator, world.scan.id, "alfa", "Plan", criterion="a-v1"
    )
    with pytest.raises(store.InvalidInput) as refused:
        store.update_action(world.engine, coordinator, added.id, version=added.version, **fields)
    assert refused.value.key == key
    assert store.list_actions(world.engine, coordinator, world.scan.id)[-1] == added


def test_moving_an_action_to_another_theme_drops_the_old_theme_s_criterion(world):
    coordinator = world.access["coordinator"]
    added = store.add_action(
        world.engine, coordinator, world.scan.id, "alfa", "Plan", criterion="a-v1"
    )
    moved = store.update_action(
        world.engine, coordinator, added.id, version=added.version, theme="beta"
    )
    assert (moved.theme, moved.criterion) == ("beta", None)


def test_open_actions_of_the_previous_scan_come_back_for_review(world):
    coordinator, engine = world.access["coordinator"], world.engine
    previous, current = world.previous_scan.id, world.scan.id
    doing = store.add_action(
        engine, coordinator, previous, "beta", "Ouders informeren", status="doing"
    )
    store.add_action(engine, coordinator, previous, "beta", "Klaar", status="done")
    store.add_action(engine, coordinator, previous, "beta", "Gestopt", status="dropped")
    to_review = store.actions_to_review(engine, coordinator, current)
    assert [a.title for a in to_review] == ["Werkgroep samenstellen", "Ouders informeren"]
    assert store.actions_to_review(engine, coordinator, previous) == []

    copy = store.review_action(
        engine, coordinator, doing.id, current, "continue", version=doing.version
    )
    assert (copy.scan_id, copy.carried_from, copy.status, copy.title) == (
        current,
        doing.id,
        "doing",
        "Ouders informeren",
    )
    again = store.review_action(
        engine, coordinator, doing.id, current, "continue", version=doing.version
    )
    assert again == copy
    previous = world.previous_action
    done = store.review_action(
        engine, coordinator, previous.id, current, "done", version=previous.version
    )
    assert (done.id, done.status) == (world.previous_action.id, "done")
    assert store.actions_to_review(engine, coordinator, current) == []
    assert copy in store.list_actions(engine, coordinator, current)


def test_only_earlier_actions_of_the_same_school_can_be_reviewed(world):
    coordinator = world.access["coordinator"]
    with pytest.raises(store.InvalidInput) as refused:
        store.review_action(
            world.engine,
            coordinator,
            world.action.id,
            world.previous_scan.id,
            "continue",
            version=1,
        )
    assert refused.value.key == "store.errors.not_earlier_action"
    with pytest.raises(store.InvalidInput) as refused:
        store.review_action(
            world.engine, coordinator, world.previous_action.id, world.scan.id, "later", version=1
        )
    assert refused.value.key == "store.errors.bad_decision"


def test_actions_stay_editable_after_the_scan_closed(world):
    coordinator = world.access["coordinator"]
    previous = world.previous_action
    edited = store.update_action(
        world.engine, coordinator, previous.id, version=previous.version, status="done"
    )
    assert edited.status == "done"


def test_deleting_an_action_that_was_carried_over_keeps_the_copy(world):
    coordinator = world.access["coordinator"]
    previous = world.previous_action
    copy = store.review_action(
        world.engine, coordinator, previous.id, world.scan.id, "continue", version=previous.version
    )
    store.delete_action(world.engine, coordinator, previous.id, version=previous.version)
    kept = {a.id: a for a in store.list_actions(world.engine, coordinator, world.scan.id)}
    assert kept[copy.id].carried_from is None


def test_a_plan_edit_is_saved_all_or_nothing(world):
    coordinator, scan_id = world.access["coordinator"], world.scan.id
    before = store.list_actions(world.engine, coordinator, scan_id)
    first = store.add_action(world.engine, coordinator, scan_id, "alfa", "Eerste")
    second = store.add_action(world.engine, coordinator, scan_id, "alfa", "Tweede")
    with pytest.raises(store.InvalidInput):
        store.save_plan(
            world.engine,
            coordinator,
            scan_id,
            updated={first.id: {"title": "Gewijzigd"}},
            added=[{"theme": "beta", "title": "Nieuw"}, {"theme": "beta", "title": "   "}],
            deleted=[second.id],
            versions={first.id: first.version, second.id: second.version},
        )
    assert store.list_actions(world.engine, coordinator, scan_id) == [*before, first, second]
    plan = store.save_plan(
        world.engine,
        coordinator,
        scan_id,
        updated={first.id: {"owner": "IB'er"}},
        versions={first.id: first.version},
        added=[{"theme": "beta", "title": "Nieuw", "due_date": dt.date(2027, 1, 15)}],
    )
    assert [(a.title, a.owner) for a in plan][-3:] == [
        ("Eerste", "IB'er"),
        ("Tweede", ""),
        ("Nieuw", ""),
    ]


def test_a_trainer_cannot_save_a_plan_and_actions_of_other_scans_are_refused(world):
    coordinator, scan_id = world.access["coordinator"], world.scan.id
    with pytest.raises(store.AccessDenied):
        store.save_plan(
            world.engine, world.access["trainer"], scan_id, added=[{"theme": "alfa", "title": "x"}]
        )
    other = store.open_scan(world.engine, coordinator, world.school.id, "ander jaar", world.rubric)
    foreign = store.add_action(world.engine, coordinator, other.id, "alfa", "Van een andere scan")
    with pytest.raises(store.NotFound):
        store.save_plan(
            world.engine,
            coordinator,
            scan_id,
            deleted=[foreign.id],
            versions={foreign.id: foreign.version},
        )
    assert foreign in store.list_actions(world.engine, coordinator, other.id)


def test_an_action_on_a_retired_criterion_goes_on_with_its_successor_and_its_theme(tmp_path):
    from assessment.rubric import load_rubric
    from assessment.store.actions import check_action_fields
    from tests.helpers import MINI_RUBRIC, copy_rubric

    rubric = load_rubric(
        copy_rubric(
            MINI_RUBRIC,
            tmp_path / "r",
            {
                "rubric.yaml": (
                    'themes: ["alfa", "beta"]',
                    'themes: ["alfa", "beta"]\ncrosswalk: {"a-oud": "b-v1"}',
                )
            },
        )
    )
    checked = check_action_fields(rubric, {"theme": "alfa", "criterion": "a-oud", "title": "X"})
    assert (checked["theme"], checked["criterion"]) == ("beta", "b-v1")
