"""Streamlit helpers shared by the pages; the only part of ``assessment`` that imports streamlit."""
