"""Notes written under a retired criterion id count for its successor, as its answers do."""

from assessment.retired_ids import notes_under_current_ids
from assessment.rubric import load_rubric


def test_notes_under_retired_ids_move_to_the_criterion_the_crosswalk_names():
    tso = load_rubric()
    notes = {
        "pro-beginkennis": ["Peiling in september."],
        "dra-gemeten": ["Ook motivatie gevraagd."],
        "dra-teampeiling": ["Uitslag besproken."],
        "pro-verdieping": ["Drie terugkommiddagen."],
    }
    assert notes_under_current_ids(tso, notes) == {
        "dra-teampeiling": [
            "Peiling in september.",
            "Ook motivatie gevraagd.",
            "Uitslag besproken.",
        ],
        "pro-verdieping": ["Drie terugkommiddagen."],
    }
