"""The command line: db upgrade, admin, demo, export and import (run in-process via main)."""

from __future__ import annotations

import json

import pytest

from assessment import store
from assessment.cli import main
from tests.helpers import MINI_RUBRIC
from tests.store.conftest import full_export, row_counts
from tests.store.test_engine import HEAD


@pytest.fixture
def cli(database_url, monkeypatch, capsys):
    """Run ``python -m assessment ARGS`` against the test database; returns (code, out, err)."""
    monkeypatch.setenv("TSO_DATABASE_URL", database_url)
    monkeypatch.setenv("TSO_RUBRIC_DIR", str(MINI_RUBRIC))

    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_db_upgrade_brings_the_database_to_the_newest_revision(cli):
    code, out, _ = cli("db", "upgrade")
    assert code == 0 and HEAD in out


def test_admin_creates_a_board_a_school_and_codes_shown_once(cli, engine):
    code, out, _ = cli("admin", "create-board", "Stichting Samen Leren")
    assert (code, out) == (0, "Bestuur 1 aangemaakt: Stichting Samen Leren\n")
    code, out, _ = cli("admin", "create-school", "--board", "1", "--share", "OBS De Regenboog")
    assert (code, out) == (0, "School 1 aangemaakt bij bestuur 1: OBS De Regenboog\n")
    code, out, err = cli("admin", "issue-code", "--role", "coordinator", "--school", "1")
    assert code == 0 and "nergens opgeslagen" in err
    secret = out.splitlines()[1]
    coordinator = store.resolve_code(engine, secret)
    assert (coordinator.role, coordinator.school_id) == ("coordinator", 1)
    code, out, _ = cli(
        "admin", "issue-code", "--role", "board", "--board", "1", "--expires", "2099-12-31"
    )
    assert code == 0 and store.resolve_code(engine, out.splitlines()[1]).role == "board"
    code, out, _ = cli("admin", "list")
    assert out == (
        "Bestuur 1: Stichting Samen Leren\n  School 1: OBS De Regenboog (deelt met bestuur)\n"
    )
    code, out, _ = cli("admin", "revoke-code", str(coordinator.code_id))
    assert code == 0
    with pytest.raises(store.CodeRefused):
        store.resolve_code(engine, secret)


def test_admin_issues_respondent_codes_for_a_scan(cli, engine, mini):
    cli("admin", "create-board", "B")
    cli("admin", "create-school", "--board", "1", "S")
    secret = cli("admin", "issue-code", "--role", "coordinator", "--school", "1")[1].splitlines()[1]
    coordinator = store.resolve_code(engine, secret)
    scan = store.open_scan(engine, coordinator, 1, "2025-2026", mini)
    code, out, _ = cli("admin", "issue-code", "--role", "respondent", "--scan", str(scan.id))
    access = store.resolve_code(engine, out.splitlines()[1])
    assert (access.role, access.scan_id) == ("respondent", scan.id)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("admin", "create-school", "--board", "7", "OBS X"), "Bestuur 7 bestaat niet."),
        (("admin", "create-board", "  "), "Vul een naam in."),
        (("admin", "issue-code", "--role", "trainer", "--board", "1"), "precies één"),
        (("admin", "revoke-code", "42"), "Code 42 bestaat niet."),
        (("export", "--school", "9", "-o", "-"), "School 9 bestaat niet."),
    ],
)
def test_bad_input_is_refused_with_a_dutch_message_and_exit_code_2(cli, args, message):
    cli("admin", "create-board", "Stichting")
    code, _, err = cli(*args)
    assert code == 2 and message in err


def test_the_demo_command_fills_the_database_once(cli, engine):
    code, out, _ = cli("demo")
    assert code == 0
    assert "bestuur ‘Stichting Samen Leren’ met 3 scholen" in out
    for name in ("OBS De Regenboog", "Kindcentrum Het Anker", "SBO De Wissel"):
        assert f"{name}, 2024-2025 (gesloten)" in out and f"{name}, 2025-2026 (open)" in out
    assert "OBS De Regenboog, 2023-2024 (gesloten)" in out
    counts = row_counts(engine)
    code, out, _ = cli("demo")
    assert (code, out) == (0, "De demo bestaat al; er is niets veranderd.\n")
    assert row_counts(engine) == counts


def test_the_demo_command_refuses_a_broken_rubric(cli, tmp_path):
    code, _, err = cli("demo", "--rubric", str(tmp_path))
    assert code == 2 and "rubric.yaml" in err


def test_export_then_import_into_an_empty_database_then_export_is_equal(
    cli, engine, tmp_path, monkeypatch
):
    cli("demo")
    first, second = tmp_path / "school.json", tmp_path / "again.json"
    code, out, _ = cli("export", "--school", "1", "-o", str(first))
    assert code == 0 and "3 scans" in out  # OBS De Regenboog has three school years
    monkeypatch.setenv("TSO_DATABASE_URL", f"sqlite:///{tmp_path}/empty.sqlite")
    code, out, _ = cli("import", str(first))
    assert code == 0 and "OBS De Regenboog" in out
    code, _, _ = cli("export", "--school", "1", "-o", str(second))
    assert code == 0
    assert json.loads(second.read_text("utf-8")) == json.loads(first.read_text("utf-8"))


def _exported(cli, tmp_path) -> str:
    cli("demo")
    target = tmp_path / "school.json"
    cli("export", "--school", "2", "-o", str(target))
    return target.read_text("utf-8")


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (lambda text: text[: len(text) // 2], "geen volledige JSON"),
        (lambda text: text.replace('"version": 2', '"version": 3', 1), "versie 3"),
        (
            lambda text: text.replace('"criterion": "a-v1"', '"criterion": "a-0-weg"', 1),
            "onbekend criterium ‘a-0-weg’",
        ),
        (lambda text: "", "geen volledige JSON"),
    ],
    ids=["truncated", "wrong version", "unknown criterion", "empty"],
)
def test_a_malformed_import_file_is_refused_and_leaves_the_database_unchanged(
    cli, engine, tmp_path, spoil, message
):
    text = _exported(cli, tmp_path)
    bad = tmp_path / "bad.json"
    bad.write_text(spoil(text).replace("Kindcentrum Het Anker", "Kindcentrum Nieuw"), "utf-8")
    before, counts = full_export(engine), row_counts(engine)
    code, out, err = cli("import", str(bad))
    assert code == 2 and out == ""
    assert "Niet ingelezen; de database is niet veranderd." in err and message in err
    assert full_export(engine) == before and row_counts(engine) == counts


def test_importing_a_missing_file_says_so(cli, tmp_path):
    code, _, err = cli("import", str(tmp_path / "nergens.json"))
    assert code == 2 and "nergens.json" in err


def test_messages_in_english(cli):
    code, out, _ = cli("admin", "create-board", "Trust", "--lang", "en")
    assert out == "Board 1 created: Trust\n"
