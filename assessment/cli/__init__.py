"""The command line ``python -m assessment``: one module per command group, each with ``register``.

Exit codes: 0 success, 2 bad input (every problem listed), 1 anything else.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from assessment.cli import report_commands, research_commands, rubric_commands, store_commands

COMMAND_GROUPS = [rubric_commands, store_commands, report_commands, research_commands]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m assessment", description="TSO Zelfscan")
    commands = parser.add_subparsers(dest="command", required=True)
    for group in COMMAND_GROUPS:
        group.register(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler  # each command sets one
    return handler(args)
