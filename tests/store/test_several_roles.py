"""A respondent with several roles: the questions of every role, counted once in the first role
chosen wherever respondents are broken down by role; export and import keep the roles."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import delete

from assessment import store
from assessment.store.tables import ALL_TABLES


def test_roles_are_kept_in_the_order_chosen_without_repeats(world):
    me = world.access["respondent"]
    started = store.start_respondent(world.engine, me, ["leerkracht", "ib_zorg", "leerkracht"])
    assert started.role == "leerkracht" and started.roles == ("leerkracht", "ib_zorg")
    assert store.my_respondent(world.engine, me).roles == ("leerkracht", "ib_zorg")
    assert store.start_respondent(world.engine, me, "oop").roles == ("oop",)
    assert store.start_respondent(world.engine, me, []).roles == ()
    with pytest.raises(store.InvalidInput) as refused:
        store.start_respondent(world.engine, me, ["leerkracht", "conciërge"])
    assert refused.value.key == "store.errors.bad_respondent_role"
    assert store.my_respondent(world.engine, me).roles == ()  # nothing of a refused choice


def test_a_respondent_with_two_roles_counts_once_in_the_first_role(world):
    # the world's two respondents of this scan started as leerkracht; one becomes
    # leerkracht + ib_zorg, the other ib_zorg + leerkracht
    first, second = (
        world.access["respondent"],
        store.resolve_code(
            world.engine,
            store.issue_code(
                world.engine, world.access["coordinator"], "respondent", scan_id=world.scan.id
            ).code,
        ),
    )
    store.start_respondent(world.engine, first, ["leerkracht", "ib_zorg"])
    store.start_respondent(world.engine, second, ["ib_zorg", "leerkracht"])
    coordinator = world.access["coordinator"]
    view = store.results_view(world.engine, coordinator, world.school.id, world.scan.id)
    assert sorted(view.started_roles, key=str) == ["ib_zorg", "leerkracht", "leerkracht"]
    data = store.scan_data(world.engine, coordinator, world.scan.id)
    assert sorted(r.role for r in data.respondents) == ["ib_zorg", "leerkracht", "leerkracht"]


def test_export_and_import_carry_every_role(world):
    me, admin = world.access["respondent"], store.admin_access()
    store.start_respondent(world.engine, me, ["leerkracht", "ib_zorg", "werkgroep"])
    exported = store.export_school(world.engine, admin, world.school.id)
    respondents = [r for scan in exported["scans"] for r in scan["respondents"]]
    assert {"role": "leerkracht", "other_roles": ["ib_zorg", "werkgroep"]}.items() <= next(
        r for r in respondents if r["other_roles"]
    ).items()
    with world.engine.begin() as connection:
        for table in ALL_TABLES:
            connection.execute(delete(table))
    school = store.import_school(world.engine, admin, json.loads(json.dumps(exported)))
    assert store.export_school(world.engine, admin, school.id) == exported


def test_an_export_from_before_several_roles_imports_with_one_role(world):
    admin = store.admin_access()
    exported = store.export_school(world.engine, admin, world.school.id)
    for scan in exported["scans"]:
        for respondent in scan["respondents"]:
            del respondent["other_roles"]
    exported["school"]["name"] = "OBS A van vroeger"
    school = store.import_school(world.engine, admin, exported)
    again = store.export_school(world.engine, admin, school.id)
    assert {r["other_roles"] == [] for s in again["scans"] for r in s["respondents"]} == {True}


def test_an_unknown_further_role_refuses_the_import(world):
    admin = store.admin_access()
    exported = store.export_school(world.engine, admin, world.school.id)
    exported["school"]["name"] = "OBS A van vroeger"
    exported["scans"][1]["respondents"][0]["other_roles"] = ["ib_zorg", "conciërge"]
    with pytest.raises(store.ImportRefused) as refused:
        store.import_school(world.engine, admin, exported)
    assert any(
        key == "store.import.bad_role" and "other_roles[1]" in values["path"]
        for key, values in refused.value.problems
    )
