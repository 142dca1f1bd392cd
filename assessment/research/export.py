"""``python -m assessment research export DIR``: the dataset of every school that opted in."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from assessment.research.dataset import build_dataset
from assessment.research.package import write_package
from assessment.rubric import Rubric
from assessment.store.info import Access
from assessment.store.research_scans import research_scans


@dataclass(frozen=True)
class ExportSummary:
    descriptor: Path
    scans: int
    schools: int
    left_out: dict[str, int]  # why -> scans


def export_research(
    engine: Engine, access: Access, rubric: Rubric, directory: Path
) -> ExportSummary:
    """Read the scans (operator only, logged), build the rows and write the package."""
    dataset = build_dataset(rubric, research_scans(engine, access))
    descriptor = write_package(dataset, directory, f"{rubric.id} {rubric.version}")
    scans = dataset.tables["scans"]
    return ExportSummary(
        descriptor,
        len(scans),
        len({row["research_id"] for row in scans}),
        dataset.left_out,
    )
