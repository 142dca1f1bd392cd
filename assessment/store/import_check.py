"""Reading and checking a school export before anything of it is written.

The whole document is checked first and every problem reported at once (``ImportRefused``), so a
refused import changes nothing. An import holds only what the rubric named in each scan offers:
that rubric must be known to this installation, every criterion must be one of its criteria (or
an old id its crosswalk maps), every value one of its answers, every theme one of its themes.
Texts pass the input check of ``assessment/text_input.py``; times, numbers and nesting are
bounded, so no file, however odd, ends in a traceback.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from assessment.respondents import RESPONDENT_ROLES
from assessment.rubric import Rubric
from assessment.store import tables as T
from assessment.store._common import is_answer_value, may_answer
from assessment.store.errors import ImportRefused
from assessment.store.import_interim import check_kind
from assessment.store.info import ACTION_STATUSES, SCAN_STATUSES
from assessment.store.rubrics import rubric_for
from assessment.text_input import checked_name, text_problem

FORMAT = "tso-zelfscan-school"
# Version 2 holds no time of a respondent or an answer, only whether a respondent started and
# submitted. Version 1 files (with times) still import: their times are checked, then only
# whether they are there is kept.
FORMAT_VERSION = 2
READABLE_VERSIONS = (1, 2)
MAX_DEPTH = 10  # an export is 7 levels deep: scans[].respondents[].answers[].value
MAX_REF = 1_000_000_000
EARLIEST = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
LATEST = dt.datetime(2100, 12, 31, tzinfo=dt.UTC)


def load_export(text: str | bytes) -> dict[str, Any]:
    """Parse an export file's text; ImportRefused when it is not (complete) JSON, holds a number
    too long to read (Python reads at most 4300 digits) or nests deeper than ``MAX_DEPTH``."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ImportRefused([("store.import.not_utf8", {})]) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportRefused(
            [
                (
                    "store.import.not_json",
                    {"line": error.lineno, "column": error.colno, "error": error.msg},
                )
            ]
        ) from None
    except ValueError:  # an integer of more than 4300 digits
        raise ImportRefused([("store.import.number_too_large", {})]) from None
    except RecursionError:
        raise ImportRefused([("store.import.too_deep", {"depth": MAX_DEPTH})]) from None
    if not isinstance(data, dict):
        raise ImportRefused([("store.import.not_object", {})])
    return data


# --- checking an import -----------------------------------------------------------------------

_MISSING = object()


def _too_deep(data: Any) -> bool:
    """Whether lists and objects nest deeper than ``MAX_DEPTH`` (checked without recursion)."""
    level: list[Any] = [data]
    for _ in range(MAX_DEPTH + 1):
        level = [
            child
            for item in level
            if isinstance(item, (dict, list))
            for child in (item.values() if isinstance(item, dict) else item)
            if isinstance(child, (dict, list))
        ]
        if not level:
            return False
    return True


def _shown(value: Any, limit: int = 40) -> str:
    """A value for a message: short, and never a traceback (a huge integer cannot become text)."""
    if isinstance(value, int) and value.bit_length() > 64:
        return "…"
    if isinstance(value, (dict, list)):
        return "{…}" if isinstance(value, dict) else "[…]"
    shown = str(value)
    shown = shown[:limit] + ("…" if len(shown) > limit else "")
    return shown if shown.isprintable() else shown.encode("unicode_escape").decode("ascii")


@dataclass
class ParsedImport:
    board_name: str = ""
    school: dict[str, Any] = field(default_factory=dict)
    scans: list[dict[str, Any]] = field(default_factory=list)


