"""Beheer's MR step: the leaflet to hand to the medezeggenschapsraad and a tick, per scan, that it
was informed; before the codes go out (the Stappenplan puts it there too)."""

from __future__ import annotations

import streamlit as st
from sqlalchemy import Engine

from assessment import store
from assessment.i18n import day
from assessment.ui import context
from assessment.ui.context import tr, tr_md
from assessment.ui.privacy_leaflet import leaflet_download_button


def current_scan(scans: list[store.ScanInfo]) -> store.ScanInfo | None:
    """The scan the Stappenplan is about: the open one, else the newest."""
    return next((s for s in scans if s.status == "open"), scans[0] if scans else None)


def _tick(engine: Engine, access: store.Access, scan_id: int, key: str) -> None:
    try:
        store.set_mr_informed(engine, access, scan_id, st.session_state[key])
    except store.StoreError as error:  # shown by Beheer at the top of the next run
        st.session_state["manage_error"] = tr_md(error.key, **error.values)


def show(access: store.Access, scans: list[store.ScanInfo]) -> None:
    engine = context.engine()
    st.header(tr("privacy.mr.heading"))
    st.write(tr("privacy.mr.intro"))
    leaflet_download_button(access, key="privacy_leaflet_manage")
    scan = current_scan(scans)
    if scan is None:
        st.caption(tr("privacy.mr.no_scan"))
        return
    informed = store.mr_informed_on(engine, access, scan.id)
    key = f"mr_informed_{scan.id}"
    st.checkbox(
        tr_md("privacy.mr.checkbox", label=scan.label),
        value=informed is not None,
        key=key,
        on_change=_tick,
        args=(engine, access, scan.id, key),
    )
    if informed is not None:
        st.caption(tr("privacy.mr.ticked_on", date=day(informed, context.lang())))
