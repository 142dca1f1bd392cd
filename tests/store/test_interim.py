"""The tussenmeting in the store: opened after a closed yearly scan on the criteria the working
group works on, answered only there, scored like the yearly scan over those criteria, and never
the board's or a yearly comparison's."""

from __future__ import annotations

import io

import openpyxl
import pytest
from sqlalchemy import select

from assessment import store
from assessment.board_dashboard import build_dashboard
from assessment.board_export import board_xlsx
from assessment.interim import score_interim
from assessment.report.board_report import board_pdf
from assessment.rubric import load_rubric
from assessment.scoring import score_items
from assessment.store import tables as T
from assessment.store.research_consent import set_research_consent, set_school_type
from assessment.store.research_scans import _yearly_closed_scans, research_scans
from tests import interim_school
from tests.report.helpers import Pdf
from tests.test_scoring_properties import phase_is_complete

RUBRIC = load_rubric()


@pytest.fixture
def school(engine):
    return interim_school.build(engine)


def test_it_asks_the_working_phases_and_the_open_plan_only(school):
    criteria = school.criteria
    assert len(criteria) == interim_school.ASKED == 12
    working = {c.id for c in RUBRIC.criteria if interim_school.OPEN_PHASES.get(c.theme) == c.phase}
    assert set(criteria) == working | set(interim_school.PLAN)
    assert criteria["imp-plan"] == "phase+plan" and criteria["lei-visie"] == "plan"
    assert criteria["imp-rustplek"] == "phase"
    assert "dra-inspraak" not in criteria  # its action is done: not the open plan
    assert school.interim.kind == store.INTERIM and not store.is_yearly(school.interim)
    assert store.is_yearly(school.yearly)
    stored = store.interim_criteria(school.engine, school.coordinator, school.interim.id)
    assert stored == criteria


def test_opening_needs_a_closed_yearly_scan(engine):
    empty = interim_school.build(engine, interim=False)
    coordinator, school_id = empty.coordinator, empty.school.id
    store.reopen_scan(engine, coordinator, empty.yearly.id)
    with pytest.raises(store.InvalidInput) as refused:
        store.open_interim(engine, coordinator, school_id, "Tussenmeting", RUBRIC)
    assert refused.value.key == "store.errors.interim_yearly_open"
    store.close_scan(engine, coordinator, empty.yearly.id)
    store.open_interim(engine, coordinator, school_id, "Tussenmeting", RUBRIC)
    with pytest.raises(store.InvalidInput) as refused:
        store.open_interim(engine, coordinator, school_id, "Nog een", RUBRIC)
    assert refused.value.key == "store.errors.interim_already_open"


def test_a_school_without_any_yearly_scan_cannot_open_one(engine):
    admin = store.admin_access()
    board = store.create_board(engine, admin, "Stichting Nieuw")
    school = store.create_school(engine, admin, board.id, "OBS Nieuw")
    code = store.issue_code(engine, admin, "coordinator", school_id=school.id).code
    coordinator = store.resolve_code(engine, code)
    with pytest.raises(store.InvalidInput) as refused:
        store.interim_proposal(engine, coordinator, school.id)
    assert refused.value.key == "store.errors.interim_needs_closed_scan"


def test_only_the_coordinator_opens_one(school):
    trainer = store.resolve_code(school.engine, school.trainer_code)
    with pytest.raises(store.AccessDenied):
        store.open_interim(school.engine, trainer, school.school.id, "Stiekem", RUBRIC)


def test_the_store_refuses_an_answer_outside_it(school):
    engine = school.engine
    member = store.resolve_code(engine, school.interim_codes[0])
    outside = "pro-teamtraining"  # professionalisering works on Borgen, not Voorbereiden
    assert outside not in school.criteria
    for _attempt in range(2):  # the first save and one that knows the scan's rubric already
        with pytest.raises(store.InvalidInput) as refused:
            store.save_answer(engine, member, outside, 3)
        assert refused.value.key == "store.errors.not_in_interim"
    assert outside not in store.my_answers(engine, member)
    saved = store.save_answer(engine, member, "imp-plan", 3)
    assert saved.value == 3
    # The coordinator filling it in himself is held to the same criteria, and so is an agreed value.
    with pytest.raises(store.InvalidInput):
        store.save_answer(engine, school.coordinator, outside, 2, scan_id=school.interim.id)
    with pytest.raises(store.InvalidInput) as refused:
        store.set_agreed(engine, school.coordinator, school.interim.id, outside, 2, version=0)
    assert refused.value.key == "store.errors.not_in_interim"


