"""The hostile-input corpus (``tests/data/hostile.yaml``) through every store function that takes
text: each text is stored exactly (stripped, line ends as ``\\n``) or refused with a
StoreError that has a Dutch message; never another exception, on either engine."""

from __future__ import annotations

import pytest
import yaml

from assessment import store
from assessment.i18n import t
from tests.helpers import DATA

CORPUS: dict[str, str] = yaml.safe_load((DATA / "hostile.yaml").read_text(encoding="utf-8"))
CORPUS["one_megabyte"] = "x" * 1_000_000
REFUSED = {  # refused wherever they are typed
    "lone_surrogate": "store.errors.invalid_unicode",
    "rtl_override": "store.errors.direction_control",
    "rtl_isolate": "store.errors.direction_control",
    "nul": "store.errors.control_character",
    "escape_character": "store.errors.control_character",
    "del_character": "store.errors.control_character",
    "c1_control": "store.errors.control_character",
    "one_megabyte": "store.errors.too_long",
}


def _note(world, text):
    access = world.access["respondent"]
    store.save_answer(world.engine, access, "a-v1", 2, text)
    return store.my_answers(world.engine, access)["a-v1"].note


def _agreed_note(world, text):
    store.set_agreed(
        world.engine, world.access["coordinator"], world.scan.id, "a-v2", 1, text, version=0
    )
    return store.scan_data(world.engine, store.admin_access(), world.scan.id).agreed_notes.get(
        "a-v2", ""
    )


def _action_title(world, text):
    coordinator = world.access["coordinator"]
    action = store.add_action(world.engine, coordinator, world.scan.id, "alfa", text)
    [stored] = [
        a for a in store.list_actions(world.engine, coordinator, world.scan.id) if a.id == action.id
    ]
    return stored.title


def _action_owner(world, text):
    coordinator = world.access["coordinator"]
    action = store.add_action(world.engine, coordinator, world.scan.id, "alfa", "Actie", owner=text)
    [stored] = [
        a for a in store.list_actions(world.engine, coordinator, world.scan.id) if a.id == action.id
    ]
    return stored.owner


def _school_name(world, text):
    admin = store.admin_access()
    school = store.create_school(world.engine, admin, world.board.id, text)
    return store.get_school(world.engine, admin, school.id).name


def _board_name(world, text):
    admin = store.admin_access()
    board = store.create_board(world.engine, admin, text)
    return store.get_board(world.engine, admin, board.id).name


def _scan_label(world, text):
    coordinator = world.access["coordinator"]
    scan = store.open_scan(world.engine, coordinator, world.school.id, text, world.rubric)
    return store.get_scan(world.engine, coordinator, scan.id).label


def _code_label(world, text):
    admin = store.admin_access()
    issued = store.issue_code(world.engine, admin, "board", board_id=world.board.id, label=text)
    [stored] = [
        c
        for c in store.list_codes(world.engine, admin, board_id=world.board.id)
        if c.id == issued.info.id
    ]
    return stored.label


FIELDS = {
    "evidence note": _note,
    "agreed-value note": _agreed_note,
    "action title": _action_title,
    "action owner": _action_owner,
    "school name": _school_name,
    "board name": _board_name,
    "scan label": _scan_label,
    "code label": _code_label,
}
REQUIRED = {"action title", "school name", "board name", "scan label"}
# Names are told apart by eye: a character that shows nothing is refused in them (an emoji family
# is joined by U+200D), and white space runs become one space.
NAMES = {"action owner", "school name", "board name", "scan label", "code label"}
REFUSED_IN_NAMES = {
    "emoji": "store.errors.invisible_character",
    "zero_width_joiner": "store.errors.invisible_character",
}


@pytest.mark.parametrize("case", list(CORPUS))
@pytest.mark.parametrize("field", list(FIELDS))
def test_hostile_text_is_stored_exactly_or_refused_in_dutch(world, field, case):
    text = CORPUS[case]
    expected = text.replace("\r\n", "\n").strip()
    refused_here = REFUSED | (REFUSED_IN_NAMES if field in NAMES else {})
    if field in NAMES:
        expected = " ".join(expected.split())
    try:
        stored = FIELDS[field](world, text)
    except store.StoreError as refused:
        message = t(refused.key, "nl", **refused.values)
        assert message and not message.startswith("store."), message
        if case in refused_here:
            assert refused.key == refused_here[case]
        elif case == "only_spaces":
            assert field in REQUIRED and refused.key.startswith("store.errors.empty_")
        else:  # only a text too long for a short field may be refused
            assert refused.key == "store.errors.too_long" and len(expected) > 100, refused.key
        return
    assert case not in refused_here, f"{case} was stored in {field}"
    assert stored == expected
