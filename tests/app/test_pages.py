"""Every page opens for every role that may see it; other pages are not offered and not reachable."""

from __future__ import annotations

import pytest

from assessment.rubric import load_rubric
from tests.app.conftest import open_app

ALL_PAGES = [
    "start",
    "vragenlijst",
    "resultaten",
    "bespreken",
    "actieplan",
    "vergelijken",
    "beheer",
]
VISIBLE = {
    "respondent": ["start", "vragenlijst"],
    "coordinator": ["start", "vragenlijst", "resultaten", "bespreken", "actieplan", "beheer"],
    "trainer": ["start", "resultaten", "bespreken", "actieplan"],
    "board": ["start", "vergelijken"],
}


NO_ACCESS = "Deze pagina is er niet voor jouw code. Meld je aan met een andere code."
TITLES = {
    "start": "TSO Zelfscan",
    "vragenlijst": "Vragenlijst",
    "resultaten": "Resultaten",
    "bespreken": "Bespreken",
    "actieplan": "Actieplan",
    "vergelijken": "Scholen vergelijken",
    "beheer": "Beheer",
}


def code_for(school, role: str) -> str:
    return {
        "coordinator": school.coordinator,
        "trainer": school.trainer,
        "board": school.board,
        "respondent": school.respondents[0],
    }[role]


def test_the_start_page_without_a_code_offers_code_entry_and_the_demo(database):
    at = open_app()
    assert not at.exception
    assert at.title[0].value == "TSO Zelfscan"
    assert at.text_input[0].label == "Jouw code"
    assert any(button.label == "Probeer de demo" for button in at.button)


@pytest.mark.parametrize("role", list(VISIBLE))
@pytest.mark.parametrize("page", ALL_PAGES)
def test_each_role_opens_its_pages_and_no_others(school, role, page):
    if page in VISIBLE[role]:
        at = open_app(code_for(school, role), page)
        assert not at.exception, at.exception
        assert at.title[0].value.startswith(TITLES[page])
    else:  # registered but hidden: the page sends the user to the start page, in Dutch
        at = open_app(code_for(school, role), page)
        assert not at.exception, at.exception
        assert [t.value for t in at.title] == ["TSO Zelfscan"]
        assert [w.value for w in at.warning] == [NO_ACCESS]


def test_an_unknown_code_gets_a_friendly_message(database):
    at = open_app("dit-is-geen-code")
    assert not at.exception
    assert any("niet" in w.value.lower() for w in at.warning), [w.value for w in at.warning]


def test_a_revoked_code_opens_nothing(school):
    from assessment import store

    coordinator = store.resolve_code(school.engine, school.coordinator)
    code_id = store.resolve_code(school.engine, school.trainer).code_id
    store.revoke_code(school.engine, coordinator, code_id)
    at = open_app(school.trainer)
    assert [t.value for t in at.title] == ["TSO Zelfscan"]
    assert any("ingetrokken" in w.value for w in at.warning), [w.value for w in at.warning]


def test_the_respondent_is_offered_only_the_questionnaire(school):
    at = open_app(school.respondents[0])
    assert [link.label for link in at.get("page_link")] == ["Naar de vragenlijst"]
    at.switch_page("pages/resultaten.py").run()
    assert [t.value for t in at.title] == ["TSO Zelfscan"]
    assert [w.value for w in at.warning] == [NO_ACCESS]


def test_a_page_opened_without_a_code_asks_to_sign_in_first(database):
    at = open_app(page="beheer")
    assert [t.value for t in at.title] == ["TSO Zelfscan"]
    assert [w.value for w in at.warning] == [
        "Meld je eerst aan met je code; daarna kun je deze pagina openen."
    ]
    assert at.text_input[0].label == "Jouw code"


def test_the_trainer_cannot_edit_the_plan(school):
    at = open_app(school.trainer, "actieplan")
    assert not at.exception
    assert "alleen de coördinator" in at.info[0].value
    assert not at.get("arrow_data_frame") or all(b.label != "Plan opslaan" for b in at.button)
    assert not [b for b in at.button if b.label == "Toevoegen"]


def test_english_is_complete_through_the_language_switch(school):
    at = open_app(school.coordinator)
    at.segmented_control(key="language_choice").set_value("en").run()
    at.switch_page("pages/resultaten.py").run()
    assert not at.exception
    assert at.title[0].value == "Results OBS De Proeftuin"


def test_the_demo_shows_a_filled_results_page_with_two_scans(database):
    at = open_app()
    next(b for b in at.button if b.label == "Probeer de demo").click().run()
    at.switch_page("pages/resultaten.py").run()
    assert not at.exception
    import json

    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert [trace["type"] for trace in spec["data"]] == ["scatterpolar", "scatterpolar"]
    assert int(at.metric[0].value) >= 6


