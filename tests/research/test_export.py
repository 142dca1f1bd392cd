"""The research package: a valid Frictionless Data package of the closed yearly scans of schools
that opted in, with every small group left out and nothing that names a school or a person."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re

import pytest
from sqlalchemy import update

from assessment import store
from assessment.research.export import export_research
from assessment.research.package import validate_package
from assessment.store import tables as T
from assessment.store.research_consent import research_consent, set_research_consent
from assessment.store.retention import Retention, purge
from tests.research.conftest import NOTE, PLAN


def export(consortium, tmp_path):
    return export_research(
        consortium.engine, store.admin_access(), consortium.rubric, tmp_path / "package"
    )


def rows(tmp_path, table: str) -> list[dict[str, str]]:
    with (tmp_path / "package" / f"{table}.csv").open(encoding="utf-8") as file:
        return list(csv.DictReader(file))


def research_ids(tmp_path) -> set[str]:
    return {row["research_id"] for row in rows(tmp_path, "scans")}


def five_schools(consortium, prefix: str = "BO", school_type: str = "bo", year: int = 2025):
    for number in range(5):
        consortium.school(f"{prefix} {number}", school_type)
        consortium.scan(f"{prefix} {number}", year, 5)


def test_the_package_validates_with_frictionless(consortium, tmp_path):
    five_schools(consortium)
    summary = export(consortium, tmp_path)
    report = validate_package(tmp_path / "package")
    assert report.valid, report.flatten(["type", "note"])
    descriptor = json.loads(summary.descriptor.read_text(encoding="utf-8"))
    assert descriptor["licenses"] and descriptor["description"]
    names = {resource["name"] for resource in descriptor["resources"]}
    assert names == {"scans", "criteria", "themes", "theme_phases", "rubric", "crosswalk"}
    assert all(resource["schema"]["fields"] for resource in descriptor["resources"])
    assert (summary.scans, summary.schools) == (5, 5)


def test_a_school_that_did_not_opt_in_or_opted_out_is_absent(consortium, tmp_path):
    five_schools(consortium)
    consortium.school("Nooit", opt_in=False)
    consortium.scan("Nooit", 2025, 6)
    consortium.school("Gestopt")
    consortium.scan("Gestopt", 2025, 6)
    stopped = consortium.coordinators["Gestopt"]
    before = research_consent(consortium.engine, stopped, stopped.school_id).research_id
    set_research_consent(consortium.engine, stopped, stopped.school_id, False)
    export(consortium, tmp_path)
    assert len(research_ids(tmp_path)) == 5
    assert before not in research_ids(tmp_path)


def test_opting_in_again_gives_a_new_research_id(consortium):
    access = consortium.school("Terug")
    first = research_consent(consortium.engine, access, access.school_id)
    assert first.opted_in and len(first.research_id) == 16
    set_research_consent(consortium.engine, access, access.school_id, False)
    assert research_consent(consortium.engine, access, access.school_id).research_id is None
    again = set_research_consent(consortium.engine, access, access.school_id, True)
    assert again.research_id not in (None, first.research_id)


def test_a_scan_of_four_respondents_is_absent(consortium, tmp_path):
    five_schools(consortium)
    consortium.scan("BO 0", 2026, 4)
    export(consortium, tmp_path)
    assert {row["school_year"] for row in rows(tmp_path, "scans")} == {"2025-2026"}


def test_an_open_scan_is_absent(consortium, tmp_path):
    five_schools(consortium)
    consortium.scan("BO 0", 2026, 6, close=False)
    export(consortium, tmp_path)
    assert len(rows(tmp_path, "scans")) == 5


def test_a_criterion_scored_by_four_has_no_distribution(consortium, tmp_path):
    # One colleague of five does not know a-b2: four scored it.
    five_schools(consortium)
    consortium.school("Weet niet")
    consortium.scan(
        "Weet niet",
        2025,
        5,
        lambda colleague, criterion: "dk" if criterion == "a-b2" and colleague == 0 else 2,
    )
    export(consortium, tmp_path)
    scan = next(
        r["scan"]
        for r in rows(tmp_path, "scans")
        if r["research_id"] == own_id(consortium, "Weet niet")
    )
    by_criterion = {r["criterion"]: r for r in rows(tmp_path, "criteria") if r["scan"] == scan}
    hidden = by_criterion["a-b2"]
    assert hidden["distribution_published"] == "false"
    counts = (
        "scored",
        "answers_0",
        "answers_1",
        "answers_2",
        "answers_3",
        "answers_dk",
        "answers_na",
    )
    assert all(hidden[name] == "" for name in counts)
    assert hidden["value"] == "" and hidden["unknown"] == "true"  # counts as if nobody could judge
    shown = by_criterion["a-b1"]
    assert (shown["scored"], shown["answers_2"], shown["answers_dk"]) == ("5", "5", "0")


def own_id(consortium, name: str) -> str:
    access = consortium.coordinators[name]
    return research_consent(consortium.engine, access, access.school_id).research_id


def test_a_school_type_of_four_schools_in_a_year_is_not_published(consortium, tmp_path):
    five_schools(consortium)
    for number in range(4):
        consortium.school(f"SBO {number}", "sbo")
        consortium.scan(f"SBO {number}", 2025, 5)
    export(consortium, tmp_path)
    scans = rows(tmp_path, "scans")
    assert {row["school_type"] for row in scans} == {"bo"}
    assert len(scans) == 5


def test_small_types_and_unknown_types_merge_into_overig_from_five_schools(consortium, tmp_path):
    five_schools(consortium)
    for number in range(3):
        consortium.school(f"SO {number}", "so")
        consortium.scan(f"SO {number}", 2025, 5)
    for number in range(2):
        consortium.school(f"Zonder type {number}", None)
        consortium.scan(f"Zonder type {number}", 2025, 5)
    export(consortium, tmp_path)
    types = [row["school_type"] for row in rows(tmp_path, "scans")]
    assert sorted(types) == ["bo"] * 5 + ["overig"] * 5


def test_no_column_holds_a_name_a_note_a_plan_or_a_time(consortium, tmp_path):
    five_schools(consortium)
    export(consortium, tmp_path)
    package = tmp_path / "package"
    names = [*consortium.schools, consortium.board.name, "meester Karel"]
    forbidden = [NOTE, PLAN, *names]
    time_pattern = re.compile(r"\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2}")
    for path in package.glob("*.csv"):
        text = path.read_text(encoding="utf-8")
        for needle in forbidden:
            assert needle not in text, (path.name, needle)
        assert not time_pattern.search(text), path.name
        header = text.splitlines()[0]
        assert not re.search(r"name|note|title|owner|time|date|_at\b|role|brin|board", header)
    descriptor = (package / "datapackage.json").read_text(encoding="utf-8")
    assert not any(needle in descriptor for needle in forbidden)


def test_a_scan_whose_answers_the_retention_removed_still_counts_from_its_summary(
    consortium, tmp_path
):
    five_schools(consortium, year=2019)
    export(consortium, tmp_path / "before")
    with consortium.engine.begin() as connection:  # closed long ago
        connection.execute(update(T.scan).values(closed_at=dt.datetime(2020, 3, 1, tzinfo=dt.UTC)))
    removed = purge(consortium.engine, store.admin_access(), retention=Retention(5, 2))
    assert removed
    export(consortium, tmp_path)
    before = (tmp_path / "before" / "package" / "criteria.csv").read_text(encoding="utf-8")
    assert (tmp_path / "package" / "criteria.csv").read_text(encoding="utf-8") == before


def test_only_the_operator_exports(consortium, tmp_path):
    five_schools(consortium)
    with pytest.raises(store.AccessDenied):
        export_research(
            consortium.engine, consortium.coordinators["BO 0"], consortium.rubric, tmp_path
        )


def test_consent_and_export_are_in_the_audit_log(consortium, tmp_path):
    five_schools(consortium)
    access = consortium.coordinators["BO 0"]
    set_research_consent(consortium.engine, access, access.school_id, False)
    export(consortium, tmp_path)
    log = store.audit_log(consortium.engine, store.admin_access())
    school = [e for e in log if e.school_id == access.school_id and e.action == "research_consent"]
    assert [e.detail["share"] for e in school] == [0, 1]  # newest first
    exports = [e for e in log if e.action == "research_export"]
    assert exports and exports[0].detail["count"] == 4


def test_a_coordinator_changes_only_their_own_school(consortium):
    consortium.school("Eigen")
    other = consortium.school("Ander")
    with pytest.raises(store.AccessDenied):
        set_research_consent(
            consortium.engine, consortium.coordinators["Eigen"], other.school_id, True
        )


def test_writing_and_validating_a_package_leaves_the_csv_field_limit_of_the_answers_input(
    consortium, tmp_path
):
    before = csv.field_size_limit()
    five_schools(consortium)
    export(consortium, tmp_path)
    assert validate_package(tmp_path / "package").valid
    assert csv.field_size_limit() == before
