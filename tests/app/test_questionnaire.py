"""The questionnaire per role (``answered_by``), resuming, notes and submitting, on a test rubric."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessment import store
from assessment.ui.questionnaire_intro import ROLE
from tests.app.conftest import open_app
from tests.factories import make_scan, make_school, unused_codes

ROLES_RUBRIC = Path(__file__).parents[1] / "data" / "rubrics" / "roles"
# In the roles rubric a-v1 and b-b2 are for the directie only, a-b1 for directie and werkgroep.
TEACHER = ["a-v2", "a-b2", "b-v1", "b-v2", "b-b1"]
DIRECTIE = ["a-v1", "a-v2", "a-b1", "a-b2", "b-v1", "b-v2", "b-b1", "b-b2"]


@pytest.fixture
def scan(database, monkeypatch):
    """An open scan of the roles rubric; returns (scan, a function that issues a respondent code)."""
    monkeypatch.setenv("TSO_RUBRIC_DIR", str(ROLES_RUBRIC))
    opened = make_scan(database, make_school(database))

    def new_code() -> str:
        return unused_codes(database, opened, 1)[0].code

    return opened.scan, new_code


def markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def radios(at, scan_id: int) -> list[str]:
    prefix = f"answer-{scan_id}-"
    return [r.key.removeprefix(prefix) for r in at.radio if r.key.startswith(prefix)]


def button(at, label: str):
    return next(b for b in at.button if b.label == label)


def test_a_teacher_gets_fewer_questions_than_the_directie(scan):
    opened, new_code = scan
    at = open_app(new_code(), "vragenlijst")
    assert "Je krijgt 8 vragen. Dat duurt ongeveer 5 minuten." in markdown(at)
    at.multiselect(key=ROLE).set_value(["leerkracht"]).run()
    assert "Je krijgt 5 vragen." in markdown(at)
    at.multiselect(key=ROLE).set_value(["directie"]).run()
    assert "Je krijgt 8 vragen." in markdown(at)

    at.multiselect(key=ROLE).set_value(["leerkracht"]).run()
    button(at, "Beginnen").click().run()
    assert not at.exception
    assert radios(at, opened.id) == ["a-v2", "a-b2"]
    assert at.get("progress")[0].proto.text == "Thema 1 van 2 · 0 van 5 vragen beantwoord"
    button(at, "Volgend thema").click().run()
    assert radios(at, opened.id) == ["b-v1", "b-v2", "b-b1"]
    # The end counts only the teacher's own questions.
    assert "Er staan nog 5 vragen open:" in markdown(at)
    assert [e.label for e in at.expander] == ["Thema alfa · 2 open", "Thema beta · 3 open"]

    directie = open_app(new_code(), "vragenlijst")
    directie.multiselect(key=ROLE).set_value(["directie"]).run()
    button(directie, "Beginnen").click().run()
    assert radios(directie, opened.id) == DIRECTIE[:4]


def test_each_role_says_how_many_questions_and_how_long_and_several_get_the_union(scan, database):
    opened, new_code = scan
    code = new_code()
    at = open_app(code, "vragenlijst")
    roles = at.multiselect(key=ROLE)
    counts = next(c.value for c in at.caption if c.value.startswith("Zoveel vragen"))
    assert counts.splitlines()[1:] == [
        "- Directie: 8 vragen, ongeveer 5 minuten",
        "- TSO-werkgroep: 6 vragen, ongeveer 5 minuten",
        "- Leerkracht: 5 vragen, ongeveer 5 minuten",
        "- Intern begeleider / zorg: 5 vragen, ongeveer 5 minuten",
        "- Onderwijsondersteunend personeel: 5 vragen, ongeveer 5 minuten",
        "- Anders: 8 vragen, ongeveer 5 minuten",
    ]
    # leerkracht 5 + werkgroep's a-b1: 6 questions; the teacher role was chosen first
    roles.set_value(["leerkracht", "werkgroep"]).run()
    assert "Je krijgt 6 vragen. Dat duurt ongeveer 5 minuten." in markdown(at)
    button(at, "Beginnen").click().run()
    assert not at.exception
    assert radios(at, opened.id) == ["a-v2", "a-b1", "a-b2"]
    me = store.my_respondent(database, store.resolve_code(database, code))
    assert me.roles == ("leerkracht", "werkgroep") and me.role == "leerkracht"


def test_a_new_session_resumes_at_the_first_theme_with_an_open_question(scan, database):
    opened, new_code = scan
    code = new_code()
    teacher = store.resolve_code(database, code)
    store.start_respondent(database, teacher, "leerkracht")
    for criterion in ["a-v2", "a-b2"]:  # every alfa question a teacher gets; a-v1 stays open
        store.save_answer(database, teacher, criterion, 2)
    at = open_app(code, "vragenlijst")
    assert at.header[0].value == "Thema beta"
    assert at.get("progress")[0].proto.text == "Thema 2 van 2 · 2 van 5 vragen beantwoord"
    # The theme choice marks alfa as done: the directie-only question does not count.
    assert at.selectbox[0].options == ["1. Thema alfa ✓", "2. Thema beta (nog 3 open)"]


def test_submitting_needs_an_answer_and_a_confirmation_that_names_the_open_questions(scan):
    opened, new_code = scan
    at = open_app(new_code(), "vragenlijst")
    button(at, "Beginnen").click().run()
    button(at, "Volgend thema").click().run()
    assert button(at, "Versturen").disabled
    assert any("minstens één vraag" in c.value for c in at.caption)

    at.radio(key=f"answer-{opened.id}-b-v1").set_value(3).run()
    button(at, "Versturen").click().run()
    assert [w.value for w in at.warning][-1].startswith("Er staan nog 7 vragen open.")
    button(at, "Nog niet").click().run()
    assert not at.warning or "vragen open" not in at.warning[-1].value
    button(at, "Versturen").click().run()
    button(at, "Ja, versturen").click().run()
    assert not at.exception
    assert any("verstuurd" in s.value for s in at.success)
    assert not [b for b in at.button if b.label in ("Versturen", "Ja, versturen")]


def test_a_note_over_the_limit_stays_on_screen_with_a_dutch_message(scan, database):
    opened, new_code = scan
    code = new_code()
    at = open_app(code, "vragenlijst")
    button(at, "Beginnen").click().run()
    at.radio(key=f"answer-{opened.id}-a-v1").set_value(1).run()
    long_note = "Wij merken dat " + "x" * 2100
    at.text_area(key=f"note-{opened.id}-a-v1").input(long_note).run()
    assert not at.exception
    assert [e.value for e in at.error] == [
        "Je toelichting is 2.115 tekens lang; er passen er 2.000 in. "
        "Maak hem korter: hij is nog niet bewaard."
    ]
    assert at.text_area(key=f"note-{opened.id}-a-v1").value == long_note
    me = store.resolve_code(database, code)
    assert store.my_answers(database, me)["a-v1"].note == ""

    # Changing the answer meanwhile keeps the answer and does not lose the note on screen.
    at.radio(key=f"answer-{opened.id}-a-v1").set_value(2).run()
    assert store.my_answers(database, me)["a-v1"].value == 2
    assert at.text_area(key=f"note-{opened.id}-a-v1").value == long_note

    at.text_area(key=f"note-{opened.id}-a-v1").input("Het plan ligt er.")
    button(at, "Bewaar notitie").click().run()
    assert not at.error
    assert store.my_answers(database, me)["a-v1"].note == "Het plan ligt er."
    assert at.expander[0].label == "Toelichting ✓"


def test_english_only_when_chosen_and_then_for_the_whole_session(scan):
    opened, new_code = scan
    code = new_code()
    assert open_app(code, "vragenlijst").title[0].value == "Vragenlijst"
    at = open_app(code)
    at.segmented_control(key="language_choice").set_value("en").run()
    at.switch_page("pages/vragenlijst.py").run()
    assert "You get 8 questions. That takes about 5 minutes." in markdown(at)
    button(at, "Start").click().run()
    assert at.get("progress")[0].proto.text == "Theme 1 of 2 · 0 of 8 questions answered"
    at.switch_page("pages/start.py").run()
    at.switch_page("pages/vragenlijst.py").run()
    assert not at.exception
    assert at.title[0].value == "Questionnaire"
    assert [b.label for b in at.button if b.label.endswith("theme")] == ["Next theme"]


def test_two_tabs_of_one_respondent_keep_each_other_s_answer_and_note(scan, database):
    opened, new_code = scan
    code = new_code()
    me = store.resolve_code(database, code)
    answer, note = f"answer-{opened.id}-a-v1", f"note-{opened.id}-a-v1"
    first = open_app(code, "vragenlijst")
    button(first, "Beginnen").click().run()
    first.radio(key=answer).set_value(1).run()
    second = open_app(code, "vragenlijst")  # the same code in another tab
    assert second.radio(key=answer).value == 1

    # The second tab saves a note; the first, which never saw it, changes the answer.
    second.text_area(key=note).input("Het verslag van maart.")
    button(second, "Bewaar notitie").click().run()
    first.radio(key=answer).set_value(3).run()
    saved = store.my_answers(database, me)["a-v1"]
    assert (saved.value, saved.note) == (3, "Het verslag van maart.")
    assert first.text_area(key=note).value == "Het verslag van maart."  # now on screen here too

    # And the reverse: the first tab changes the answer, the second saves a note.
    first.radio(key=answer).set_value(0).run()
    second.text_area(key=note).input("Aangevuld na de teamvergadering.")
    button(second, "Bewaar notitie").click().run()
    saved = store.my_answers(database, me)["a-v1"]
    assert (saved.value, saved.note) == (0, "Aangevuld na de teamvergadering.")
    assert not first.exception and not second.exception
    assert not first.error and not second.error


def test_an_answer_taken_back_is_removed_without_an_error(scan, database):
    opened, new_code = scan
    code = new_code()
    me = store.resolve_code(database, code)
    answer = f"answer-{opened.id}-a-v1"
    at = open_app(code, "vragenlijst")
    button(at, "Beginnen").click().run()
    at.radio(key=answer).set_value(2).run()
    assert "a-v1" in store.my_answers(database, me)
    at.radio(key=answer).set_value(None).run()
    assert "a-v1" not in store.my_answers(database, me)
    assert not at.exception and not at.error
