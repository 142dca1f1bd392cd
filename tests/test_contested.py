"""One order of contested items: Bespreken's agenda and the trainer's briefing agree, the most
colleagues on the smaller side of the phase bar first."""

from __future__ import annotations

from assessment.briefing import contested_items
from assessment.contested import most_contested_first
from assessment.discussion import agenda
from assessment.rubric import load_rubric
from assessment.scoring import score_scan
from tests.helpers import MINI_RUBRIC

MINI = load_rubric(MINI_RUBRIC)
ANSWERS = {
    "a-v1": [0, 3, 3, 3],  # one against three: the widest spread, the smallest camp
    "a-v2": [0, 0, 2, 2, 1, 3],  # three against three
    "b-v1": [1, 1, 2, 2],  # two against two, but a spread of 1: not contested
    "b-v2": [0, 1, 3, 3],  # two against two, spread 3
}


def test_the_most_colleagues_on_the_smaller_side_come_first_then_the_widest_spread():
    result = score_scan(MINI, ANSWERS)
    assert [i.id for i in most_contested_first(MINI, result.items.values())] == [
        "a-v2",  # 3 on the smaller side
        "b-v2",  # 2, half of the answers
        "a-v1",  # 1, though its spread is the widest
    ]


def test_bespreken_and_the_briefing_put_the_contested_items_in_the_same_order():
    result = score_scan(MINI, ANSWERS)
    meeting = [i.id for i in agenda(MINI, result, "all") if i.contested]
    briefing = [i.criterion for i in contested_items(MINI, result, {}, {}, False, "nl")]
    assert meeting == briefing == ["a-v2", "b-v2", "a-v1"]
