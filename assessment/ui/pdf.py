"""The action-plan PDF download, built only when the button is clicked."""

from __future__ import annotations

from functools import partial

import streamlit as st
from sqlalchemy import Engine

from assessment import store
from assessment.ui import context
from assessment.ui.context import tr
from assessment.ui.logged_download import logged


def _build(engine: Engine, access: store.Access, scan_id: int, lang: str) -> bytes:
    from assessment.report import report_for_scan  # ReportLab loads on the first click

    return report_for_scan(engine, access, scan_id, lang)


def pdf_download_button(access: store.Access, scan: store.ScanInfo, key: str) -> None:
    st.download_button(
        tr("actions.download_pdf"),
        data=logged(
            partial(_build, context.engine(), access, scan.id, context.lang()),
            context.engine(),
            access,
            "plan_pdf",
            scan.id,
        ),
        file_name=tr("actions.pdf_name", label=scan.label.replace("/", "-")),
        mime="application/pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
        key=key,
    )
