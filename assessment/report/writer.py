"""Words and paragraphs for a document about a scan: locale text (``report.*``), Dutch-style
numbers and dates, rubric labels, answer values, each as text or as a styled Paragraph."""

from __future__ import annotations

import datetime as dt
from typing import Any

from babel.dates import format_date
from reportlab.platypus import Paragraph

from assessment.explanations import phase_label
from assessment.i18n import number, t
from assessment.report.fonts import register_fonts
from assessment.report.styles import esc, paragraph_styles
from assessment.rubric import Rubric
from assessment.scoring import DONT_KNOW, NOT_APPLICABLE, ItemResult


class Writer:
    """``p()`` shows text exactly (escaped); ``m()`` takes paragraph markup the caller built
    from ``esc()``-ed pieces. Styles by name from ``paragraph_styles()``."""

    def __init__(self, rubric: Rubric, lang: str):
        register_fonts()  # styles and width measurements need the faces
        self.rubric = rubric
        self.lang = lang
        self.s = paragraph_styles()

    def t(self, key: str, **values: Any) -> str:
        return t(f"report.{key}", self.lang, **values)

    def p(self, text: object, style: str = "body") -> Paragraph:
        return Paragraph(esc(text), self.s[style])

    def m(self, markup: str, style: str = "body", bullet: str | None = None) -> Paragraph:
        return Paragraph(markup, self.s[style], bulletText=bullet)

    def num(self, value: float | None, decimals: int = 1) -> str:
        if value is None:
            return self.t("values.none")
        return number(value, self.lang, decimals)

    def date(self, day: dt.date | None, long: bool = False) -> str:
        if day is None:
            return self.t("values.none")
        pattern = self.t("date_long" if long else "date_short")
        return format_date(day, pattern, locale=self.t("babel_locale"))

    def theme_label(self, theme_id: str | None) -> str:
        if not theme_id:
            return self.t("values.none")
        try:
            return self.rubric.text(self.rubric.theme(theme_id).label, self.lang)
        except StopIteration:
            return theme_id

    def criterion_label(self, criterion_id: str) -> str:
        criterion_id = self.rubric.crosswalk.get(criterion_id, criterion_id)  # a retired id
        if self.rubric.has_criterion(criterion_id):
            return self.rubric.text(self.rubric.criterion(criterion_id).label, self.lang)
        return criterion_id

    def phase(self, phase_id: str) -> str:
        try:
            return phase_label(self.rubric, phase_id, self.lang)
        except StopIteration:
            return phase_id

    def status(self, status: str) -> str:
        key = f"report.status.{status}"
        try:
            return t(key, self.lang)
        except KeyError:
            return status

    def item_value(self, item: ItemResult) -> str:
        if item.left_out:
            return self.t("values.not_applicable")
        if item.value is None:
            return self.t("values.unknown")
        return self.num(item.value)

    def agreed_text(self, agreed: object) -> str:
        if agreed is None:
            return self.t("values.none")
        if agreed == DONT_KNOW:
            return self.t("values.dont_know")
        if agreed == NOT_APPLICABLE:
            return self.t("values.not_applicable")
        return str(agreed)

    def role(self, role: str) -> str:
        try:
            return t(f"report.roles.{role}", self.lang)
        except KeyError:
            return role
