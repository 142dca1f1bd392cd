"""The handlers of ``admin purge`` and ``admin delete-school`` (parsers in ``privacy_commands``)."""

from __future__ import annotations

import argparse

from assessment import store
from assessment.cli.output import fail
from assessment.cli.store_handlers import _database, _refused
from assessment.i18n import day as format_date
from assessment.i18n import t
from assessment.store.deletion import delete_school
from assessment.store.retention import Removal, purge, retention_from_environment


def print_removals(removals: list[Removal], lang: str, *, dry_run: bool) -> None:
    print(t("retention.cli.dry_run" if dry_run else "retention.cli.removed", lang))
    for item in removals:
        print(
            t(
                f"retention.cli.{item.what}_line",
                lang,
                school=item.school,
                label=item.label,
                closed=format_date(item.closed_on, lang),
                answers=item.answers,
                notes=item.notes,
                respondents=item.respondents,
                years=item.years,
            )
        )
    print(t("retention.cli.kept", lang))


def run_purge(args: argparse.Namespace) -> int:
    try:
        retention = retention_from_environment()
        with _database() as engine:
            removed = purge(engine, store.admin_access(), retention=retention, dry_run=args.dry_run)
    except store.StoreError as error:
        return _refused(error, args.lang)
    if not removed:
        print(
            t(
                "retention.cli.nothing",
                args.lang,
                answers=retention.answer_years,
                notes=retention.note_years,
            )
        )
        return 0
    print_removals(removed, args.lang, dry_run=args.dry_run)
    return 0


def run_delete_school(args: argparse.Namespace) -> int:
    lang = args.lang
    try:
        with _database() as engine:
            school = store.get_school(engine, store.admin_access(), args.school_id)
            confirm = args.confirm
            if confirm is None:
                try:
                    confirm = input(
                        t("retention.cli.confirm_prompt", lang, name=school.name, id=school.id)
                    )
                except EOFError:
                    return fail([t("retention.cli.confirm_missing", lang)])
            rows = delete_school(engine, store.admin_access(), school.id, confirm)
    except store.StoreError as error:
        return _refused(error, lang)
    print(t("retention.cli.school_deleted", lang, id=school.id, name=school.name, rows=rows))
    return 0
