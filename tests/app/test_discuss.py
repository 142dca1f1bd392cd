"""Bespreken for the meeting: one criterion at a time, contested first, a filter, an agreed value
saved in the item itself, read only for the trainer, and notes never in the order of the codes."""

from __future__ import annotations

import pytest

from assessment import store
from assessment.rubric import load_rubric
from tests.app.conftest import open_app

RUBRIC = load_rubric()
# Two contested criteria (0 against 3) and one the team agrees on; every other one is unknown.
FIRST, SECOND, CALM = (c.id for c in RUBRIC.criteria[:3])
ANSWERS = {FIRST: (0, 3, 3), SECOND: (0, 1, 3), CALM: (2, 2, 2)}
NOTES = ("echo: zo doen we het", "Bravo", "alfa")  # by the first, second and third code


def label(criterion_id: str) -> str:
    return RUBRIC.text(RUBRIC.criterion(criterion_id).label, "nl")


@pytest.fixture
def answered(school):
    for index, code in enumerate(school.respondents):
        access = store.resolve_code(school.engine, code)
        store.start_respondent(school.engine, access, None)
        for criterion, values in ANSWERS.items():
            note = NOTES[index] if criterion == FIRST else ""
            store.save_answer(school.engine, access, criterion, values[index], note)
    return school


def button(at, text: str):
    return next(b for b in at.button if b.label == text)


def jump_list(at):
    return next(s for s in at.selectbox if s.label == "Ga naar criterium")


def shown_criterion(at) -> str:
    return at.header[0].value


def test_contested_items_come_first_one_at_a_time_with_next_and_previous(answered):
    at = open_app(answered.coordinator, "bespreken")
    assert not at.exception
    assert shown_criterion(at) == label(FIRST)
    assert len(at.header) == 1  # one item, not a wall
    assert any(
        "Criterium 1 van" in m.value and "Verschil van mening" in m.value for m in at.markdown
    )
    assert any(
        m.value.startswith("**1 van de 3 zeggen 0 of 1, 2 zeggen 2 of 3") for m in at.markdown
    )
    assert len(at.get("plotly_chart")) == 1
    assert button(at, "Vorige").disabled
    button(at, "Volgende").click().run()
    assert shown_criterion(at) == label(SECOND)
    button(at, "Volgende").click().run()
    third = shown_criterion(at)
    assert third not in (label(FIRST), label(SECOND), label(CALM))  # an unknown one
    assert any("Niemand kon dit beoordelen" in m.value for m in at.markdown)
    button(at, "Vorige").click().run()
    assert shown_criterion(at) == label(SECOND)


def test_the_list_jumps_to_any_item_of_the_filter(answered):
    at = open_app(answered.coordinator, "bespreken")
    jump = jump_list(at)
    assert jump.options[:2] == [label(FIRST), label(SECOND)]
    assert label(CALM) not in jump.options  # nothing to discuss: only under "Alle"
    jump.set_value(SECOND).run()
    assert shown_criterion(at) == label(SECOND)


def test_the_filter_shows_te_bespreken_besproken_or_alle(answered):
    coordinator = store.resolve_code(answered.engine, answered.coordinator)
    store.set_agreed(answered.engine, coordinator, answered.scan.id, FIRST, 2, version=0)
    at = open_app(answered.coordinator, "bespreken")
    assert shown_criterion(at) == label(SECOND)  # the first one is already besproken
    total = len(RUBRIC.criteria)
    assert at.segmented_control[0].options == [
        f"Te bespreken ({total - 2})",
        "Besproken (1)",
        f"Alle ({total})",
    ]
    at.segmented_control[0].set_value("done").run()
    assert shown_criterion(at) == label(FIRST)
    assert jump_list(at).options == [f"✓ {label(FIRST)}"]
    at.segmented_control[0].set_value("all").run()
    options = jump_list(at).options
    assert len(options) == total and label(CALM) in options