def test_twelve_criteria_score_like_the_oracle_over_the_same_subset(school):
    view = store.interim_views(school.engine, school.coordinator, school.school.id)[0]
    assert view.yearly_id == school.yearly.id and view.respondents == 3
    asked = set(view.criteria)
    result = score_interim(RUBRIC, view.values.answers, view.values.agreed, asked)
    expected = score_items(RUBRIC, view.values.answers, view.values.agreed)
    assert set(result.items) == asked
    assert all(result.items[c] == expected[c] for c in asked)
    for theme in result.themes:
        for phase in theme.phases:
            of_phase = [
                c.id for c in RUBRIC.criteria if (c.theme, c.phase) == (theme.id, phase.phase)
            ]
            subset = [result.items[c] for c in of_phase if c in asked]
            if not subset:
                assert phase.coverage == "not_measured" and phase.verdict is None
                continue
            assert phase.result.complete == phase_is_complete(RUBRIC, subset)
            if len(subset) < len(of_phase):
                assert phase.coverage == "partly" and phase.verdict is None
    voorbereiden = result.theme("implementatieplanning").phases[1]
    assert voorbereiden.verdict == "complete" and round(voorbereiden.result.mean, 1) == 2.1


def test_it_is_never_the_boards_nor_a_yearly_comparison(school):
    engine, coordinator = school.engine, school.coordinator
    store.close_scan(engine, coordinator, school.interim.id)
    board = store.resolve_code(engine, school.board_code)
    overview = store.board_overview(engine, board)
    labels = [scan.label for s in overview for scan in s.scans]
    assert labels == ["2025-2026"]
    dashboard = build_dashboard(overview, RUBRIC)
    assert [row.scan.label for row in dashboard.rows] == ["2025-2026"]
    assert "Tussenmeting" not in Pdf(board_pdf(dashboard, RUBRIC, "Stichting Tussen")).text
    criteria = store.board_criteria(engine, board, [school.yearly.id, school.interim.id])
    assert list(criteria) == [school.yearly.id]
    workbook = openpyxl.load_workbook(io.BytesIO(board_xlsx(dashboard, criteria, RUBRIC, "nl")))
    cells = [c for sheet in workbook for row in sheet.iter_rows(values_only=True) for c in row]
    assert "2025-2026" in cells and not any("Tussenmeting" in str(c) for c in cells)
    # A yearly scan opened after it compares with the yearly scan before, not with it.
    after = store.open_scan(engine, coordinator, school.school.id, "2026-2027", RUBRIC)
    assert store.previous_scan(engine, coordinator, after.id).id == school.yearly.id
    review = store.actions_to_review(engine, coordinator, after.id)
    assert {a.criterion for a in review} == set(interim_school.PLAN)
    view = store.results_view(engine, coordinator, school.school.id)
    assert [s.label for s in view.scans] == ["2026-2027", "2025-2026"]


def test_the_schools_export_keeps_it_a_tussenmeting(school):
    engine, admin = school.engine, store.admin_access()
    exported = store.export_school(engine, admin, school.school.id)
    [yearly, interim] = exported["scans"]
    assert (yearly["kind"], yearly["criteria"]) == ("jaarscan", {})
    assert interim["kind"] == "tussenmeting" and interim["criteria"] == school.criteria
    exported["school"]["name"] = "OBS De Tussenstap bis"
    copy = store.import_school(engine, admin, exported)
    again = store.export_school(engine, admin, copy.id)
    assert again["scans"] == exported["scans"]
    [view] = store.interim_views(engine, admin, copy.id)
    assert view.criteria == school.criteria and view.respondents == 3
    exported["school"]["name"] = "OBS Fout"
    exported["scans"][1]["criteria"] = {"pro-bestaat-niet": "phase"}
    exported["scans"][0]["kind"] = "halfjaarscan"
    with pytest.raises(store.ImportRefused) as refused:
        store.import_school(engine, admin, exported)
    problems = [problem for problem, _values in refused.value.problems]
    assert problems == ["store.import.bad_kind", "store.import.bad_interim_criteria"]


def test_it_never_goes_into_the_research_dataset(school):
    engine, coordinator = school.engine, school.coordinator
    store.close_scan(engine, coordinator, school.interim.id)
    set_school_type(engine, coordinator, school.school.id, "bo")
    set_research_consent(engine, coordinator, school.school.id, True)
    with engine.begin() as connection:  # kinds straight from the table: what the export reads
        kinds = dict(connection.execute(select(T.scan.c.id, T.scan.c.kind)).all())
    assert kinds[school.interim.id] == "tussenmeting"
    with engine.begin() as connection:
        chosen = {row.id for row in connection.execute(_yearly_closed_scans())}
    assert chosen == {school.yearly.id}
    assert len(research_scans(engine, store.admin_access())) <= 1  # the yearly scan at most
