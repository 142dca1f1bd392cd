"""The rows of the research package, from the scans the store hands out (``research_scans``).

Every scan is scored with today's rubric (older answers through its crosswalk, as the trend does)
and the research minimum (``suppression``); a scan of another rubric is left out. The rows hold
only what ``columns`` describes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from assessment.board_scoring import score_for_board
from assessment.research import suppression
from assessment.rubric import Rubric
from assessment.scoring import ItemResult, ScanResult, ThemeResult
from assessment.store.research_scans import ResearchScan

Row = dict[str, Any]


@dataclass
class Dataset:
    tables: dict[str, list[Row]] = field(default_factory=dict)
    left_out: dict[str, int] = field(default_factory=dict)  # why -> scans


def build_dataset(rubric: Rubric, scans: Sequence[ResearchScan]) -> Dataset:
    dataset = Dataset({name: [] for name in ("scans", "criteria", "themes", "theme_phases")})
    reasons = {"few_respondents": 0, "small_cell": 0, "other_rubric": 0}
    kept = []
    for scan in scans:
        if scan.rubric_id != rubric.id:
            reasons["other_rubric"] += 1
        elif not suppression.scan_published(scan.respondents):
            reasons["few_respondents"] += 1
        else:
            kept.append(scan)
    types = suppression.published_types(
        (scan.research_id, scan.school_type, scan.school_year) for scan in kept
    )
    scoring_rubric = suppression.research_rubric(rubric)
    keys: set[str] = set()
    for scan in kept:
        school_type = types.get((scan.research_id, scan.school_year))
        if school_type is None:
            reasons["small_cell"] += 1
            continue
        key = _key(scan, keys)
        result = score_for_board(scoring_rubric, scan.answers, scan.agreed)
        _add_scan(dataset.tables, rubric, key, scan, school_type, result)
    dataset.tables["rubric"] = _rubric_rows(rubric)
    dataset.tables["crosswalk"] = [
        {"retired_id": old, "criterion": new} for old, new in sorted(rubric.crosswalk.items())
    ]
    dataset.left_out = reasons
    return dataset


def _key(scan: ResearchScan, taken: set[str]) -> str:
    """``research id/school year``; a second scan in one school year gets ``/2``."""
    base = key = f"{scan.research_id}/{scan.school_year}"
    number = 1
    while key in taken:
        number += 1
        key = f"{base}/{number}"
    taken.add(key)
    return key


def _add_scan(
    tables: dict[str, list[Row]],
    rubric: Rubric,
    key: str,
    scan: ResearchScan,
    school_type: str,
    result: ScanResult,
) -> None:
    tables["scans"].append(
        {
            "scan": key,
            "research_id": scan.research_id,
            "school_type": school_type,
            "school_year": scan.school_year,
            "respondents": scan.respondents,
            "rubric_version": scan.rubric_version,
            "school_phase": result.school_phase,
        }
    )
    themes = {theme.id: theme for theme in result.themes}
    for theme in result.themes:
        tables["themes"].append(
            {
                "scan": key,
                "theme": theme.id,
                "readiness": theme.readiness,
                "phase": theme.phase,
                "foundation_gap": "foundation_gap" in theme.flags,
                "insufficient_information": "insufficient_information" in theme.flags,
            }
        )
        for phase in theme.phases:
            tables["theme_phases"].append(
                {
                    "scan": key,
                    "theme": theme.id,
                    "phase": phase.phase,
                    "mean": None if phase.mean is None else round(phase.mean, 2),
                    "complete": phase.complete,
                    "provisional": phase.provisional,
                }
            )
    for item in result.items.values():
        tables["criteria"].append(_criterion_row(rubric, key, item, themes[item.theme]))


def _criterion_row(rubric: Rubric, key: str, item: ItemResult, theme: ThemeResult) -> Row:
    rules = rubric.rules
    published = suppression.distribution_published(item.n)
    counts: Row = {"scored": item.n if published else None}
    for value in ("0", "1", "2", "3", "dk", "na"):
        counts[f"answers_{value}"] = item.distribution.get(value, 0) if published else None
    critical_open = any(item.id in dict(p.critical_open) for p in theme.phases)
    working = theme.phase == item.phase and not item.left_out
    below_bar = item.value is not None and item.value < rules.phase_complete_mean
    return {
        "scan": key,
        "criterion": item.id,
        "distribution_published": published,
        **counts,
        "agreed": None if item.agreed is None else str(item.agreed),
        "value": None if item.value is None else round(item.value, 2),
        "unknown": item.unknown,
        "left_out": item.left_out,
        "blocks": item.value is not None and item.value < rules.item_blocks_below,
        "critical_open": critical_open,
        "working_phase": working,
        "holds_open": working and (item.unknown or below_bar or critical_open),
    }


def _rubric_rows(rubric: Rubric) -> list[Row]:
    return [
        {
            "criterion": criterion.id,
            "theme": criterion.theme,
            "phase": criterion.phase,
            "critical": criterion.critical,
            "label_nl": criterion.label["nl"],
            "label_en": criterion.label["en"],
        }
        for criterion in rubric.criteria
    ]
