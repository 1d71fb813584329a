"""Curation write endpoints (curator role): edit a field, add or retract a record, revert."""

from __future__ import annotations

import dataclasses
import typing
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel, Field

from coopatlas.api.deps import DB, Curator
from coopatlas.errors import NotFound
from coopatlas.model import CurationEdit
from coopatlas.store import curation, lists, records, views
from coopatlas.store.views import Session

router = APIRouter(prefix="/api/curation", tags=["curation"])
RECORD_TYPE = "^(" + "|".join(sorted(records.TABLES)) + ")$"


class EditIn(BaseModel):
    record_type: str = Field(pattern=RECORD_TYPE)
    record_key: str = Field(min_length=1, max_length=400)
    field: str = Field(min_length=1, max_length=64)
    value: Any = None
    reason: str = Field(min_length=1, max_length=2000)


class RetractIn(BaseModel):
    record_type: str = Field(pattern=RECORD_TYPE)
    record_key: str = Field(min_length=1, max_length=400)
    reason: str = Field(min_length=1, max_length=2000)


class RevertIn(BaseModel):
    reason: str = Field(min_length=1, max_length=2000)


@cache
def _hints(record_type: str) -> dict[str, Any]:
    cls, _ = records.TABLES[record_type]
    names = {f.name for f in dataclasses.fields(cls)} - {"evidence", "span"}
    return {k: v for k, v in typing.get_type_hints(cls).items() if k in names}


def coerce(record_type: str, field: str, value: Any) -> Any:
    """``value`` as the record field's domain type (ISO text to date, list to tuple...)."""
    hints = _hints(record_type)
    if field not in hints:
        raise HTTPException(422, f"{record_type} has no field {field!r} "
                                 f"(fields: {', '.join(sorted(hints))})")
    hint = hints[field]
    if value is None or value == "":
        return None
    try:
        if date in typing.get_args(hint) or hint is date:
            return date.fromisoformat(str(value))
        if typing.get_origin(hint) is tuple:
            items = value if isinstance(value, list) else str(value).split(",")
            return tuple(str(v).strip() for v in items if str(v).strip())
        if int in typing.get_args(hint) or hint is int:
            return int(value)
        if float in typing.get_args(hint) or hint is float:
            return float(value)
    except (TypeError, ValueError) as exc:
        raise HTTPException(422, f"bad value for {record_type}.{field}: {exc}") from exc
    return str(value)


def set_field(db: Session, user: dict[str, str], body: EditIn) -> dict[str, Any]:
    current = lists.one(db, body.record_type, body.record_key)
    if current is None:
        raise NotFound(f"no {body.record_type} {body.record_key!r} to edit")
    edit = CurationEdit(record_type=body.record_type, record_key=body.record_key,
                        field=body.field, old_value=_old(db, body, current),
                        new_value=coerce(body.record_type, body.field, body.value),
                        author=user["username"], reason=body.reason, at=datetime.now(UTC))
    return _done(curation.apply_edit(session=db, edit=edit))


def _old(db: Session, body: EditIn, current: dict[str, Any]) -> Any:
    return coerce(body.record_type, body.field, current.get(body.field))


def retract(db: Session, user: dict[str, str], body: RetractIn) -> dict[str, Any]:
    if lists.one(db, body.record_type, body.record_key) is None:
        raise NotFound(f"no {body.record_type} {body.record_key!r} to retract")
    edit = CurationEdit(record_type=body.record_type, record_key=body.record_key, field="*",
                        old_value=None, new_value=None, author=user["username"],
                        reason=body.reason, at=datetime.now(UTC), action="retract")
    return _done(curation.apply_edit(session=db, edit=edit))


def revert(db: Session, user: dict[str, str], edit_id: int, reason: str) -> dict[str, Any]:
    done = curation.revert_edit(session=db, edit_id=edit_id, author=user["username"],
                                reason=reason, at=datetime.now(UTC))
    return _done(done)


def _done(edit: CurationEdit) -> dict[str, Any]:
    return {"ok": True, "edit": views.plain(dataclasses.asdict(edit))}


@router.post("/edits", summary="Set one field of an atlas record", status_code=201)
def post_edit(body: EditIn, db: DB, user: Curator) -> dict[str, Any]:
    return set_field(db, user, body)


@router.post("/retract", summary="Retract (hide) an atlas record", status_code=201)
def post_retract(body: RetractIn, db: DB, user: Curator) -> dict[str, Any]:
    return retract(db, user, body)


@router.post("/edits/{edit_id}/revert", summary="Undo an edit", status_code=201)
def post_revert(edit_id: int, body: RevertIn, db: DB, user: Curator) -> dict[str, Any]:
    return revert(db, user, edit_id, body.reason)
