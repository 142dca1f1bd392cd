"""``admin purge`` and ``admin delete-school``: the retention and the removal of a school."""

from __future__ import annotations

import argparse
from collections.abc import Callable


def register(
    admin_commands: argparse._SubParsersAction[argparse.ArgumentParser],
    leaf: Callable[..., argparse.ArgumentParser],
) -> None:
    purge = leaf(admin_commands, "purge", "run_purge", "remove what is past its retention period")
    purge.add_argument("--dry-run", action="store_true", help="only list what would be removed")
    school = leaf(
        admin_commands, "delete-school", "run_delete_school", "remove a school and all its data"
    )
    school.add_argument("school_id", type=int, metavar="ID", help="school id")
    school.add_argument("--confirm", metavar="NAME", help="the school's name (no prompt)")
