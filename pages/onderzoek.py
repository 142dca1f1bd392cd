"""Onderzoek: what holds schools back, from the research package in TSO_RESEARCH_DIR (operator)."""

from assessment.ui import context, research_figures

context.ensure_app_frame()
research_figures.show()
