"""The privacy rules for showing respondents: group sizes and the order of answers and notes."""

from __future__ import annotations

from assessment.respondents import (
    answers_in_anonymous_order,
    notes_in_anonymous_order,
    visible_role_counts,
)


def test_roles_under_the_minimum_are_counted_with_the_rest():
    roles = ["werkgroep"] * 4 + ["leerkracht"] * 5 + [None] * 3 + ["directie"]
    assert visible_role_counts(roles, 3) == ({"werkgroep": 4, "leerkracht": 5}, 4)


def test_a_rest_under_the_minimum_takes_in_the_smallest_shown_role():
    # "werkgroep: 5, leerkracht: 3, overige: 1" would show the one director apart
    roles = ["werkgroep"] * 5 + ["leerkracht"] * 3 + ["directie"]
    assert visible_role_counts(roles, 3) == ({"werkgroep": 5}, 4)
    # with no shown role left, everyone is the rest (the total, which is shown anyway)
    assert visible_role_counts(["werkgroep"] * 3 + ["directie"], 3) == ({}, 4)


def test_groups_that_are_all_large_enough_are_all_shown():
    roles = ["werkgroep"] * 3 + ["directie"] * 3
    assert visible_role_counts(roles, 3) == ({"directie": 3, "werkgroep": 3}, 0)


def test_notes_are_sorted_by_text_ignoring_case():
    assert notes_in_anonymous_order(["echo", "Delta", "charlie", "Alfa", "bravo"]) == [
        "Alfa",
        "bravo",
        "charlie",
        "Delta",
        "echo",
    ]


def test_answers_are_sorted_by_value_then_dont_know_then_not_applicable():
    assert answers_in_anonymous_order(["na", 3, "dk", 0, 2, "dk"]) == [0, 2, 3, "dk", "dk", "na"]