class _Checker:
    def __init__(self) -> None:
        self.problems: list[tuple[str, dict[str, Any]]] = []

    def add(self, key: str, **values: Any) -> None:
        self.problems.append((f"store.import.{key}", values))

    def get(
        self, obj: dict[str, Any], key: str, path: str, kind: str, *, optional: bool = False
    ) -> Any:
        """``obj[key]`` when it has the right kind; records a problem and returns _MISSING if not."""
        where = f"{path}.{key}" if path else key
        if key not in obj:
            if optional:
                return None
            self.add("missing", path=where)
            return _MISSING
        value = obj[key]
        if value is None and optional:
            return None
        checks = {
            "text": lambda v: isinstance(v, str),
            "bool": lambda v: isinstance(v, bool),
            "list": lambda v: isinstance(v, list),
            "object": lambda v: isinstance(v, dict),
            "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
        }
        if kind in ("datetime", "date"):
            return self._time(value, where, kind)
        if not checks[kind](value):
            self.add(f"bad_{kind}", path=where)
            return _MISSING
        if kind == "int" and not 0 <= value <= MAX_REF:
            self.add("bad_int", path=where)
            return _MISSING
        return value

    def _time(self, value: Any, where: str, kind: str) -> Any:
        parsed = _parsed_time(value, kind)
        if parsed is None:
            self.add(f"bad_{kind}", path=where, value=_shown(value))
            return _MISSING
        day = parsed.date() if isinstance(parsed, dt.datetime) else parsed
        if not EARLIEST.date() <= day <= LATEST.date():
            self.add(
                f"{kind}_out_of_range",
                path=where,
                value=_shown(value),
                earliest=EARLIEST.year,
                latest=LATEST.year,
            )
            return _MISSING
        return parsed

    def text(
        self,
        obj: dict[str, Any],
        key: str,
        path: str,
        limit: int,
        *,
        required: bool = True,
        name: bool = False,
    ) -> str:
        """The text through the input check (stripped; a ``name`` normalised as the store
        keeps names); "" with a problem recorded if refused."""
        value = self.get(obj, key, path, "text", optional=not required)
        if value is _MISSING or value is None:
            return ""
        refused = text_problem(value, limit, name=name)
        if refused is not None:
            kind = "bad_text" if refused.kind == "not_text" else refused.kind
            self.add(kind, path=f"{path}.{key}", **refused.values)
            return ""
        text = checked_name(value, limit) if name else value.strip()
        if required and not text:
            self.add("empty", path=f"{path}.{key}")
        return text


def _parsed_time(value: Any, kind: str) -> dt.date | None:
    """A date, or for ``kind`` "datetime" a datetime in UTC, from ISO text; None if it is none."""
    if not isinstance(value, str) or len(value) > 40:
        return None
    try:
        if kind != "datetime":
            return dt.date.fromisoformat(value)
        moment = dt.datetime.fromisoformat(value)
        return (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)).astimezone(dt.UTC)
    except (ValueError, OverflowError):  # e.g. year 9999 at +14:00 leaves the calendar
        return None


def check_import(data: Any) -> ParsedImport:
    """The document checked completely; ImportRefused listing every problem otherwise."""
    check = _Checker()
    if not isinstance(data, dict):
        raise ImportRefused([("store.import.not_object", {})])
    if _too_deep(data):
        raise ImportRefused([("store.import.too_deep", {"depth": MAX_DEPTH})])
    if data.get("format") != FORMAT:
        check.add("wrong_format", found=_shown(data.get("format"), 60), expected=FORMAT)
        raise ImportRefused(check.problems)
    if data.get("version") not in READABLE_VERSIONS or isinstance(data.get("version"), bool):
        check.add("wrong_version", found=_shown(data.get("version"), 20), expected=FORMAT_VERSION)
        raise ImportRefused(check.problems)
    parsed = ParsedImport()
    board = check.get(data, "board", "", "object")
    if board is not _MISSING:
        parsed.board_name = check.text(board, "name", "board", T.NAME_LENGTH, name=True).strip()
    school = check.get(data, "school", "", "object")
    if school is not _MISSING:
        parsed.school = {
            "name": check.text(school, "name", "school", T.NAME_LENGTH, name=True).strip(),
            "share_with_board": check.get(school, "share_with_board", "school", "bool"),
            "is_demo": check.get(school, "is_demo", "school", "bool", optional=True) or False,
        }
    scans = check.get(data, "scans", "", "list")
    if scans is _MISSING:
        raise ImportRefused(check.problems)
    labels: set[str] = set()
    refs: set[int] = set()
    for index, scan in enumerate(scans):
        path = f"scans[{index}]"
        if not isinstance(scan, dict):
            check.add("bad_object", path=path)
            continue
        parsed.scans.append(_check_scan(check, scan, path, labels, refs, data["version"]))
    if check.problems:
        raise ImportRefused(check.problems)
    return parsed


