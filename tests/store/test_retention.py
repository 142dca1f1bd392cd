"""Retention: a scan closed N years and a day ago loses its answers, notes and respondents and
keeps what the school and board need; a day less keeps everything; a dry run removes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select, update

from assessment import store
from assessment.development_map import development_map
from assessment.report.scan import report_for_scan
from assessment.scoring import score_scan
from assessment.store import tables as T
from assessment.store.retention import Retention, expires_on, purge, retention_from_environment
from tests.store.conftest import row_counts

YEARS = Retention(answer_years=5, note_years=2)


def closed_ago(engine, scan_id: int, years: int, days: int) -> None:
    """Move a scan's closing back to ``years`` years and ``days`` days before today."""
    today = dt.datetime.now(dt.UTC).date()
    day = expires_on(today, -years) - dt.timedelta(days=days)
    moment = dt.datetime.combine(day, dt.time(15, 0), tzinfo=dt.UTC)
    with engine.begin() as c:
        c.execute(update(T.scan).where(T.scan.c.id == scan_id).values(closed_at=moment))
        c.execute(
            update(T.scan_summary)
            .where(T.scan_summary.c.scan_id == scan_id)
            .values(closed_at=moment)
        )


def as_counted(values) -> dict:
    """Each scan's answers per criterion as a multiset (their order means nothing) and agreed values."""
    return {
        scan_id: ({c: sorted(v, key=str) for c, v in scan.answers.items()}, scan.agreed)
        for scan_id, scan in values.items()
    }


def rows_of(engine, table, scan_id: int) -> int:
    with engine.connect() as connection:
        return connection.execute(
            select(func.count()).select_from(table).where(table.c.scan_id == scan_id)
        ).scalar_one()


@pytest.fixture
def closed(world):
    """School A's scan with two respondents' answers and notes, an agreed value and a plan,
    closed."""
    coordinator = world.access["coordinator"]
    store.submit(world.engine, world.access["respondent"])
    store.close_scan(world.engine, coordinator, world.scan.id)
    return world


def test_a_scan_closed_n_years_and_a_day_ago_loses_answers_notes_and_respondents(closed, admin):
    engine, coordinator, scan_id = closed.engine, closed.access["coordinator"], closed.scan.id
    rubric = closed.rubric
    before = store.scan_data(engine, coordinator, scan_id)
    view_before = store.results_view(engine, coordinator, closed.school.id, scan_id)
    board_before = store.board_overview(engine, closed.access["board"])
    closed_ago(engine, scan_id, 5, 1)

    removed = purge(engine, admin, retention=YEARS)

    assert [(r.scan_id, r.what, r.answers, r.respondents) for r in removed] == [
        (scan_id, "answers", 6, 2)
    ]
    assert rows_of(engine, T.answer, scan_id) == rows_of(engine, T.respondent, scan_id) == 0
    with engine.connect() as connection:
        codes = connection.execute(
            select(func.count()).where(T.access_code.c.scan_id == scan_id)
        ).scalar_one()
    assert codes == 0
    scan = store.get_scan(engine, coordinator, scan_id)
    assert scan.answers_removed_after == 5 and scan.notes_removed_on is not None
    # Resultaten, trend and ontwikkelkaart score the kept counts as they scored the answers.
    view = store.results_view(engine, coordinator, closed.school.id, scan_id)
    assert as_counted(view.values) == as_counted(view_before.values)
    assert (len(view.started_roles), view.submitted) == (2, 1)
    after = store.scan_data(engine, coordinator, scan_id)
    assert after.answers == before.answers and after.notes == {}
    assert after.agreed == before.agreed  # the team's values stay, their notes went
    assert "besproken" in before.agreed_notes.values()
    assert not any(after.agreed_notes.values())
    assert (after.started, after.submitted) == (2, 1)
    result = score_scan(rubric, after.answers, after.agreed)
    assert development_map(rubric, result) == development_map(
        rubric, score_scan(rubric, before.answers, before.agreed)
    )
    assert store.list_actions(engine, coordinator, scan_id)  # the plan stays
    # The board sees the same summary, and that the answers are gone.
    board = store.board_overview(engine, closed.access["board"])
    school_scans = {s.school.id: s.scans for s in board}[closed.school.id]
    assert [s.readiness for s in school_scans] == [
        s.readiness for s in {s.school.id: s.scans for s in board_before}[closed.school.id]
    ]
    assert school_scans[0].answers_removed_after == 5
    # The PDF opens and says so.
    pdf = report_for_scan(engine, coordinator, scan_id)
    text = " ".join(page.extract_text() for page in PdfReader(_io(pdf)).pages)
    assert "Antwoorden verwijderd na 5 jaar" in " ".join(text.split())


def test_a_scan_closed_a_day_less_long_ago_keeps_everything(closed, admin):
    engine, coordinator, scan_id = closed.engine, closed.access["coordinator"], closed.scan.id
    closed_ago(engine, scan_id, 5, 0)
    counts = row_counts(engine)
    before = store.scan_data(engine, coordinator, scan_id)

    removed = purge(engine, admin, retention=YEARS)

    assert [r.what for r in removed] == ["notes"]  # the notes went three years earlier
    counts["audit_event"] += 1  # the purge of the notes is logged
    assert row_counts(engine) == counts
    assert store.scan_data(engine, coordinator, scan_id).answers == before.answers
    assert store.get_scan(engine, coordinator, scan_id).answers_removed_on is None


