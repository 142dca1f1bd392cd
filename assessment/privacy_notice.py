"""What the Privacy page and the privacy leaflet say, built once so that screen and paper agree:
the texts from ``locales/*/privacy.yaml`` with this installation's settings filled in."""

from __future__ import annotations

from dataclasses import dataclass

from assessment.i18n import t
from assessment.privacy_settings import PrivacySettings, RetentionSettings

STORED = ("answers", "role", "days", "agreed", "codes", "log")
NOT_STORED = ("names", "addresses", "tracking", "answers_to_others")
ROLES = ("respondent", "coordinator", "trainer", "board", "admin")


@dataclass(frozen=True)
class RoleRow:
    role: str
    sees: str
    never: str


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...] = ()
    bullets: tuple[str, ...] = ()
    note: str = ""  # after the bullets


@dataclass(frozen=True)
class PrivacyNotice:
    title: str
    intro: str
    not_monitor: Section
    before_roles: tuple[Section, ...]  # responsible, kept, not kept
    roles_heading: str
    columns: tuple[str, str, str]
    roles: tuple[RoleRow, ...]
    after_roles: tuple[Section, ...]  # group size, retention, log, server, questions


def notice_from_env(lang: str, min_group_size: int) -> PrivacyNotice:
    """The notice with this installation's settings; ``SettingRefused`` when one is wrong."""
    return build_notice(
        lang, min_group_size, RetentionSettings.from_env(), PrivacySettings.from_env()
    )


def build_notice(
    lang: str,
    min_group_size: int,
    retention: RetentionSettings,
    settings: PrivacySettings,
) -> PrivacyNotice:
    def tr(key: str, **values: object) -> str:
        return t(f"privacy.{key}", lang, **values)

    contact = settings.contact or tr("contact_default")
    return PrivacyNotice(
        title=tr("title"),
        intro=tr("intro"),
        not_monitor=Section(tr("not_monitor_heading"), (tr("not_monitor"),)),
        before_roles=(
            Section(tr("responsible_heading"), (settings.controller or tr("controller_default"),)),
            Section(tr("stored_heading"), bullets=tuple(tr(f"stored.{k}") for k in STORED)),
            Section(
                tr("not_stored_heading"),
                bullets=tuple(tr(f"not_stored.{k}") for k in NOT_STORED),
                note=tr("names_note"),
            ),
        ),
        roles_heading=tr("roles_heading"),
        columns=(tr("col.role"), tr("col.sees"), tr("col.never")),
        roles=tuple(
            RoleRow(tr(f"roles.{r}.role"), tr(f"roles.{r}.sees"), tr(f"roles.{r}.never"))
            for r in ROLES
        ),
        after_roles=(
            Section(tr("group_heading"), (tr("group", size=min_group_size),)),
            Section(
                tr("retention_heading"),
                (tr("retention", years=retention.years, notes_years=retention.notes_years),),
            ),
            Section(tr("log_heading"), (tr("log"),)),
            Section(tr("server_heading"), (settings.server_location or tr("server_unknown"),)),
            Section(tr("questions_heading"), (contact,)),
        ),
    )
