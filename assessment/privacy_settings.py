"""The installation's privacy settings, read from the environment in one place: how long answers
and notes are kept after a scan closes, who is responsible, whom to ask and where the server is.

| setting | meaning | default |
|---|---|---|
| ``TSO_RETENTION_YEARS`` | years after a scan closes that its answers, respondents and the audit log are kept | 5 |
| ``TSO_NOTES_RETENTION_YEARS`` | years after a scan closes that its evidence notes are kept (never longer than the above) | 2 |
| ``TSO_PRIVACY_CONTROLLER`` | who is responsible for the data (the school or its board) | a sentence saying it is the school's board |
| ``TSO_PRIVACY_CONTACT`` | whom to ask (the privacy officer, an address) | the school's coordinator |
| ``TSO_SERVER_LOCATION`` | where the server and its backups stand | not set: "ask the controller" |
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from assessment.store.errors import InvalidInput
from assessment.store.retention import retention_from_environment
from assessment.text_input import TextRefused, checked_text

TEXT_LENGTH = 500  # three of these at full length still fit the two-page leaflet


class SettingRefused(ValueError):
    """A retention setting the purge would refuse, or a text setting that is not valid text."""


@dataclass(frozen=True)
class RetentionSettings:
    years: int  # answers, respondents, the audit log
    notes_years: int  # evidence notes and notes with agreed values; never longer than ``years``

    @classmethod
    def from_env(cls) -> RetentionSettings:
        """The settings the purge carries out (``store.retention``), refused alike."""
        try:
            retention = retention_from_environment()
        except InvalidInput as refused:
            raise SettingRefused(refused.key) from None
        return cls(retention.answer_years, retention.note_years)


@dataclass(frozen=True)
class PrivacySettings:
    """Free text the operator sets; ``None`` where nothing was set, so the page says so."""

    controller: str | None
    contact: str | None
    server_location: str | None

    @classmethod
    def from_env(cls) -> PrivacySettings:
        def text(name: str) -> str | None:
            try:
                return checked_text(os.environ.get(name, ""), TEXT_LENGTH) or None
            except TextRefused as refused:
                raise SettingRefused(f"{name}: {refused.kind}") from None

        return cls(
            text("TSO_PRIVACY_CONTROLLER"),
            text("TSO_PRIVACY_CONTACT"),
            text("TSO_SERVER_LOCATION"),
        )