def test_a_closed_scan_is_read_only_for_respondents(school):
    from assessment import store

    respondent = store.resolve_code(school.engine, school.respondents[0])
    store.start_respondent(school.engine, respondent, "werkgroep")  # judges scan_criterion
    store.save_answer(school.engine, respondent, school.scan_criterion, 2, "eerder gegeven")
    store.close_scan(
        school.engine, store.resolve_code(school.engine, school.coordinator), school.scan.id
    )
    at = open_app(school.respondents[0], "vragenlijst")
    assert not at.exception
    assert any("gesloten" in info.value for info in at.info)
    radio = at.radio(key=f"answer-{school.scan.id}-{school.scan_criterion}")
    assert radio.value == 2 and radio.disabled
    assert not [b for b in at.button if b.label in ("Versturen", "Toch versturen")]


def test_the_board_sees_only_schools_that_share_and_no_notes(school):
    from assessment import store
    from tests.factories import make_scan, make_school

    board = store.get_board(school.engine, store.admin_access(), school.school.board_id)
    make_scan(school.engine, make_school(school.engine, name="OBS Niet Gedeeld", board=board))
    at = open_app(school.board, "vergelijken")
    assert not at.exception
    # The sharing school has only an open scan: listed as waiting, without any result.
    assert [t.value for t in at.text] == ["OBS De Proeftuin: nog geen afgesloten scan"]
    assert "OBS Niet Gedeeld" not in str([h.proto.body for h in at.get("html")])


def test_the_plan_table_saves_new_rows_and_refuses_a_row_without_a_title(school):
    from assessment import store

    coordinator = store.resolve_code(school.engine, school.coordinator)
    at = open_app(school.coordinator, "actieplan")
    editor_key = f"plan-{school.scan.id}"
    at.session_state[editor_key] = {
        "edited_rows": {},
        "added_rows": [
            {"title": "Studiedag <b>stress</b>", "theme": "draagvlak", "owner": "IB'er"},
            {"theme": "leiderschap"},
        ],
        "deleted_rows": [],
    }
    next(b for b in at.button if b.label == "Plan opslaan").click().run()
    assert not at.exception
    assert any("Regel 2: vul een actie in." in e.value for e in at.error)
    assert store.list_actions(school.engine, coordinator, school.scan.id) == []

    at.session_state[editor_key] = {
        "edited_rows": {},
        "added_rows": [
            {"title": "Studiedag <b>stress</b>", "theme": "draagvlak", "owner": "IB'er"}
        ],
        "deleted_rows": [],
    }
    next(b for b in at.button if b.label == "Plan opslaan").click().run()
    [action] = store.list_actions(school.engine, coordinator, school.scan.id)
    assert (action.title, action.theme, action.owner, action.status) == (
        "Studiedag <b>stress</b>",
        "draagvlak",
        "IB'er",
        "planned",
    )


def test_the_chosen_theme_survives_answering_and_a_page_switch(school):
    rubric = load_rubric()
    second = rubric.theme_list[1]
    at = open_app(school.respondents[0], "vragenlijst")
    next(b for b in at.button if b.label == "Beginnen").click().run()
    next(b for b in at.button if b.label == "Volgend thema").click().run()
    for criterion in second.criteria:  # completing the theme adds its ✓ to the choice
        at.radio(key=f"answer-{school.scan.id}-{criterion.id}").set_value(2).run()
    at.switch_page("pages/start.py").run()
    at.switch_page("pages/vragenlijst.py").run()
    assert not at.exception
    assert at.radio(key=f"answer-{school.scan.id}-{second.criteria[0].id}").value == 2


def test_a_coordinator_can_fill_in_the_questionnaire_too(school):
    from assessment import store

    at = open_app(school.coordinator, "vragenlijst")
    next(b for b in at.button if b.label == "Beginnen").click().run()
    at.radio(key=f"answer-{school.scan.id}-{school.scan_criterion}").set_value("dk").run()
    assert not at.exception
    coordinator = store.resolve_code(school.engine, school.coordinator)
    answers = store.my_answers(school.engine, coordinator, scan_id=school.scan.id)
    assert {c: a.value for c, a in answers.items()} == {school.scan_criterion: "dk"}


def test_a_code_revoked_on_beheer_opens_nothing_any_more(school):
    from assessment import store

    respondent_code_id = store.resolve_code(school.engine, school.respondents[0]).code_id
    at = open_app(school.coordinator, "beheer")
    at.multiselect[0].set_value([respondent_code_id]).run()
    next(b for b in at.button if b.label == "Intrekken").click().run()
    assert not at.exception
    assert any("Ingetrokken codes: 1." in s.value for s in at.success)
    with pytest.raises(store.CodeRefused):
        store.resolve_code(school.engine, school.respondents[0])
    store.resolve_code(school.engine, school.respondents[1])  # the others still work
