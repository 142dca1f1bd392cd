"""The board sees closed scans only, read from their summaries: opt-in, groups of at least
``min_group_size``, no single answer and no note (docs/privacy.md)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import delete, select

from assessment import store
from assessment.board_dashboard import scan_map
from assessment.board_scoring import score_for_board
from assessment.development_map import development_map
from assessment.scoring import score_scan
from assessment.store import tables as T

NOTE = "geheime notitie van één collega"
THREE = [
    {"a-v1": 3, "a-v2": 2, "a-b1": 1, "b-v1": "dk", "b-v2": "na", "b-b1": 0},
    {"a-v1": 2, "a-v2": 2, "a-b1": 3, "b-v1": 2, "b-v2": 3, "b-b2": 1},
    {"a-v1": 3, "a-v2": "na", "a-b1": 2, "b-v1": 1, "b-b1": 1, "b-b2": "dk"},
]


def fill(world, answers: list[dict[str, object]], scan_id=None, coordinator=None) -> None:
    coordinator = coordinator or world.access["coordinator"]
    scan_id = scan_id or world.scan.id
    for values in answers:
        code = store.issue_code(world.engine, coordinator, "respondent", scan_id=scan_id).code
        access = store.resolve_code(world.engine, code)
        store.start_respondent(world.engine, access, "leerkracht")
        for criterion, value in values.items():
            store.save_answer(world.engine, access, criterion, value, NOTE)


def board_scans(world) -> dict[str, store.BoardScan]:
    overview = store.board_overview(world.engine, world.access["board"])
    return {scan.label: scan for school in overview for scan in school.scans}


def close(world, scan_id: int | None = None) -> None:
    store.close_scan(world.engine, world.access["coordinator"], scan_id or world.scan.id)


def test_a_closed_scan_shows_its_results_over_the_criteria_enough_colleagues_scored(world):
    fill(world, THREE)
    close(world)
    latest = board_scans(world)["2025-2026"]
    assert (latest.respondents, latest.submitted, latest.shown) == (5, 0, True)
    data = store.scan_data(world.engine, world.access["coordinator"], world.scan.id)
    result = score_for_board(world.rubric, data.answers, data.agreed)
    # b-v2 (one score), b-b1 (two) and b-b2 (one) count for the school, not for the board
    school = score_scan(world.rubric, data.answers, data.agreed)
    assert school.theme("beta").readiness != result.theme("beta").readiness
    assert school.theme("alfa").readiness == result.theme("alfa").readiness
    assert latest.school_phase == result.school_phase
    for theme in result.themes:
        assert latest.readiness[theme.id] == theme.readiness
        assert latest.phases[theme.id] == theme.phase
        assert tuple(latest.flags.get(theme.id, ())) == theme.flags
    maps = store.board_maps(world.engine, world.access["board"], [latest.scan_id])
    assert scan_map(maps[latest.scan_id], [t.id for t in result.themes]) == development_map(
        world.rubric, result
    )
    criteria = store.board_criteria(world.engine, world.access["board"], [latest.scan_id])
    a_v1 = criteria[latest.scan_id]["a-v1"]
    # two answers of the world (2, 0) plus 3, 2, 3; agreed value 1
    assert (a_v1.n, a_v1.dont_know, a_v1.not_applicable, a_v1.agreed) == (5, 0, 0, 1)
    assert a_v1.mean == pytest.approx(2.0)


def test_a_board_never_sees_an_open_scan(world):
    fill(world, THREE)  # five respondents in the open scan: enough, but it is open
    scans = board_scans(world)
    assert list(scans) == ["2024-2025"]  # only the closed one
    assert store.board_criteria(world.engine, world.access["board"], [world.scan.id]) == {}
    assert store.board_maps(world.engine, world.access["board"], [world.scan.id]) == {}


def test_the_board_sees_no_change_while_a_scan_is_open(world):
    fill(world, THREE)
    close(world)
    before = store.board_overview(world.engine, world.access["board"])
    store.reopen_scan(world.engine, world.access["coordinator"], world.scan.id)
    during = store.board_overview(world.engine, world.access["board"])
    fill(world, [{"a-v1": 0, "b-b2": 3}])  # one more colleague answers while it is open
    assert store.board_overview(world.engine, world.access["board"]) == during
    assert [s.label for s in during[0].scans] == ["2024-2025"]
    close(world)
    # One colleague more is too few to show anew: the board keeps what it saw
    # (test_board_republish.py).
    assert store.board_overview(world.engine, world.access["board"]) == before


def test_closing_then_reopening_takes_the_scan_off_the_board(world):
    fill(world, THREE)
    close(world)
    assert "2025-2026" in board_scans(world)
    store.reopen_scan(world.engine, world.access["coordinator"], world.scan.id)
    assert "2025-2026" not in board_scans(world)
    with world.engine.connect() as connection:
        stored = connection.execute(
            select(T.scan_summary.c.id).where(T.scan_summary.c.scan_id == world.scan.id)
        ).all()
    assert stored == []


def test_a_school_that_does_not_share_is_not_on_the_board(world):
    other = store.resolve_code(world.engine, world.codes["other_coordinator"])
    fill(world, THREE[1:], world.other_scan.id, other)  # with its own respondent: three
    store.close_scan(world.engine, other, world.other_scan.id)
    overview = store.board_overview(world.engine, world.access["board"])
    assert [school.school.name for school in overview] == ["OBS A"]
    board = world.access["board"]
    assert store.board_criteria(world.engine, board, [world.other_scan.id]) == {}
    store.set_board_sharing(world.engine, other, world.other_school.id, True)
    assert [s.school.name for s in store.board_overview(world.engine, board)] == ["OBS A", "OBS C"]


def test_a_school_that_stops_sharing_disappears_from_the_board(world):
    store.set_board_sharing(world.engine, world.access["coordinator"], world.school.id, False)
    assert store.board_overview(world.engine, world.access["board"]) == []
    with pytest.raises(store.AccessDenied):
        store.list_scans(world.engine, world.access["board"], world.school.id)


def test_a_scan_with_fewer_respondents_than_a_group_shows_only_its_counts(world):
    close(world)  # the world's two respondents: fewer than three
    scan = board_scans(world)["2025-2026"]
    assert (scan.respondents, scan.shown, scan.readiness, scan.school_phase) == (2, False, {}, None)
    assert store.board_maps(world.engine, world.access["board"], [scan.scan_id]) == {}
    assert store.board_criteria(world.engine, world.access["board"], [scan.scan_id]) == {}


def test_respondents_who_answered_nothing_do_not_count_towards_the_group(world):
    coordinator = world.access["coordinator"]
    scan = store.open_scan(world.engine, coordinator, world.school.id, "leeg", world.rubric)
    fill(world, [{"a-v1": 3}, {}, {}], scan_id=scan.id)
    close(world, scan.id)
    summary = board_scans(world)["leeg"]
    assert (summary.respondents, summary.shown) == (1, False)


def test_a_criterion_scored_by_fewer_than_a_group_shows_no_mean_and_no_counts(world):
    # b-b2: the world's none, then "weet niet", "weet niet" and one 3: the 3 is one colleague's
    fill(world, [{"b-b2": "dk", "a-v1": 1}, {"b-b2": "dk"}, {"b-b2": 3}])
    close(world)
    board = world.access["board"]
    criteria = store.board_criteria(world.engine, board, [world.scan.id])[world.scan.id]
    assert "b-b2" not in criteria  # no mean, no "weet niet" count, no agreed value
    a_v2 = criteria.get("a-v2")  # the world: one 3 and one n.v.t.
    assert a_v2 is None
    a_v1 = criteria["a-v1"]  # scored by three, agreed value 1
    assert (a_v1.n, a_v1.agreed) == (3, 1)
    store.set_agreed(world.engine, world.access["coordinator"], world.scan.id, "b-b2", 2, version=0)
    criteria = store.board_criteria(world.engine, board, [world.scan.id])[world.scan.id]
    b_b2 = criteria["b-b2"]  # the team's verdict is shown, the answers still are not
    assert (b_b2.agreed, b_b2.mean, b_b2.n, b_b2.dont_know) == (2, None, None, None)


def test_an_agreed_value_set_after_closing_reaches_the_board(world):
    fill(world, THREE)
    close(world)
    coordinator = world.access["coordinator"]
    before = board_scans(world)["2025-2026"].readiness["beta"]
    first = store.set_agreed(world.engine, coordinator, world.scan.id, "b-v1", 3, version=0)
    second = store.set_agreed(world.engine, coordinator, world.scan.id, "b-b1", 3, version=0)
    raised = board_scans(world)["2025-2026"].readiness["beta"]
    assert raised > before
    store.clear_agreed(world.engine, coordinator, world.scan.id, "b-v1", version=first.version)
    store.clear_agreed(world.engine, coordinator, world.scan.id, "b-b1", version=second.version)
    assert board_scans(world)["2025-2026"].readiness["beta"] == before


def test_no_note_and_no_single_answer_is_stored_for_the_board(world):
    fill(world, THREE)
    close(world)
    with world.engine.connect() as connection:
        rows = [dict(r._mapping) for r in connection.execute(select(T.scan_summary))]
    text = json.dumps(rows, default=str)
    assert NOTE not in text and "bewijs" not in text and "besproken" not in text
    overview = store.board_overview(world.engine, world.access["board"])
    criteria = store.board_criteria(world.engine, world.access["board"], [world.scan.id])
    assert NOTE not in repr(overview) + repr(criteria)


def test_upgrade_gives_scans_closed_before_the_summaries_theirs(world):
    fill(world, THREE)
    close(world)
    expected = store.board_overview(world.engine, world.access["board"])
    with world.engine.begin() as connection:  # a database from before migration 0005
        connection.execute(delete(T.scan_summary))
    assert board_scans(world) == {}
    store.upgrade(world.engine)
    assert store.board_overview(world.engine, world.access["board"]) == expected


def test_only_a_board_reads_the_board_summaries(world):
    for actor in ("coordinator", "trainer", "respondent", "admin"):
        with pytest.raises(store.AccessDenied):
            store.board_overview(world.engine, world.access[actor])
        with pytest.raises(store.AccessDenied):
            store.board_criteria(world.engine, world.access[actor], [world.scan.id])
        with pytest.raises(store.AccessDenied):
            store.board_maps(world.engine, world.access[actor], [world.scan.id])


def test_an_imported_closed_scan_and_the_demo_reach_the_board(engine, mini):
    store.seed_demo(engine, mini)
    admin = store.admin_access()
    [board] = store.list_boards(engine, admin)
    access = store.resolve_code(
        engine, store.issue_code(engine, admin, "board", board_id=board.id).code
    )
    overview = store.board_overview(engine, access)
    closed = {(school.school.name, scan.label) for school in overview for scan in school.scans}
    assert closed == {
        ("OBS De Regenboog", "2023-2024"),
        ("OBS De Regenboog", "2024-2025"),
        ("Kindcentrum Het Anker", "2024-2025"),
        ("SBO De Wissel", "2024-2025"),
    }
    assert all(scan.shown for school in overview for scan in school.scans)


def test_a_provisional_phase_reaches_the_board_map_with_its_unknown_count(world):
    # b-v1: the world's 1 and "weet niet" plus 3, 3, 3 -> 2,5; b-v2 nobody knows: 1 of 2 unknown
    fill(world, [{"b-v1": 3, "b-v2": "dk"}] * 3)
    close(world)
    latest = board_scans(world)["2025-2026"]
    maps = store.board_maps(world.engine, world.access["board"], [latest.scan_id])
    [beta] = scan_map(maps[latest.scan_id], ["beta"])
    assert beta.cells[0].state == "provisional" and beta.cells[0].unknown == 1
    assert beta.cells[0].mean == pytest.approx(2.5)


def test_an_upgrade_computes_summaries_of_older_scoring_again(world):
    fill(world, [{"b-v1": 3, "b-v2": "dk"}] * 3)
    close(world)
    with world.engine.begin() as connection:  # as a summary made before scoring v3 looked
        old_map = connection.execute(select(T.scan_summary.c.map)).scalars().all()[-1]
        three_fields = {theme: [cell[:3] for cell in cells] for theme, cells in old_map.items()}
        connection.execute(T.scan_summary.update().values(scoring=None, map=three_fields))
    store.upgrade(world.engine)
    with world.engine.connect() as connection:
        rows = connection.execute(select(T.scan_summary.c.scoring, T.scan_summary.c.map)).all()
    assert {row.scoring for row in rows} == {3}
    assert all(len(cell) == 4 for row in rows if row.map for c in row.map.values() for cell in c)
