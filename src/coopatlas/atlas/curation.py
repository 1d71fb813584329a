"""Curation through the library: add, correct and retract atlas records; history; revert.

Every edit records who, when, what (record, field, old and new value) and why, and is kept
in the history. Edits live in the store's overlay, apart from the extracted records, so
``reextract`` and ``assemble`` never overwrite a curated value. Records are addressed by
type (``"forum_edition"``, ``"agreement"``, ``"partnership"``...) and key
(:func:`record_key`: a forum's edition number, ``"RU-OMS|KZ-55"`` for a partnership...).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from coopatlas.errors import NotFound
from coopatlas.model import CurationEdit

WHOLE = "*"


def _now() -> datetime:
    return datetime.now(UTC)


def record_key(record: Any) -> str:
    """The key curation uses for an atlas record (e.g. ``"16"`` for the 16th forum)."""
    from coopatlas.store.records import record_key as key

    return key(record)


def current(store: Any, record_type: str, key: str) -> Any:
    """The record as the atlas shows it (curated values applied); NotFound if retracted."""
    from coopatlas.store import curation

    with store.session() as session:
        found = curation.curated_record(session=session, record_type=record_type, key=key)
    if found is None:
        raise NotFound(f"{record_type} {key!r} is retracted")
    return found


def _apply(store: Any, edit: CurationEdit) -> CurationEdit:
    from coopatlas.store import curation

    with store.session() as session:
        return curation.apply_edit(session=session, edit=edit)


def correct(store: Any, record_type: str, key: str, field: str, value: Any, *,
            author: str, reason: str) -> CurationEdit:
    """Set one field of a record to ``value`` (a forum's theme, an agreement's status...)."""
    record = current(store, record_type, key)
    if field not in type(record).__dataclass_fields__ or field == "evidence":
        raise ValueError(f"{record_type} has no field {field!r} to correct")
    old = getattr(record, field)
    return _apply(store, CurationEdit(record_type, key, field, old, value, author, reason,
                                      _now(), "set"))


def add(store: Any, record: Any, *, author: str, reason: str) -> CurationEdit:
    """Add a whole record the texts do not give (or replace one wholesale)."""
    from coopatlas.store.records import record_type

    kind, key = record_type(record), record_key(record)
    return _apply(store, CurationEdit(kind, key, WHOLE, None, record, author, reason,
                                      _now(), "add"))


def retract(store: Any, record_type: str, key: str, *, author: str,
            reason: str) -> CurationEdit:
    """Hide a record (a wrong region link, a misread agreement); its history stays."""
    old = current(store, record_type, key)
    return _apply(store, CurationEdit(record_type, key, WHOLE, old, None, author, reason,
                                      _now(), "retract"))


def revert(store: Any, edit_id: int, *, author: str, reason: str) -> CurationEdit:
    """Undo edit ``edit_id``: the field goes back to what it was before; recorded too."""
    from coopatlas.store import curation

    with store.session() as session:
        return curation.revert_edit(session=session, edit_id=edit_id, author=author,
                                    reason=reason, at=_now())


def history(store: Any, record_type: str | None = None, key: str | None = None,
            author: str | None = None) -> list[CurationEdit]:
    """Every edit, oldest first, optionally of one record or by one author."""
    from coopatlas.store import curation

    with store.session() as session:
        return curation.edit_history(session=session, record_type=record_type,
                                     record_key=key, author=author)
