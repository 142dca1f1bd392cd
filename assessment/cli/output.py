"""Shared output helpers of the command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from assessment.i18n import t
from assessment.text_input import TextRefused, checked_text


def fail(problems: list[str], heading: str | None = None) -> int:
    """Print every problem to stderr and return exit code 2 (bad input)."""
    if heading:
        print(heading, file=sys.stderr)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 2


def text_argument(limit: int) -> Callable[[str], str]:
    """An argparse ``type`` that passes a text through the input check. Arguments are decoded
    with ``surrogateescape``: bytes that are no UTF-8 arrive as lone surrogates and are refused."""

    def check(value: str) -> str:
        try:
            return checked_text(value, limit)
        except TextRefused as refused:
            raise argparse.ArgumentTypeError(
                t(f"store.errors.{refused.kind}", "nl", **refused.values)
            ) from None

    return check
