"""Reading answers and agreed values from CSV files, checked against a rubric.

ANSWERS.csv: ``respondent,criterion,answer`` with optional ``role`` and ``note``; CONSENSUS.csv:
``criterion,answer``. An answer is a scale value, ``dk`` or ``na``. A criterion id retired through
the rubric's crosswalk is accepted, so a file answered under an older rubric version still scores.
Every bad row is reported with its line number, all at once; a file with any problem yields nothing.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from assessment.i18n import t
from assessment.rubric import Rubric
from assessment.scoring import DONT_KNOW, NOT_APPLICABLE, AnswerValue
from assessment.text_input import NAME_LENGTH, NOTE_LENGTH, text_problem

ANSWER_COLUMNS = ("respondent", "criterion", "answer")
CONSENSUS_COLUMNS = ("criterion", "answer")
_NUMBER = re.compile("[0-9]+")  # ASCII digits only: "²" and "٣" are no answers
_TEXT_LIMITS = {"respondent": NAME_LENGTH, "role": NAME_LENGTH, "note": NOTE_LENGTH}


class InputError(Exception):
    """Input that cannot be used; ``problems`` holds one message per offending row."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class AnswerRow:
    line: int
    respondent: str
    criterion: str
    answer: AnswerValue
    role: str = ""
    note: str = ""


def parse_answer(text: str, rubric: Rubric, criterion_id: str) -> AnswerValue | None:
    """The answer ``text`` means for this criterion, or None when it is not a valid answer."""
    text = text.strip().lower()
    if text == DONT_KNOW:
        return DONT_KNOW
    if text == NOT_APPLICABLE:
        allowed = rubric.criterion(criterion_id).allow_not_applicable
        return NOT_APPLICABLE if allowed else None
    if _NUMBER.fullmatch(text) and int(text) in rubric.scale_values:
        return int(text)
    return None


def _rows(path: Path, columns: Iterable[str], lang: str) -> list[tuple[int, dict[str, str]]]:
    name = path.name
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError([t("cli.csv.unreadable", lang, file=name, error=error.strerror)]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError([t("cli.csv.not_utf8", lang, file=name)]) from None
    if not text.strip():
        raise InputError([t("cli.csv.empty", lang, file=name)])
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows: list[tuple[int, dict[str, str]]] = []
    last_line = 0  # where the last good record ended: a bad one starts on the next line
    try:
        header = [(h or "").strip().lower() for h in reader.fieldnames or []]
        missing = [c for c in columns if c not in header]
        if missing:
            raise InputError(
                [t("cli.csv.missing_columns", lang, file=name, columns=", ".join(missing))]
            )
        reader.fieldnames = header
        last_line = reader.line_num
        for row in reader:
            rows.append(
                (reader.line_num, {k: (v or "").strip() for k, v in row.items() if k is not None})
            )
            last_line = reader.line_num
    except csv.Error:  # e.g. a field over csv.field_size_limit() (131.072 characters)
        raise InputError([t("cli.csv.not_csv", lang, file=name, line=last_line + 1)]) from None
    if not rows:
        raise InputError([t("cli.csv.no_rows", lang, file=name)])
    return rows


def _check_texts(row: dict[str, str], line: int, lang: str, problems: list[str], file: str) -> None:
    for column, limit in _TEXT_LIMITS.items():
        refused = text_problem(row.get(column), limit)
        if refused is not None:
            problems.append(
                t(
                    f"cli.csv.{refused.kind}",
                    lang,
                    file=file,
                    line=line,
                    column=column,
                    **refused.values,
                )
            )


def _shown(value: str) -> str:
    """A value for a message: at most 40 characters, control characters made visible."""
    short = value[:40] + ("…" if len(value) > 40 else "")
    return short.encode("unicode_escape").decode("ascii") if not short.isprintable() else short


def _checked_answer(
    row: dict[str, str], line: int, rubric: Rubric, lang: str, problems: list[str], file: str
) -> AnswerValue | None:
    criterion = row.get("criterion", "")
    # a criterion retired through the crosswalk still reads: scoring counts it for its successor
    current = rubric.crosswalk.get(criterion, criterion)
    if not rubric.has_criterion(current):
        problems.append(
            t("cli.csv.unknown_criterion", lang, file=file, line=line, value=_shown(criterion))
        )
        return None
    answer = parse_answer(row.get("answer", ""), rubric, current)
    if answer is None:
        key = "na_not_allowed" if row.get("answer", "").lower() == NOT_APPLICABLE else "bad_answer"
        problems.append(
            t(
                f"cli.csv.{key}",
                lang,
                file=file,
                line=line,
                value=_shown(row.get("answer", "")),
                criterion=criterion,
            )
        )
    return answer


def read_answers(path: Path, rubric: Rubric, lang: str = "nl") -> list[AnswerRow]:
    problems: list[str] = []
    result: list[AnswerRow] = []
    seen: dict[tuple[str, str], int] = {}
    for line, row in _rows(path, ANSWER_COLUMNS, lang):
        _check_texts(row, line, lang, problems, path.name)
        respondent = row.get("respondent", "")
        if not respondent:
            problems.append(t("cli.csv.no_respondent", lang, file=path.name, line=line))
        answer = _checked_answer(row, line, rubric, lang, problems, path.name)
        key = (respondent, row.get("criterion", ""))
        if key in seen:
            problems.append(
                t(
                    "cli.csv.duplicate",
                    lang,
                    file=path.name,
                    line=line,
                    first=seen[key],
                    respondent=respondent,
                    criterion=key[1],
                )
            )
        seen.setdefault(key, line)
        if answer is not None and respondent:
            result.append(
                AnswerRow(
                    line, respondent, key[1], answer, row.get("role", ""), row.get("note", "")
                )
            )
    if problems:
        raise InputError(problems)
    return result


def read_consensus(path: Path, rubric: Rubric, lang: str = "nl") -> dict[str, AnswerValue]:
    problems: list[str] = []
    agreed: dict[str, AnswerValue] = {}
    first: dict[str, int] = {}
    for line, row in _rows(path, CONSENSUS_COLUMNS, lang):
        answer = _checked_answer(row, line, rubric, lang, problems, path.name)
        criterion = row.get("criterion", "")
        if criterion in first:
            problems.append(
                t(
                    "cli.csv.duplicate_consensus",
                    lang,
                    file=path.name,
                    line=line,
                    first=first[criterion],
                    criterion=criterion,
                )
            )
        first.setdefault(criterion, line)
        if answer is not None:
            agreed[criterion] = answer
    if problems:
        raise InputError(problems)
    return agreed


def answers_by_criterion(rows: Iterable[AnswerRow]) -> dict[str, list[AnswerValue]]:
    grouped: dict[str, list[AnswerValue]] = {}
    for row in rows:
        grouped.setdefault(row.criterion, []).append(row.answer)
    return grouped
