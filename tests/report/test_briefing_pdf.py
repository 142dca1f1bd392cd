"""The briefing PDF read back: the school, the contested items with their notes and the open
actions, on at most two pages; user text shown literally; only a trainer of the school gets it."""

from __future__ import annotations

import datetime as dt

import pytest

from assessment import store
from assessment.report.briefing_report import MAX_PAGES, briefing_pdf, build_briefing_pdf
from assessment.views.briefing import build_briefing
from tests.factories import (
    add_respondent,
    board_code,
    every_criterion,
    make_scan,
    make_school,
    trainer_code,
)
from tests.report.helpers import Pdf, flat

CONTESTED = "pro-basiskennis"
HOSTILE_NOTE = "<b>vet</b> & =1+1 <font size=40>groot</font>"


def answered_school(engine, rubric, name: str, scores: list[int]):
    """A school whose team gives ``CONTESTED`` the split ``scores`` (with notes) and every
    other criterion 2; returns the school, its scan, coordinator access and trainer access."""
    school = make_school(engine, name=name, board=f"Bestuur van {name}")
    answers = [
        every_criterion(rubric, 2)
        | {CONTESTED: (score, HOSTILE_NOTE if index == 0 else f"Toelichting nummer {index}")}
        for index, score in enumerate(scores)
    ]
    scan = make_scan(engine, school, rubric=rubric, answers=answers)
    trainer = store.resolve_code(engine, trainer_code(engine, school))
    return school.school, scan, school.coordinator, trainer


@pytest.fixture
def school(engine, tso):
    store.register_rubric(tso)
    found = answered_school(engine, tso, "OBS De Briefing", [0, 1, 3, 3])
    _, scan, coordinator, _ = found
    store.add_action(
        engine,
        coordinator,
        scan.id,
        "professionalisering",
        "Terugkommiddag plannen",
        owner="IB'er",
        due_date=dt.date(2020, 3, 1),
    )
    store.add_action(
        engine, coordinator, scan.id, "draagvlak", "Teampeiling herhalen", status="doing"
    )
    store.add_action(engine, coordinator, scan.id, "leiderschap", "Al gedaan", status="done")
    return found


def test_the_briefing_pdf_holds_the_school_the_contested_items_and_the_open_actions(
    engine, tso, school
):
    info, scan, _, trainer = school
    pdf = Pdf(briefing_pdf(engine, trainer, scan.id, tso, "nl"))
    text = flat(pdf.text)
    assert len(pdf.pages) <= MAX_PAGES
    assert "OBS De Briefing" in text
    assert pdf.reader.metadata.title == "Briefing TSO – OBS De Briefing – 2026-2027"
    label = tso.text(tso.criterion(CONTESTED).label, "nl")
    assert "Punten van discussie (1)" in text and label in text
    assert "2 van de 4 zeggen 0 of 1, 2 zeggen 2 of 3" in text
    assert "Gegeven antwoorden: 0 (1×), 1 (1×), 2 (0×), 3 (2×), weet niet (0×)" in text
    assert HOSTILE_NOTE in text  # literally, not as markup
    notes = [HOSTILE_NOTE, "Toelichting nummer 1", "Toelichting nummer 2"]
    assert [text.index(note) for note in notes] == sorted(text.index(n) for n in notes)
    assert "Open acties (2, waarvan 1 te laat)" in text
    assert "Te laat Terugkommiddag plannen" in text and "Teampeiling herhalen" in text
    assert "Al gedaan" not in text


def test_an_empty_scan_s_briefing_waits_for_answers_instead_of_suggesting_zoek_uit(engine, tso):
    store.register_rubric(tso)
    _, scan, _, trainer = answered_school(engine, tso, "OBS Nog Leeg", [])
    for _ in range(3):  # begun, nothing answered yet
        add_respondent(engine, scan)
    briefing = build_briefing(engine, trainer, scan.id, tso, "nl")
    assert briefing.topics == ()
    text = flat(Pdf(build_briefing_pdf(briefing, "nl")).text)
    assert "Wacht op antwoorden: zodra collega's de vragenlijst invullen" in text
    assert "Drie onderwerpen" not in text
    assert "Zoek uit" not in text


def test_a_divided_team_still_fits_on_two_pages(engine, tso):
    store.register_rubric(tso)
    store.seed_demo(engine, tso)
    admin = store.admin_access()
    divided = next(s for s in store.list_schools(engine, admin) if s.name == "SBO De Wissel")
    newest = store.list_scans(engine, admin, divided.id)[0]
    briefing = build_briefing(engine, admin, newest.id, tso, "nl")
    assert len(briefing.contested) > 20
    pdf = Pdf(build_briefing_pdf(briefing, "nl"))
    text = flat(pdf.text)
    assert len(pdf.pages) <= MAX_PAGES
    assert briefing.contested[0].label in text
    assert "Ook verdeeld (" in text
    assert "zie de pagina Briefing" in text


def test_a_group_under_the_minimum_shows_no_distribution_and_no_notes(engine, tso):
    store.register_rubric(tso)
    _, scan, _, trainer = answered_school(engine, tso, "OBS Klein", [0, 3])
    text = flat(Pdf(briefing_pdf(engine, trainer, scan.id, tso, "nl")).text)
    assert "minder dan 3" in text
    assert "Gegeven antwoorden" not in text and "Toelichting nummer" not in text
    assert HOSTILE_NOTE not in text and "zeggen 0 of 1" not in text


def test_only_the_schools_trainer_coordinator_or_admin_get_the_briefing(engine, tso, school):
    _, scan, _, _ = school
    _, _, other_coordinator, other_trainer = answered_school(engine, tso, "OBS Ander", [2, 2, 2])
    board = store.resolve_code(engine, board_code(engine, school[0].board_id))
    for outsider in (other_trainer, other_coordinator, board):
        with pytest.raises(store.AccessDenied):
            briefing_pdf(engine, outsider, scan.id, tso, "nl")
