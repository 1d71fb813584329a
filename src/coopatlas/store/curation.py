"""Curation: analysts' edits kept as history, applied as an overlay on extracted records.

An edit (:class:`~coopatlas.model.CurationEdit`) names a record by ``(record_type,
record_key)`` and a ``field``. Its ``new_value`` becomes the curated value of that field
(actions ``"set"`` and ``"add"``); with ``field="*"`` an ``"add"`` supplies a whole record the
extraction never produced and a ``"retract"`` hides the record. The overlay lives in its own
table, so re-extraction (:func:`coopatlas.store.records.save_record`) never overwrites it.
:func:`revert_edit` restores the overlay as it was before an edit and is itself recorded.

Values of any domain type (dates, tuples, spans, records) are stored as tagged JSON.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from coopatlas.errors import NotFound
from coopatlas.model import CurationEdit
from coopatlas.store import codec
from coopatlas.store import tables as t
from coopatlas.store.records import TABLES, Record, from_row, keyed_records

WHOLE = "*"
ACTIONS = ("set", "add", "retract", "revert")


def apply_edit(*, session: Session, edit: CurationEdit) -> CurationEdit:
    """Record ``edit`` in the history and apply it to the overlay; returns it with its id."""
    if edit.action not in ACTIONS or edit.action == "revert":
        raise ValueError(f"cannot apply a curation edit with action {edit.action!r}")
    if edit.record_type not in TABLES:
        raise ValueError(f"unknown record type {edit.record_type!r}")
    value = None if edit.action == "retract" else edit.new_value
    return _write(session, edit, value, reverts=None)


def revert_edit(*, session: Session, edit_id: int, author: str, reason: str,
                at: datetime) -> CurationEdit:
    """Undo edit ``edit_id``: its field goes back to what it was before; returns the new edit."""
    target = session.get(t.CurationEditRow, edit_id)
    if target is None:
        raise NotFound(f"no curation edit {edit_id}")
    current = _overlay(session, target.record_type, target.record_key, target.field)
    edit = CurationEdit(record_type=target.record_type, record_key=target.record_key,
                        field=target.field, old_value=codec.decode(current.value) if current
                        else None, new_value=codec.decode(target.old_value), author=author,
                        reason=reason, at=at, action="revert")
    restored = codec.decode(target.prior) if target.had_prior else _ABSENT
    return _write(session, edit, restored, reverts=edit_id)


_ABSENT = object()


def _write(session: Session, edit: CurationEdit, value: Any, reverts: int | None) -> CurationEdit:
    current = _overlay(session, edit.record_type, edit.record_key, edit.field)
    row = t.CurationEditRow(
        record_type=edit.record_type, record_key=edit.record_key, field=edit.field,
        old_value=codec.encode(edit.old_value), new_value=codec.encode(edit.new_value),
        author=edit.author, reason=edit.reason, at=edit.at, action=edit.action,
        had_prior=current is not None, prior=current.value if current else None,
        reverts=reverts)
    session.add(row)
    session.flush()
    if value is _ABSENT:
        if current is not None:
            session.delete(current)
    elif current is None:
        session.add(t.CuratedValueRow(record_type=edit.record_type, record_key=edit.record_key,
                                      field=edit.field, value=codec.encode(value),
                                      edit_id=row.id))
    else:
        current.value, current.edit_id = codec.encode(value), row.id
    session.flush()
    return dataclasses.replace(edit, edit_id=row.id)


def _overlay(session: Session, record_type: str, key: str, field: str) -> t.CuratedValueRow | None:
    return session.get(t.CuratedValueRow, (record_type, key, field))


def load_edit(*, session: Session, edit_id: int) -> CurationEdit:
    """One edit of the history; NotFound if absent."""
    row = session.get(t.CurationEditRow, edit_id)
    if row is None:
        raise NotFound(f"no curation edit {edit_id}")
    return _edit(row)


def edit_history(*, session: Session, record_type: str | None = None,
                 record_key: str | None = None, author: str | None = None,
                 limit: int | None = None) -> list[CurationEdit]:
    """Edits, oldest first, optionally of one record or by one author."""
    query = sa.select(t.CurationEditRow).order_by(t.CurationEditRow.id)
    for column, value in ((t.CurationEditRow.record_type, record_type),
                          (t.CurationEditRow.record_key, record_key),
                          (t.CurationEditRow.author, author)):
        if value is not None:
            query = query.where(column == value)
    return [_edit(r) for r in session.scalars(query.limit(limit))]


def _edit(r: t.CurationEditRow) -> CurationEdit:
    return CurationEdit(record_type=r.record_type, record_key=r.record_key, field=r.field,
                        old_value=codec.decode(r.old_value), new_value=codec.decode(r.new_value),
                        author=r.author, reason=r.reason, at=r.at, action=r.action,  # type: ignore[arg-type]
                        edit_id=r.id)


# ---------------------------------------------------------------- reading through the overlay


def curated_values(*, session: Session, record_type: str,
                   record_key: str | None = None) -> dict[str, dict[str, Any]]:
    """The overlay: ``{record_key: {field: value}}`` (``"*"``: whole record or ``None``)."""
    query = sa.select(t.CuratedValueRow).where(t.CuratedValueRow.record_type == record_type)
    if record_key is not None:
        query = query.where(t.CuratedValueRow.record_key == record_key)
    out: dict[str, dict[str, Any]] = {}
    for r in session.scalars(query):
        out.setdefault(r.record_key, {})[r.field] = codec.decode(r.value)
    return out


def curated_record(*, session: Session, record_type: str, key: str) -> Record | None:
    """The record with curated values applied; ``None`` if retracted; NotFound if unknown."""
    overlay = curated_values(session=session, record_type=record_type, record_key=key)
    _, table = TABLES[record_type]
    row = session.get(table, key)
    base = from_row(session=session, record_type=record_type, row=row) if row else None
    if base is None and WHOLE not in overlay.get(key, {}):
        raise NotFound(f"no {record_type} {key!r}")
    return _apply(base, overlay.get(key, {}))


def curated_records(*, session: Session, record_type: str) -> list[tuple[str, Record]]:
    """``(key, record)`` for every record after curation: edits applied, retracted ones left
    out, added ones included; ordered by key."""
    overlay = curated_values(session=session, record_type=record_type)
    base = dict(keyed_records(session=session, record_type=record_type))
    out = []
    for key in sorted(base.keys() | overlay.keys()):
        record = _apply(base.get(key), overlay.get(key, {}))
        if record is not None:
            out.append((key, record))
    return out


def _apply(base: Record | None, fields: dict[str, Any]) -> Record | None:
    if WHOLE in fields:
        base = fields[WHOLE]
    if base is None:
        return None
    changes = {k: v for k, v in fields.items() if k != WHOLE}
    return dataclasses.replace(base, **changes) if changes else base
