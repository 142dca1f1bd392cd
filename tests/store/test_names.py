"""Names are what people tell apart by eye: a board never gets two "OBS De Regenboog" that
differ by a character nobody sees. Invisible characters are refused in Dutch; white space and
Unicode composition are normalised before a name is compared or stored, on both engines."""

from __future__ import annotations

import unicodedata

import pytest

from assessment import store
from assessment.i18n import t

NAME = "OBS De Regenboog"
INVISIBLE = {
    "zero-width space": "\u200b",
    "zero-width non-joiner": "\u200c",
    "zero-width joiner": "\u200d",
    "word joiner": "\u2060",
    "byte-order mark": "\ufeff",
    "soft hyphen": "\u00ad",
    "Hangul filler": "\u3164",
}


@pytest.mark.parametrize("character", list(INVISIBLE.values()), ids=list(INVISIBLE))
def test_a_school_name_with_an_invisible_character_is_refused_in_dutch(world, character):
    admin = store.admin_access()
    store.create_school(world.engine, admin, world.board.id, NAME)
    with pytest.raises(store.InvalidInput) as refused:
        store.create_school(world.engine, admin, world.board.id, f"OBS De{character} Regenboog")
    assert refused.value.key == "store.errors.invisible_character"
    assert "onzichtbaar teken" in t(refused.value.key, "nl", **refused.value.values)
    names = [s.name for s in store.list_schools(world.engine, admin, world.board.id)]
    assert names.count(NAME) == 1 and len([n for n in names if "Regenboog" in n]) == 1


@pytest.mark.parametrize(
    "look_alike",
    [
        "OBS De\u00a0Regenboog",  # a non-breaking space
        "OBS  De Regenboog",  # two spaces
        " OBS De\tRegenboog ",
    ],
)
def test_a_name_with_other_white_space_is_the_same_school(world, look_alike):
    admin = store.admin_access()
    store.create_school(world.engine, admin, world.board.id, NAME)
    with pytest.raises(store.InvalidInput) as refused:
        store.create_school(world.engine, admin, world.board.id, look_alike)
    assert refused.value.key == "store.errors.duplicate_school"


def test_a_decomposed_letter_is_stored_composed_and_found_as_the_same_name(world):
    admin = store.admin_access()
    composed = "Basisschool De Kiëvit"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    school = store.create_school(world.engine, admin, world.board.id, decomposed)
    assert store.get_school(world.engine, admin, school.id).name == composed
    with pytest.raises(store.InvalidInput) as refused:
        store.create_school(world.engine, admin, world.board.id, composed)
    assert refused.value.key == "store.errors.duplicate_school"


def test_board_names_scan_labels_and_code_labels_refuse_invisible_characters(world):
    admin = store.admin_access()
    coordinator = world.access["coordinator"]
    attempts = [
        lambda: store.create_board(world.engine, admin, "Stichting\u200b Noord"),
        lambda: store.open_scan(
            world.engine, coordinator, world.school.id, "2025-\u20602026", world.rubric
        ),
        lambda: store.issue_code(
            world.engine, coordinator, "trainer", school_id=world.school.id, label="\ufeffcoach"
        ),
        lambda: store.add_action(
            world.engine, coordinator, world.scan.id, "alfa", "Actie", owner="I\u00adB"
        ),
    ]
    for attempt in attempts:
        with pytest.raises(store.InvalidInput) as refused:
            attempt()
        assert refused.value.key == "store.errors.invisible_character"


def test_a_scan_label_differing_by_white_space_only_is_the_same_scan(world):
    coordinator = world.access["coordinator"]
    with pytest.raises(store.InvalidInput) as refused:
        store.open_scan(world.engine, coordinator, world.school.id, "2025-2026\u00a0", world.rubric)
    assert refused.value.key == "store.errors.duplicate_scan"
    scan = store.open_scan(
        world.engine, coordinator, world.school.id, "2026\u2003–\u00a02027", world.rubric
    )
    assert store.get_scan(world.engine, coordinator, scan.id).label == "2026 – 2027"


def test_an_import_with_an_invisible_character_in_a_name_is_refused_whole(world):
    admin = store.admin_access()
    document = store.export_school(world.engine, admin, world.school.id)
    document["school"]["name"] = "OBS\u200b A"
    with pytest.raises(store.ImportRefused) as refused:
        store.import_school(world.engine, admin, document, world.board.id)
    assert [key for key, _values in refused.value.problems] == ["store.import.invisible_character"]


def test_an_imported_name_is_normalised_and_then_meets_the_existing_school(world):
    admin = store.admin_access()
    document = store.export_school(world.engine, admin, world.school.id)
    document["school"]["name"] = "OBS\u00a0A"  # the world's "OBS A" with a non-breaking space
    with pytest.raises(store.ImportRefused) as refused:
        store.import_school(world.engine, admin, document, world.board.id)
    assert [key for key, _values in refused.value.problems] == ["store.import.school_exists"]
