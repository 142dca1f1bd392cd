"""Which questions a respondent gets, how long they take, and where a respondent resumes."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessment.questions import Questions, estimated_minutes
from assessment.rubric import load_rubric

ROLES = load_rubric(Path(__file__).parent / "data" / "rubrics" / "roles")


@pytest.mark.parametrize(
    ("questions", "minutes"),
    [(1, 5), (8, 5), (22, 5), (23, 10), (51, 15), (52, 15), (53, 20), (60, 20)],
)
def test_the_time_is_20_seconds_a_question_rounded_half_up_to_5_minutes(questions, minutes):
    assert estimated_minutes(questions) == minutes


@pytest.mark.parametrize(
    ("role", "criteria"),
    [
        (None, ["a-v1", "a-v2", "a-b1", "a-b2", "b-v1", "b-v2", "b-b1", "b-b2"]),
        ("anders", ["a-v1", "a-v2", "a-b1", "a-b2", "b-v1", "b-v2", "b-b1", "b-b2"]),
        ("directie", ["a-v1", "a-v2", "a-b1", "a-b2", "b-v1", "b-v2", "b-b1", "b-b2"]),
        ("werkgroep", ["a-v2", "a-b1", "a-b2", "b-v1", "b-v2", "b-b1"]),
        ("leerkracht", ["a-v2", "a-b2", "b-v1", "b-v2", "b-b1"]),
    ],
)
def test_a_role_gets_only_the_criteria_it_can_judge(role, criteria):
    questions = Questions.for_role(ROLES, role)
    assert [c.id for c in questions.criteria] == criteria
    assert [c.id for c in ROLES.criteria_for_role(role)] == criteria


def test_counts_and_resuming_see_only_the_roles_own_questions():
    teacher = Questions.for_role(ROLES, "leerkracht")
    answered = {"a-v1", "a-v2", "a-b2"}  # a-v1 is not a teacher's question
    assert (teacher.answered(answered), teacher.open(answered)) == (2, 3)
    assert teacher.resume_at(answered) == 1
    assert teacher.resume_at(set()) == 0
    everything = {c.id for c in ROLES.criteria}
    assert teacher.resume_at(everything) == len(teacher.themes) - 1


def test_a_theme_without_a_question_for_the_role_is_left_out():
    alfa, beta = ROLES.theme_list
    directie_only = tuple(
        c.model_copy(update={"answered_by": ("directie",)}) for c in beta.criteria
    )
    rubric = ROLES.model_copy(
        update={"theme_list": (alfa, beta.model_copy(update={"criteria": directie_only}))}
    )
    assert [t.theme.id for t in Questions.for_role(rubric, "leerkracht").themes] == ["alfa"]
    assert [t.theme.id for t in Questions.for_role(rubric, "directie").themes] == ["alfa", "beta"]


def test_several_roles_get_the_union_of_what_each_may_judge():
    # the v3 test rubric: a-b5 is for the IB'er only, a-b6 for the schoolleiding and werkgroep
    rubric = load_rubric(Path(__file__).parent / "data" / "rubrics" / "v3")
    teacher = {c.id for c in rubric.criteria_for_role("leerkracht")}
    ib = {c.id for c in rubric.criteria_for_role("ib_zorg")}
    both = Questions.for_role(rubric, ["leerkracht", "ib_zorg"])
    assert {c.id for c in both.criteria} == teacher | ib == teacher | {"a-b5"}
    assert "a-b6" not in {c.id for c in both.criteria}
    assert [c.id for c in both.criteria] == [
        c.id for c in rubric.criteria if c.id in teacher | ib
    ]  # in rubric order, each once
    assert len(rubric.criteria_for_role(["leerkracht", "anders"])) == len(rubric.criteria)
