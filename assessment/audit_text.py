"""One audit-log row in words: when (school time, to the minute), who (role and code label) and
what, for Beheer's "Wie deed wat" and ``python -m assessment admin log``."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from assessment.i18n import catalog, t
from assessment.store.audit import AuditEvent

SCHOOL_TIME = ZoneInfo("Europe/Amsterdam")


def when(event: AuditEvent) -> str:
    return event.occurred_at.astimezone(SCHOOL_TIME).strftime("%d-%m-%Y %H:%M")


def who(event: AuditEvent, lang: str) -> str:
    role = t(f"audit.roles.{event.role}", lang)
    if event.code_label:
        return t("audit.who_label", lang, role=role, label=event.code_label)
    if event.code_id is not None:
        return t("audit.who_code", lang, role=role, code=event.code_id)
    return role


def what(event: AuditEvent, lang: str) -> str:
    detail = event.detail
    values: dict[str, object] = dict(detail)
    role = detail.get("role")
    values["role_name"] = t(f"manage.code_roles.{role}", lang) if role else ""
    values["named"] = f" ‘{detail['label']}’" if detail.get("label") else ""
    values["what_name"] = _known(f"audit.what.{detail.get('what')}", lang, detail.get("what"))
    values["share_word"] = t(f"audit.share_words.{'on' if detail.get('share') else 'off'}", lang)
    values["summary"] = ", ".join(
        _known(f"audit.purge_parts.{name}", lang, f"{name} {{count}}").format(count=count)
        for name, count in detail.items()
        if isinstance(count, int) and event.action == "purge"
    )
    for name in ("count", "code", "criterion", "added", "changed", "deleted", "school"):
        values.setdefault(name, "")
    text = t(f"audit.actions.{event.action}", lang, **values)
    if scan := detail.get("scan"):
        text += t("audit.scan_suffix", lang, scan=scan)
    return text


def _known(key: str, lang: str, fallback: object) -> str:
    return catalog(lang).get(key) or str(fallback or "")


def line(event: AuditEvent, lang: str) -> str:
    """The row as one line of the command line's ``admin log``."""
    school = event.school_id if event.school_id is not None else t("audit.cli.no_school", lang)
    return t(
        "audit.cli.line",
        lang,
        when=when(event),
        school=school,
        who=who(event, lang),
        what=what(event, lang),
    )
