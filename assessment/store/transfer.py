"""Export and import of one school: its scans, respondents, answers, agreed values and actions.

The file is JSON with ``"format": "tso-zelfscan-school"`` and ``"version": 1``. Database ids are
not in it: actions refer to each other by ``ref``. Access codes are never exported. An import is
checked completely before anything is written, then written in one transaction.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, select

from assessment.respondents import RESPONDENT_ROLES
from assessment.rubric import Rubric
from assessment.store import tables as T
from assessment.store._common import (
    decode_value,
    encode_value,
    get_school_row,
    is_answer_value,
    school_info,
    utcnow,
)
from assessment.store.access import verify
from assessment.store.engine import reading, writing
from assessment.store.errors import AccessDenied, ImportRefused, NotFound
from assessment.store.info import ACTION_STATUSES, SCAN_STATUSES, Access, SchoolInfo
from assessment.store.rubrics import rubric_for

FORMAT = "tso-zelfscan-school"
FORMAT_VERSION = 1


def _time(value: dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def export_school(engine: Engine, access: Access, school_id: int) -> dict[str, Any]:
    """Everything of one school as a JSON-serialisable document (admin)."""
    with reading(engine) as connection:
        verify(connection, access)
        if access.role != "admin":
            raise AccessDenied()
        school = get_school_row(connection, school_id)
        board = connection.execute(select(T.board).where(T.board.c.id == school.board_id)).one()
        scans = connection.execute(
            select(T.scan)
            .where(T.scan.c.school_id == school_id)
            .order_by(T.scan.c.created_at, T.scan.c.id)
        ).all()
        refs: dict[int, int] = {}
        exported_scans = []
        for scan in scans:
            respondents = []
            for respondent in connection.execute(
                select(T.respondent)
                .where(T.respondent.c.scan_id == scan.id)
                .order_by(T.respondent.c.id)
            ):
                answers = connection.execute(
                    select(T.answer)
                    .where(T.answer.c.respondent_id == respondent.id)
                    .order_by(T.answer.c.criterion)
                )
                respondents.append(
                    {
                        "role": respondent.role,
                        "started_at": _time(respondent.started_at),
                        "submitted_at": _time(respondent.submitted_at),
                        "answers": [
                            {
                                "criterion": a.criterion,
                                "value": decode_value(a.kind, a.score),
                                "note": a.note,
                                "updated_at": _time(a.updated_at),
                            }
                            for a in answers
                        ],
                    }
                )
            agreed = [
                {
                    "criterion": c.criterion,
                    "value": decode_value(c.kind, c.score),
                    "note": c.note,
                    "decided_at": _time(c.decided_at),
                }
                for c in connection.execute(
                    select(T.consensus)
                    .where(T.consensus.c.scan_id == scan.id)
                    .order_by(T.consensus.c.criterion)
                )
            ]
            actions = []
            for a in connection.execute(
                select(T.action).where(T.action.c.scan_id == scan.id).order_by(T.action.c.id)
            ):
                refs[a.id] = len(refs) + 1
                actions.append(
                    {
                        "ref": refs[a.id],
                        "theme": a.theme,
                        "criterion": a.criterion,
                        "title": a.title,
                        "owner": a.owner,
                        "due_date": None if a.due_date is None else a.due_date.isoformat(),
                        "status": a.status,
                        "carried_from": refs.get(a.carried_from),
                    }
                )
            exported_scans.append(
                {
                    "label": scan.label,
                    "rubric": {
                        "id": scan.rubric_id,
                        "version": scan.rubric_version,
                        "hash": scan.rubric_hash,
                    },
                    "status": scan.status,
                    "created_at": _time(scan.created_at),
                    "closed_at": _time(scan.closed_at),
                    "respondents": respondents,
                    "agreed": agreed,
                    "actions": actions,
                }
            )
        return {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "board": {"name": board.name},
            "school": {
                "name": school.name,
                "share_with_board": bool(school.share_with_board),
                "is_demo": bool(school.is_demo),
            },
            "scans": exported_scans,
        }


def load_export(text: str | bytes) -> dict[str, Any]:
    """Parse an export file's text; ImportRefused when it is not (complete) JSON."""
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
    if not isinstance(data, dict):
        raise ImportRefused([("store.import.not_object", {})])
    return data


# --- checking an import -----------------------------------------------------------------------

_MISSING = object()


