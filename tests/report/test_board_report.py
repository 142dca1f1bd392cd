"""The board's annual-report PDF and its appendix per school, read back: the demo board's
numbers, at most four pages whatever the size of the board, every school with its ontwikkelkaart
in the appendix, user text shown literally and no note of any respondent."""

from __future__ import annotations

import datetime as dt

import pytest

from assessment import store
from assessment.board_dashboard import build_dashboard
from assessment.i18n import number, signed
from assessment.report.board_appendix import board_appendix_pdf
from assessment.report.board_report import board_pdf
from assessment.report.board_sample import sample_board
from assessment.store.demo_texts import CRITERION_NOTES, DONT_KNOW_NOTES
from tests.report.helpers import Pdf

HOSTILE = '<b>OBS</b> =HYPERLINK("x") & <img src="/etc/passwd">'
MADE = dt.date(2026, 12, 14)


@pytest.fixture
def board(tmp_path, tso):
    engine = store.make_engine(f"sqlite:///{tmp_path}/board.sqlite")
    store.upgrade(engine)
    store.seed_demo(engine, tso)
    admin = store.admin_access()
    [info] = store.list_boards(engine, admin)
    waiting = store.create_school(engine, admin, info.id, HOSTILE, share_with_board=True)
    access = store.resolve_code(
        engine, store.issue_code(engine, admin, "board", board_id=info.id).code
    )
    dashboard = build_dashboard(store.board_overview(engine, access), tso)
    maps = store.board_maps(engine, access, [row.scan.scan_id for row in dashboard.rows])
    report = Pdf(board_pdf(dashboard, tso, info.name, "nl", made=MADE))
    appendix = Pdf(board_appendix_pdf(dashboard, maps, tso, info.name, "nl", made=MADE))
    yield dashboard, report, appendix, waiting
    engine.dispose()


def test_the_first_page_holds_the_averages_and_the_phase_distribution(board, tso):
    dashboard, pdf, _, _ = board
    first = " ".join(pdf.pages[0].split())
    assert "Stichting Samen Leren" in first
    assert "3 van de 4 scholen met resultaten" in first
    for theme in dashboard.themes:
        assert number(dashboard.average(theme), "nl") in first
    assert "Fase per thema" in first and "Verkennen" in first and "Geborgd" in first
    assert pdf.reader.metadata.title == "Bestuursoverzicht Stichting Samen Leren"


def test_a_small_board_gets_its_heatmap_and_the_schools_that_moved(board):
    dashboard, pdf, _, _ = board
    assert len(pdf.pages) <= 4
    for row in dashboard.rows:
        for theme in dashboard.themes:
            assert number(row.readiness(theme), "nl") in pdf.flat
    [(mover, change)] = [pair for pair in dashboard.movers() if pair[1] > 0][:1]
    movers = pdf.flat[pdf.flat.index("Scholen die het meest vooruitgingen") :]
    assert mover.school in movers and signed(change, "nl") in movers


@pytest.mark.parametrize(("schools", "years"), [(1, 1), (3, 2), (20, 3), (300, 3), (1000, 5)])
def test_the_annual_report_has_at_most_four_pages_whatever_the_size(tso, schools, years):
    sample = sample_board(tso, schools, years)
    pdf = Pdf(board_pdf(sample.dashboard, tso, "Stichting Groot", "nl", made=MADE))
    assert 1 <= len(pdf.pages) <= 4
    assert "Spreiding over de scholen" in pdf.flat
    if schools > 30:
        assert f"De gereedheid van elk van de {schools} scholen staat in de bijlage" in pdf.flat


def test_the_appendix_has_every_school_with_its_newest_scan_and_ontwikkelkaart(board):
    dashboard, _, pdf, _ = board
    for row in dashboard.rows:
        page = pdf.page_of(f"{row.school} Scan {row.scan.label}")
        assert "hier werkt het team aan" in " ".join(pdf.pages[page].split())
    # the board counts only criteria scored by at least three, or agreed by the team
    assert "Gereedheid: Professionalisering 28,7 (+15,6 sinds 2023-2024)" in pdf.flat
    assert "Nog zonder resultaten" in pdf.pages[-1]
    assert pdf.reader.metadata.title == "Bijlage per school Stichting Samen Leren"


def test_user_text_is_shown_literally_and_no_note_is_printed(board):
    _, report, appendix, _ = board
    for pdf in (report, appendix):
        assert f"{HOSTILE}: nog geen afgesloten scan" in pdf.flat
        notes = [n for bank in CRITERION_NOTES.values() for ns in bank.values() for n in ns]
        assert not [note for note in [*notes, *DONT_KNOW_NOTES] if note in pdf.flat]
        assert not pdf.has_images()
