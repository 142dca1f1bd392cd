"""The handlers of ``research`` (parsers in ``research_commands``)."""

from __future__ import annotations

import argparse

from assessment import store
from assessment.cli.output import fail
from assessment.cli.store_handlers import _database, _refused
from assessment.i18n import t
from assessment.research.export import export_research
from assessment.research.figures_text import figure_lines
from assessment.research.reading import PackageRefused, figures_of
from assessment.research.suppression import RESEARCH_MINIMUM
from assessment.rubric import RubricError, load_rubric
from assessment.store.research_consent import set_research_consent, set_school_type


def export(args: argparse.Namespace) -> int:
    lang = args.lang
    try:
        rubric = load_rubric(args.rubric)
    except RubricError as error:
        return fail(error.problems)
    store.register_rubric(rubric)
    try:
        with _database() as engine:
            summary = export_research(engine, store.admin_access(), rubric, args.directory)
    except store.StoreError as error:
        return _refused(error, lang)
    print(
        t(
            "research.cli.exported",
            lang,
            path=summary.descriptor,
            scans=summary.scans,
            schools=summary.schools,
        )
    )
    for why, count in summary.left_out.items():
        if count:
            label = f"{rubric.id} {rubric.version}"
            print(
                t(
                    f"research.cli.left_out_{why}",
                    lang,
                    count=count,
                    minimum=RESEARCH_MINIMUM,
                    rubric=label,
                )
            )
    return 0


def figures(args: argparse.Namespace) -> int:
    try:
        rubric = load_rubric(args.rubric)
    except RubricError as error:
        return fail(error.problems)
    try:
        shown = figures_of(args.directory)
    except PackageRefused as refused:
        return fail([t(refused.key, args.lang, **refused.values)])
    print("\n".join(figure_lines(shown, rubric, args.lang, RESEARCH_MINIMUM)))
    return 0


def school_type(args: argparse.Namespace) -> int:
    try:
        with _database() as engine:
            set_school_type(engine, store.admin_access(), args.school_id, args.school_type)
    except store.StoreError as error:
        return _refused(error, args.lang)
    print(
        t(
            "research.cli.school_type_set",
            args.lang,
            id=args.school_id,
            school_type=args.school_type,
        )
    )
    return 0


def consent(args: argparse.Namespace) -> int:
    try:
        with _database() as engine:
            set_research_consent(engine, store.admin_access(), args.school_id, args.state == "on")
    except store.StoreError as error:
        return _refused(error, args.lang)
    state = t(f"research.cli.state_{args.state}", args.lang)
    print(t("research.cli.consent_set", args.lang, id=args.school_id, state=state))
    return 0
