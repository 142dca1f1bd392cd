"""``validate`` and ``score``: the rubric and scoring without a database."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from assessment.answers_csv import InputError, answers_by_criterion, read_answers, read_consensus
from assessment.cli.output import fail
from assessment.explanations import explain_theme, phase_label, step_action
from assessment.i18n import LANGUAGES, number, t
from assessment.rubric import Rubric, RubricError, default_rubric_dir, load_rubric
from assessment.scoring import ScanResult, score_scan


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    validate = commands.add_parser("validate", help="check a rubric directory")
    validate.add_argument("directory", nargs="?", type=Path, help="rubric directory")
    validate.set_defaults(handler=run_validate)

    score = commands.add_parser("score", help="score answers from a CSV file")
    score.add_argument("answers", type=Path, help="ANSWERS.csv: respondent,criterion,answer")
    score.add_argument("--consensus", type=Path, help="CONSENSUS.csv: criterion,answer")
    score.add_argument("--rubric", type=Path, help="rubric directory")
    score.add_argument("--lang", choices=list(LANGUAGES), default="nl")
    score.add_argument("--json", action="store_true", help="machine-readable output")
    score.set_defaults(handler=run_score)


def rubric_or_problems(directory: Path | None) -> Rubric | list[str]:
    try:
        return load_rubric(directory or default_rubric_dir())
    except RubricError as error:
        return error.problems


def run_validate(args: argparse.Namespace) -> int:
    rubric = rubric_or_problems(args.directory)
    if isinstance(rubric, list):
        return fail(rubric, t("cli.validate.failed", "nl", count=len(rubric)))
    print(
        t(
            "cli.validate.ok",
            "nl",
            id=rubric.id,
            version=rubric.version,
            themes=len(rubric.theme_list),
            phases=len(rubric.phases),
            criteria=len(rubric.criteria),
        )
    )
    return 0


def run_score(args: argparse.Namespace) -> int:
    rubric = rubric_or_problems(args.rubric)
    if isinstance(rubric, list):
        return fail(rubric)
    try:
        rows = read_answers(args.answers, rubric, args.lang)
        agreed = read_consensus(args.consensus, rubric, args.lang) if args.consensus else {}
    except InputError as error:
        return fail(error.problems)
    result = score_scan(rubric, answers_by_criterion(rows), agreed)
    if args.json:
        print(json.dumps(result_as_json(rubric, result, args.lang), ensure_ascii=False, indent=2))
    else:
        print(result_as_text(rubric, result, args.lang))
    return 0


def result_as_json(rubric: Rubric, result: ScanResult, lang: str) -> dict[str, Any]:
    return {
        "rubric": {"id": rubric.id, "version": rubric.version},
        "school_phase": result.school_phase,
        "themes": [
            {
                "id": theme.id,
                "readiness": theme.readiness,
                "phase": theme.phase,
                "complete_phases": theme.complete_phases,
                "provisional_phases": theme.provisional_phases,
                "flags": list(theme.flags),
                "explanation": explain_theme(rubric, theme, lang),
            }
            for theme in result.themes
        ],
        "items": [
            {
                "id": item.id,
                "value": item.value,
                "n": item.n,
                "dk_share": item.dk_share,
                "range": item.range,
                "contested": item.contested,
            }
            for item in result.items.values()
        ],
        "next_steps": [
            {
                "theme": step.theme,
                "criterion": step.criterion,
                "action": step_action(rubric, step, lang),
            }
            for step in result.next_steps
        ],
    }


def result_as_text(rubric: Rubric, result: ScanResult, lang: str) -> str:
    lines = [
        t(
            "cli.score.heading",
            lang,
            rubric=rubric.id,
            version=rubric.version,
            phase=phase_label(rubric, result.school_phase, lang),
        ),
        "",
        f"{t('cli.score.theme', lang):<28} {t('cli.score.readiness', lang):>11}  "
        f"{t('cli.score.phase', lang):<14} {t('cli.score.flags', lang)}",
    ]
    for theme in result.themes:
        readiness = (
            number(theme.readiness, lang)
            if theme.readiness is not None
            else t("cli.score.no_value", lang)
        )
        flags = ", ".join(t(f"scoring.flags.{flag}", lang) for flag in theme.flags)
        label = rubric.text(rubric.theme(theme.id).label, lang)
        lines.append(
            f"{label:<28} {readiness:>11}  {phase_label(rubric, theme.phase, lang):<14} {flags}"
        )
    lines += ["", t("cli.score.why", lang)]
    for theme in result.themes:
        lines += ["", f"{rubric.text(rubric.theme(theme.id).label, lang)}"]
        lines += [f"  {line}" for line in explain_theme(rubric, theme, lang).splitlines()]
    lines += ["", t("cli.score.next_steps", lang)]
    for step in result.next_steps:
        criterion = rubric.criterion(step.criterion)
        lines.append(
            f"  [{t(f'scoring.step.{step.kind}', lang)}] {rubric.text(criterion.label, lang)}: "
            f"{step_action(rubric, step, lang)}"
        )
    return "\n".join(lines)