def test_notes_of_a_scan_closed_a_day_less_than_their_period_ago_stay(closed, admin):
    engine, coordinator, scan_id = closed.engine, closed.access["coordinator"], closed.scan.id
    closed_ago(engine, scan_id, 2, 0)
    notes = store.scan_data(engine, coordinator, scan_id).notes
    assert purge(engine, admin, retention=YEARS) == []
    assert store.scan_data(engine, coordinator, scan_id).notes == notes != {}


def test_notes_go_after_the_shorter_period_and_the_answers_stay(closed, admin):
    engine, coordinator, scan_id = closed.engine, closed.access["coordinator"], closed.scan.id
    closed_ago(engine, scan_id, 2, 1)
    before = store.scan_data(engine, coordinator, scan_id)
    counts = row_counts(engine)

    removed = purge(engine, admin, retention=YEARS)

    assert [(r.scan_id, r.what, r.notes) for r in removed] == [(scan_id, "notes", 6)]
    after = store.scan_data(engine, coordinator, scan_id)
    assert after.notes == {} and after.answers == before.answers
    counts["audit_event"] += 1  # the purge is logged
    assert row_counts(engine) == counts
    assert store.get_scan(engine, coordinator, scan_id).notes_removed_after == 2
    assert purge(engine, admin, retention=YEARS) == []  # a second run finds nothing


def test_a_dry_run_lists_and_removes_nothing(closed, admin):
    engine = closed.engine
    closed_ago(engine, closed.scan.id, 6, 0)
    counts = row_counts(engine)
    listed = purge(engine, admin, retention=YEARS, dry_run=True)
    assert [(r.scan_id, r.what) for r in listed] == [(closed.scan.id, "answers")]
    assert row_counts(engine) == counts
    assert store.get_scan(engine, admin, closed.scan.id).answers_removed_on is None


def test_after_the_removal_the_scan_cannot_reopen_and_an_agreed_value_still_counts(closed, admin):
    engine, coordinator, scan_id = closed.engine, closed.access["coordinator"], closed.scan.id
    closed_ago(engine, scan_id, 5, 1)
    purge(engine, admin, retention=YEARS)
    with pytest.raises(store.InvalidInput) as refused:
        store.reopen_scan(engine, coordinator, scan_id)
    assert refused.value.key == "retention.errors.reopen_removed"
    data = store.scan_data(engine, coordinator, scan_id)
    store.set_agreed(engine, coordinator, scan_id, "b-v1", 3, version=0)
    again = store.scan_data(engine, coordinator, scan_id)
    assert again.answers == data.answers and again.agreed["b-v1"] == 3


def test_a_removed_scan_survives_export_and_import(closed, admin):
    engine, scan_id = closed.engine, closed.scan.id
    closed_ago(engine, scan_id, 5, 1)
    purge(engine, admin, retention=YEARS)
    exported = store.export_school(engine, admin, closed.school.id)
    exported["school"]["name"] = "OBS A kopie"
    copy = store.import_school(engine, admin, exported)
    again = store.export_school(engine, admin, copy.id)
    again["school"]["name"] = "OBS A kopie"
    assert again == exported
    newest = store.list_scans(engine, admin, copy.id)[0]
    assert (
        store.scan_data(engine, admin, newest.id).answers
        == store.scan_data(engine, admin, scan_id).answers
    )


def test_only_an_admin_may_purge(closed):
    with pytest.raises(store.AccessDenied):
        purge(closed.engine, closed.access["coordinator"], retention=YEARS)


@pytest.mark.parametrize(
    ("answers", "notes", "refused"),
    [
        ("5", "2", None),
        ("", "", None),
        ("vijf", "", "bad_setting"),
        ("0", "", "bad_setting"),
        ("3", "4", "notes_longer"),
    ],
)
def test_the_settings_are_whole_years(monkeypatch, answers, notes, refused):
    monkeypatch.setenv("TSO_RETENTION_YEARS", answers)
    monkeypatch.setenv("TSO_NOTES_RETENTION_YEARS", notes)
    if refused is None:
        assert retention_from_environment() == Retention(5, 2)
        return
    with pytest.raises(store.InvalidInput) as error:
        retention_from_environment()
    assert error.value.key == f"retention.errors.{refused}"


def test_the_anniversary_of_29_february_is_28_february():
    assert expires_on(dt.date(2024, 2, 29), 5) == dt.date(2029, 2, 28)


def _io(data: bytes):
    import io

    return io.BytesIO(data)


def test_the_app_purges_at_its_first_use_of_a_day_and_not_again_that_day(closed, monkeypatch):
    from assessment.store.retention import purge_once_a_day

    monkeypatch.delenv("TSO_RETENTION_YEARS", raising=False)
    monkeypatch.delenv("TSO_NOTES_RETENTION_YEARS", raising=False)
    engine = store.make_engine(closed.engine.url.render_as_string(hide_password=False))
    closed_ago(engine, closed.scan.id, 5, 1)
    assert [r.what for r in purge_once_a_day(engine)] == ["answers"]
    closed_ago(engine, closed.previous_scan.id, 5, 1)
    assert purge_once_a_day(engine) == []  # once a day: the next run is tomorrow
    assert (
        store.get_scan(
            engine, closed.access["coordinator"], closed.previous_scan.id
        ).answers_removed_on
        is None
    )
    engine.dispose()
