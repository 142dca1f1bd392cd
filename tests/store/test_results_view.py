"""What Resultaten reads: the same values as ``scan_data`` in four statements, for
the school's coordinator and trainer only."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import event

from assessment import store
from assessment.scoring import score_scan


class Statements:
    """Counts the statements an engine sends (BEGIN and COMMIT included)."""

    def __init__(self, engine):
        self.engine, self.sent = engine, []

    def __enter__(self):
        event.listen(self.engine, "before_cursor_execute", self._count)
        return self

    def __exit__(self, *_):
        event.remove(self.engine, "before_cursor_execute", self._count)

    def _count(self, _conn, _cursor, statement, *_):
        self.sent.append(statement.split(None, 1)[0].upper())

    @property
    def queries(self) -> int:
        return sum(1 for word in self.sent if word not in ("BEGIN", "COMMIT", "ROLLBACK"))


@pytest.mark.parametrize("actor", ["coordinator", "trainer", "admin"])
def test_the_view_holds_what_scan_data_holds(world, actor):
    access, engine = world.access[actor], world.engine
    view = store.results_view(engine, access, world.school.id, world.scan.id)
    assert view.school.name == "OBS A"
    assert [s.id for s in view.scans] == [world.scan.id, world.previous_scan.id]
    assert view.previous.id == world.previous_scan.id
    for scan in view.scans:
        data = store.scan_data(engine, access, scan.id)
        values = view.values[scan.id]
        assert {c: Counter(v) for c, v in values.answers.items()} == {
            c: Counter(v) for c, v in data.answers.items()
        }
        assert values.agreed == data.agreed
        assert score_scan(world.rubric, values.answers, values.agreed) == score_scan(
            world.rubric, data.answers, data.agreed
        )
    data = store.scan_data(engine, access, world.scan.id)
    assert sorted(view.started_roles, key=str) == sorted(
        (r.role for r in data.respondents), key=str
    )
    assert view.submitted == sum(1 for r in data.respondents if r.submitted_at is not None)


def test_the_newest_scan_is_shown_unless_another_is_chosen(world):
    coordinator = world.access["coordinator"]
    assert store.results_view(world.engine, coordinator, world.school.id).scan.id == world.scan.id
    older = store.results_view(world.engine, coordinator, world.school.id, world.previous_scan.id)
    assert older.scan.id == world.previous_scan.id
    assert older.previous is None
    assert set(older.values) == {world.previous_scan.id}  # nothing after the shown scan


def test_it_reads_in_four_statements(world):
    with Statements(world.engine) as statements:
        store.results_view(world.engine, world.access["coordinator"], world.school.id)
    assert statements.queries <= 4, statements.sent


@pytest.mark.parametrize(
    "actor", ["board", "other_board", "other_coordinator", "respondent", "other_respondent"]
)
def test_no_one_else_reads_the_values(world, actor):
    with pytest.raises(store.AccessDenied):
        store.results_view(world.engine, world.access[actor], world.school.id)


def test_a_revoked_code_reads_nothing(world):
    coordinator = world.access["coordinator"]
    store.revoke_code(world.engine, world.access["admin"], coordinator.code_id)
    with pytest.raises(store.CodeRefused):
        store.results_view(world.engine, coordinator, world.school.id)
