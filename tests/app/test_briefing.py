"""Briefing (trainer): a trainer adds a second school's code once and switches between the two
schools' briefings without signing out; each briefing shows its own school's numbers."""

from __future__ import annotations

import datetime as dt

import pytest

from assessment import store
from assessment.rubric import load_rubric
from tests.app.conftest import open_app
from tests.factories import (
    add_respondent,
    every_criterion,
    make_board,
    make_scan,
    make_school,
    trainer_code,
)

CONTESTED = "pro-basiskennis"


def answered_school(engine, board, name: str, values: list[int], note_prefix: str):
    """A school with one scan in which each respondent gives every criterion one value (and
    ``CONTESTED`` a split with notes); returns (school, scan, coordinator access, trainer code)."""
    rubric = load_rubric()
    school = make_school(engine, name=name, board=board)
    split = [0, 0, 3, 3]
    answers = [
        every_criterion(rubric, value)
        | {CONTESTED: (split[index % 4], f"{note_prefix} toelichting {'ZYXW'[index]}")}
        for index, value in enumerate(values)
    ]
    scan = make_scan(engine, school, rubric=rubric, answers=answers)
    return school.school, scan, school.coordinator, trainer_code(engine, school)


@pytest.fixture
def two_schools(database):
    board = make_board(database, "Stichting Twee")
    first = answered_school(database, board, "OBS De Eerste", [1, 1, 2, 2], "eerste")
    second = answered_school(database, board, "SBO De Tweede", [3, 3, 3, 2], "tweede")
    store.add_action(
        database,
        first[2],
        first[1].id,
        "draagvlak",
        "Teamdag over de visie",
        owner="Directie",
        due_date=dt.date(2020, 1, 31),
        status="doing",
    )
    store.add_action(database, first[2], first[1].id, "leiderschap", "Klaar al", status="done")
    return first, second


def markdown_text(at) -> str:
    """The page's Markdown as read (without the escapes that keep user text literal), then its
    plain text elements, where the team's notes are."""
    markdown = "\n".join(element.value for element in at.markdown).replace("\\", "")
    return markdown + "\n" + "\n".join(element.value for element in at.text)


def test_a_trainer_adds_a_second_school_once_and_switches_between_the_briefings(two_schools):
    (first, _, _, first_code), (second, _, _, second_code) = two_schools
    at = open_app(first_code, "briefing")
    assert not at.exception
    assert at.title[0].value == "Briefing: OBS De Eerste"
    assert "Teamdag over de visie" in markdown_text(at)
    assert "Klaar al" not in markdown_text(at)  # done actions are not open
    assert "Te laat" in markdown_text(at)
    assert not at.selectbox  # one school: nothing to switch

    at.switch_page("pages/start.py").run()
    at.text_input[0].input(second_code)
    at.button[0].click().run()
    assert not at.exception
    assert "SBO De Tweede is toegevoegd en staat nu in beeld." in [s.value for s in at.success]
    at.text_input[0].input(second_code)  # the same code again adds nothing
    at.button[0].click().run()
    assert "SBO De Tweede staat al in je lijst." in [i.value for i in at.info]

    at.switch_page("pages/briefing.py").run()
    assert at.title[0].value == "Briefing: SBO De Tweede"
    assert "Teamdag over de visie" not in markdown_text(at)
    choice = at.selectbox(key="school_choice")
    assert choice.options == ["OBS De Eerste", "SBO De Tweede"]
    assert choice.value is not None

    choice.select(first_code_id(at, first.id)).run()
    assert not at.exception
    assert at.title[0].value == "Briefing: OBS De Eerste"
    assert "Teamdag over de visie" in markdown_text(at)
    assert "eerste toelichting" in markdown_text(at)
    assert "tweede toelichting" not in markdown_text(at)


def first_code_id(at, school_id: int) -> int:
    from assessment.ui.context import SCHOOLS

    return next(a.code_id for a in at.session_state[SCHOOLS] if a.school_id == school_id)


def test_the_briefing_shows_notes_sorted_by_text_and_the_distribution(two_schools):
    (_, _, _, first_code), _ = two_schools
    at = open_app(first_code, "briefing")
    shown = markdown_text(at)
    notes = [f"eerste toelichting {letter}" for letter in "WXYZ"]
    positions = [shown.index(note) for note in notes]
    assert positions == sorted(positions)  # alphabetical, not in respondent order (Z, Y, X, W)
    assert "Gegeven antwoorden: 0 (2×), 1 (0×), 2 (0×), 3 (2×), weet niet (0×)" in shown
    assert "2 van de 4 zeggen 0 of 1, 2 zeggen 2 of 3" in shown


def test_a_scan_under_the_minimum_group_size_warns_and_shows_no_distribution(database):
    _, _, _, code = answered_school(database, "Stichting Klein", "OBS Klein", [1, 2], "klein")
    at = open_app(code, "briefing")
    assert not at.exception
    assert any("minder dan 3" in warning.value for warning in at.warning)
    shown = markdown_text(at)
    assert "Gegeven antwoorden" not in shown and "klein toelichting" not in shown
    assert "zeggen 0 of 1" not in shown


def test_an_empty_scan_s_briefing_waits_for_answers_instead_of_suggesting_zoek_uit(database):
    _, scan, _, code = answered_school(database, "Stichting Leeg", "OBS Nog Leeg", [], "leeg")
    for _ in range(3):  # begun, nothing answered yet
        add_respondent(database, scan)
    at = open_app(code, "briefing")
    assert not at.exception
    assert any(i.value.startswith("Wacht op antwoorden") for i in at.info)
    assert "Zoek uit" not in markdown_text(at)


@pytest.mark.parametrize("who", [None, "coordinator", "respondent"])
def test_only_a_trainer_opens_the_briefing(school, who):
    code = {None: None, "coordinator": school.coordinator, "respondent": school.respondents[0]}
    at = open_app(code[who])
    at.switch_page("pages/briefing.py").run()
    assert not at.exception
    assert at.title[0].value == "TSO Zelfscan"
    expected = "Meld je eerst aan" if who is None else "Deze pagina is er niet voor jouw code"
    assert expected in at.warning[0].value
