"""A research package read back from its directory, or the reason it cannot be."""

from __future__ import annotations

import csv
from pathlib import Path

from assessment.research.figures import Figures, compute_figures
from assessment.research.package import DESCRIPTOR, read_tables


class PackageRefused(Exception):
    """``key`` and ``values`` give the message in the user's language."""

    def __init__(self, key: str, **values: str) -> None:
        super().__init__(key)
        self.key, self.values = key, values


def figures_of(directory: Path) -> Figures:
    if not (directory / DESCRIPTOR).is_file():
        raise PackageRefused("research.errors.no_package", path=str(directory))
    try:
        return compute_figures(read_tables(directory))
    except (KeyError, ValueError, OSError, csv.Error) as error:
        problem = f"{type(error).__name__}: {error}"
        raise PackageRefused(
            "research.errors.bad_package", path=str(directory), problem=problem
        ) from None
