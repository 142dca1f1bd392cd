"""Under the ontwikkelkaart: the provisional phases and the core practices that hold a phase open,
in sentences (on a phone the map shows its cells as symbols)."""

from __future__ import annotations

import streamlit as st

from assessment.explanations import critical_holds, provisional_notes
from assessment.rubric import Rubric
from assessment.scoring import ScanResult
from assessment.ui.context import tr
from assessment.ui.safe import md


def show(rubric: Rubric, result: ScanResult, lang: str) -> None:
    for title, lines in (
        ("map.provisional_title", provisional_notes(rubric, result, lang)),
        ("map.critical_title", critical_holds(rubric, result, lang)),
    ):
        if lines:
            st.markdown(f"**{md(tr(title))}**\n\n" + "\n".join(f"- {md(line)}" for line in lines))
