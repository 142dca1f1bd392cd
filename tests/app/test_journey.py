"""A working group's whole journey through the app, checked against the scoring rules."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from assessment import store
from assessment.i18n import number
from assessment.rubric import load_rubric
from assessment.scoring import score_scan
from tests.app.conftest import open_app
from tests.factories import make_school

RUBRIC = load_rubric()
THEME = "professionalisering"
# What each respondent answers for every criterion of THEME, by the criterion's phase.
ANSWERS_BY_PHASE = [
    {"verkennen": 3, "voorbereiden": 3, "uitvoeren": 3, "borgen": 3},
    {"verkennen": 2, "voorbereiden": 2, "uitvoeren": 2, "borgen": 2},
    {"verkennen": 2, "voorbereiden": 1, "uitvoeren": 0, "borgen": 0},
]


def results_table(at) -> dict[str, dict[str, str]]:
    frame = at.dataframe[0].value
    return {row["Thema"]: row for row in frame.to_dict("records")}


def test_coordinator_respondents_discussion_and_plan(database):
    made = make_school(database)
    school, coordinator = made.school, made.coordinator_code

    # The coordinator opens a scan and issues three respondent codes on Beheer.
    at = open_app(coordinator, "beheer")
    next(b for b in at.button if b.label == "Nieuwe scan openen").click().run()
    assert not at.exception
    [scan] = store.list_scans(database, store.resolve_code(database, coordinator), school.id)
    at.number_input[0].set_value(3)
    next(b for b in at.button if b.label == "Codes aanmaken").click().run()
    links = [c.value for c in at.code if c.value.startswith("http")]  # one block per colleague
    codes = [parse_qs(urlsplit(link).query)["code"][0] for link in links]
    assert len(codes) == 3

    # Three respondents answer every criterion of one theme with known values.
    theme = RUBRIC.theme(THEME)
    for code, by_phase in zip(codes, ANSWERS_BY_PHASE, strict=True):
        at = open_app(code, "vragenlijst")
        next(b for b in at.button if b.label == "Beginnen").click().run()
        for criterion in theme.criteria:
            at.radio(key=f"answer-{scan.id}-{criterion.id}").set_value(
                by_phase[criterion.phase]
            ).run()
        assert not at.exception

    expected = score_scan(
        RUBRIC, {c.id: [row[c.phase] for row in ANSWERS_BY_PHASE] for c in theme.criteria}
    ).theme(THEME)
    assert (
        expected.phase == "uitvoeren"
    )  # verkennen 2,3 and voorbereiden 2,0 complete; uitvoeren 1,7

    # Resultaten shows the readiness and phase that the scoring rules give.
    at = open_app(coordinator, "resultaten")
    row = results_table(at)["Professionalisering"]
    assert row["Gereedheid (0–100)"] == number(expected.readiness, "nl")
    assert row["Fase"] == "Uitvoeren"

    # An agreed value on Bespreken changes them: the team agrees on 3 for the Uitvoeren items.
    at = open_app(coordinator, "bespreken")
    at.segmented_control[0].set_value("all").run()
    uitvoeren = [c for c in theme.criteria if c.phase == "uitvoeren"]
    for criterion in uitvoeren:
        jump = next(s for s in at.selectbox if s.label == "Ga naar criterium")
        jump.set_value(criterion.id).run()
        at.selectbox(key=f"agreed-{scan.id}-{criterion.id}").set_value(3)
        next(b for b in at.button if b.label == "Afspraak opslaan").click().run()
        assert at.success[0].value.startswith("Opgeslagen.")
    assert not at.exception
    agreed = score_scan(
        RUBRIC,
        {c.id: [row[c.phase] for row in ANSWERS_BY_PHASE] for c in theme.criteria},
        {c.id: 3 for c in uitvoeren},
    ).theme(THEME)
    assert agreed.phase == "borgen" and agreed.readiness > expected.readiness
    at = open_app(coordinator, "resultaten")
    row = results_table(at)["Professionalisering"]
    assert row["Gereedheid (0–100)"] == number(agreed.readiness, "nl")
    assert row["Fase"] == "Borgen"

    # An action added on Actieplan is in the database.
    at = open_app(coordinator, "actieplan")
    next(b for b in at.button if b.label == "Toevoegen").click().run()
    assert not at.exception
    [action] = store.list_actions(database, store.resolve_code(database, coordinator), scan.id)
    assert action.status == "planned" and action.title