@dataclass
class _Parsed:
    board_name: str = ""
    school: dict[str, Any] = field(default_factory=dict)
    scans: list[dict[str, Any]] = field(default_factory=list)


class _Checker:
    def __init__(self) -> None:
        self.problems: list[tuple[str, dict[str, Any]]] = []

    def add(self, key: str, **values: Any) -> None:
        self.problems.append((f"store.import.{key}", values))

    def get(self, obj: dict, key: str, path: str, kind: str, *, optional: bool = False) -> Any:
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
        return value

    def _time(self, value: Any, where: str, kind: str) -> Any:
        parse = dt.datetime.fromisoformat if kind == "datetime" else dt.date.fromisoformat
        try:
            parsed = parse(value) if isinstance(value, str) else None
        except ValueError:
            parsed = None
        if parsed is None:
            self.add(f"bad_{kind}", path=where, value=str(value)[:40])
            return _MISSING
        if kind == "datetime" and parsed.tzinfo is None:
            return parsed.replace(tzinfo=dt.UTC)
        return parsed

    def text(self, obj: dict, key: str, path: str, limit: int, *, required: bool = True) -> Any:
        value = self.get(obj, key, path, "text", optional=not required)
        if value is _MISSING or value is None:
            return ""
        if required and not value.strip():
            self.add("empty", path=f"{path}.{key}")
        if len(value) > limit:
            self.add("too_long", path=f"{path}.{key}", limit=limit)
        return value


