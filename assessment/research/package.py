"""The research dataset as a Frictionless Data package: ``datapackage.json`` (a table schema for
every CSV, the licence, a description) beside one CSV file per table of ``columns``."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from frictionless import Package, Resource, Schema, validate

from assessment.research.columns import TABLES, Table
from assessment.research.dataset import Dataset
from assessment.research.suppression import RESEARCH_MINIMUM

DESCRIPTOR = "datapackage.json"
NAME = "tso-zelfscan-research"
LICENSE = {
    "name": "CC-BY-NC-4.0",
    "path": "https://creativecommons.org/licenses/by-nc/4.0/",
    "title": "Creative Commons Attribution-NonCommercial 4.0 International",
}
DESCRIPTION = (
    "Closed yearly scans of the TSO Zelfscan (trauma-sensitive education) of schools that opted"
    " in to the consortium's research, one row per scan, criterion, theme and phase. A school is"
    " known only by a random research id. Left out: scans answered by fewer than"
    f" {RESEARCH_MINIMUM} colleagues, the distribution of a criterion scored by fewer than"
    f" {RESEARCH_MINIMUM}, and school type x school year cells of fewer than {RESEARCH_MINIMUM}"
    " schools (merged into 'overig', else left out). No names, notes, plans, times or roles."
)


@contextmanager
def _csv_limit_kept() -> Iterator[None]:
    """Frictionless raises the csv module's field limit for the whole process when it first
    touches a CSV resource; the answers' CSV input relies on the default to refuse an oversized
    field, so the limit is put back."""
    limit = csv.field_size_limit()
    try:
        yield
    finally:
        csv.field_size_limit(limit)


def _schema(table: Table) -> Schema:
    return Schema.from_descriptor(
        {
            "fields": [
                {
                    "name": column.name,
                    "type": column.type,
                    "description": column.description,
                    **({"constraints": {"required": True}} if column.required else {}),
                }
                for column in table.columns
            ],
            "primaryKey": list(table.primary_key),
            "foreignKeys": [
                {"fields": [column], "reference": {"resource": other, "fields": [target]}}
                for column, other, target in table.references
            ],
        }
    )


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def write_package(dataset: Dataset, directory: Path, rubric_label: str) -> Path:
    """Write the CSV files and ``datapackage.json`` into ``directory``; returns the descriptor."""
    with _csv_limit_kept():
        return _write(dataset, directory, rubric_label)


def _write(dataset: Dataset, directory: Path, rubric_label: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    resources = []
    for table in TABLES:
        path = directory / f"{table.name}.csv"
        with path.open("w", newline="", encoding="utf-8") as file:
            writer = csv.writer(file, lineterminator="\n")
            writer.writerow(table.names)
            for row in dataset.tables[table.name]:
                writer.writerow([_cell(row[name]) for name in table.names])
        resources.append(
            Resource(
                name=table.name,
                path=path.name,
                description=table.description,
                format="csv",
                mediatype="text/csv",
                encoding="utf-8",
                schema=_schema(table),
            )
        )
    package = Package(
        name=NAME,
        title="TSO Zelfscan: research dataset",
        description=f"{DESCRIPTION} Scored with rubric {rubric_label}.",
        licenses=[LICENSE],
        # the day only: the package says when it was made, not to the minute
        created=f"{dt.datetime.now(dt.UTC).date().isoformat()}T00:00:00Z",
        resources=resources,
    )
    descriptor = directory / DESCRIPTOR
    descriptor.write_text(
        json.dumps(package.to_descriptor(), ensure_ascii=False, indent=2), encoding="utf-8"
    )
    return descriptor


def validate_package(directory: Path) -> Any:
    """The report of ``frictionless validate`` on the package in ``directory``."""
    with _csv_limit_kept():
        return validate(str(directory / DESCRIPTOR))


def read_tables(directory: Path) -> dict[str, list[dict[str, str]]]:
    """Every table of the package, as text, for the figures. Read through the descriptor, so a
    package without one of our tables is refused (``KeyError``)."""
    descriptor = json.loads((directory / DESCRIPTOR).read_text(encoding="utf-8"))
    paths = {resource["name"]: resource["path"] for resource in descriptor["resources"]}
    tables = {}
    for table in TABLES:
        with (directory / Path(paths[table.name]).name).open(encoding="utf-8") as file:
            tables[table.name] = list(csv.DictReader(file))
    return tables
