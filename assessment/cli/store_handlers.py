"""The handlers of ``db``, ``admin``, ``demo``, ``export`` and ``import`` (parsers in
``store_commands``): imported only when one of these commands runs, so the commands without a
database start without SQLAlchemy.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine

from assessment import store
from assessment.cli.output import fail
from assessment.explanations import phase_label
from assessment.i18n import t
from assessment.rubric import RubricError, load_rubric
from assessment.store.engine import current_revision
from assessment.views.scan import scan_view


@contextmanager
def _database() -> Iterator[Engine]:
    """The database of ``TSO_DATABASE_URL``, upgraded to the newest schema; closed afterwards."""
    engine = store.make_engine()
    try:
        store.upgrade(engine)
        yield engine
    finally:
        engine.dispose()


def _refused(error: store.StoreError, lang: str) -> int:
    if isinstance(error, store.ImportRefused):
        return fail(
            [t(key, lang, **values) for key, values in error.problems],
            t("store.cli.import_refused", lang),
        )
    return fail([t(error.key, lang, **error.values)])


def _refusing(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """``handler`` with a StoreError (a database in use or unreachable) told in Dutch, exit 2."""

    @functools.wraps(handler)
    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except store.StoreError as error:
            return _refused(error, args.lang)

    return run


@_refusing
def run_upgrade(args: argparse.Namespace) -> int:
    from assessment.cli.privacy_handlers import print_removals
    from assessment.store.retention import purge

    try:
        with _database() as engine:
            print(t("store.cli.upgraded", args.lang, revision=current_revision(engine)))
            removed = purge(engine, store.admin_access())
    except store.StoreError as error:
        return _refused(error, args.lang)
    if removed:
        print_removals(removed, args.lang, dry_run=False)
    return 0


def run_create_board(args: argparse.Namespace) -> int:
    try:
        with _database() as engine:
            board = store.create_board(engine, store.admin_access(), args.name)
    except store.StoreError as error:
        return _refused(error, args.lang)
    print(t("store.cli.board_created", args.lang, id=board.id, name=board.name))
    return 0


def run_create_school(args: argparse.Namespace) -> int:
    try:
        with _database() as engine:
            school = store.create_school(
                engine, store.admin_access(), args.board, args.name, share_with_board=args.share
            )
    except store.StoreError as error:
        return _refused(error, args.lang)
    print(
        t(
            "store.cli.school_created",
            args.lang,
            id=school.id,
            board=school.board_id,
            name=school.name,
        )
    )
    return 0


def run_issue_code(args: argparse.Namespace) -> int:
    try:
        with _database() as engine:
            issued = store.issue_code(
                engine,
                store.admin_access(),
                args.role,
                board_id=args.board,
                school_id=args.school,
                scan_id=args.scan,
                expires_at=args.expires,
                label=args.label,
            )
    except store.StoreError as error:
        return _refused(error, args.lang)
    print(t("store.cli.code_issued", args.lang, id=issued.info.id, role=args.role))
    print(issued.code)
    print(t("store.cli.code_once", args.lang), file=sys.stderr)
    return 0


def run_revoke_code(args: argparse.Namespace) -> int:
    try:
        with _database() as engine:
            store.revoke_code(engine, store.admin_access(), args.code_id)
    except store.StoreError as error:
        return _refused(error, args.lang)
    print(t("store.cli.code_revoked", args.lang, id=args.code_id))
    return 0


@_refusing
def run_list(args: argparse.Namespace) -> int:
    admin, lang = store.admin_access(), args.lang
    with _database() as engine:
        boards = store.list_boards(engine, admin)
        if not boards:
            print(t("store.cli.no_boards", lang))
        for board in boards:
            print(t("store.cli.board_line", lang, id=board.id, name=board.name))
            for school in store.list_schools(engine, admin, board.id):
                shared = t("store.cli.shared", lang) if school.share_with_board else ""
                demo = t("store.cli.demo", lang) if school.is_demo else ""
                print(
                    t(
                        "store.cli.school_line",
                        lang,
                        id=school.id,
                        name=school.name,
                        shared=shared,
                        demo=demo,
                    )
                )
    return 0


@_refusing
def run_log(args: argparse.Namespace) -> int:
    from assessment.audit_text import line

    with _database() as engine:
        events = store.audit_log(
            engine, store.admin_access(), school_id=args.school, limit=max(1, args.limit)
        )
    if not events:
        print(t("audit.cli.empty", args.lang))
    for event in events:
        print(line(event, args.lang))
    return 0


@_refusing
def run_demo(args: argparse.Namespace) -> int:
    lang = args.lang
    try:
        rubric = load_rubric(args.rubric) if args.rubric else load_rubric()
    except RubricError as error:
        return fail(error.problems, t("store.cli.rubric_invalid", lang))
    with _database() as engine:
        if not store.seed_demo(engine, rubric):
            print(t("store.cli.demo_exists", lang))
            return 0
        admin = store.admin_access()
        schools = [s for s in store.list_schools(engine, admin) if s.is_demo]
        print(t("store.cli.demo_created", lang, board=store.DEMO_BOARD, schools=len(schools)))
        for school in schools:
            for scan in reversed(store.list_scans(engine, admin, school.id)):
                view = scan_view(engine, admin, rubric, school.id, scan.id)
                assert view is not None  # the school has this scan
                print(
                    t(
                        "store.cli.demo_scan",
                        lang,
                        school=school.name,
                        label=scan.label,
                        status=t(f"store.cli.status_{scan.status}", lang),
                        respondents=view.respondents,
                        phase=phase_label(rubric, view.result.school_phase, lang),
                    )
                )
    return 0


def run_export(args: argparse.Namespace) -> int:
    try:
        with _database() as engine:
            document = store.export_school(engine, store.admin_access(), args.school)
            store.log_event(
                engine, store.admin_access(), "export", args.school, {"what": "export_json"}
            )
    except store.StoreError as error:
        return _refused(error, args.lang)
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if args.output == "-":
        sys.stdout.write(text)
        return 0
    target = Path(args.output)
    try:
        _write_atomically(target, text)
    except OSError as error:
        return fail([t("store.cli.not_writable", args.lang, file=target, error=error.strerror)])
    scans = len(document["scans"])
    print(t("store.cli.exported", args.lang, id=args.school, file=target, scans=scans))
    return 0


def _write_atomically(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def run_import(args: argparse.Namespace) -> int:
    lang = args.lang
    try:
        raw = args.file.read_bytes()
    except OSError as error:
        return fail([t("store.cli.unreadable", lang, file=args.file, error=error.strerror)])
    try:
        document = store.load_export(raw)
        with _database() as engine:
            school = store.import_school(
                engine, store.admin_access(), document, board_id=args.board
            )
    except store.StoreError as error:
        return _refused(error, lang)
    print(
        t(
            "store.cli.imported",
            lang,
            name=school.name,
            id=school.id,
            board=school.board_id,
            scans=len(document["scans"]),
        )
    )
    return 0
