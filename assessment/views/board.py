"""Vergelijken's view: a board's dashboard over the closed scans of the schools that share with it.

Its figures come from the summaries the store keeps per closed scan, which the privacy policy
already stripped of every group under the minimum (``assessment.store.summaries``,
``assessment.board_scoring``); a board never reads an answer.
"""

from __future__ import annotations

from sqlalchemy import Engine

from assessment import store
from assessment.board_dashboard import Dashboard, build_dashboard
from assessment.rubric import Rubric


def board_view(engine: Engine, access: store.Access, rubric: Rubric) -> Dashboard | None:
    """The dashboard of the board of ``access``; None when no school shares with it."""
    schools = store.board_overview(engine, access)
    return build_dashboard(schools, rubric) if schools else None
