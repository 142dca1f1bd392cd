"""``python -m assessment admin log`` reads the audit log; ``export`` writes a row into it."""

from __future__ import annotations

from assessment import store
from tests.store.test_cli import cli  # noqa: F401 - the fixture


def test_export_is_logged_and_admin_log_shows_it_newest_first(cli, engine, tmp_path):  # noqa: F811
    cli("admin", "create-board", "Stichting Samen Leren")
    cli("admin", "create-school", "--board", "1", "OBS De Regenboog")
    cli("admin", "create-school", "--board", "1", "OBS Het Anker")
    cli("admin", "issue-code", "--role", "coordinator", "--school", "1", "--label", "Ans")
    cli("admin", "issue-code", "--role", "coordinator", "--school", "2")
    code, _, _ = cli("export", "--school", "1", "-o", str(tmp_path / "school.json"))
    assert code == 0
    code, out, _ = cli("admin", "log", "--school", "1")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    assert "school 1" in lines[0] and "Beheerder (opdrachtregel)" in lines[0]
    assert lines[0].endswith("Geëxporteerd: schoolexport (JSON)")
    assert lines[1].endswith("Codes aangemaakt: 1 × Coördinator ‘Ans’")
    _, everything, _ = cli("admin", "log")
    assert len(everything.splitlines()) == 3
    events = store.audit_log(engine, store.admin_access())
    assert events[0].action == "export" and events[0].detail == {"what": "export_json"}


def test_admin_log_of_an_empty_database_says_so(cli):  # noqa: F811
    code, out, _ = cli("admin", "log")
    assert (code, out) == (0, "Het logboek is leeg.\n")
