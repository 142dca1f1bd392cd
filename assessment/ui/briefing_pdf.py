"""The briefing PDF download, built only when the button is clicked."""

from __future__ import annotations

from functools import partial

import streamlit as st
from sqlalchemy import Engine

from assessment import store
from assessment.rubric import Rubric
from assessment.ui import context
from assessment.ui.context import tr
from assessment.ui.logged_download import logged


def _build(engine: Engine, access: store.Access, scan_id: int, rubric: Rubric, lang: str) -> bytes:
    from assessment.report.briefing_report import briefing_pdf  # ReportLab loads on the click

    return briefing_pdf(engine, access, scan_id, rubric, lang)


def briefing_download_button(
    access: store.Access, scan: store.ScanInfo, school: str, key: str
) -> None:
    name = tr("briefing.pdf_name", school=school, label=scan.label)
    st.download_button(
        tr("briefing.download_pdf"),
        data=logged(
            partial(_build, context.engine(), access, scan.id, context.rubric(), context.lang()),
            context.engine(),
            access,
            "briefing_pdf",
            scan.id,
        ),
        file_name="".join(c if c.isalnum() or c in "-_." else "-" for c in name),
        mime="application/pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
        key=key,
    )
