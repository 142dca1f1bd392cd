"""Shared output helpers of the command line."""

from __future__ import annotations

import sys


def fail(problems: list[str], heading: str | None = None) -> int:
    """Print every problem to stderr and return exit code 2 (bad input)."""
    if heading:
        print(heading, file=sys.stderr)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 2
