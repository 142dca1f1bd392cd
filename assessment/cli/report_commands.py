"""``report``: the action-plan PDF, from the database (``--scan ID``) or from answer CSV files."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from assessment.answers_csv import InputError
from assessment.cli.output import fail, text_argument
from assessment.i18n import LANGUAGES, t
from assessment.text_input import LABEL_LENGTH, NAME_LENGTH


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = commands.add_parser("report", help=t("report.cli.help", "nl"))
    report.add_argument(
        "answers", nargs="?", type=Path, help="ANSWERS.csv: respondent,criterion,answer[,role,note]"
    )
    report.add_argument("--scan", type=int, metavar="ID", help="a scan in the database")
    report.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    report.add_argument(
        "--school", type=text_argument(NAME_LENGTH), help="the school's name (CSV input)"
    )
    report.add_argument(
        "--label",
        type=text_argument(LABEL_LENGTH),
        help="the scan's label, e.g. 2026-2027 (CSV input)",
    )
    report.add_argument("--consensus", type=Path, help="CONSENSUS.csv: criterion,answer")
    report.add_argument("--previous", type=Path, help="the previous scan's ANSWERS.csv")
    report.add_argument("--previous-consensus", type=Path, help="the previous CONSENSUS.csv")
    report.add_argument(
        "--previous-label", type=text_argument(LABEL_LENGTH), help="the previous scan's label"
    )
    report.add_argument("--rubric", type=Path, help="rubric directory (CSV input)")
    report.add_argument(
        "--notes", action="store_true", help="include the evidence notes (not for sharing)"
    )
    report.add_argument("--database-url", help="default: TSO_DATABASE_URL or data/tso.sqlite")
    report.add_argument("--lang", choices=list(LANGUAGES), default="nl")
    report.set_defaults(handler=run_report)


def run_report(args: argparse.Namespace) -> int:
    lang = args.lang
    if (args.answers is None) == (args.scan is None):
        return fail([t("report.cli.answers_or_scan", lang)])
    result = _from_database(args) if args.scan is not None else _from_csv(args)
    if isinstance(result, int):
        return result
    try:
        args.output.write_bytes(result)
    except OSError as error:
        return fail([t("report.cli.cannot_write", lang, file=args.output, error=error.strerror)])
    pages = len(re.findall(rb"/Type /Page[^s]", result))
    print(t("report.cli.written", lang, file=args.output, pages=pages))
    return 0


def _from_csv(args: argparse.Namespace) -> bytes | int:
    from assessment.cli.rubric_commands import rubric_or_problems
    from assessment.report import build_report
    from assessment.report.csv_input import report_input_from_csv

    lang = args.lang
    if not (args.school or "").strip():
        return fail([t("report.cli.school_needed", lang)])
    rubric = rubric_or_problems(args.rubric)
    if isinstance(rubric, list):
        return fail(rubric)
    try:
        report = report_input_from_csv(
            args.answers,
            school=args.school.strip(),
            rubric=rubric,
            lang=lang,
            consensus=args.consensus,
            previous=args.previous,
            previous_consensus=args.previous_consensus,
            label=args.label,
            previous_label=args.previous_label,
            with_notes=args.notes,
        )
    except InputError as error:
        return fail(error.problems)
    return build_report(report)


def _from_database(args: argparse.Namespace) -> bytes | int:
    lang = args.lang
    try:
        from assessment import store
        from assessment.report.scan import report_for_scan
    except ImportError:
        return fail([t("report.cli.scan_unavailable", lang)])
    engine = store.make_engine(args.database_url)
    try:
        store.upgrade(engine)
        pdf = report_for_scan(
            engine, store.admin_access(), args.scan, lang, include_notes=args.notes
        )
        store.log_event(
            engine, store.admin_access(), "export", None, {"what": "plan_pdf"}, scan_id=args.scan
        )
        return pdf
    except store.StoreError as error:
        return fail([t(error.key, lang, **error.values)])
