"""Page styles that replace what Streamlit offers no parameter for (sent on every run)."""

from __future__ import annotations

import streamlit as st

# The table toolbar has English buttons ("Add row", "Search", ...) and a "Download as CSV" that
# writes cells raw, so a title such as =HYPERLINK(...) would run in Excel. The plan's own
# downloads neutralise every cell (assessment.spreadsheet).
_HIDE_TABLE_TOOLBAR = '<style>[data-testid="stElementToolbar"] { display: none; }</style>'


def hide_table_toolbar() -> None:
    st.html(_HIDE_TABLE_TOOLBAR)
