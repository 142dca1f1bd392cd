"""The privacy leaflet download (for the MR), built only when clicked and recorded in the log."""

from __future__ import annotations

from functools import partial

import streamlit as st
from sqlalchemy import Engine

from assessment import store
from assessment.ui import context
from assessment.ui.context import tr
from assessment.views import privacy


def _build(engine: Engine, access: store.Access, lang: str, min_group_size: int) -> bytes:
    from assessment.privacy_notice import notice_from_env
    from assessment.report.privacy_leaflet import privacy_leaflet_pdf  # ReportLab on the click

    pdf = privacy_leaflet_pdf(notice_from_env(lang, min_group_size), lang)
    store.record_download(engine, access, "privacy_leaflet")
    return pdf


def leaflet_download_button(access: store.Access, key: str) -> None:
    st.download_button(
        tr("privacy.download"),
        data=partial(
            _build, context.engine(), access, context.lang(), privacy.minimum(context.rubric())
        ),
        file_name=tr("privacy.file_name"),
        mime="application/pdf",
        on_click="ignore",
        icon=":material/privacy_tip:",
        key=key,
    )
