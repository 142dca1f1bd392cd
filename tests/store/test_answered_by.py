"""The store keeps only answers a respondent's role may give (``answered_by``): a leerkracht who
sends an answer to a directie-only criterion (a tampered browser, an old tab after a change of
role) is refused in Dutch and nothing is stored, on both engines and on every save path."""

from __future__ import annotations

import copy

import pytest

from assessment import store
from assessment.i18n import t
from assessment.rubric import load_rubric
from tests.factories import add_respondent, make_scan, make_school
from tests.helpers import DATA

ROLES_RUBRIC = DATA / "rubrics" / "roles"
# In the roles rubric a-v1 and b-b2 are for the directie only, a-b1 for directie and werkgroep.


@pytest.fixture
def scan(engine):
    rubric = load_rubric(ROLES_RUBRIC)
    store.register_rubric(rubric)
    school = make_school(engine, name="OBS De Rollen", board="Stichting Rollen")
    opened = make_scan(engine, school, rubric=rubric)

    def respondent(role: str | None) -> store.Access:
        return add_respondent(engine, opened, role=role).access

    return engine, school.coordinator, opened.scan, respondent


def refused(call) -> store.InvalidInput:
    with pytest.raises(store.InvalidInput) as caught:
        call()
    return caught.value


def test_a_teacher_cannot_store_an_answer_to_a_directie_criterion(scan):
    engine, _coordinator, _opened, respondent = scan
    teacher = respondent("leerkracht")
    store.save_answer(engine, teacher, "a-v2", 2)  # hers: stored (and the scan's rubric known)
    for criterion in ("a-v1", "b-b2", "a-b1"):  # directie only; directie and werkgroep
        error = refused(lambda c=criterion: store.save_answer(engine, teacher, c, 3, "notitie"))
        assert error.key == "store.errors.not_for_role"
        message = t(error.key, "nl", **error.values)
        assert message.startswith("Deze vraag wordt niet gesteld aan collega’s met jouw functie")
    assert set(store.my_answers(engine, teacher)) == {"a-v2"}


def test_the_role_decides_per_criterion(scan):
    engine, _coordinator, _opened, respondent = scan
    werkgroep = respondent("werkgroep")
    store.save_answer(engine, werkgroep, "a-v2", 1)
    store.save_answer(engine, werkgroep, "a-b1", 2)  # directie and werkgroep
    assert refused(lambda: store.save_answer(engine, werkgroep, "a-v1", 2)).key == (
        "store.errors.not_for_role"
    )
    directie = respondent("directie")
    for criterion in ("a-v1", "a-b1", "b-b2", "a-v2"):
        store.save_answer(engine, directie, criterion, 3)
    assert set(store.my_answers(engine, directie)) == {"a-v1", "a-b1", "b-b2", "a-v2"}


@pytest.mark.parametrize("role", [None, "anders"])
def test_without_a_role_or_as_anders_every_criterion_may_be_answered(scan, role):
    engine, _coordinator, _opened, respondent = scan
    someone = respondent(role)
    for criterion in ("a-v2", "a-v1", "b-b2"):
        store.save_answer(engine, someone, criterion, 1)
    assert set(store.my_answers(engine, someone)) == {"a-v2", "a-v1", "b-b2"}


def test_a_respondent_who_changes_role_is_held_to_the_new_one(scan):
    engine, _coordinator, _opened, respondent = scan
    someone = respondent("directie")
    store.save_answer(engine, someone, "a-v1", 3)
    store.start_respondent(engine, someone, "leerkracht")
    assert refused(lambda: store.save_answer(engine, someone, "a-v1", 1)).key == (
        "store.errors.not_for_role"
    )
    assert store.my_answers(engine, someone)["a-v1"].value == 3  # the earlier answer stays


def test_a_coordinator_filling_in_is_held_to_the_role_chosen(scan):
    engine, coordinator, opened, _respondent = scan
    store.save_answer(engine, coordinator, "a-v1", 2, scan_id=opened.id)  # no role: anything
    store.start_respondent(engine, coordinator, "oop", scan_id=opened.id)
    store.save_answer(engine, coordinator, "a-v2", 2, scan_id=opened.id)
    error = refused(lambda: store.save_answer(engine, coordinator, "b-b2", 2, scan_id=opened.id))
    assert error.key == "store.errors.not_for_role"


def test_an_import_refuses_an_answer_the_respondents_roles_may_not_give(scan):
    engine, coordinator, opened, respondent = scan
    directie = respondent("directie")
    store.save_answer(engine, directie, "a-v1", 3)
    document = store.export_school(engine, store.admin_access(), opened.school_id)
    document["school"]["name"] = "OBS De Rollen II"  # beside the school it came from
    spoiled = copy.deepcopy(document)
    spoiled["scans"][0]["respondents"][0]["role"] = "leerkracht"  # a-v1 is the directie's
    with pytest.raises(store.ImportRefused) as caught:
        store.import_school(engine, store.admin_access(), spoiled)
    assert [key for key, _ in caught.value.problems] == ["store.import.not_for_role"]
    assert "a-v1" in t(*caught.value.problems[0][:1], "nl", **caught.value.problems[0][1])
    imported = store.import_school(engine, store.admin_access(), document)  # as exported: fine
    assert imported.name == "OBS De Rollen II"
