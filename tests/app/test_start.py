"""The start page after sign-in: the school's name and the role's next steps; for a coordinator
a checklist ticked off from what the database holds."""

from __future__ import annotations

import datetime as dt

from assessment import store
from tests.app.conftest import open_app
from tests.factories import make_school


def checklist(at) -> list[str]:
    [steps] = [m.value for m in at.markdown if "1. " in m.value]
    return steps.split("  \n")


def links(at) -> list[str]:
    return [link.label for link in at.get("page_link")]


def next_step(at) -> str:
    [button] = [b for b in at.button if b.proto.type == "primary"]
    return button.label


def test_a_new_coordinator_gets_six_steps_to_do_and_is_sent_to_beheer(database):
    code = make_school(database, name="OBS Het Begin", board="Stichting Nieuw").coordinator_code
    at = open_app(code)
    assert not at.exception
    assert [s.value for s in at.header] == ["OBS Het Begin", "Stappenplan"]
    assert checklist(at) == [
        ":material/radio_button_unchecked: 1. Open een scan: nog te doen",
        ":material/radio_button_unchecked: 2. Informeer de MR (medezeggenschapsraad): nog te doen",
        ":material/radio_button_unchecked: 3. Deel de codes uit aan je collega's: nog te doen",
        ":material/radio_button_unchecked: 4. Wacht op de antwoorden: nog te doen",
        ":material/radio_button_unchecked: 5. Bespreek de verschillen en leg samen een score"
        " vast: nog te doen",
        ":material/radio_button_unchecked: 6. Maak het actieplan: nog te doen",
    ]
    assert next_step(at) == "Naar Beheer om een scan te openen"
    next(b for b in at.button if b.label == next_step(at)).click().run()
    assert [t.value for t in at.title] == ["Beheer"]


def test_the_ticks_follow_the_scan_from_mr_and_codes_to_answers_to_agreed_values_and_plan(school):
    at = open_app(school.coordinator)
    steps = checklist(at)
    assert steps[0].startswith(":green[:material/check_circle:] **1. Open een scan**: gedaan.")
    assert "2026\\-2027 \\(open\\)" in steps[0]
    assert steps[1].endswith("2. Informeer de MR (medezeggenschapsraad): nog te doen")
    assert steps[2].endswith("gedaan. Codes uitgedeeld: 3.")
    assert next_step(at) == "Naar Beheer om de MR te informeren"

    engine = school.engine
    coordinator = store.resolve_code(engine, school.coordinator)
    store.set_mr_informed(engine, coordinator, school.scan.id, True, today=dt.date(2026, 9, 14))
    at = open_app(school.coordinator)
    steps = checklist(at)
    assert steps[1].endswith("gedaan. Aangevinkt op 14 sep 2026.")
    assert steps[3].endswith("Wacht op de antwoorden: nog te doen")
    assert next_step(at) == "Naar Resultaten om te zien hoeveel collega's al meededen"

    respondent = store.resolve_code(engine, school.respondents[0])
    store.start_respondent(engine, respondent, None)
    store.save_answer(engine, respondent, school.scan_criterion, 2)
    store.submit(engine, respondent)
    steps = checklist(open_app(school.coordinator))
    assert steps[3].endswith("gedaan. Begonnen: 1, verstuurd: 1.")
    assert steps[4].endswith("nog te doen")

    store.set_agreed(engine, coordinator, school.scan.id, school.scan_criterion, 2, "", version=0)
    store.add_action(engine, coordinator, school.scan.id, "professionalisering", "Studiedag")
    at = open_app(school.coordinator)
    steps = checklist(at)
    assert steps[4].endswith("gedaan. Gezamenlijke scores: 1.")
    assert steps[5].endswith("gedaan. Acties in het plan: 1.")
    assert next_step(at) == "Alles gedaan. Bekijk de resultaten"


def test_other_roles_get_the_school_and_one_line_of_what_to_do(school):
    expected = {
        school.respondents[0]: ("OBS De Proeftuin", "Naar de vragenlijst"),
        school.trainer: ("OBS De Proeftuin", "Naar de briefing"),
        school.board: ("Stichting Proef", "Scholen vergelijken"),
    }
    for code, (name, link) in expected.items():
        at = open_app(code)
        assert not at.exception
        assert [s.value for s in at.header] == [name]
        assert len(at.success) == 1 and at.success[0].value.startswith("Welkom!")
        assert links(at) == [link]
        assert not [m for m in at.markdown if "1. " in m.value]


def test_the_checklist_is_complete_in_english(school):
    at = open_app(school.coordinator)
    at.segmented_control(key="language_choice").set_value("en").run()
    assert "Step by step" in [s.value for s in at.header]
    assert checklist(at)[2].endswith("done. Codes handed out: 3.")
