"""Export and import of one school: its scans, respondents, answers, agreed values and actions.

The file is JSON with ``"format": "tso-zelfscan-school"`` and ``"version": 2``. Database ids are
not in it: actions refer to each other by ``ref``. Access codes are never exported, and neither is
any time or day of a respondent or an answer: only whether a respondent started and submitted.
A scan whose answers the retention removed carries the counts that stand in for them
(``removed_answers``). An import is checked completely before anything is written
(``import_check``; version 1 files with times still import), then written in one transaction.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import Connection, Engine, Row, select

from assessment.store import tables as T
from assessment.store._common import (
    decode_value,
    encode_value,
    get_scan_row,
    get_school_row,
    role_columns,
    school_info,
    split_roles,
    utcnow,
)
from assessment.store.access import verify
from assessment.store.engine import reading, writing
from assessment.store.errors import AccessDenied, ImportRefused, NotFound
from assessment.store.import_check import FORMAT as FORMAT
from assessment.store.import_check import FORMAT_VERSION as FORMAT_VERSION
from assessment.store.import_check import ParsedImport, check_import
from assessment.store.import_check import load_export as load_export
from assessment.store.info import Access, SchoolInfo
from assessment.store.interim_criteria import asked_criteria
from assessment.store.removed_answers import kept_answers
from assessment.store.summaries import refresh as refresh_summary


def _time(value: dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _day(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _removed_answers(connection: Connection, scan: Row[Any]) -> dict[str, Any] | None:
    kept = kept_answers(connection, scan)
    if kept is None:
        return None
    counts = [
        {"criterion": criterion, "value": decode_value(kind, score), "times": times}
        for criterion, entries in sorted(kept.counts.items())
        for kind, score, times in entries
    ]
    return {"respondents": kept.respondents, "submitted": kept.submitted, "counts": counts}


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
                        "other_roles": list(split_roles(respondent.other_roles)),
                        "started": respondent.started_at is not None,
                        "submitted": respondent.submitted_at is not None,
                        "answers": [
                            {
                                "criterion": a.criterion,
                                "value": decode_value(a.kind, a.score),
                                "note": a.note,
                            }
                            for a in answers
                        ],
                    }
                )
            # By content, not by id: respondent rows are made as codes are issued, so their
            # id order is "Collega 1, 2, ..." and would tie each one's answers to a colleague.
            respondents.sort(key=lambda r: json.dumps(r, sort_keys=True, ensure_ascii=False))
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
                    "notes_removed_on": _day(scan.notes_removed_on),
                    "answers_removed_on": _day(scan.answers_removed_on),
                    "mr_informed_on": _day(scan.mr_informed_on),
                    "removed_answers": _removed_answers(connection, scan),
                    "kind": scan.kind,
                    "criteria": asked_criteria(connection, scan.id),
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
    connection: Connection,
    parsed: ParsedImport,
    board_id: int | None,
    now: dt.datetime | None = None,
) -> SchoolInfo:
    now = now or utcnow()
    board_id = _import_board(connection, parsed, board_id, now)
    name = parsed.school["name"]
    if connection.execute(
        select(T.school.c.id).where(T.school.c.board_id == board_id, T.school.c.name == name)
    ).first():
        raise ImportRefused([("store.import.school_exists", {"name": name})])
    school_id: int = connection.execute(
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
        _insert_scan(connection, scan, school_id, action_ids)
    return school_info(get_school_row(connection, school_id))


def _import_board(
    connection: Connection, parsed: ParsedImport, board_id: int | None, now: dt.datetime
) -> int:
    """The board the school goes to: the one asked for (which must exist), else the first of the
    export's board name, else a new board of that name."""
    if board_id is not None:
        if (
            connection.execute(select(T.board.c.id).where(T.board.c.id == board_id)).one_or_none()
            is None
        ):
            raise NotFound("store.errors.board_not_found", id=board_id)
        return board_id
    existing: int | None = connection.execute(
        select(T.board.c.id)
        .where(T.board.c.name == parsed.board_name)
        .order_by(T.board.c.id)
        .limit(1)
    ).scalar_one_or_none()
    if existing is not None:
        return existing
    new_id: int = connection.execute(
        T.board.insert().values(name=parsed.board_name, created_at=now).returning(T.board.c.id)
    ).scalar_one()
    return new_id


def _insert_scan(
    connection: Connection, scan: dict[str, Any], school_id: int, action_ids: dict[int, int]
) -> None:
    """One scan of the export with its respondents, answers, agreed values and actions;
    ``action_ids`` maps the export's action refs to new ids, across the school's scans."""
    scan_id: int = connection.execute(
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
            notes_removed_on=scan["notes_removed_on"],
            answers_removed_on=scan["answers_removed_on"],
            mr_informed_on=scan["mr_informed_on"],
            kind=scan["kind"],
        )
        .returning(T.scan.c.id)
    ).scalar_one()
    _insert_respondents(connection, scan, scan_id)
    agreed_rows = [
        {
            "scan_id": scan_id,
            "criterion": agreed["criterion"],
            "kind": kind,
            "score": score,
            "note": agreed["note"],
            "decided_at": agreed["time"],
        }
        for agreed in scan["agreed"]
        for kind, score in [encode_value(agreed["value"])]
    ]
    if agreed_rows:
        connection.execute(T.consensus.insert(), agreed_rows)
    if scan["criteria"]:
        connection.execute(
            T.scan_criterion.insert(),
            [
                {"scan_id": scan_id, "criterion": criterion, "reason": reason}
                for criterion, reason in scan["criteria"].items()
            ],
        )
    _insert_removed_answers(connection, scan, scan_id, school_id)
    if scan["status"] == "closed":
        refresh_summary(connection, get_scan_row(connection, scan_id))
    for item in scan["actions"]:
        values = {k: v for k, v in item.items() if k not in ("ref", "carried_from")}
        action_ids[item["ref"]] = connection.execute(
            T.action.insert()
            .values(scan_id=scan_id, carried_from=action_ids.get(item["carried_from"]), **values)
            .returning(T.action.c.id)
        ).scalar_one()


def _insert_respondents(connection: Connection, scan: dict[str, Any], scan_id: int) -> None:
    # The export holds no respondent's day: every one gets the day the scan closed (or
    # opened), which orders no one.
    day = (scan["closed_at"] or scan["created_at"]).date()
    answer_rows = []
    for respondent in scan["respondents"]:
        respondent_id: int = connection.execute(
            T.respondent.insert()
            .values(
                scan_id=scan_id,
                code_id=None,
                **role_columns([respondent["role"], *respondent["other_roles"]]),
                started_at=day if respondent["started"] else None,
                submitted_at=day if respondent["submitted"] else None,
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
                    "updated_at": day,
                }
            )
    if answer_rows:
        connection.execute(T.answer.insert(), answer_rows)


def _insert_removed_answers(
    connection: Connection, scan: dict[str, Any], scan_id: int, school_id: int
) -> None:
    """The counts a scan without answers keeps, in the summary row that ``refresh`` reads."""
    removed = scan["removed_answers"]
    if removed is None or scan["answers_removed_on"] is None:
        return
    counts: dict[str, list[list[Any]]] = {}
    for item in removed["counts"]:
        kind, score = encode_value(item["value"])
        counts.setdefault(item["criterion"], []).append([kind, score, item["times"]])
    connection.execute(
        T.scan_summary.insert().values(
            scan_id=scan_id,
            school_id=school_id,
            respondents=removed["respondents"],
            submitted=removed["submitted"],
            closed_at=scan["closed_at"] or scan["created_at"],
            answer_counts=counts,
        )
    )
