"""Two kinds of scan: the yearly scan of every criterion, and the tussenmeting of a few.

A tussenmeting is never a yearly scan: the board's summaries, the comparison with the previous
scan, the plan's open actions to review and the trend's years read yearly scans only.
"""

from __future__ import annotations

from typing import Any, Literal

ScanKind = Literal["jaarscan", "tussenmeting"]
YEARLY: ScanKind = "jaarscan"
INTERIM: ScanKind = "tussenmeting"
SCAN_KINDS: tuple[ScanKind, ...] = (YEARLY, INTERIM)


def is_yearly(scan: Any) -> bool:
    """Whether ``scan`` (a ``ScanInfo`` or a row of ``scan``) is a yearly scan."""
    return getattr(scan, "kind", YEARLY) == YEARLY


def is_interim(scan: Any) -> bool:
    return getattr(scan, "kind", YEARLY) == INTERIM
