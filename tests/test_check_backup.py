"""The backup of the README, tested once: ``scripts/check-backup`` dumps a demo database with
pg_dump, restores it with pg_restore and compares every table."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from tests.helpers import ROOT


@pytest.mark.postgres
def test_pg_dump_and_pg_restore_give_the_same_database():
    url = os.environ.get("TSO_TEST_POSTGRES_URL")
    if not url:
        pytest.skip("TSO_TEST_POSTGRES_URL is not set; run scripts/test")
    if shutil.which("pg_dump") is None:
        pytest.skip("pg_dump is not installed")
    done = subprocess.run(
        [str(ROOT / "scripts" / "check-backup")],
        env={**os.environ, "TSO_DATABASE_URL": url},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert "give the same database" in done.stdout
    assert "answer=0 " not in done.stdout  # the demo was there to compare
