"""``admin purge [--dry-run]``, ``db upgrade`` (which purges too) and ``admin delete-school``."""

from __future__ import annotations

import io

from assessment import store
from tests.store.conftest import full_export, row_counts
from tests.store.test_cli import cli as cli  # noqa: F401 - the fixture
from tests.store.test_retention import closed_ago


def test_purge_dry_run_lists_in_dutch_and_removes_nothing_then_purge_removes(cli, world):
    store.close_scan(world.engine, world.access["coordinator"], world.scan.id)
    closed_ago(world.engine, world.scan.id, 5, 1)
    counts = row_counts(world.engine)

    code, out, _ = cli("admin", "purge", "--dry-run")
    assert code == 0 and out.startswith("Proefdraai: dit zou nu worden verwijderd")
    assert "OBS A, scan 2025-2026" in out and "6 antwoorden" in out and "2 respondenten" in out
    assert row_counts(world.engine) == counts

    code, out, _ = cli("db", "upgrade")
    assert code == 0 and "Verwijderd:" in out
    assert row_counts(world.engine)["answer"] < counts["answer"]
    code, out, _ = cli("admin", "purge")
    assert code == 0 and out.startswith("Niets is over de bewaartermijn heen")


def test_a_bad_retention_setting_is_refused_in_dutch(cli, world, monkeypatch):
    monkeypatch.setenv("TSO_RETENTION_YEARS", "vijf")
    code, _, err = cli("admin", "purge", "--dry-run")
    assert code == 2 and "TSO_RETENTION_YEARS moet een heel aantal jaren zijn" in err


def test_delete_school_asks_for_the_name_or_takes_it_from_confirm(cli, world, monkeypatch):
    before = full_export(world.engine)
    monkeypatch.setattr("sys.stdin", io.StringIO("OBS B\n"))
    code, _, err = cli("admin", "delete-school", str(world.school.id))
    assert code == 2 and "klopt niet" in err and full_export(world.engine) == before
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, _, err = cli("admin", "delete-school", str(world.school.id))
    assert code == 2 and "--confirm" in err and full_export(world.engine) == before
    code, out, _ = cli("admin", "delete-school", str(world.school.id), "--confirm", "OBS A")
    assert code == 0 and "School 1 ‘OBS A’ is helemaal verwijderd" in out
    assert [e["school"]["name"] for e in full_export(world.engine)] == ["OBS C", "OBS Z"]