def _check_scan(
    check: _Checker, scan: dict[str, Any], path: str, labels: set[str], refs: set[int], version: int
) -> dict[str, Any]:
    label = _check_label(check, scan, path, labels)
    rubric_fields, rubric = _check_rubric(check, scan, path)
    status = check.get(scan, "status", path, "text")
    if status is not _MISSING and status not in SCAN_STATUSES:
        check.add("bad_status", path=f"{path}.status", value=_shown(status, 20))
    # In reading order, so that the problems are listed in the order of the file.
    return {
        "label": label,
        "rubric": rubric_fields,
        "status": status,
        "created_at": check.get(scan, "created_at", path, "datetime"),
        "closed_at": check.get(scan, "closed_at", path, "datetime", optional=True),
        "notes_removed_on": check.get(scan, "notes_removed_on", path, "date", optional=True),
        "answers_removed_on": check.get(scan, "answers_removed_on", path, "date", optional=True),
        "mr_informed_on": check.get(scan, "mr_informed_on", path, "date", optional=True),
        "removed_answers": _check_removed(check, scan, path, rubric),
        **check_kind(check, scan, path, rubric),
        "respondents": _each_object(
            check,
            check.get(scan, "respondents", path, "list"),
            f"{path}.respondents",
            lambda item, where: _check_respondent(check, item, where, rubric, version),
        ),
        "agreed": _check_values(
            check,
            _list_or_empty(check.get(scan, "agreed", path, "list")),
            f"{path}.agreed",
            rubric,
            "decided_at",
        ),
        "actions": _each_object(
            check,
            check.get(scan, "actions", path, "list"),
            f"{path}.actions",
            lambda item, where: _check_action(check, item, where, rubric, refs),
        ),
    }


def _each_object(
    check: _Checker,
    items: Any,
    path: str,
    check_one: Callable[[dict[str, Any], str], dict[str, Any]],
) -> list[dict[str, Any]]:
    """``check_one`` over each object of a list (nothing for a missing list, a problem for an item
    that is no object)."""
    checked = []
    for index, item in enumerate(_list_or_empty(items)):
        where = f"{path}[{index}]"
        if isinstance(item, dict):
            checked.append(check_one(item, where))
        else:
            check.add("bad_object", path=where)
    return checked


def _list_or_empty(items: Any) -> list[Any]:
    return [] if items is _MISSING else list(items)


def _check_label(check: _Checker, scan: dict[str, Any], path: str, labels: set[str]) -> str:
    """The scan's label, stripped; one label per school."""
    label = check.text(scan, "label", path, T.LABEL_LENGTH, name=True)
    if label.strip():
        if label.strip() in labels:
            check.add("duplicate_label", path=f"{path}.label", label=label)
        labels.add(label.strip())
    return label.strip()


def _check_rubric(
    check: _Checker, scan: dict[str, Any], path: str
) -> tuple[dict[str, str], Rubric | None]:
    """The scan's rubric fields, and the rubric they name when this installation knows it."""
    rubric_doc = check.get(scan, "rubric", path, "object")
    rubric_fields = {"id": "", "version": "", "hash": ""}
    if rubric_doc is not _MISSING:
        for key, limit in (("id", T.LABEL_LENGTH), ("version", T.LABEL_LENGTH), ("hash", 64)):
            rubric_fields[key] = check.text(rubric_doc, key, f"{path}.rubric", limit)
    if not all(rubric_fields.values()):
        return rubric_fields, None
    rubric = rubric_for(rubric_fields["id"], rubric_fields["hash"])
    if rubric is None:
        check.add("unknown_rubric", path=f"{path}.rubric.id", rubric=rubric_fields["id"])
    return rubric_fields, rubric


