"""Export and import of a school: a lossless round trip; a bad file changes nothing."""

from __future__ import annotations

import copy
import json

import pytest
from sqlalchemy import delete, select

from assessment import store
from assessment.i18n import t
from assessment.rubric import SHIPPED_RUBRIC_DIR, load_rubric
from assessment.scoring import score_scan
from assessment.store.demo import SCHOOLS, demo_document
from assessment.store.tables import ALL_TABLES
from assessment.store.tables import respondent as respondent_table
from tests.helpers import MINI_RUBRIC, copy_rubric
from tests.store.conftest import full_export, row_counts


def empty(engine) -> None:
    with engine.begin() as connection:
        for table in ALL_TABLES:
            connection.execute(delete(table))


@pytest.fixture
def exported(world) -> dict:
    coordinator, engine = world.access["coordinator"], world.engine
    previous = world.previous_action
    store.review_action(
        engine, coordinator, previous.id, world.scan.id, "continue", version=previous.version
    )
    store.set_agreed(
        engine, coordinator, world.previous_scan.id, "b-v2", "na", "n.v.t. hier", version=0
    )
    store.submit(engine, world.access["respondent"])
    store.set_mr_informed(engine, coordinator, world.scan.id, True)
    store.save_answer(engine, coordinator, "a-b2", "dk", "weet ik niet", scan_id=world.scan.id)
    return store.export_school(engine, store.admin_access(), world.school.id)


def test_the_export_is_json_with_a_format_version_and_no_codes_or_ids(world, exported):
    text = json.dumps(exported)
    assert (exported["format"], exported["version"]) == ("tso-zelfscan-school", 2)
    assert [scan["label"] for scan in exported["scans"]] == ["2024-2025", "2025-2026"]
    assert '"id"' not in text.replace('"rubric": {"id"', "")
    for code in world.codes.values():
        assert code not in text
    latest = exported["scans"][1]
    assert exported["scans"][0]["mr_informed_on"] is None
    assert len(latest["mr_informed_on"]) == len("2026-12-06")  # a day, carried by the round trip
    assert latest["actions"][-1]["carried_from"] == exported["scans"][0]["actions"][0]["ref"]


def test_export_then_import_into_an_empty_database_then_export_is_equal(world, exported):
    empty(world.engine)
    school = store.import_school(
        world.engine, store.admin_access(), json.loads(json.dumps(exported))
    )
    assert (school.name, school.share_with_board) == ("OBS A", True)
    assert store.export_school(world.engine, store.admin_access(), school.id) == exported


def test_an_import_goes_into_the_given_board_or_the_board_with_the_exported_name(world, exported):
    admin = store.admin_access()
    renamed = copy.deepcopy(exported)
    renamed["school"]["name"] = "OBS A bis"
    school = store.import_school(world.engine, admin, renamed)
    assert school.board_id == world.board.id
    into = store.import_school(world.engine, admin, exported, board_id=world.other_board.id)
    assert into.board_id == world.other_board.id


def _wrong_version(d):
    d["version"] = 3


def _wrong_format(d):
    d["format"] = "iets-anders"


def _unknown_criterion(d):
    d["scans"][1]["respondents"][0]["answers"][0]["criterion"] = (
        "a-0-onbekend"  # sorts first, as exported
    )


def _na_not_allowed(d):
    d["scans"][1]["respondents"][0]["answers"][0]["value"] = "na"  # a-v1 allows no n.v.t.


def _bad_value(d):
    d["scans"][1]["agreed"][0]["value"] = 7


def _value_99(d):
    d["scans"][1]["respondents"][0]["answers"][0]["value"] = 99


def _value_float(d):
    d["scans"][1]["respondents"][0]["answers"][0]["value"] = 2.0


def _year_9999(d):
    d["scans"][1]["agreed"][0]["decided_at"] = "9999-12-31T23:59:59-14:00"


def _year_1899(d):
    d["scans"][0]["created_at"] = "1899-01-01T00:00:00+00:00"


def _due_far_away(d):
    d["scans"][0]["actions"][0]["due_date"] = "9999-12-31"


def _huge_ref(d):
    d["scans"][0]["actions"][0]["ref"] = 10**5000


def _negative_ref(d):
    d["scans"][0]["actions"][0]["ref"] = -1


def _nested(d):
    deep: list = []
    for _ in range(50):
        deep = [deep]
    d["scans"][1]["respondents"][0]["answers"][0]["note"] = deep


def _surrogate_school(d):
    d["school"]["name"] = "OBS \ud800"


def _nul_in_note(d):
    d["scans"][1]["respondents"][0]["answers"][0]["note"] = "a\x00b"


def _long_note(d):
    d["scans"][1]["respondents"][0]["answers"][0]["note"] = "x" * 2001


def _markdown_theme(d):
    d["scans"][0]["actions"][0]["theme"] = "[klik](http://evil) ![x](http://evil/x.png)"


