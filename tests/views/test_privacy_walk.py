"""Every view, for every role, over a scan of 1, 2, 3 and 4 respondents (the mini rubric's
minimum is 3): nothing of a group under the minimum comes out where the privacy policy says it
must not (docs/privacy.md). Everyone answers "alfa verkennen één" (0, 3, 0, 3: contested from
two answers on) with a note; only the first answers "beta verkennen één"; the first is directie,
the others werkgroep."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import pytest

from assessment import store
from assessment.report import build_report
from assessment.rubric import Rubric, load_rubric
from assessment.views.board import board_view
from assessment.views.briefing import build_briefing
from assessment.views.meeting import meeting_view
from assessment.views.plan import plan_view
from assessment.views.report import report_input
from assessment.views.scan import scan_view
from tests.helpers import MINI_RUBRIC
from tests.report.helpers import Pdf

SIZES = (1, 2, 3, 4)
MINIMUM = 3
ALL = "a-v1"  # answered by everyone
ONE = "b-v1"  # answered by the first respondent only
VALUES = (0, 3, 0, 3)
ROLES = ("directie", "werkgroep", "werkgroep", "werkgroep")


@dataclass
class Scan:
    size: int
    school_id: int
    scan_id: int
    access: dict[str, store.Access]  # coordinator, trainer, board, respondent


@pytest.fixture
def scans(engine) -> tuple[Rubric, list[Scan]]:
    rubric = load_rubric(MINI_RUBRIC)
    store.register_rubric(rubric)
    admin = store.admin_access()
    board = store.create_board(engine, admin, "Stichting Klein")
    board_access = store.resolve_code(
        engine, store.issue_code(engine, admin, "board", board_id=board.id).code
    )
    made = []
    for size in SIZES:
        school = store.create_school(engine, admin, board.id, f"School {size}", True)
        access = {
            role: store.resolve_code(
                engine, store.issue_code(engine, admin, role, school_id=school.id).code
            )
            for role in ("coordinator", "trainer")
        }
        scan = store.open_scan(engine, access["coordinator"], school.id, "2026-2027", rubric)
        for index in range(size):
            respondent = store.resolve_code(
                engine,
                store.issue_code(engine, access["coordinator"], "respondent", scan_id=scan.id).code,
            )
            store.start_respondent(engine, respondent, [ROLES[index]])
            store.save_answer(engine, respondent, ALL, VALUES[index], f"noot van {index}")
            if index == 0:
                store.save_answer(engine, respondent, ONE, 1, "")
        store.close_scan(engine, access["coordinator"], scan.id)
        access |= {"board": board_access, "respondent": respondent}
        made.append(Scan(size, school.id, scan.id, access))
    return rubric, made


def refused(view: Callable[[], object]) -> bool:
    try:
        view()
    except store.StoreError:
        return True
    return False


def test_the_team_screens_count_no_role_and_warn_below_the_minimum(engine, scans):
    rubric, made = scans
    for scan in made:
        for role in ("coordinator", "trainer"):
            access = scan.access[role]
            view = scan_view(engine, access, rubric, scan.school_id, scan.scan_id)
            assert view is not None
            assert all(count >= MINIMUM for count in view.roles.values()), (scan.size, view.roles)
            # "overige rollen" stands beside shown roles only; alone it is everyone, the total
            assert not view.roles or view.other_roles in (0, *range(MINIMUM, scan.size + 1))
            assert view.few_respondents is (scan.size < MINIMUM)
            meeting = meeting_view(engine, access, rubric, scan.scan_id)
            assert meeting.few_respondents is (scan.size < MINIMUM)
            plan_view(engine, access, rubric, scan.scan_id)  # holds no answer of anyone


def test_the_briefing_shows_no_split_notes_or_explanation_below_the_minimum(engine, scans):
    rubric, made = scans
    for scan in made:
        briefing = build_briefing(engine, scan.access["trainer"], scan.scan_id, rubric)
        assert briefing.too_few is (scan.size < MINIMUM)
        contested = {item.criterion: item for item in briefing.contested}
        assert (ALL in contested) is (scan.size >= 2)
        for item in contested.values():
            if scan.size < MINIMUM:
                assert (item.distribution, item.notes, item.explanation) == ((), (), "")
            else:
                assert item.distribution and item.notes


def test_the_pdf_prints_no_figure_of_fewer_than_the_minimum(engine, scans):
    rubric, made = scans
    for scan in made:
        for notes in (False, True):
            given = report_input(
                engine, scan.access["coordinator"], scan.scan_id, include_notes=notes
            )
            text = Pdf(build_report(given)).flat
            appendix = text[text.index("Bijlage") :]
            # beta verkennen één: one score, never its mean, n or spread
            assert "beta verkennen één Eigen formulering – < 3 – – –" in appendix
            everyone = "alfa verkennen één Eigen formulering – < 3 – – –"
            assert (everyone in appendix) is (scan.size < MINIMUM), scan.size
            assert "Criterium 0 1 2 3 weet niet" not in text or scan.size >= MINIMUM
            assert "directie 1" not in text and "werkgroep 1" not in text
            assert "werkgroep 2" not in text and "werkgroep 3" not in text  # 3 + directie 1


def test_the_board_sees_no_scan_and_no_criterion_of_fewer_than_the_minimum(engine, scans):
    rubric, made = scans
    board = made[0].access["board"]
    dashboard = board_view(engine, board, rubric)
    assert dashboard is not None
    assert sorted(row.school for row in dashboard.rows) == ["School 3", "School 4"]
    assert all(row.scan.respondents >= MINIMUM for row in dashboard.rows)
    waiting = {w.school: w.reason for w in dashboard.waiting}
    assert waiting == {"School 1": "too_few", "School 2": "too_few"}
    criteria = store.board_criteria(engine, board, [s.scan_id for s in made])
    for summaries in criteria.values():
        for summary in summaries.values():
            assert summary.n is None or summary.n >= MINIMUM
            assert (summary.mean is None) is (summary.n is None)
        assert ONE not in summaries or summaries[ONE].mean is None


def test_a_board_and_a_respondent_see_no_scan_view_at_all(engine, scans):
    rubric, made = scans
    for scan in made:
        for role in ("board", "respondent"):
            access = scan.access[role]
            for view in (
                partial(scan_view, engine, access, rubric, scan.school_id, scan.scan_id),
                partial(meeting_view, engine, access, rubric, scan.scan_id),
                partial(plan_view, engine, access, rubric, scan.scan_id),
                partial(build_briefing, engine, access, scan.scan_id, rubric),
                partial(report_input, engine, access, scan.scan_id),
            ):
                assert refused(view), (role, view.func.__name__)
        assert refused(partial(board_view, engine, scan.access["respondent"], rubric))
