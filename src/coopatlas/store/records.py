"""Atlas records (forum editions ... conflicts) with their evidence, stored as extracted.

Every record has a *type* (``"forum_edition"``, ``"agreement"``, ``"partnership"``,
``"twin_pair"``, ``"visit"``, ``"project"``, ``"programme"``, ``"indicator_observation"``,
``"conflict"``) and a *key* derived from the fields that identify it (:func:`record_key`);
curation edits address records by ``(type, key)``. :func:`save_record` upserts the extracted
values and never touches curated ones; :func:`clear_records` lets the atlas rebuild a table.
Reading with the curated overlay applied is :func:`coopatlas.store.curation.curated_records`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import typing
from collections.abc import Iterable
from functools import cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from coopatlas import model
from coopatlas.errors import NotFound
from coopatlas.model import Evidence, Span
from coopatlas.store import tables as t

Record = (model.ForumEdition | model.Agreement | model.Partnership | model.TwinPair
          | model.Visit | model.Project | model.Programme | model.IndicatorObservation
          | model.Conflict)

TABLES: dict[str, tuple[type, type[t.Base]]] = {
    "forum_edition": (model.ForumEdition, t.ForumEditionRow),
    "agreement": (model.Agreement, t.AgreementRow),
    "partnership": (model.Partnership, t.PartnershipRow),
    "twin_pair": (model.TwinPair, t.TwinPairRow),
    "visit": (model.Visit, t.VisitRow),
    "project": (model.Project, t.ProjectRow),
    "programme": (model.Programme, t.ProgrammeRow),
    "indicator_observation": (model.IndicatorObservation, t.IndicatorObservationRow),
    "conflict": (model.Conflict, t.ConflictRow),
}
RECORD_TYPES: dict[type, str] = {cls: name for name, (cls, _) in TABLES.items()}


def record_type(record: object) -> str:
    """The type name of an atlas record (``ForumEdition`` -> ``"forum_edition"``)."""
    try:
        return RECORD_TYPES[type(record)]
    except KeyError:
        raise TypeError(f"not an atlas record: {type(record).__name__}") from None


def record_key(record: Record) -> str:
    """The identifying key of a record: readable where short, hashed where the text is long."""
    match record:
        case model.ForumEdition():
            return str(record.edition)
        case model.Partnership():
            return f"{record.ru_region}|{record.kz_region}"
        case model.TwinPair():
            return f"{record.city_a}|{record.city_b}"
        case model.Conflict():
            return record.subject
        case model.IndicatorObservation():
            return f"{record.doc_id}:{record.span.start}-{record.span.end}:{record.indicator}"
        case model.Agreement():
            return _digest(record.title, record.kind, str(record.signed_on))
        case model.Visit():
            return f"{record.region}|{record.on}|" + _digest(record.description)[:12]
        case model.Project():
            return _digest(record.name)
        case model.Programme():
            return _digest(record.title, str(record.period))
    raise TypeError(f"not an atlas record: {type(record).__name__}")


def _digest(*parts: str) -> str:
    joined = "\x1f".join(p.casefold().strip() for p in parts)
    return hashlib.sha256(joined.encode()).hexdigest()[:24]


def save_record(*, session: Session, record: Record) -> str:
    """Insert or update the extracted values of ``record`` and its evidence; returns its key."""
    kind, key = record_type(record), record_key(record)
    _, table = TABLES[kind]
    session.merge(table(key=key, **to_columns(record)))
    save_evidence(session=session, record_type=kind, record_key=key,
                  evidence=getattr(record, "evidence", ()))
    return key


def save_records(*, session: Session, records: Iterable[Record]) -> list[str]:
    """:func:`save_record` for each record; returns their keys."""
    return [save_record(session=session, record=r) for r in records]


def load_record(*, session: Session, record_type: str, key: str) -> Record:
    """The record as extracted (without curated changes); NotFound if absent."""
    _, table = TABLES[record_type]
    row = session.get(table, key)
    if row is None:
        raise NotFound(f"no {record_type} {key!r}")
    return from_row(session=session, record_type=record_type, row=row)


def list_records(*, session: Session, record_type: str) -> list[Record]:
    """Every record of ``record_type`` as extracted, ordered by key."""
    return [record for _, record in keyed_records(session=session, record_type=record_type)]


def keyed_records(*, session: Session, record_type: str) -> list[tuple[str, Record]]:
    """``(key, record)`` for every record of ``record_type`` as extracted, ordered by key."""
    _, table = TABLES[record_type]
    rows = session.scalars(sa.select(table).order_by(table.key)).all()  # type: ignore[attr-defined]
    evidence = _evidence_of(session, record_type, None)
    return [(r.key, from_row(session=session, record_type=record_type, row=r,
                             evidence=evidence)) for r in rows]


def clear_records(*, session: Session, record_type: str) -> int:
    """Delete the extracted records of a type and their evidence (curation stays)."""
    _, table = TABLES[record_type]
    session.execute(sa.delete(t.EvidenceRow).where(t.EvidenceRow.record_type == record_type))
    return session.execute(sa.delete(table)).rowcount  # type: ignore[attr-defined]


def to_columns(record: Record) -> dict[str, Any]:
    """Column values for a record: tuples as JSON lists, a span as two integers."""
    out: dict[str, Any] = {}
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if f.name == "evidence":
            continue
        if isinstance(value, Span):
            out["span_start"], out["span_end"] = value.start, value.end
        else:
            out[f.name] = list(value) if isinstance(value, tuple) else value
    return out


def from_row(*, session: Session, record_type: str, row: Any,
             evidence: dict[str, tuple[Evidence, ...]] | None = None) -> Record:
    """The record a table row holds (with its evidence)."""
    cls, _ = TABLES[record_type]
    values: dict[str, Any] = {}
    for name in _tuple_fields(cls) | _plain_fields(cls):
        value = getattr(row, name)
        values[name] = tuple(value or ()) if name in _tuple_fields(cls) else value
    if "span" in _field_names(cls):
        values["span"] = Span(row.span_start, row.span_end)
    if evidence is None:
        evidence = _evidence_of(session, record_type, row.key)
    if "evidence" in _field_names(cls):
        values["evidence"] = evidence.get(row.key, ())
    return cls(**values)


@cache
def _field_names(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(cls))


@cache
def _tuple_fields(cls: type) -> frozenset[str]:
    hints = typing.get_type_hints(cls)
    return frozenset(n for n, h in hints.items()
                     if typing.get_origin(h) is tuple and n != "evidence")


@cache
def _plain_fields(cls: type) -> frozenset[str]:
    return _field_names(cls) - _tuple_fields(cls) - {"span", "evidence"}


# ---------------------------------------------------------------- evidence


def save_evidence(*, session: Session, record_type: str, record_key: str,
                  evidence: Iterable[Evidence]) -> None:
    """Replace the evidence links of one record with ``evidence``, kept in order."""
    session.execute(sa.delete(t.EvidenceRow).where(
        t.EvidenceRow.record_type == record_type, t.EvidenceRow.record_key == record_key))
    rows = [{"record_type": record_type, "record_key": record_key, "position": i,
             "doc_id": e.doc_id, "span_start": e.span.start if e.span else None,
             "span_end": e.span.end if e.span else None, "quote": e.quote,
             "source_url": e.source_url, "published": e.published}
            for i, e in enumerate(evidence)]
    if rows:
        session.connection().execute(t.EvidenceRow.__table__.insert(), rows)


def load_evidence(*, session: Session, record_type: str, record_key: str) -> tuple[Evidence, ...]:
    """The evidence links of one record, in order."""
    return _evidence_of(session, record_type, record_key).get(record_key, ())


def evidence_in_document(*, session: Session, doc_id: str) -> list[tuple[str, str, Evidence]]:
    """``(record_type, record_key, evidence)`` for every link into document ``doc_id``."""
    query = sa.select(t.EvidenceRow).where(t.EvidenceRow.doc_id == doc_id)
    rows = session.scalars(query.order_by(t.EvidenceRow.span_start, t.EvidenceRow.id))
    return [(r.record_type, r.record_key, _evidence(r)) for r in rows]


def _evidence_of(session: Session, record_type: str,
                 record_key: str | None) -> dict[str, tuple[Evidence, ...]]:
    query = sa.select(t.EvidenceRow).where(t.EvidenceRow.record_type == record_type)
    if record_key is not None:
        query = query.where(t.EvidenceRow.record_key == record_key)
    out: dict[str, list[Evidence]] = {}
    for r in session.scalars(query.order_by(t.EvidenceRow.record_key, t.EvidenceRow.position)):
        out.setdefault(r.record_key, []).append(_evidence(r))
    return {k: tuple(v) for k, v in out.items()}


def _evidence(r: t.EvidenceRow) -> Evidence:
    span = None if r.span_start is None else Span(r.span_start, r.span_end or 0)
    return Evidence(doc_id=r.doc_id, span=span, quote=r.quote, source_url=r.source_url,
                    published=r.published)
