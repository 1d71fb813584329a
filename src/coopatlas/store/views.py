"""Read-side queries for the portal and the API: plain dicts, paginated, filterable.

Every list function takes ``limit``/``offset`` and returns ``(rows, total)``; rows are
plain dicts of JSON-ready values (dates as ISO strings). Atlas records are read with the
curation overlay applied (``curated_values``: a field replaced, or ``field='*'`` adding or
retracting a whole record), so the portal shows what analysts decided.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from coopatlas.store import codec
from coopatlas.store import tables as t
from coopatlas.store.records import TABLES

Rows = list[dict[str, Any]]

RECORD_TABLES: dict[str, Any] = {name: table for name, (_, table) in TABLES.items()}


def plain(value: Any) -> Any:
    """JSON-ready data: dates as ISO strings, tagged values decoded then flattened."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict) and codec.TAG in value:
        return plain(_flatten(codec.decode(value)))
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return _flatten(value)


def _flatten(value: Any) -> Any:
    slots = getattr(type(value), "__dataclass_fields__", None)
    if slots is None:
        return value.isoformat() if isinstance(value, date) else value
    return {name: plain(getattr(value, name)) for name in slots}


def row_dict(row: Any, skip: Iterable[str] = ()) -> dict[str, Any]:
    cols = [c.key for c in sa.inspect(type(row)).mapper.column_attrs]
    return {c: plain(getattr(row, c)) for c in cols if c not in skip}


def page(session: Session, query: sa.Select, limit: int, offset: int) -> tuple[list, int]:
    total = session.scalar(sa.select(sa.func.count()).select_from(query.order_by(None)
                                                                  .subquery())) or 0
    rows = session.execute(query.limit(limit).offset(offset)).all()
    return [r[0] if len(r) == 1 else r for r in rows], int(total)


# ---------------------------------------------------------------- curation overlay


def overlay(session: Session, record_type: str, records: Rows) -> Rows:
    """``records`` with curated values applied and retracted records removed."""
    keys = [r["key"] for r in records]
    if not keys:
        return records
    cur = session.execute(sa.select(t.CuratedValueRow).where(
        t.CuratedValueRow.record_type == record_type,
        t.CuratedValueRow.record_key.in_(keys))).scalars().all()
    by_key: dict[str, dict[str, Any]] = {}
    for c in cur:
        by_key.setdefault(c.record_key, {})[c.field] = plain(c.value)
    out = []
    for rec in records:
        fields = by_key.get(rec["key"], {})
        base = fields.get("*", rec)
        if _retracted(base):
            continue
        curated = sorted(fields)
        out.append({**rec, **base, **{f: fields[f] for f in curated if f != "*"},
                    "key": rec["key"], "curated": curated})
    return out


def _retracted(value: Any) -> bool:
    return value is None or (isinstance(value, dict) and value.get("retracted") is True)


def added_records(session: Session, record_type: str) -> Rows:
    """Whole records analysts added (``field='*'`` with no extracted row under that key)."""
    table = RECORD_TABLES[record_type]
    rows = session.execute(sa.select(t.CuratedValueRow).where(
        t.CuratedValueRow.record_type == record_type, t.CuratedValueRow.field == "*",
        ~t.CuratedValueRow.record_key.in_(sa.select(table.key)))).scalars().all()
    out = []
    for row in rows:
        value = plain(row.value)
        if isinstance(value, dict) and not _retracted(value):
            out.append({**value, "key": row.record_key, "curated": ["*"]})
    return out


def record(session: Session, record_type: str, key: str) -> dict[str, Any] | None:
    table = RECORD_TABLES[record_type]
    row = session.get(table, key)
    base = [row_dict(row)] if row is not None else []
    found = overlay(session, record_type, base)
    if found:
        return found[0]
    added = [r for r in added_records(session, record_type) if r["key"] == key]
    return added[0] if added else None


# ---------------------------------------------------------------- evidence and conflicts


