"""Under the ontwikkelkaart in a PDF: the provisional phases and the core practices that hold a
phase open, in sentences."""

from __future__ import annotations

from reportlab.platypus import KeepTogether
from reportlab.platypus.flowables import Flowable

from assessment.explanations import critical_holds, provisional_notes
from assessment.i18n import t
from assessment.report.styles import esc
from assessment.report.writer import Writer
from assessment.rubric import Rubric
from assessment.scoring import ScanResult


def map_notes(w: Writer, rubric: Rubric, result: ScanResult) -> list[Flowable]:
    story: list[Flowable] = []
    for title, lines in (
        ("map.provisional_title", provisional_notes(rubric, result, w.lang)),
        ("map.critical_title", critical_holds(rubric, result, w.lang)),
    ):
        if lines:
            note: list[Flowable] = [
                w.p(t(title, w.lang), "lead"),
                *(w.m(esc(line), "bullet", "•") for line in lines),
            ]
            story.append(KeepTogether(note))
    return story
