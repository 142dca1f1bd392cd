"""Codes for the team: made in one go, numbered as the screen shows them, their use visible."""

from __future__ import annotations

import pytest

from assessment import store


def test_a_batch_is_numbered_after_the_codes_the_scan_already_has(world):
    coordinator = world.access["coordinator"]
    first = store.issue_team_codes(world.engine, coordinator, world.scan.id, 5)
    second = store.issue_team_codes(world.engine, coordinator, world.scan.id, 3)
    # the world already holds two respondent codes for this scan: Collega 1 and 2
    assert [c.number for c in first + second] == list(range(3, 11))
    assert len({c.code for c in first + second}) == 8
    listed = {
        c.info.id: c.number for c in store.team_codes(world.engine, coordinator, world.school.id)
    }
    assert all(listed[c.info.id] == c.number for c in first + second)
    for issued in first + second:
        assert store.resolve_code(world.engine, issued.code).code_id == issued.info.id


def test_a_single_respondent_code_carries_its_number_too(world):
    issued = store.issue_code(
        world.engine, world.access["coordinator"], "respondent", scan_id=world.scan.id
    )
    assert issued.number == 3


@pytest.mark.parametrize("count", [0, -1, store.MAX_BATCH + 1, True, 2.0])
def test_a_batch_size_out_of_range_makes_no_code(world, count):
    coordinator = world.access["coordinator"]
    before = store.team_codes(world.engine, coordinator, world.school.id)
    with pytest.raises(store.InvalidInput) as refused:
        store.issue_team_codes(world.engine, coordinator, world.scan.id, count)
    assert refused.value.key == "store.errors.code_count"
    assert store.team_codes(world.engine, coordinator, world.school.id) == before


@pytest.mark.parametrize("actor", ["trainer", "other_coordinator", "respondent", "board"])
def test_only_the_schools_coordinator_makes_team_codes(world, actor):
    with pytest.raises(store.AccessDenied):
        store.issue_team_codes(world.engine, world.access[actor], world.scan.id, 2)


def test_no_team_codes_for_a_closed_scan(world):
    with pytest.raises(store.ScanClosed):
        store.issue_team_codes(world.engine, world.access["coordinator"], world.previous_scan.id, 2)


def test_the_list_shows_use_and_count_but_no_answer(world):
    coordinator = world.access["coordinator"]
    [fresh] = store.issue_team_codes(world.engine, coordinator, world.scan.id, 1)
    store.submit(world.engine, world.access["respondent"])
    codes = {c.info.id: c for c in store.team_codes(world.engine, coordinator, world.school.id)}
    answered = codes[world.access["respondent"].code_id]
    assert (answered.number, answered.started, answered.submitted, answered.answered) == (
        1,
        True,
        True,
        3,
    )
    unused = codes[fresh.info.id]
    assert (unused.started, unused.submitted, unused.answered) == (False, False, 0)
    assert [c.own for c in codes.values()] == [c == coordinator.code_id for c in codes]
    trainer = codes[world.access["trainer"].code_id]
    assert trainer.number is None and trainer.answered == 0
    shown = repr(list(codes.values()))
    assert "bewijs" not in shown and world.codes["respondent"] not in shown


@pytest.mark.parametrize("actor", ["trainer", "other_coordinator", "board", "respondent"])
def test_only_the_coordinator_sees_the_schools_codes(world, actor):
    with pytest.raises(store.AccessDenied):
        store.team_codes(world.engine, world.access[actor], world.school.id)


def test_a_code_typed_in_groups_from_paper_signs_in(world):
    code = world.codes["respondent"]
    grouped = " ".join(code[i : i + 4] for i in range(0, len(code), 4))
    assert store.resolve_code(world.engine, grouped).code_id == world.access["respondent"].code_id