def evidence_for(session: Session, record_type: str, keys: Sequence[str]) -> dict[str, Rows]:
    """Evidence rows per record key, in their stored order, with the document's title."""
    if not keys:
        return {}
    query = (sa.select(t.EvidenceRow, t.DocumentRow.title)
             .outerjoin(t.DocumentRow, t.DocumentRow.id == t.EvidenceRow.doc_id)
             .where(t.EvidenceRow.record_type == record_type,
                    t.EvidenceRow.record_key.in_(list(keys)))
             .order_by(t.EvidenceRow.record_key, t.EvidenceRow.position))
    out: dict[str, Rows] = {}
    for ev, title in session.execute(query).all():
        item = row_dict(ev, skip=("id", "record_type", "record_key", "position"))
        item["title"] = title
        out.setdefault(ev.record_key, []).append(item)
    return out


def conflicts_matching(session: Session, prefix: str) -> Rows:
    query = sa.select(t.ConflictRow).where(t.ConflictRow.subject.startswith(prefix))
    rows = [row_dict(r) for r in session.execute(query).scalars()]
    return overlay(session, "conflict", rows)


def list_conflicts(session: Session, *, kind: str | None = None, subject: str | None = None,
                   limit: int = 50, offset: int = 0) -> tuple[Rows, int]:
    query = sa.select(t.ConflictRow).order_by(t.ConflictRow.subject)
    if kind:
        query = query.where(t.ConflictRow.kind == kind)
    if subject:
        query = query.where(t.ConflictRow.subject.startswith(subject))
    rows, total = page(session, query, limit, offset)
    return overlay(session, "conflict", [row_dict(r) for r in rows]), total


# ---------------------------------------------------------------- atlas lists


def list_records(session: Session, record_type: str, *, filters: Sequence[Any] = (),
                 order: Sequence[Any] = (), limit: int = 50, offset: int = 0
                 ) -> tuple[Rows, int]:
    table = RECORD_TABLES[record_type]
    query = sa.select(table).where(*filters).order_by(*order, table.key)
    rows, total = page(session, query, limit, offset)
    found = overlay(session, record_type, [row_dict(r) for r in rows])
    if offset == 0 and not filters:
        added = added_records(session, record_type)
        found, total = found + added, total + len(added)
    return found, total


def claims_of(session: Session, doc_id: str) -> Rows:
    query = (sa.select(t.ClaimRow).where(t.ClaimRow.doc_id == doc_id)
             .order_by(t.ClaimRow.span_start, t.ClaimRow.id))
    return [row_dict(c) for c in session.execute(query).scalars()]


def document(session: Session, doc_id: str) -> dict[str, Any] | None:
    row = session.execute(sa.select(t.DocumentRow).where(t.DocumentRow.id == doc_id)
                          ).scalar_one_or_none()
    if row is None:
        return None
    out = row_dict(row, skip=("pk",))
    out["segments"] = [row_dict(s, skip=("doc_id",)) for s in row.segments]
    return out


def list_documents(session: Session, *, language: str | None = None, kind: str | None = None,
                   year: int | None = None, source: str | None = None,
                   limit: int = 50, offset: int = 0) -> tuple[Rows, int]:
    d = t.DocumentRow
    query = (sa.select(d.id, d.title, d.source, d.published, d.language, d.kind, d.status)
             .order_by(d.published.desc().nulls_last(), d.id))
    if language:
        query = query.where(d.language == language)
    if kind:
        query = query.where(d.kind == kind)
    if source:
        query = query.where(d.source.contains(source))
    if year:
        query = query.where(d.published >= date(year, 1, 1), d.published <= date(year, 12, 31))
    total = session.scalar(sa.select(sa.func.count()).select_from(query.subquery())) or 0
    rows = session.execute(query.limit(limit).offset(offset)).mappings().all()
    return [{k: plain(v) for k, v in r.items()} for r in rows], int(total)


def counts(session: Session) -> dict[str, int]:
    out = {}
    for name, table in (("documents", t.DocumentRow), ("claims", t.ClaimRow),
                        *((n, c) for n, c in RECORD_TABLES.items())):
        out[name] = int(session.scalar(sa.select(sa.func.count()).select_from(table)) or 0)
    return out


