"""A scan's progress in counts: what the coordinator's first-steps checklist is built on."""

from __future__ import annotations

import pytest

from assessment import store


def test_the_progress_counts_codes_respondents_answers_agreed_values_and_actions(world):
    engine, coordinator = world.engine, world.access["coordinator"]
    progress = store.scan_progress(engine, coordinator, world.scan.id)
    assert (progress.scan, progress.codes, progress.started, progress.submitted) == (
        world.scan,
        2,
        2,
        0,
    )
    assert (progress.answers, progress.agreed, progress.actions) == (6, 1, 1)

    store.revoke_code(engine, coordinator, world.access["respondent"].code_id)
    store.issue_code(engine, coordinator, "trainer", school_id=world.school.id)
    assert store.scan_progress(engine, coordinator, world.scan.id).codes == 1


def test_a_new_scan_has_nothing_yet(world):
    coordinator = world.access["coordinator"]
    scan = store.open_scan(world.engine, coordinator, world.school.id, "2026-2027", world.rubric)
    progress = store.scan_progress(world.engine, coordinator, scan.id)
    assert (progress.codes, progress.started, progress.answers, progress.agreed) == (0, 0, 0, 0)
    assert progress.actions == 0


@pytest.mark.parametrize(
    "actor, allowed",
    [
        ("admin", True),
        ("coordinator", True),
        ("trainer", True),
        ("board", False),
        ("other_coordinator", False),
        ("respondent", False),
    ],
)
def test_only_the_school_reads_its_progress(world, actor, allowed):
    if allowed:
        store.scan_progress(world.engine, world.access[actor], world.scan.id)
    else:
        with pytest.raises(store.AccessDenied):
            store.scan_progress(world.engine, world.access[actor], world.scan.id)
