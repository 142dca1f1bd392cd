"""The ontwikkelkaart on the mini rubric: one state per theme × phase cell."""

from __future__ import annotations

from assessment.development_map import development_map, state_words
from assessment.rubric import load_rubric
from assessment.scoring import score_scan
from tests.helpers import MINI_RUBRIC

RUBRIC = load_rubric(MINI_RUBRIC)

# alfa: verkennen 1,0 (not complete: works on it), voorbereiden 1,0 (not reached yet);
# beta: verkennen 3,0 (complete), voorbereiden nobody answered (too little information).
ANSWERS = {"a-v1": [1], "a-v2": [1], "a-b1": [1], "a-b2": [1], "b-v1": [3], "b-v2": [3]}


def states(answers, agreed=None):
    rows = development_map(RUBRIC, score_scan(RUBRIC, answers, agreed))
    return {row.theme: [(cell.phase, cell.state, cell.mean) for cell in row.cells] for row in rows}


def test_each_cell_says_where_the_team_stands_with_the_phase_mean():
    assert states(ANSWERS) == {
        "alfa": [("verkennen", "working", 1.0), ("voorbereiden", "not_yet", 1.0)],
        "beta": [("verkennen", "done", 3.0), ("voorbereiden", "insufficient", None)],
    }


def test_a_working_phase_with_mostly_unknown_items_has_too_little_information():
    # alfa verkennen: a-v1 scored 1, a-v2 mostly "weet niet" -> 1 of 2 unknown is 50 %, still ok;
    # both unknown -> 100 % > 50 %: too little information, although the theme works on it
    assert states({"a-v1": [1], "a-v2": ["dk", "dk", 3]})["alfa"][0][1] == "working"
    assert states({"a-v1": ["dk"], "a-v2": ["dk"]})["alfa"][0][1] == "insufficient"


def test_a_later_phase_already_complete_shows_as_done_beside_the_gap():
    # alfa verkennen 1,0 (works on it) while voorbereiden scores 3,0: the foundation gap is visible
    assert [
        s for _, s, _ in states({"a-v1": [1], "a-v2": [1], "a-b1": [3], "a-b2": [3]})["alfa"]
    ] == [
        "working",
        "done",
    ]


def test_no_answers_at_all_gives_too_little_information_everywhere():
    assert {s for row in states({}).values() for _, s, _ in row} == {"insufficient"}


def test_a_complete_phase_with_unknown_items_is_provisional_and_says_how_many():
    # beta verkennen: b-v1 3, b-v2 nobody knows -> 1 of 2 unknown (50 %, the limit): complete
    rows = development_map(RUBRIC, score_scan(RUBRIC, {"b-v1": [3], "b-v2": ["dk"]}))
    cell = rows[1].cells[0]
    assert (cell.state, cell.mean, cell.unknown) == ("provisional", 3.0, 1)
    assert state_words("nl")(cell.state, cell.unknown) == "voorlopig afgerond (1 onbekend)"
    assert state_words("en")(cell.state, cell.unknown) == "provisionally complete (1 unknown)"
    assert state_words("nl")("provisional", 0) == "voorlopig afgerond"  # the legend
    assert state_words("nl")("done", 0) == "afgerond"