def region_activity(session: Session) -> dict[str, dict[str, int]]:
    """Per region code: how often texts name it and how many partnerships it has."""
    mentions = session.execute(
        sa.select(t.ClaimRow.key, sa.func.count()).where(t.ClaimRow.kind == "region")
        .group_by(t.ClaimRow.key)).all()
    out: dict[str, dict[str, int]] = {}
    for key, n in mentions:
        if key:
            out.setdefault(key, {"mentions": 0, "partners": 0})["mentions"] = int(n)
    for p in list_records(session, "partnership", limit=100_000)[0]:
        for code in (p["ru_region"], p["kz_region"]):
            out.setdefault(code, {"mentions": 0, "partners": 0})["partners"] += 1
    return out


def region_mentions_by_year(session: Session, code: str) -> list[tuple[int, int]]:
    year = sa.extract("year", t.DocumentRow.published)
    query = (sa.select(year, sa.func.count()).select_from(t.ClaimRow)
             .join(t.DocumentRow, t.DocumentRow.id == t.ClaimRow.doc_id)
             .where(t.ClaimRow.kind == "region", t.ClaimRow.key == code,
                    t.DocumentRow.published.is_not(None))
             .group_by(year).order_by(year))
    return [(int(y), int(n)) for y, n in session.execute(query).all()]


def figures_about(session: Session, code: str, limit: int = 200) -> Rows:
    """Figure claims stated in a sentence that names the region."""
    fig, reg = sa.orm.aliased(t.ClaimRow), sa.orm.aliased(t.ClaimRow)
    query = (sa.select(fig, t.DocumentRow.title, t.DocumentRow.published)
             .join(reg, sa.and_(reg.doc_id == fig.doc_id,
                                reg.sentence_start == fig.sentence_start))
             .join(t.DocumentRow, t.DocumentRow.id == fig.doc_id)
             .where(fig.kind == "figure", reg.kind == "region", reg.key == code)
             .distinct().order_by(t.DocumentRow.published, fig.id).limit(limit))
    out = []
    for claim, title, published in session.execute(query).all():
        item = row_dict(claim)
        item.update(title=title, published=plain(published))
        out.append(item)
    return out


def forum_documents(session: Session, edition: int, limit: int = 100) -> Rows:
    """Documents with a claim about this forum edition."""
    query = (sa.select(t.DocumentRow.id, t.DocumentRow.title, t.DocumentRow.published,
                       sa.func.min(t.ClaimRow.id).label("claim"))
             .join(t.ClaimRow, t.ClaimRow.doc_id == t.DocumentRow.id)
             .where(t.ClaimRow.kind == "forum", t.ClaimRow.edition == edition)
             .group_by(t.DocumentRow.id, t.DocumentRow.title, t.DocumentRow.published)
             .order_by(t.DocumentRow.published).limit(limit))
    return [{k: plain(v) for k, v in r.items()} for r in session.execute(query).mappings()]


def indicator_summary(session: Session) -> Rows:
    o = t.IndicatorObservationRow
    query = (sa.select(o.indicator, sa.func.count().label("observations"),
                       sa.func.min(o.published).label("first"),
                       sa.func.max(o.published).label("last"))
             .group_by(o.indicator).order_by(o.indicator))
    return [{k: plain(v) for k, v in r.items()} for r in session.execute(query).mappings()]


def history(session: Session, *, record_type: str | None = None, record_key: str | None = None,
            limit: int = 50, offset: int = 0) -> tuple[Rows, int]:
    e = t.CurationEditRow
    query = sa.select(e).order_by(e.id.desc())
    if record_type:
        query = query.where(e.record_type == record_type)
    if record_key:
        query = query.where(e.record_key == record_key)
    rows, total = page(session, query, limit, offset)
    return [row_dict(r, skip=("prior", "had_prior")) for r in rows], total


def user(session: Session, username: str) -> dict[str, Any] | None:
    row = session.get(t.UserRow, username)
    return None if row is None else {"username": row.username, "role": row.role,
                                     "password_hash": row.password_hash}
