"""Answers and notes are shown in an order that says nothing about who gave them."""

from __future__ import annotations

from assessment.respondents import answers_in_anonymous_order, notes_in_anonymous_order


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
