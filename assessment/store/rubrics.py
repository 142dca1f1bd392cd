"""Which rubric checks the answers of a scan.

A scan records its rubric's id, version and content hash. Its criteria are checked against the rubric
with that id and hash when this process has seen it (``register_rubric``; ``open_scan`` and
``seed_demo`` register the rubric they are given), else against a rubric with the same id (a newer
version: criteria that still exist are accepted), else against the loaded default rubric
(``load_rubric()``) when its id matches.
"""

from __future__ import annotations

import threading

from assessment.rubric import Rubric, RubricError, default_rubric_dir, load_rubric

_lock = threading.Lock()
_by_hash: dict[tuple[str, str], Rubric] = {}
_by_id: dict[str, Rubric] = {}
_defaults: dict[str, Rubric] = {}


def register_rubric(rubric: Rubric) -> None:
    with _lock:
        _by_hash[(rubric.id, rubric.content_hash)] = rubric
        _by_id[rubric.id] = rubric


def _default_rubric() -> Rubric | None:
    directory = str(default_rubric_dir())
    with _lock:
        cached = _defaults.get(directory)
    if cached is not None:
        return cached
    try:
        loaded = load_rubric(directory)
    except (RubricError, OSError):
        return None
    with _lock:
        _defaults[directory] = loaded
    return loaded


def rubric_for(rubric_id: str, rubric_hash: str) -> Rubric | None:
    """The rubric that checks a scan with this rubric id and hash, or None when none is known."""
    with _lock:
        exact = _by_hash.get((rubric_id, rubric_hash))
        same_id = _by_id.get(rubric_id)
    if exact is not None:
        return exact
    default = _default_rubric()
    if default is not None and default.id == rubric_id and default.content_hash == rubric_hash:
        return default
    if same_id is not None:
        return same_id
    if default is not None and default.id == rubric_id:
        return default
    return None