def _unknown_theme(d):
    d["scans"][0]["actions"][0]["theme"] = "gamma"


def _bad_reference(d):
    d["scans"][1]["actions"][-1]["carried_from"] = 99


def _missing_field(d):
    del d["scans"][0]["created_at"]


def _bad_time(d):
    d["scans"][1]["agreed"][0]["decided_at"] = "gisteren"


def _bad_status(d):
    d["scans"][0]["status"] = "half"


def _duplicate_answer(d):
    answers = d["scans"][1]["respondents"][0]["answers"]
    answers.append(dict(answers[0]))


def _duplicate_label(d):
    d["scans"][1]["label"] = d["scans"][0]["label"]


def _school_exists(d):
    pass  # the school is still there: importing it again into the same board is refused


def _not_an_object(d):
    d["scans"][1]["respondents"][0] = "respondent"


MALFORMED = {
    "wrong format version": (_wrong_version, "store.import.wrong_version"),
    "not a school export": (_wrong_format, "store.import.wrong_format"),
    "unknown criterion": (_unknown_criterion, "store.import.unknown_criterion"),
    "n.v.t. where not allowed": (_na_not_allowed, "store.import.na_not_allowed"),
    "answer out of the scale": (_bad_value, "store.import.bad_value"),
    "answer 99": (_value_99, "store.import.bad_value"),
    "answer 2.0": (_value_float, "store.import.bad_value"),
    "time past the calendar's end": (_year_9999, "store.import.bad_datetime"),
    "time in 1899": (_year_1899, "store.import.datetime_out_of_range"),
    "due date in year 9999": (_due_far_away, "store.import.date_out_of_range"),
    "a 5.000-digit action number": (_huge_ref, "store.import.bad_int"),
    "a negative action number": (_negative_ref, "store.import.bad_int"),
    "nested 50 deep": (_nested, "store.import.too_deep"),
    "lone surrogate in a name": (_surrogate_school, "store.import.invalid_unicode"),
    "NUL in a note": (_nul_in_note, "store.import.control_character"),
    "note over 2000 characters": (_long_note, "store.import.too_long"),
    "Markdown as a theme id": (_markdown_theme, "store.import.unknown_theme"),
    "unknown theme of an action": (_unknown_theme, "store.import.unknown_theme"),
    "carried over from a missing action": (_bad_reference, "store.import.bad_reference"),
    "missing field": (_missing_field, "store.import.missing"),
    "not a time": (_bad_time, "store.import.bad_datetime"),
    "unknown scan status": (_bad_status, "store.import.bad_status"),
    "the same criterion twice": (_duplicate_answer, "store.import.duplicate_criterion"),
    "the same scan twice": (_duplicate_label, "store.import.duplicate_label"),
    "school already exists": (_school_exists, "store.import.school_exists"),
    "respondent is not an object": (_not_an_object, "store.import.bad_object"),
}


@pytest.mark.parametrize("case", list(MALFORMED))
def test_a_malformed_import_is_refused_and_changes_nothing(world, exported, case):
    spoil, key = MALFORMED[case]
    document = copy.deepcopy(exported)
    spoil(document)
    before, counts = full_export(world.engine), row_counts(world.engine)
    with pytest.raises(store.ImportRefused) as refused:
        store.import_school(world.engine, store.admin_access(), document)
    assert key in [problem for problem, _values in refused.value.problems]
    assert refused.value.key == refused.value.problems[0][0]
    assert full_export(world.engine) == before and row_counts(world.engine) == counts
    for problem, values in refused.value.problems:  # every refusal reads as a sentence
        assert t(problem, "nl", **values)


def test_an_old_criterion_id_the_crosswalk_maps_is_accepted(world, exported, tmp_path):
    renamed = load_rubric(
        copy_rubric(
            MINI_RUBRIC,
            tmp_path / "mini",
            {"rubric.yaml": ('id: "mini"', 'id: "mini-hernoemd"\ncrosswalk: {"a-oud": "a-v1"}')},
        )
    )
    store.register_rubric(renamed)
    document = copy.deepcopy(exported)
    document["school"]["name"] = "OBS Hernoemd"
    for scan in document["scans"]:
        scan["rubric"] = {"id": renamed.id, "version": "1", "hash": renamed.content_hash}
    answer = next(
        a
        for r in document["scans"][1]["respondents"]
        for a in r["answers"]
        if a["criterion"] == "a-v1"
    )
    answer["criterion"] = "a-oud"
    school = store.import_school(world.engine, store.admin_access(), document)
    assert school.name == "OBS Hernoemd"