def _check_respondent(
    check: _Checker, respondent: dict[str, Any], path: str, rubric: Rubric | None, version: int
) -> dict[str, Any]:
    role = check.get(respondent, "role", path, "text", optional=True)
    if role not in (None, _MISSING) and role not in RESPONDENT_ROLES:
        check.add("bad_role", path=f"{path}.role", value=_shown(role))
    # further roles (an export from before they existed has none)
    other_roles = check.get(respondent, "other_roles", path, "list", optional=True) or []
    for o_index, other in enumerate([] if other_roles is _MISSING else other_roles):
        if other not in RESPONDENT_ROLES:
            check.add("bad_role", path=f"{path}.other_roles[{o_index}]", value=_shown(other))
    answers = check.get(respondent, "answers", path, "list")
    checked_answers = _check_values(
        check,
        [] if answers is _MISSING else answers,
        f"{path}.answers",
        rubric,
        "updated_at" if version == 1 else None,
    )
    roles = [role, *([] if other_roles is _MISSING else other_roles)]
    _check_roles(check, checked_answers, roles, rubric, f"{path}.answers")
    if version == 1:
        started = check.get(respondent, "started_at", path, "datetime", optional=True)
        submitted = check.get(respondent, "submitted_at", path, "datetime", optional=True)
    else:
        started = check.get(respondent, "started", path, "bool")
        submitted = check.get(respondent, "submitted", path, "bool")
    return {
        "role": role,
        "other_roles": [] if other_roles is _MISSING else other_roles,
        "started": started not in (None, False, _MISSING),
        "submitted": submitted not in (None, False, _MISSING),
        "answers": checked_answers,
    }


def _check_action(
    check: _Checker, item: dict[str, Any], path: str, rubric: Rubric | None, refs: set[int]
) -> dict[str, Any]:
    ref = check.get(item, "ref", path, "int")
    carried_from = check.get(item, "carried_from", path, "int", optional=True)
    if carried_from not in (None, _MISSING) and carried_from not in refs:
        check.add("bad_reference", path=f"{path}.carried_from", ref=carried_from)
    if ref is not _MISSING:
        if ref in refs:
            check.add("duplicate_ref", path=f"{path}.ref", ref=ref)
        refs.add(ref)
    theme = check.get(item, "theme", path, "text")
    criterion = check.get(item, "criterion", path, "text", optional=True)
    status = check.get(item, "status", path, "text")
    values = {
        "theme": theme,
        "criterion": criterion,
        "title": check.text(item, "title", path, T.TITLE_LENGTH).strip(),
        "owner": check.text(item, "owner", path, T.NAME_LENGTH, required=False, name=True).strip(),
        "due_date": check.get(item, "due_date", path, "date", optional=True),
        "status": status,
    }
    if status is not _MISSING and status not in ACTION_STATUSES:
        check.add("bad_status", path=f"{path}.status", value=_shown(status, 20))
    if rubric is not None and theme is not _MISSING and criterion is not _MISSING:
        _check_action_criterion(check, rubric, theme, criterion, path)
    return {"ref": ref, "carried_from": carried_from, **values}


def _check_action_criterion(
    check: _Checker, rubric: Rubric, theme: str, criterion: str | None, path: str
) -> None:
    """An action's theme is one of the rubric's, its criterion (if any) one of that theme's."""
    current = _current_id(rubric, criterion) if criterion is not None else None
    if theme not in [t.id for t in rubric.theme_list]:
        check.add("unknown_theme", path=f"{path}.theme", theme=_shown(theme))
    elif criterion is not None and current is None:
        check.add("unknown_criterion", path=f"{path}.criterion", criterion=_shown(criterion))
    elif current is not None and rubric.criterion(current).theme != theme:
        check.add("criterion_theme", path=f"{path}.criterion", criterion=criterion, theme=theme)