def test_saving_an_agreed_value_confirms_beside_the_button_and_marks_the_item(answered):
    at = open_app(answered.coordinator, "bespreken")
    scan_id = answered.scan.id
    at.selectbox(key=f"agreed-{scan_id}-{FIRST}").set_value(2)
    at.text_input(key=f"agreed-note-{scan_id}-{FIRST}").set_value("Na uitleg van de ib'er")
    button(at, "Afspraak opslaan").click().run()
    assert not at.exception
    [saved] = at.success
    assert saved.value.startswith("Opgeslagen. Professionalisering: gereedheid")
    assert any("✓ besproken" in m.value for m in at.markdown)
    # beside the button, inside the item's form: not at the top of the page
    form = at.get("form")[0]
    assert saved in list(_descendants(form)) and button(at, "Afspraak opslaan") in list(
        _descendants(form)
    )
    data = store.scan_data(
        answered.engine, store.resolve_code(answered.engine, answered.coordinator), scan_id
    )
    assert data.agreed[FIRST] == 2 and data.agreed_notes[FIRST] == "Na uitleg van de ib'er"
    # the next item; the saved one stays in the list, marked, while "te bespreken" stays chosen
    button(at, "Volgende").click().run()
    assert shown_criterion(at) == label(SECOND)
    assert jump_list(at).options[0] == f"✓ {label(FIRST)}"


def _descendants(block):
    for child in getattr(block, "children", {}).values():
        yield child
        yield from _descendants(child)


def test_the_trainer_reads_the_agreement_but_cannot_save_one(answered):
    coordinator = store.resolve_code(answered.engine, answered.coordinator)
    store.set_agreed(
        answered.engine, coordinator, answered.scan.id, SECOND, 1, "samen besloten", version=0
    )
    at = open_app(answered.trainer, "bespreken")
    assert not at.exception
    assert shown_criterion(at) == label(FIRST)
    assert not [b for b in at.button if b.label == "Afspraak opslaan"]
    assert not at.get("form")
    assert "Alleen de coördinator legt een afgesproken score vast." in [c.value for c in at.caption]
    at.segmented_control[0].set_value("done").run()
    assert "Afgesproken score: 1 · Gestart" in [m.value for m in at.markdown]
    assert "Waarom: samen besloten" in [t.value for t in at.text]
    trainer = store.resolve_code(answered.engine, answered.trainer)
    with pytest.raises(store.AccessDenied):
        store.set_agreed(answered.engine, trainer, answered.scan.id, FIRST, 3, version=0)


def test_notes_are_listed_by_text_not_in_the_order_of_the_codes(answered):
    at = open_app(answered.coordinator, "bespreken")
    quoted = [t.value for t in at.text if t.value.startswith("“")]
    assert quoted != [f"“{n}”" for n in NOTES]
    assert quoted == ["“alfa”", "“Bravo”", "“echo: zo doen we het”"]


def test_a_scan_of_fewer_than_three_respondents_warns_on_bespreken_and_resultaten(school):
    for code, value in zip(school.respondents[:2], (0, 3), strict=True):
        access = store.resolve_code(school.engine, code)
        store.start_respondent(school.engine, access, None)
        store.save_answer(school.engine, access, FIRST, value)
    for page in ("bespreken", "resultaten"):
        at = open_app(school.coordinator, page)
        assert not at.exception
        [warning] = at.warning
        assert warning.value.startswith("Er deden 2 mensen mee, minder dan 3.")
        assert "niet anoniem" in warning.value


def test_after_settling_an_item_next_and_previous_return_to_it(answered):
    at = open_app(answered.coordinator, "bespreken")
    scan_id = answered.scan.id
    at.selectbox(key=f"agreed-{scan_id}-{FIRST}").set_value(2)
    button(at, "Afspraak opslaan").click().run()
    assert not at.exception
    assert shown_criterion(at) == label(FIRST)
    total = len(RUBRIC.criteria)
    assert at.segmented_control[0].options[:2] == [f"Te bespreken ({total - 2})", "Besproken (1)"]
    button(at, "Volgende").click().run()
    assert shown_criterion(at) == label(SECOND)
    assert any("Criterium 2 van" in m.value for m in at.markdown)
    button(at, "Vorige").click().run()
    assert shown_criterion(at) == label(FIRST)
