"""What a page says of a scan whose answers or notes the retention removed."""

from __future__ import annotations

import streamlit as st

from assessment import store
from assessment.ui.context import tr


def removed_notice(scan: store.ScanInfo) -> None:
    if scan.answers_removed_after is not None:
        st.info(tr("retention.answers_removed", years=scan.answers_removed_after))
    elif scan.notes_removed_after is not None:
        st.caption(tr("retention.notes_removed", years=scan.notes_removed_after))
