"""The action plan as a spreadsheet: headers, theme names and status words in the user's language."""

from __future__ import annotations

from collections.abc import Sequence

from assessment import spreadsheet
from assessment.i18n import t
from assessment.rubric import Rubric
from assessment.spreadsheet import Cell
from assessment.store.info import ActionInfo

COLUMNS = ("title", "theme", "criterion", "owner", "due_date", "status")


def plan_table(
    actions: Sequence[ActionInfo], rubric: Rubric, lang: str
) -> tuple[list[str], list[list[Cell]]]:
    """Headers and one row per action, in the plan's order."""
    headers = [t(f"actions.col.{column}", lang) for column in COLUMNS]
    rows: list[list[Cell]] = []
    for action in actions:
        rows.append(
            [
                action.title,
                _theme_label(rubric, action.theme, lang),
                _criterion_label(rubric, action.criterion, lang),
                action.owner,
                action.due_date,
                t(f"actions.status.{action.status}", lang),
            ]
        )
    return headers, rows


def plan_csv(actions: Sequence[ActionInfo], rubric: Rubric, lang: str) -> bytes:
    return spreadsheet.csv_bytes(*plan_table(actions, rubric, lang))


def plan_xlsx(actions: Sequence[ActionInfo], rubric: Rubric, lang: str) -> bytes:
    return spreadsheet.xlsx_bytes(t("actions.title", lang), *plan_table(actions, rubric, lang))


def _theme_label(rubric: Rubric, theme_id: str, lang: str) -> str:
    if theme_id in {theme.id for theme in rubric.theme_list}:
        return rubric.text(rubric.theme(theme_id).label, lang)
    return theme_id  # a theme of an older rubric version: its id is all we have


def _criterion_label(rubric: Rubric, criterion_id: str | None, lang: str) -> str:
    if not criterion_id:
        return ""
    if rubric.has_criterion(criterion_id):
        return rubric.text(rubric.criterion(criterion_id).label, lang)
    return criterion_id