def _check_roles(
    check: _Checker,
    answers: list[dict[str, Any]],
    roles: list[Any],
    rubric: Rubric | None,
    path: str,
) -> None:
    """An answer to a criterion none of the respondent's roles may judge is refused, as the
    questionnaire and the store refuse it (``answered_by``)."""
    known = [role for role in roles if isinstance(role, str) and role in RESPONDENT_ROLES]
    if rubric is None or len(known) < len([r for r in roles if r not in (None, _MISSING)]):
        return  # a role already refused as unknown: one message for it is enough
    for answer in answers:
        current = _current_id(rubric, answer["criterion"])
        if current is not None and not may_answer(rubric.criterion(current), known):
            check.add("not_for_role", path=path, criterion=answer["criterion"])


def _check_values(
    check: _Checker, items: list[Any], path: str, rubric: Rubric | None, time_key: str | None
) -> list[dict[str, Any]]:
    """Answers (or agreed values): criterion, value, note, time (None without ``time_key``);
    one per criterion."""
    seen: set[str] = set()
    checked = []
    for index, item in enumerate(items):
        where = f"{path}[{index}]"
        if not isinstance(item, dict):
            check.add("bad_object", path=where)
            continue
        criterion = check.get(item, "criterion", where, "text")
        value = item.get("value", _MISSING)
        note = check.text(item, "note", where, T.NOTE_LENGTH, required=False)
        when = None if time_key is None else check.get(item, time_key, where, "datetime")
        if criterion is _MISSING:
            continue
        if rubric is None:
            continue  # the scan's rubric is refused: its criteria cannot be checked
        current = _current_id(rubric, criterion)
        if current is None:
            check.add("unknown_criterion", path=f"{where}.criterion", criterion=_shown(criterion))
            continue
        if criterion in seen:
            check.add("duplicate_criterion", path=f"{where}.criterion", criterion=criterion)
        seen.add(criterion)
        if value is _MISSING:
            check.add("missing", path=f"{where}.value")
            continue
        if not is_answer_value(value) or (
            isinstance(value, int) and value not in rubric.scale_values
        ):
            check.add("bad_value", path=f"{where}.value", value=_shown(value, 20))
            continue
        if value == "na" and not rubric.criterion(current).allow_not_applicable:
            check.add("na_not_allowed", path=f"{where}.value", criterion=criterion)
            continue
        checked.append({"criterion": criterion, "value": value, "note": note, "time": when})
    return checked


def _current_id(rubric: Rubric, criterion: str) -> str | None:
    """The rubric's id for ``criterion``: itself, or what the crosswalk maps an old id to."""
    if rubric.has_criterion(criterion):
        return criterion
    new_id = rubric.crosswalk.get(criterion)
    return new_id if new_id is not None and rubric.has_criterion(new_id) else None


def _check_removed(
    check: _Checker, scan: dict[str, Any], path: str, rubric: Rubric | None
) -> dict[str, Any] | None:
    """What a scan whose answers the retention removed keeps instead: how often each value was
    given per criterion, and how many respondents answered and submitted. None when absent."""
    removed = check.get(scan, "removed_answers", path, "object", optional=True)
    if removed in (None, _MISSING):
        return None
    where = f"{path}.removed_answers"
    respondents = check.get(removed, "respondents", where, "int")
    submitted = check.get(removed, "submitted", where, "int")
    counts = check.get(removed, "counts", where, "list")
    checked = []
    for index, item in enumerate([] if counts is _MISSING else counts):
        at = f"{where}.counts[{index}]"
        if not isinstance(item, dict):
            check.add("bad_object", path=at)
            continue
        criterion = check.get(item, "criterion", at, "text")
        times = check.get(item, "times", at, "int")
        value = item.get("value", _MISSING)
        if not is_answer_value(value) or (
            rubric is not None and isinstance(value, int) and value not in rubric.scale_values
        ):
            check.add("bad_value", path=f"{at}.value", value=_shown(value, 20))
            continue
        known = rubric is None or criterion is _MISSING or _current_id(rubric, criterion)
        if not known:
            check.add("unknown_criterion", path=f"{at}.criterion", criterion=_shown(criterion))
            continue
        checked.append({"criterion": criterion, "value": value, "times": times})
    return {"respondents": respondents, "submitted": submitted, "counts": checked}
