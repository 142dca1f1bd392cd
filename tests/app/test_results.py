"""Resultaten: the school's name in the title, no verdict without answers, the ontwikkelkaart beside
the radar, and a way to Bespreken."""

from __future__ import annotations

from assessment import store
from assessment.rubric import load_rubric
from assessment.scoring import score_scan
from tests.app.conftest import open_app
from tests.factories import make_scan, make_school
from tests.helpers import DATA


def answer_everything(school, values):
    rubric = load_rubric()
    for code, value in zip(school.respondents, values, strict=True):
        access = store.resolve_code(school.engine, code)
        store.start_respondent(school.engine, access, None)
        for criterion in rubric.criteria:
            store.save_answer(school.engine, access, criterion.id, value)


def html_text(at) -> str:
    return "".join(element.proto.body for element in at.get("html"))


def test_a_scan_without_answers_says_so_and_gives_no_phase(school):
    at = open_app(school.coordinator, "resultaten")
    assert not at.exception
    assert at.title[0].value == "Resultaten OBS De Proeftuin"
    assert any("Nog geen antwoorden" in info.value for info in at.info)
    assert not at.metric  # no "Fase van de school: Verkennen" for a scan nobody answered
    assert "Ontwikkelkaart" not in [h.value for h in at.header]


def test_the_development_map_shows_where_each_theme_stands(school):
    answer_everything(school, [3, 3, 2])  # every item 2,7: every phase complete
    at = open_app(school.coordinator, "resultaten")
    assert not at.exception
    assert "Ontwikkelkaart" in [h.value for h in at.header]
    shown = html_text(at)
    assert shown.count('class="done"') == 5 * 4
    assert "afgerond" in shown and "2,7" in shown
    assert [m.value for m in at.metric][-1] == "Geborgd"


def test_coordinator_and_trainer_get_a_link_to_bespreken(school):
    answer_everything(school, [0, 1, 3])
    for code in (school.coordinator, school.trainer):  # the trainer reads it, read only
        at = open_app(code, "resultaten")
        assert not at.exception
        assert [link.label for link in at.get("page_link")] == ["Naar Bespreken"]


def test_a_scan_answered_under_2026_1_opens_through_the_crosswalk(school):
    # A scan of last year: its answers sit under dra-consistent, retired in 2026.2 into
    # pro-toepassing. Results page and PDF score it with today's rubric.
    from sqlalchemy import update

    from assessment.report import report_for_scan
    from assessment.store import tables as T
    from tests.report.helpers import Pdf

    answer_everything(school, [2, 2, 2])
    with school.engine.begin() as connection:
        connection.execute(
            update(T.answer)
            .where(T.answer.c.criterion == "pro-toepassing")
            .values(criterion="dra-consistent", score=0)
        )
        connection.execute(update(T.scan).values(rubric_version="2026.1"))
    coordinator = store.resolve_code(school.engine, school.coordinator)
    data = store.scan_data(school.engine, coordinator, school.scan.id)
    assert "dra-consistent" in data.answers and "pro-toepassing" not in data.answers
    assert score_scan(load_rubric(), data.answers).items["pro-toepassing"].value == 0.0
    at = open_app(school.coordinator, "resultaten")
    assert not at.exception
    assert "Ontwikkelkaart" in [h.value for h in at.header]
    pdf = Pdf(report_for_scan(school.engine, coordinator, school.scan.id))
    assert "Ontwikkelkaart" in pdf.pages[0]


def test_the_rubric_sources_are_listed_with_the_unread_ones_marked(school):
    answer_everything(school, [2, 2, 2])
    at = open_app(school.coordinator, "resultaten")
    sources = next(e for e in at.expander if e.label.startswith("Bronnen van de vragenlijst"))
    text = " ".join(m.value for m in sources.markdown)
    unread = [s for s in load_rubric().sources.values() if not s.checked]
    assert unread and text.count("nog niet ingezien") == len(unread)


def test_the_sources_say_per_criterion_whether_its_wording_is_our_own(school):
    answer_everything(school, [2, 2, 2])
    at = open_app(school.coordinator, "resultaten")
    sources = next(e for e in at.expander if e.label.startswith("Bronnen van de vragenlijst"))
    text = " ".join(m.value for m in sources.markdown)
    rubric = load_rubric()
    own = [c for c in rubric.criteria if not c.checked_against]
    assert text.count("Eigen formulering") == len(own)
    assert [h.value for h in sources.subheader] == ["Herkomst per criterium"]


V3_ANSWERS = {  # alfa: 3, 3, 1, 1 with the critical a-v4 at 1; beta: b-v2 nobody knows
    "a-v1": 3,
    "a-v2": 3,
    "a-v3": 1,
    "a-v4": 1,
    "b-v1": 3,
    "b-v2": "dk",
    "b-b1": 1,
    "b-b2": 1,
}


def test_a_provisional_phase_and_a_critical_item_holding_a_phase_open_show_on_resultaten(
    database, monkeypatch
):
    monkeypatch.setenv("TSO_RUBRIC_DIR", str(DATA / "rubrics" / "v3"))
    school = make_school(database, name="OBS De Kern")
    make_scan(database, school, answers=[V3_ANSWERS] * 3)
    at = open_app(school.coordinator_code, "resultaten")
    assert not at.exception
    assert "voorlopig afgerond (1 onbekend)" in html_text(at)
    shown = " ".join(line.value for line in at.text)
    assert "Verkennen is voorlopig afgerond: 1 van 2 criteria is nog onbekend." in shown
    assert "‘alfa verkennen vier’ is een kernpraktijk en scoort 1,0 (nodig 2,0)" in shown
    table = at.dataframe[0].value
    assert list(table["Voorlopig afgerond"]) == ["–", "Verkennen (1 onbekend)"]
    holding = " ".join(m.value for m in at.markdown)
    assert "Kernpraktijken die een fase openhouden" in holding
    assert (
        "- Thema alfa · Verkennen\\: ‘alfa verkennen vier’ is een kernpraktijk en scoort 1,0"
        in (
            holding  # markdown-escaped, as shown
        )
    )
