"""The board overview: schools that opted in, aggregates computed in SQL, no single answer."""

from __future__ import annotations

import pytest

from assessment import store
from assessment.scoring import score_scan


def fill(world, answers: list[dict[str, object]]) -> None:
    coordinator = world.access["coordinator"]
    for values in answers:
        code = store.issue_code(world.engine, coordinator, "respondent", scan_id=world.scan.id).code
        access = store.resolve_code(world.engine, code)
        store.start_respondent(world.engine, access, "leerkracht")
        for criterion, value in values.items():
            store.save_answer(world.engine, access, criterion, value, "geheime notitie")


def test_aggregates_equal_the_answers_and_reproduce_the_phases(world):
    fill(
        world,
        [
            {"a-v1": 3, "a-v2": 2, "a-b1": 1, "b-v1": "dk", "b-v2": "na", "b-b1": 0},
            {"a-v1": 2, "a-v2": 2, "a-b1": 3, "b-v1": 2, "b-v2": 3, "b-b2": 1},
            {"a-v1": 3, "a-v2": "na", "a-b1": 2, "b-v1": 1, "b-b1": 1, "b-b2": "dk"},
        ],
    )
    overview = store.board_overview(world.engine, world.access["board"])
    latest = overview[0].scans[0]
    assert (latest.scan.id, latest.respondents, latest.suppressed) == (world.scan.id, 5, False)
    a_v1 = latest.criteria["a-v1"]
    # two answers of the world (2, 0) plus 3, 2, 3; agreed value 1
    assert (a_v1.n, a_v1.dont_know, a_v1.not_applicable, a_v1.agreed) == (5, 0, 0, 1)
    assert a_v1.mean == pytest.approx(2.0)
    data = store.scan_data(world.engine, world.access["coordinator"], world.scan.id)
    full = score_scan(world.rubric, data.answers, data.agreed)
    aggregated = score_scan(world.rubric, *latest.scoring_input())
    minimum = world.rubric.rules.min_group_size
    for item_id, item in full.items.items():
        if item.agreed is not None or item.n >= minimum:
            assert aggregated.items[item_id].value == pytest.approx(item.value)
        else:  # fewer scores than a group: the board sees no value
            assert aggregated.items[item_id].value is None
    assert "geheime notitie" not in repr(overview)


def test_a_criterion_scored_by_fewer_than_a_group_shows_no_mean(world):
    # three respondents answer b-b2: two "weet niet" and one 3 -> the mean would be one answer
    fill(world, [{"b-b2": "dk"}, {"b-b2": "dk"}, {"b-b2": 3}])
    latest = store.board_overview(world.engine, world.access["board"])[0].scans[0]
    b_b2 = latest.criteria["b-b2"]
    assert (b_b2.mean, b_b2.n, b_b2.dont_know) == (None, 0, 2)


def test_respondents_who_answered_nothing_do_not_count_towards_the_group(world):
    coordinator = world.access["coordinator"]
    scan = store.open_scan(world.engine, coordinator, world.school.id, "leeg", world.rubric)
    for values in ({"a-v1": 3}, {}, {}):
        access = store.resolve_code(
            world.engine,
            store.issue_code(world.engine, coordinator, "respondent", scan_id=scan.id).code,
        )
        store.start_respondent(world.engine, access, None)
        for criterion, value in values.items():
            store.save_answer(world.engine, access, criterion, value)
    summary = next(
        s
        for s in store.board_overview(world.engine, world.access["board"])[0].scans
        if s.scan.id == scan.id
    )
    assert summary.respondents == 3 and summary.suppressed and summary.criteria == {}


def test_a_school_that_stops_sharing_disappears_from_the_board(world):
    store.set_board_sharing(world.engine, world.access["coordinator"], world.school.id, False)
    assert store.board_overview(world.engine, world.access["board"]) == []
    with pytest.raises(store.AccessDenied):
        store.list_scans(world.engine, world.access["board"], world.school.id)


def test_small_groups_show_counts_but_no_aggregates(world):
    overview = store.board_overview(world.engine, world.access["board"])
    by_label = {s.scan.label: s for s in overview[0].scans}
    assert by_label["2025-2026"].suppressed and by_label["2025-2026"].criteria == {}
    assert by_label["2024-2025"].respondents == 0
    assert [s.scan.label for s in overview[0].scans] == ["2025-2026", "2024-2025"]
