"""Small helpers shared by tests: paths and rubric copies with edited files."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
DATA = TESTS / "data"
MINI_RUBRIC = DATA / "rubrics" / "mini"
ROOT = TESTS.parent


def copy_rubric(
    source: Path, target: Path, replace: dict[str, tuple[str, str]] | None = None
) -> Path:
    """Copy a rubric directory; ``replace`` maps a relative file to (old, new) text, replaced once."""
    shutil.copytree(source, target)
    for relative, (old, new) in (replace or {}).items():
        path = target / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def line_of(path: Path, needle: str, occurrence: int = 1) -> int:
    """1-based line number of the ``occurrence``-th line containing ``needle``."""
    hits = [
        n
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if needle in line
    ]
    return hits[occurrence - 1]


def make_read_only(path: Path) -> None:
    """Make a file read-only for real: ``chmod`` for a normal user; for root, whom file modes do
    not stop, the immutable attribute (``chattr +i``, ext4 and most Linux file systems)."""
    if os.geteuid() != 0:
        path.chmod(0o444)
        return
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"running as root and chattr +i is not possible here: {done.stderr.strip()}")


def make_writable(path: Path) -> None:
    if os.geteuid() != 0:
        path.chmod(0o644)
    else:
        subprocess.run(["chattr", "-i", str(path)], check=True)
