"""“Download alle gegevens van onze school”: the school's own data as a ZIP of CSV files.

Read through the store's service functions with the coordinator's access. Nothing ties an answer
to a respondent: answers come per scan and criterion sorted by value, notes sorted by text, no
respondent id, code or time; days only. Every cell is neutralised as in the other exports
(``spreadsheet.py``).
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from assessment import store
from assessment.i18n import t
from assessment.rubric import Rubric
from assessment.spreadsheet import csv_bytes

FILES = ("scans", "antwoorden", "toelichtingen", "afspraken", "actieplan")


def school_zip(engine: Any, access: store.Access, rubric: Rubric, lang: str = "nl") -> bytes:
    school = store.get_school(engine, access, access.bound_school_id)
    scans = list(reversed(store.list_scans(engine, access, school.id)))  # oldest first
    rows: dict[str, list[list[Any]]] = {name: [] for name in FILES}
    for scan in scans:
        data = store.scan_data(engine, access, scan.id)
        rows["scans"].append(
            [
                scan.label,
                t(f"store.cli.status_{scan.status}", lang),
                scan.created_at.date(),
                scan.closed_at.date() if scan.closed_at else None,
                data.started,
                data.submitted,
                scan.notes_removed_on,
                scan.answers_removed_on,
                scan.rubric_version,
            ]
        )
        for criterion, values in sorted(data.answers.items()):
            rows["antwoorden"] += [
                [scan.label, criterion, _label(rubric, criterion, lang), _value(v, lang)]
                for v in values
            ]
        for criterion, notes in sorted(data.notes.items()):
            rows["toelichtingen"] += [[scan.label, criterion, note] for note in sorted(notes)]
        for criterion, value in sorted(data.agreed.items()):
            rows["afspraken"].append(
                [
                    scan.label,
                    criterion,
                    _label(rubric, criterion, lang),
                    _value(value, lang),
                    data.agreed_notes.get(criterion, ""),
                ]
            )
        for action in store.list_actions(engine, access, scan.id):
            rows["actieplan"].append(
                [
                    scan.label,
                    action.theme,
                    action.criterion or "",
                    action.title,
                    action.owner,
                    action.due_date,
                    t(f"report.status.{action.status}", lang),
                ]
            )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("LEESMIJ.txt", t("school_data.readme", lang, school=school.name))
        for name in FILES:
            headers = t(f"school_data.headers.{name}", lang).split("|")
            archive.writestr(f"{name}.csv", csv_bytes(headers, rows[name]))
    return buffer.getvalue()


def _label(rubric: Rubric, criterion: str, lang: str) -> str:
    return (
        rubric.text(rubric.criterion(criterion).label, lang)
        if rubric.has_criterion(criterion)
        else ""
    )


def _value(value: Any, lang: str) -> str | int:
    if value == "dk":
        return t("report.values.dont_know", lang)
    if value == "na":
        return t("report.values.not_applicable", lang)
    score: int = value
    return score
