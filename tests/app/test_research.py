"""Beheer's "Meedoen aan onderzoek" and the operator's research page."""

from __future__ import annotations

from assessment import store
from assessment.research.dataset import build_dataset
from assessment.research.export import export_research
from assessment.research.package import write_package
from assessment.rubric import load_rubric
from assessment.store.research_consent import research_consent
from assessment.store.research_scans import ResearchScan
from tests.app.conftest import open_app


def consent_of(school):
    access = store.resolve_code(school.engine, school.coordinator)
    return research_consent(school.engine, access, school.school.id)


def test_the_coordinator_reads_what_goes_out_sets_the_type_and_opts_in_and_out(school):
    at = open_app(school.coordinator, "beheer")
    text = " ".join(m.value for m in at.markdown)
    assert "een willekeurig onderzoeksnummer in plaats van de naam van de school" in text
    assert "namen, toelichtingen, het actieplan, tijden" in text
    toggle = at.toggle(key="research_opt_in")
    assert toggle.label == "Meedoen aan het onderzoek van het TSO-consortium" and not toggle.value
    at.selectbox(key="research_school_type").set_value("sbo").run()
    assert consent_of(school).school_type == "sbo"
    at.toggle(key="research_opt_in").set_value(True).run()
    assert not at.exception
    first = consent_of(school)
    assert first.opted_in and first.research_id
    assert "Jullie school doet nu mee aan het onderzoek." in [s.value for s in at.success]
    at.toggle(key="research_opt_in").set_value(False).run()
    assert consent_of(school).research_id is None
    assert any("niet in de volgende export" in s.value for s in at.success)
    log = store.school_log(
        school.engine, store.resolve_code(school.engine, school.coordinator), school.school.id
    )
    assert [e.action for e in log.events][:3] == [
        "research_consent",
        "research_consent",
        "school_type_set",
    ]


def test_without_the_setting_the_research_page_says_how_to_make_it_work(database, monkeypatch):
    monkeypatch.delenv("TSO_RESEARCH_DIR", raising=False)
    at = open_app(None, "onderzoek")
    assert at.title[0].value == "Onderzoek: wat scholen tegenhoudt"
    assert "TSO_RESEARCH_DIR" in at.info[0].value


def test_the_research_page_shows_the_figures_of_the_package(school, tmp_path, monkeypatch):
    package = tmp_path / "pakket"
    export_research(school.engine, store.admin_access(), load_rubric(), package)
    monkeypatch.setenv("TSO_RESEARCH_DIR", str(package))
    at = open_app(None, "onderzoek")
    assert not at.exception
    assert "0 scans van 0 scholen" in at.caption[0].value
    assert [h.value for h in at.header] == [
        "Wat een fase het vaakst openhoudt",
        "Scholen per fase per schooljaar",
        "Hoe lang een fase duurt",
    ]
    assert all("minstens 5 scholen" in i.value for i in at.info)


def test_the_research_page_shows_what_holds_schools_back(database, tmp_path, monkeypatch):
    rubric = load_rubric()
    scans = [
        ResearchScan(
            f"school{number}",
            "bo",
            f"{year}-{year + 1}",
            6,
            rubric.id,
            rubric.version,
            rubric.content_hash,
            {c.id: [1 if year == 2024 else 2] * 6 for c in rubric.criteria},
            {},
        )
        for number in range(6)
        for year in (2024, 2025)
    ]
    package = tmp_path / "pakket"
    write_package(build_dataset(rubric, scans), package, "tso")
    monkeypatch.setenv("TSO_RESEARCH_DIR", str(package))
    at = open_app(None, "onderzoek")
    assert not at.exception
    assert "12 scans van 6 scholen" in at.caption[0].value
    groups = [h.value for h in at.subheader]
    assert [t.label for t in at.tabs][:2] == ["Professionalisering", "Implementatieplanning"]
    assert groups[0] == "Verkennen (6 scholen)"
    tables = [m.value for m in at.markdown if m.value.startswith("| Criterium")]
    assert "| 100% |" in tables[0]
    durations = next(m.value for m in at.markdown if m.value.startswith("| Fase | Mediaan"))
    assert "| 1,0 | 6 | 0 |" in durations


def test_a_folder_without_a_package_is_told_in_dutch(database, tmp_path, monkeypatch):
    monkeypatch.setenv("TSO_RESEARCH_DIR", str(tmp_path))
    at = open_app(None, "onderzoek")
    assert not at.exception
    assert "datapackage.json ontbreekt" in at.error[0].value