def test_every_problem_of_a_file_is_listed_at_once(world, exported):
    document = copy.deepcopy(exported)
    document["school"]["name"] = "OBS Nieuw"
    _unknown_criterion(document)
    _bad_time(document)
    _unknown_theme(document)
    with pytest.raises(store.ImportRefused) as refused:
        store.import_school(world.engine, store.admin_access(), document)
    keys = [problem for problem, _ in refused.value.problems]
    assert keys == [  # in the order of the file
        "store.import.unknown_theme",
        "store.import.unknown_criterion",
        "store.import.bad_datetime",
    ]
    assert refused.value.problems[1][1]["path"] == "scans[1].respondents[0].answers[0].criterion"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('{"format": "tso-zelfscan-school", "version": 1, "scans": [', "store.import.not_json"),
        ("[1, 2]", "store.import.not_object"),
        (b"\xff\xfe{}", "store.import.not_utf8"),
        pytest.param(
            '{"version": ' + "9" * 5000 + "}", "store.import.number_too_large", id="5000 digits"
        ),
        pytest.param("[" * 100_000 + "]" * 100_000, "store.import.too_deep", id="nested"),
    ],
)
def test_a_file_that_is_not_an_export_is_refused_before_reading_it(text, key):
    with pytest.raises(store.ImportRefused) as refused:
        store.load_export(text)
    assert refused.value.key == key


def test_an_import_into_a_missing_board_changes_nothing(world, exported):
    document = copy.deepcopy(exported)
    document["school"]["name"] = "OBS Elders"
    counts = row_counts(world.engine)
    with pytest.raises(store.NotFound):
        store.import_school(world.engine, store.admin_access(), document, board_id=999)
    assert row_counts(world.engine) == counts


def test_a_scan_of_an_unknown_rubric_is_refused(world, exported):
    document = copy.deepcopy(exported)
    document["school"]["name"] = "OBS Andere Rubriek"
    for scan in document["scans"]:
        scan["rubric"] = {"id": "andere", "version": "9", "hash": "f" * 64}
    scan["respondents"][0]["answers"][0].update(criterion="not-a-criterion", value=99)
    counts = row_counts(world.engine)
    with pytest.raises(store.ImportRefused) as refused:
        store.import_school(world.engine, store.admin_access(), document)
    assert {key for key, _ in refused.value.problems} == {"store.import.unknown_rubric"}
    assert row_counts(world.engine) == counts


def test_a_school_exported_under_an_older_rubric_version_imports_with_its_retired_ids(
    engine, tmp_path
):
    """A school exported while ``bet-leerlingen`` existed imports into an app that only knows
    today's rubric, where that id is retired; its answers then count for ``bet-leerlingstem``."""
    older = load_rubric(
        copy_rubric(
            SHIPPED_RUBRIC_DIR,
            tmp_path / "tso-older",
            {
                "rubric.yaml": ('  bet-leerlingen: "bet-leerlingstem"', ""),
                "themes/betrekken.yaml": ('id: "bet-leerlingstem"', 'id: "bet-leerlingen"'),
            },
        )
    )
    today = load_rubric()
    document = demo_document(older, SCHOOLS[0])
    old_answers = [
        answer["value"]
        for scan in document["scans"][-1:]
        for respondent in scan["respondents"]
        for answer in respondent["answers"]
        if answer["criterion"] == "bet-leerlingen"
    ]
    admin = store.admin_access()
    school = store.import_school(engine, admin, document)
    newest = store.list_scans(engine, admin, school.id)[0]
    data = store.scan_data(engine, admin, newest.id)
    item = score_scan(today, data.answers, data.agreed).items["bet-leerlingstem"]
    assert old_answers and item.n == sum(isinstance(v, int) for v in old_answers)


def test_the_export_holds_no_time_or_day_of_a_respondent_or_an_answer(exported):
    for scan in exported["scans"]:
        for respondent in scan["respondents"]:
            assert set(respondent) == {"role", "other_roles", "started", "submitted", "answers"}
            for answer in respondent["answers"]:
                assert set(answer) == {"criterion", "value", "note"}
    assert exported["scans"][1]["respondents"][0]["started"] is True


def test_a_version_1_file_with_times_still_imports_and_keeps_only_the_scans_day(world, exported):
    older = copy.deepcopy(exported)
    older["version"] = 1
    for scan in older["scans"]:
        for respondent in scan["respondents"]:
            started, submitted = respondent.pop("started"), respondent.pop("submitted")
            respondent["started_at"] = "2025-10-02T21:47:03+02:00" if started else None
            respondent["submitted_at"] = "2025-10-02T21:58:00+02:00" if submitted else None
            for answer in respondent["answers"]:
                answer["updated_at"] = "2025-10-02T21:50:00+02:00"
    empty(world.engine)
    school = store.import_school(world.engine, store.admin_access(), older)
    again = store.export_school(world.engine, store.admin_access(), school.id)
    assert again == exported
    scans = store.list_scans(world.engine, store.admin_access(), school.id)
    scan_days = {(scan.closed_at or scan.created_at).date() for scan in scans}
    with world.engine.connect() as connection:
        days = connection.execute(select(respondent_table.c.started_at)).scalars().all()
    assert days and set(days) <= scan_days  # the day the scan closed (or opened), no one's own
