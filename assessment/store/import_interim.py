"""A tussenmeting in a school's export: its kind and the criteria it asks, checked on import like
everything else (an export from before tussenmetingen holds yearly scans only)."""

from __future__ import annotations

from typing import Any

from assessment.rubric import Rubric
from assessment.store.scan_kind import INTERIM, SCAN_KINDS, YEARLY

REASONS = ("phase", "plan", "phase+plan")


def check_kind(
    check: Any, scan: dict[str, Any], path: str, rubric: Rubric | None
) -> dict[str, Any]:
    """``{"kind": ..., "criteria": {criterion: reason}}`` of one exported scan; problems are
    recorded on ``check`` (the import's checker)."""
    kind = scan.get("kind", YEARLY)
    if kind not in SCAN_KINDS:
        check.add("bad_kind", path=f"{path}.kind", value=str(kind)[:20])
        return {"kind": YEARLY, "criteria": {}}
    criteria = scan.get("criteria", {})
    if kind == YEARLY and not criteria:
        return {"kind": kind, "criteria": {}}
    if kind != INTERIM or not isinstance(criteria, dict) or not criteria:
        check.add("bad_interim_criteria", path=f"{path}.criteria")
        return {"kind": kind, "criteria": {}}
    for criterion, reason in criteria.items():
        known = rubric is None or rubric.has_criterion(criterion)
        if not known or reason not in REASONS:
            check.add("bad_interim_criteria", path=f"{path}.criteria")
            break
    return {"kind": kind, "criteria": dict(criteria)}
