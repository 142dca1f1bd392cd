"""The tussenmeting on screen: opened from Beheer after showing its criteria, answered on the usual
questionnaire screens with its criteria only, and shown beside the yearly scan on Resultaten, in
the trend and beside the plan; never on the board's page."""

from __future__ import annotations

import json

from assessment import store
from tests import interim_school
from tests.app.conftest import open_app

SINCE = "**Implementatieplanning** Voorbereiden 1,6 → 2,1, nu afgerond"


def markdown_text(at) -> str:
    """The page's Markdown without the escapes that keep labels literal."""
    return "\n".join(m.value for m in at.markdown).replace("\\", "")


def html_text(at) -> str:
    return "".join(element.proto.body for element in at.get("html"))


def test_resultaten_shows_it_beside_the_yearly_scan(database):
    school = interim_school.build(database)
    at = open_app(school.coordinator_code, "resultaten")
    assert not at.exception
    assert "Tussenmeting sinds de jaarscan" in [h.value for h in at.header]
    shown = markdown_text(at)
    assert "Sinds de jaarscan 2025-2026:" in shown
    assert SINCE in shown
    assert "**Professionalisering** Borgen 1,6 → 1,7, nog niet afgerond" in shown
    assert "**Leiderschap** Voorbereiden (1 van 4 criteria) 3,0 → 3,0, deels gemeten" in shown
    cells = html_text(at)
    assert cells.count('class="not_measured"') == 5 * 4 - 3 - 1 and "niet gemeten" in cells
    assert cells.count('class="partly_measured"') == 1
    # The yearly scan stays the page's scan: the tussenmeting is no choice of its own.
    assert not at.selectbox or all("Tussenmeting" not in o for o in at.selectbox[0].options)


def test_a_tussenmeting_of_two_shows_only_how_many_answered(database):
    school = interim_school.build(database, answered=2)
    at = open_app(school.coordinator_code, "resultaten")
    assert not at.exception
    assert any("2 van minimaal 3" in info.value for info in at.info)
    assert "Sinds de jaarscan" not in markdown_text(at)


def test_the_trend_marks_it_as_a_tussenmeting(database):
    school = interim_school.build(database, earlier_years=2)
    at = open_app(school.coordinator_code, "resultaten")
    assert not at.exception
    assert "Gereedheid door de jaren" in [h.value for h in at.header]
    trend = json.loads(at.get("plotly_chart")[-1].proto.spec)
    assert trend["data"][0]["x"] == [
        "2022-2023",
        "2023-2024",
        "2025-2026",
        "Tussenmeting maart",  # its name says what it is; another name is marked
    ]
    implementatieplanning = trend["data"][1]["y"]
    assert implementatieplanning[3] > implementatieplanning[2]  # Voorbereiden moved up


def test_the_plan_shows_how_its_linked_criteria_moved(database):
    school = interim_school.build(database)
    at = open_app(school.coordinator_code, "actieplan")
    assert not at.exception
    assert "Beweging sinds de jaarscan" in [h.value for h in at.subheader]
    table = at.dataframe[-1].value
    rows = {row["Actie"]: (row["Jaarscan"], row["Tussenmeting"]) for _, row in table.iterrows()}
    assert rows == {"Actie imp-plan": ("1,6", "2,3"), "Actie lei-visie": ("3,0", "3,0")}


def test_the_board_page_does_not_show_it(database):
    school = interim_school.build(database)
    store.close_scan(database, school.coordinator, school.interim.id)
    at = open_app(school.board_code, "vergelijken")
    assert not at.exception
    everything = json.dumps([str(element.proto) for element in at.main])
    assert "2025-2026" in everything and "Tussenmeting" not in everything


def test_the_questionnaire_offers_only_its_criteria(database):
    school = interim_school.build(database, answered=0)
    code = store.issue_code(database, school.coordinator, "respondent", scan_id=school.interim.id)
    at = open_app(code.code, "vragenlijst")
    assert not at.exception
    assert any("12 vragen" in m.value for m in at.markdown)
    assert not at.multiselect  # no role to choose: the working group answers
    next(b for b in at.button if b.label == "Beginnen").click().run()
    assert not at.exception
    progress = at.get("progress")[0].proto.text
    assert "0 van 12 vragen" in progress
    asked = set(school.criteria)
    on_screen = {radio.key.split("-", 2)[2] for radio in at.radio}
    assert on_screen and on_screen <= asked


def test_beheer_shows_the_criteria_before_it_opens(database):
    school = interim_school.build(database, interim=False)
    at = open_app(school.coordinator_code, "beheer")
    assert not at.exception
    assert "Tussenmeting" in [h.value for h in at.subheader]
    next(b for b in at.button if b.label == "Tussenmeting voorbereiden").click().run()
    assert not at.exception
    listed = markdown_text(at)
    assert "Na de jaarscan **2025-2026**. Deze 12 criteria komen terug:" in listed
    assert "**Implementatieplanning** · Voorbereiden" in listed
    assert "*(in het actieplan)*" in listed
    next(b for b in at.button if b.label == "Open tussenmeting").click().run()
    assert not at.exception
    scans = store.list_scans(database, school.coordinator, school.school.id)
    assert [s.kind for s in scans] == ["tussenmeting", "jaarscan"]
    assert any("12 vragen" in s.value for s in at.success)
