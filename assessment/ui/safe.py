"""Showing user text (notes, action titles, school names) literally, never as Markdown or HTML."""

from __future__ import annotations

import re

# Everything Streamlit's Markdown gives a meaning: CommonMark punctuation, $ for LaTeX,
# : for colour and emoji directives, ~ for strikethrough, < and > for HTML.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>$~:&])")


def md(text: object) -> str:
    """``text`` escaped so that ``st.markdown`` and widget labels show it exactly as written."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))
    return escaped.replace("\n", "  \n")
