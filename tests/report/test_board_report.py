"""The board PDF of the demo board, read back: overview, every school with its ontwikkelkaart,
the numbers of the dashboard, user text shown literally and no note of any respondent."""

from __future__ import annotations

import datetime as dt

import pytest

from assessment import store
from assessment.board_dashboard import build_dashboard
from assessment.i18n import number
from assessment.report.board_report import board_pdf
from assessment.store.demo_texts import CRITERION_NOTES, DONT_KNOW_NOTES
from tests.report.helpers import Pdf

HOSTILE = '<b>OBS</b> =HYPERLINK("x") & <img src="/etc/passwd">'


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
    pdf = Pdf(board_pdf(dashboard, maps, tso, info.name, "nl", made=dt.date(2026, 12, 14)))
    yield dashboard, pdf, waiting
    engine.dispose()


def test_the_overview_page_holds_the_heatmap_average_and_phase_distribution(board, tso):
    dashboard, pdf, _ = board
    first = " ".join(pdf.pages[0].split())
    assert "Stichting Samen Leren" in first
    assert "3 van de 4 scholen met resultaten" in first
    assert "Gemiddelde van het bestuur (3 scholen)" in first
    for theme in dashboard.themes:
        assert number(dashboard.average(theme), "nl") in first
        for row in dashboard.rows:
            assert number(row.readiness(theme), "nl") in first
    assert "Fase per thema" in first and "Verkennen" in first and "Geborgd" in first
    assert pdf.reader.metadata.title == "Bestuursoverzicht Stichting Samen Leren"


def test_every_school_has_its_newest_scan_and_ontwikkelkaart(board):
    dashboard, pdf, _ = board
    for row in dashboard.rows:
        page = pdf.page_of(f"{row.school} Scan {row.scan.label}")
        assert page >= 1  # after the overview
        assert "hier werkt het team aan" in " ".join(pdf.pages[page].split())
    # +10,4: the board counts only criteria scored by at least three (the school sees +11,3)
    assert "Gereedheid: Professionalisering 22,6 (+10,4 sinds 2023-2024)" in pdf.flat
    assert "Nog zonder resultaten" in pdf.pages[-1]


def test_user_text_is_shown_literally_and_no_note_is_printed(board):
    _, pdf, _ = board
    assert f"{HOSTILE}: nog geen afgesloten scan" in pdf.flat
    notes = [n for bank in CRITERION_NOTES.values() for ns in bank.values() for n in ns]
    assert not [note for note in [*notes, *DONT_KNOW_NOTES] if note in pdf.flat]
    assert not pdf.has_images()