def check_import(data: Any) -> _Parsed:
    """The document checked completely; ImportRefused listing every problem otherwise."""
    check = _Checker()
    if not isinstance(data, dict):
        raise ImportRefused([("store.import.not_object", {})])
    if data.get("format") != FORMAT:
        check.add("wrong_format", found=str(data.get("format"))[:60], expected=FORMAT)
        raise ImportRefused(check.problems)
    if data.get("version") != FORMAT_VERSION:
        check.add("wrong_version", found=str(data.get("version"))[:20], expected=FORMAT_VERSION)
        raise ImportRefused(check.problems)
    parsed = _Parsed()
    board = check.get(data, "board", "", "object")
    if board is not _MISSING:
        parsed.board_name = check.text(board, "name", "board", T.NAME_LENGTH).strip()
    school = check.get(data, "school", "", "object")
    if school is not _MISSING:
        parsed.school = {
            "name": check.text(school, "name", "school", T.NAME_LENGTH).strip(),
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
        parsed.scans.append(_check_scan(check, scan, path, labels, refs))
    if check.problems:
        raise ImportRefused(check.problems)
    return parsed


def _check_scan(
    check: _Checker, scan: dict, path: str, labels: set[str], refs: set[int]
) -> dict[str, Any]:
    label = check.text(scan, "label", path, T.LABEL_LENGTH)
    if isinstance(label, str) and label.strip():
        if label.strip() in labels:
            check.add("duplicate_label", path=f"{path}.label", label=label)
        labels.add(label.strip())
    rubric_doc = check.get(scan, "rubric", path, "object")
    rubric_fields = {"id": "", "version": "", "hash": ""}
    if rubric_doc is not _MISSING:
        for key, limit in (("id", T.LABEL_LENGTH), ("version", T.LABEL_LENGTH), ("hash", 64)):
            rubric_fields[key] = check.text(rubric_doc, key, f"{path}.rubric", limit)
    rubric = None
    if all(isinstance(v, str) and v for v in rubric_fields.values()):
        rubric = rubric_for(rubric_fields["id"], rubric_fields["hash"])
    status = check.get(scan, "status", path, "text")
    if status is not _MISSING and status not in SCAN_STATUSES:
        check.add("bad_status", path=f"{path}.status", value=str(status)[:20])
    result = {
        "label": label.strip() if isinstance(label, str) else label,
        "rubric": rubric_fields,
        "status": status,
        "created_at": check.get(scan, "created_at", path, "datetime"),
        "closed_at": check.get(scan, "closed_at", path, "datetime", optional=True),
        "respondents": [],
        "agreed": [],
        "actions": [],
    }
    respondents = check.get(scan, "respondents", path, "list")
    for r_index, respondent in enumerate([] if respondents is _MISSING else respondents):
        r_path = f"{path}.respondents[{r_index}]"
        if not isinstance(respondent, dict):
            check.add("bad_object", path=r_path)
            continue
        role = check.get(respondent, "role", r_path, "text", optional=True)
        if role not in (None, _MISSING) and role not in RESPONDENT_ROLES:
            check.add("bad_role", path=f"{r_path}.role", value=str(role)[:40])
        answers = check.get(respondent, "answers", r_path, "list")
        checked_answers = _check_values(
            check,
            [] if answers is _MISSING else answers,
            f"{r_path}.answers",
            rubric,
            "updated_at",
        )
        result["respondents"].append(
            {
                "role": role,
                "started_at": check.get(
                    respondent, "started_at", r_path, "datetime", optional=True
                ),
                "submitted_at": check.get(
                    respondent, "submitted_at", r_path, "datetime", optional=True
                ),
                "answers": checked_answers,
            }
        )
    agreed = check.get(scan, "agreed", path, "list")
    result["agreed"] = _check_values(
        check, [] if agreed is _MISSING else agreed, f"{path}.agreed", rubric, "decided_at"
    )
    actions = check.get(scan, "actions", path, "list")
    for a_index, item in enumerate([] if actions is _MISSING else actions):
        a_path = f"{path}.actions[{a_index}]"
        if not isinstance(item, dict):
            check.add("bad_object", path=a_path)
            continue
        ref = check.get(item, "ref", a_path, "int")
        carried_from = check.get(item, "carried_from", a_path, "int", optional=True)
        if carried_from not in (None, _MISSING) and carried_from not in refs:
            check.add("bad_reference", path=f"{a_path}.carried_from", ref=carried_from)
        if ref is not _MISSING:
            if ref in refs:
                check.add("duplicate_ref", path=f"{a_path}.ref", ref=ref)
            refs.add(ref)
        theme = check.get(item, "theme", a_path, "text")
        criterion = check.get(item, "criterion", a_path, "text", optional=True)
        status = check.get(item, "status", a_path, "text")
        values = {
            "theme": theme,
            "criterion": criterion,
            "title": check.text(item, "title", a_path, T.TITLE_LENGTH).strip(),
            "owner": check.text(item, "owner", a_path, T.NAME_LENGTH, required=False).strip(),
            "due_date": check.get(item, "due_date", a_path, "date", optional=True),
            "status": status,
        }
        if status is not _MISSING and status not in ACTION_STATUSES:
            check.add("bad_status", path=f"{a_path}.status", value=str(status)[:20])
        if rubric is not None and theme is not _MISSING and criterion is not _MISSING:
            if theme not in [t.id for t in rubric.theme_list]:
                check.add("unknown_theme", path=f"{a_path}.theme", theme=theme)
            elif criterion is None or criterion in rubric.crosswalk:
                pass  # no criterion, or one retired since: its theme was checked back then
            elif not rubric.has_criterion(criterion):
                check.add("unknown_criterion", path=f"{a_path}.criterion", criterion=criterion)
            elif rubric.criterion(criterion).theme != theme:
                check.add(
                    "criterion_theme", path=f"{a_path}.criterion", criterion=criterion, theme=theme
                )
        result["actions"].append({"ref": ref, "carried_from": carried_from, **values})
    return result


def _check_values(
    check: _Checker, items: list, path: str, rubric: Rubric | None, time_key: str
) -> list[dict[str, Any]]:
    """Answers (or agreed values): criterion, value, note, time; one per criterion."""
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
        when = check.get(item, time_key, where, "datetime")
        if criterion is _MISSING:
            continue
        if criterion in seen:
            check.add("duplicate_criterion", path=f"{where}.criterion", criterion=criterion)
        seen.add(criterion)
        if len(criterion) > T.CRITERION_LENGTH:
            check.add("too_long", path=f"{where}.criterion", limit=T.CRITERION_LENGTH)
            continue
        if value is _MISSING:
            check.add("missing", path=f"{where}.value")
            continue
        if not is_answer_value(value) or (isinstance(value, int) and not 0 <= value <= 100):
            check.add("bad_value", path=f"{where}.value", value=str(value)[:20])
            continue
        if rubric is not None:
            current = rubric.crosswalk.get(
                criterion, criterion
            )  # a retired id counts for its successor
            if not rubric.has_criterion(current):
                check.add("unknown_criterion", path=f"{where}.criterion", criterion=criterion)
                continue
            if value == "na" and not rubric.criterion(current).allow_not_applicable:
                check.add("na_not_allowed", path=f"{where}.value", criterion=criterion)
                continue
            if isinstance(value, int) and value not in rubric.scale_values:
                check.add("bad_value", path=f"{where}.value", value=str(value))
                continue
        checked.append({"criterion": criterion, "value": value, "note": note, "time": when})
    return checked


# --- writing an import ------------------------------------------------------------------------


def import_school(
    engine: Engine, access: Access, data: dict[str, Any], board_id: int | None = None
) -> SchoolInfo:
    """Create a school from an export document (admin). Into ``board_id`` when given, else into
    the board with the exported name (created when there is none). Everything is checked first,
    then written in one transaction: a refused import changes nothing."""
    with reading(engine) as connection:
        verify(connection, access)
    if access.role != "admin":
        raise AccessDenied()
    parsed = check_import(data)
    with writing(engine) as connection:
        return insert_school(connection, parsed, board_id)


def insert_school(
    connection: Connection, parsed: _Parsed, board_id: int | None, now: dt.datetime | None = None
) -> SchoolInfo:
    now = now or utcnow()
    if board_id is not None:
        if (
            connection.execute(select(T.board.c.id).where(T.board.c.id == board_id)).one_or_none()
            is None
        ):
            raise NotFound("store.errors.board_not_found", id=board_id)
    else:
        board_id = connection.execute(
            select(T.board.c.id)
            .where(T.board.c.name == parsed.board_name)
            .order_by(T.board.c.id)
            .limit(1)
        ).scalar_one_or_none()
        if board_id is None:
            board_id = connection.execute(
                T.board.insert()
                .values(name=parsed.board_name, created_at=now)
                .returning(T.board.c.id)
            ).scalar_one()
    name = parsed.school["name"]
    if connection.execute(
        select(T.school.c.id).where(T.school.c.board_id == board_id, T.school.c.name == name)
    ).first():
        raise ImportRefused([("store.import.school_exists", {"name": name})])
    school_id = connection.execute(
        T.school.insert()
        .values(
            board_id=board_id,
            name=name,
            share_with_board=parsed.school["share_with_board"],
            is_demo=parsed.school["is_demo"],
            created_at=now,
        )
        .returning(T.school.c.id)
    ).scalar_one()
    action_ids: dict[int, int] = {}
    for scan in parsed.scans:
        scan_id = connection.execute(
            T.scan.insert()
            .values(
                school_id=school_id,
                label=scan["label"],
                rubric_id=scan["rubric"]["id"],
                rubric_version=scan["rubric"]["version"],
                rubric_hash=scan["rubric"]["hash"],
                status=scan["status"],
                created_at=scan["created_at"],
                closed_at=scan["closed_at"],
            )
            .returning(T.scan.c.id)
        ).scalar_one()
        answer_rows = []
        for respondent in scan["respondents"]:
            respondent_id = connection.execute(
                T.respondent.insert()
                .values(
                    scan_id=scan_id,
                    code_id=None,
                    role=respondent["role"],
                    started_at=respondent["started_at"],
                    submitted_at=respondent["submitted_at"],
                )
                .returning(T.respondent.c.id)
            ).scalar_one()
            for answer in respondent["answers"]:
                kind, score = encode_value(answer["value"])
                answer_rows.append(
                    {
                        "respondent_id": respondent_id,
                        "scan_id": scan_id,
                        "criterion": answer["criterion"],
                        "kind": kind,
                        "score": score,
                        "note": answer["note"],
                        "updated_at": answer["time"],
                    }
                )
        if answer_rows:
            connection.execute(T.answer.insert(), answer_rows)
        agreed_rows = []
        for agreed in scan["agreed"]:
            kind, score = encode_value(agreed["value"])
            agreed_rows.append(
                {
                    "scan_id": scan_id,
                    "criterion": agreed["criterion"],
                    "kind": kind,
                    "score": score,
                    "note": agreed["note"],
                    "decided_at": agreed["time"],
                }
            )
        if agreed_rows:
            connection.execute(T.consensus.insert(), agreed_rows)
        for item in scan["actions"]:
            values = {k: v for k, v in item.items() if k not in ("ref", "carried_from")}
            action_ids[item["ref"]] = connection.execute(
                T.action.insert()
                .values(
                    scan_id=scan_id,
                    carried_from=action_ids.get(item["carried_from"]),
                    **values,
                )
                .returning(T.action.c.id)
            ).scalar_one()
    return school_info(get_school_row(connection, school_id))
