"""Errors of the store. Each carries a locale key and its values: ``t(err.key, lang, **err.values)``."""

from __future__ import annotations

from typing import Any


class StoreError(Exception):
    """Base class: something the user can be told in their own language."""

    default_key = "store.errors.failed"

    def __init__(self, key: str | None = None, **values: Any):
        self.key = key or self.default_key
        self.values = values
        super().__init__(f"{self.key} {values}" if values else self.key)


class AccessDenied(StoreError):
    """The access the caller holds does not allow this."""

    default_key = "store.errors.not_allowed"


class CodeRefused(StoreError):
    """An access code that is unknown, revoked or expired (the key says which)."""

    default_key = "store.errors.code_unknown"


class SessionEnded(StoreError):
    """A sign-in that no longer holds: signed out, idle too long, or unknown (the key says which)."""

    default_key = "store.errors.session_ended"


class NotFound(StoreError):
    """The board, school, scan, code or action does not exist."""

    default_key = "store.errors.not_found"


class ScanClosed(StoreError):
    """The scan is closed: answers can no longer change."""

    default_key = "store.errors.scan_closed"


class InvalidInput(StoreError):
    """A value that cannot be stored (unknown criterion, n.v.t. not allowed, empty name, ...)."""

    default_key = "store.errors.invalid"


class Conflict(StoreError):
    """Someone else changed (or deleted) what the caller edits since the caller read it; nothing
    was saved. ``current`` holds each such row as it is now (None: deleted), by action id or
    criterion, so a page can show what changed."""

    default_key = "store.errors.conflict"

    def __init__(
        self, key: str | None = None, *, current: dict[Any, Any] | None = None, **values: Any
    ) -> None:
        self.current = dict(current or {})
        super().__init__(key, **values)


class DatabaseFault(StoreError):
    """The database failed (unreachable, read-only, full); the transaction was rolled back."""

    default_key = "store.errors.database"


class ImportRefused(StoreError):
    """An import file that cannot be imported; ``problems`` lists every (key, values) found."""

    default_key = "store.import.refused"

    def __init__(self, problems: list[tuple[str, dict[str, Any]]]):
        self.problems = problems
        key, values = problems[0] if problems else (self.default_key, {})
        super().__init__(key, **values)


class DatabaseInUse(StoreError):
    """An older SQLite file that another process (the app) uses cannot be migrated now."""

    default_key = "store.errors.in_use"
