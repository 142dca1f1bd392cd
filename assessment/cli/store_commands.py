"""``db``, ``admin``, ``demo``, ``export`` and ``import``: the database from the command line.

Every command first brings the database (``TSO_DATABASE_URL``, default ``data/tso.sqlite``) to the
newest schema.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from assessment.cli import privacy_commands
from assessment.i18n import LANGUAGES
from assessment.roles import CODE_ROLES


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    _leaf(db_commands, "upgrade", "run_upgrade", "apply every migration (alembic upgrade head)")

    admin = commands.add_parser("admin", help="boards, schools and access codes")
    admin_commands = admin.add_subparsers(dest="admin_command", required=True)
    board = _leaf(admin_commands, "create-board", "run_create_board", "create a board")
    board.add_argument("name", help="name of the board")
    school = _leaf(admin_commands, "create-school", "run_create_school", "create a school")
    school.add_argument("--board", type=int, required=True, metavar="ID", help="board id")
    school.add_argument("--share", action="store_true", help="share results with the board")
    school.add_argument("name", help="name of the school")
    issue = _leaf(admin_commands, "issue-code", "run_issue_code", "issue an access code")
    issue.add_argument("--role", required=True, choices=CODE_ROLES)
    scope = issue.add_mutually_exclusive_group(required=True)
    scope.add_argument("--board", type=int, metavar="ID", help="board id (board codes)")
    scope.add_argument("--school", type=int, metavar="ID", help="school id (coordinator, trainer)")
    scope.add_argument("--scan", type=int, metavar="ID", help="scan id (respondent codes)")
    issue.add_argument("--label", default="", help="a note to recognise the code by")
    issue.add_argument("--expires", type=_expiry, metavar="YYYY-MM-DD", help="last valid day")
    revoke = _leaf(admin_commands, "revoke-code", "run_revoke_code", "revoke an access code")
    revoke.add_argument("code_id", type=int, metavar="ID", help="code id")
    _leaf(admin_commands, "list", "run_list", "list boards and schools")
    log = _leaf(admin_commands, "log", "run_log", "who did what, newest first (the audit log)")
    log.add_argument("--school", type=int, metavar="ID", help="only this school's rows")
    log.add_argument("--limit", type=int, default=500, metavar="N", help="at most N rows")
    privacy_commands.register(admin_commands, _leaf)

    demo = _leaf(commands, "demo", "run_demo", "fill the database with the demo board and schools")
    demo.add_argument("--rubric", type=Path, help="rubric directory (default: the shipped one)")

    export = _leaf(commands, "export", "run_export", "export a school to a JSON file")
    export.add_argument("--school", type=int, required=True, metavar="ID", help="school id")
    export.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="JSON file to write ('-': stdout)"
    )

    import_ = _leaf(commands, "import", "run_import", "import a school from an exported JSON file")
    import_.add_argument("file", type=Path, help="JSON file written by export")
    import_.add_argument("--board", type=int, metavar="ID", help="import into this board")


def _leaf(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    handler: str,
    help_text: str,
) -> argparse.ArgumentParser:
    parser = commands.add_parser(name, help=help_text)
    parser.add_argument("--lang", choices=list(LANGUAGES), default="nl")
    parser.set_defaults(handler=_handler(handler))
    return parser


def _handler(name: str) -> Callable[[argparse.Namespace], int]:
    """``store_handlers.<name>`` (or ``privacy_handlers.<name>``), imported when it runs."""

    def run(args: argparse.Namespace) -> int:
        from assessment.cli import privacy_handlers, store_handlers

        module = privacy_handlers if hasattr(privacy_handlers, name) else store_handlers
        handler: Callable[[argparse.Namespace], int] = getattr(module, name)
        return handler(args)

    return run


def _expiry(text: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text}") from None
    if len(text) <= 10:  # a day: valid until its end
        moment = dt.datetime.combine(moment.date(), dt.time(23, 59, 59))
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment
