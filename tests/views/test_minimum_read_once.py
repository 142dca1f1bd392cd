"""``min_group_size`` is read in one place: the privacy policy. A second place that decides what
a small group shows is a second rule to keep in step, and one forgotten is a leak."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.helpers import ROOT

ALLOWED = {
    Path("assessment/views/privacy.py"),  # the policy
    Path("assessment/rubric.py"),  # where the rubric's rules define it
}


def sources() -> list[Path]:
    found = [*(ROOT / "assessment").rglob("*.py"), *(ROOT / "pages").glob("*.py")]
    found += [ROOT / "app.py", ROOT / "server.py"]
    return [path for path in found if path.exists()]


def reads_of_the_minimum(path: Path) -> list[int]:
    """Lines that read ``.min_group_size`` or ``["min_group_size"]``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines = []
    for node in ast.walk(tree):
        attribute = isinstance(node, ast.Attribute) and node.attr == "min_group_size"
        key = (
            isinstance(node, ast.Subscript)
            and isinstance(node.slice, ast.Constant)
            and node.slice.value == "min_group_size"
        )
        if attribute or key:
            lines.append(node.lineno)
    return lines


def test_min_group_size_is_read_only_by_the_privacy_policy():
    readers = {
        f"{path.relative_to(ROOT)}:{line}"
        for path in sources()
        if path.relative_to(ROOT) not in ALLOWED
        for line in reads_of_the_minimum(path)
    }
    assert not readers, (
        f"min_group_size read outside assessment/views/privacy.py: {sorted(readers)}"
    )


def test_the_check_sees_a_read():
    assert reads_of_the_minimum(ROOT / "assessment/views/privacy.py")
