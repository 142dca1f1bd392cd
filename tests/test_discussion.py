"""Bespreken's agenda: order, filters and stepping through it."""

from __future__ import annotations

import pytest

from assessment.discussion import agenda, counts, discussed, kind, step
from assessment.rubric import load_rubric
from assessment.scoring import score_scan
from tests.helpers import MINI_RUBRIC


@pytest.fixture(scope="module")
def mini():
    return load_rubric(MINI_RUBRIC)


ANSWERS = {
    "a-v1": [0, 1, 2, 3],  # contested, range 3
    "a-v2": [2, 2, 2],  # agreed on, nothing to discuss
    "a-b1": ["dk", "dk", 1],  # unknown
    "a-b2": [0, 2, 2, 1],  # contested, range 2
    "b-v1": [0, 3, 3, 0],  # contested, range 3
    "b-v2": [2, 2],
    "b-b1": [3, 3],
    "b-b2": [1, 1],
}


def ids(items):
    return [i.id for i in items]


def test_contested_first_widest_spread_first_then_unknown_then_the_rest(mini):
    result = score_scan(mini, ANSWERS)
    everything = agenda(mini, result, "all")
    assert ids(everything)[:4] == ["a-v1", "b-v1", "a-b2", "a-b1"]
    assert [kind(i) for i in everything[:4]] == ["contested"] * 3 + ["unknown"]
    assert set(ids(everything)) == set(result.items)
    assert kind(result.items["a-v2"]) == "other"


def test_te_bespreken_leaves_out_the_rest_and_every_agreed_item(mini):
    result = score_scan(mini, ANSWERS, {"b-v1": 1, "a-v2": 2, "a-b1": "dk"})
    assert ids(agenda(mini, result, "open")) == ["a-v1", "a-b2"]
    assert ids(agenda(mini, result, "done")) == ["b-v1", "a-b1", "a-v2"]
    assert discussed(result.items["a-b1"])  # "weet niet" agreed: discussed, to find out
    assert counts(mini, result) == {"open": 2, "done": 3, "all": len(result.items)}


def test_the_item_on_screen_keeps_its_place_after_it_was_agreed_on(mini):
    result = score_scan(mini, ANSWERS, {"b-v1": 1})
    assert ids(agenda(mini, result, "open", keep={"b-v1"})) == ["a-v1", "b-v1", "a-b2", "a-b1"]
    assert ids(agenda(mini, result, "open", keep={"a-v1"})) == ["a-v1", "a-b2", "a-b1"]


def test_stepping_stops_at_both_ends_and_starts_over_for_a_missing_id():
    order = ["a", "b", "c"]
    assert step(order, "b", 1) == "c" and step(order, "b", -1) == "a"
    assert step(order, "c", 1) is None and step(order, "a", -1) is None
    assert step(order, "x", 1) == "a" and step([], "x", 1) is None
