"""What holds schools back, computed from a package read back: the criteria that keep a phase
open, the share of schools per phase per school year, the median time between phases; every
group of fewer than 5 schools left out."""

from __future__ import annotations

from assessment import store
from assessment.cli import main
from assessment.research.export import export_research
from assessment.research.figures import SCHOOL, compute_figures
from assessment.research.package import read_tables
from tests.helpers import MINI_RUBRIC

EXPLORING = ("a-v1", "a-v2", "b-v1", "b-v2")


def growing(year_index: int):
    """Year 0: everything 1 (both themes explore); year 1: exploring done, preparing 1;
    year 2: everything 3 (geborgd). a-v2 stays unknown in year 0 (all 'weet niet')."""

    def answer(colleague: int, criterion: str):
        if year_index == 0:
            return "dk" if criterion == "a-v2" else 1
        if year_index == 1:
            return 2 if criterion in EXPLORING else 1
        return 3

    return answer


def three_years(consortium, schools: int = 5):
    for number in range(schools):
        name = f"School {number}"
        consortium.school(name)
        for index, year in enumerate((2023, 2024, 2025)):
            consortium.scan(name, year, 5, growing(index))


def test_the_figures_of_an_exported_package(consortium, tmp_path):
    three_years(consortium)
    export_research(consortium.engine, store.admin_access(), consortium.rubric, tmp_path)
    figures = compute_figures(read_tables(tmp_path))
    assert (figures.schools, figures.scans) == (5, 15)

    holding = {(group.theme, group.phase): group for group in figures.holding_back}
    exploring = holding[("alfa", "verkennen")]
    assert exploring.schools == 5
    assert {(c.criterion, c.schools, c.share) for c in exploring.criteria} == {
        ("a-v1", 5, 1.0),
        ("a-v2", 5, 1.0),
    }
    assert [c.criterion for c in holding[("beta", "voorbereiden")].criteria] == ["b-b1", "b-b2"]

    shares = {(row.school_year, row.theme): dict(row.shares) for row in figures.phase_shares}
    assert shares[("2023-2024", SCHOOL)]["verkennen"] == 1.0
    assert shares[("2024-2025", "alfa")]["voorbereiden"] == 1.0
    assert shares[("2025-2026", "beta")]["geborgd"] == 1.0

    durations = {(d.theme, d.phase): d for d in figures.durations}
    assert (
        durations[("alfa", "verkennen")].median_years,
        durations[("alfa", "verkennen")].moved,
    ) == (1, 5)
    assert durations[("beta", "voorbereiden")].median_years == 1


def tables_of(schools: int) -> dict[str, list[dict[str, str]]]:
    """A package of ``schools`` schools, one scan each, theme alfa exploring, a-v1 holding."""
    scans = [
        {
            "scan": f"s{n}/2025-2026",
            "research_id": f"s{n}",
            "school_type": "bo",
            "school_year": "2025-2026",
            "respondents": "5",
            "rubric_version": "1",
            "school_phase": "verkennen",
        }
        for n in range(schools)
    ]
    return {
        "scans": scans,
        "themes": [{"scan": s["scan"], "theme": "alfa", "phase": "verkennen"} for s in scans],
        "theme_phases": [
            {"scan": s["scan"], "theme": "alfa", "phase": p}
            for s in scans
            for p in ("verkennen", "voorbereiden")
        ],
        "criteria": [{"scan": s["scan"], "criterion": "a-v1", "holds_open": "true"} for s in scans],
        "rubric": [
            {
                "criterion": "a-v1",
                "theme": "alfa",
                "phase": "verkennen",
                "label_nl": "een",
                "label_en": "one",
            }
        ],
        "crosswalk": [],
    }


def test_a_group_of_four_schools_shows_no_figure():
    four = compute_figures(tables_of(4))
    assert (four.holding_back, four.phase_shares, four.durations) == ((), (), ())
    five = compute_figures(tables_of(5))
    assert five.holding_back[0].criteria[0].share == 1.0
    assert {row.theme for row in five.phase_shares} == {SCHOOL, "alfa"}


def test_the_command_line_exports_and_prints_the_figures(
    consortium, database_url, tmp_path, monkeypatch, capsys
):
    three_years(consortium)
    monkeypatch.setenv("TSO_DATABASE_URL", database_url)
    package = tmp_path / "pakket"
    assert main(["research", "export", str(package), "--rubric", str(MINI_RUBRIC)]) == 0
    assert "15 scans van 5 scholen" in capsys.readouterr().out
    assert main(["research", "figures", str(package), "--rubric", str(MINI_RUBRIC)]) == 0
    out = capsys.readouterr().out
    assert "Thema alfa · Verkennen (5 scholen)" in out
    assert "100% van de scholen: alfa verkennen één" in out
    assert "mediaan 1,0 schooljaar" in out


def test_the_command_line_refuses_a_directory_without_a_package(tmp_path, capsys):
    assert main(["research", "figures", str(tmp_path)]) == 2
    assert "datapackage.json ontbreekt" in capsys.readouterr().err


def test_the_operator_sets_a_school_type_from_the_command_line(
    consortium, database_url, monkeypatch, capsys
):
    access = consortium.school("Zonder", None, opt_in=False)
    monkeypatch.setenv("TSO_DATABASE_URL", database_url)
    assert main(["research", "school-type", str(access.school_id), "sbo"]) == 0
    assert main(["research", "consent", str(access.school_id), "on"]) == 0
    from assessment.store.research_consent import research_consent

    consent = research_consent(consortium.engine, access, access.school_id)
    assert (consent.school_type, consent.opted_in) == ("sbo", True)
