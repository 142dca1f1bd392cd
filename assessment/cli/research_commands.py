"""``research``: the consortium's dataset (``export``), what holds schools back (``figures``), and
a school's type and consent set by the operator (``school-type``, ``consent``)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from assessment.i18n import LANGUAGES
from assessment.store.research_consent import SCHOOL_TYPES


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    research = commands.add_parser("research", help="the research dataset for the TSO consortium")
    group = research.add_subparsers(dest="research_command", required=True)
    export = _leaf(group, "export", run_export, "write the research package (Frictionless Data)")
    export.add_argument("directory", type=Path, metavar="DIR", help="directory to write into")
    export.add_argument("--rubric", type=Path, help="rubric directory (default: the shipped one)")
    figures = _leaf(group, "figures", run_figures, "what holds schools back, from a package")
    figures.add_argument("directory", type=Path, metavar="DIR", help="the package's directory")
    figures.add_argument("--rubric", type=Path, help="rubric directory for theme and phase names")
    kind = _leaf(group, "school-type", run_school_type, "set a school's type")
    kind.add_argument("school_id", type=int, metavar="ID", help="school id")
    kind.add_argument("school_type", choices=SCHOOL_TYPES)
    consent = _leaf(group, "consent", run_consent, "turn a school's research consent on or off")
    consent.add_argument("school_id", type=int, metavar="ID", help="school id")
    consent.add_argument("state", choices=("on", "off"))


def _leaf(
    group: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    handler: Callable[[argparse.Namespace], int],
    help_text: str,
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = group.add_parser(name, help=help_text)
    parser.add_argument("--lang", choices=list(LANGUAGES), default="nl")
    parser.set_defaults(handler=handler)
    return parser


def run_export(args: argparse.Namespace) -> int:
    from assessment.cli.research_handlers import export

    return export(args)


def run_figures(args: argparse.Namespace) -> int:
    from assessment.cli.research_handlers import figures

    return figures(args)


def run_school_type(args: argparse.Namespace) -> int:
    from assessment.cli.research_handlers import school_type

    return school_type(args)


def run_consent(args: argparse.Namespace) -> int:
    from assessment.cli.research_handlers import consent

    return consent(args)
