"""Read-side queries for the portal and the API: plain dicts, paginated, filterable.

List functions take ``limit``/``offset`` and return ``(rows, total)``; rows are plain dicts
of JSON-ready values (dates as ISO strings). Atlas records are read with the curation
overlay applied, filtered, ordered and paged in SQL by :mod:`coopatlas.store.lists`; this
module holds the documents, claims, evidence, region and history queries around them.
``Session`` is re-exported so that callers outside the store can name the type.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from coopatlas.store import codec, lists
from coopatlas.store import tables as t
from coopatlas.store.records import TABLES

Rows = list[dict[str, Any]]
__all__ = ["Session"]


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


def _mappings(session: Session, query: sa.Select) -> Rows:
    """Rows of plain columns (no tagged JSON): only dates need turning into text."""
    return [{k: v.isoformat() if isinstance(v, date) else v for k, v in r.items()}
            for r in session.execute(query).mappings()]


# ---------------------------------------------------------------- atlas records


def list_records(session: Session, record_type: str, *, where: Sequence[lists.Cond] = (),
                 order: Sequence[lists.Order] = (), limit: int = 50,
                 offset: int = 0) -> tuple[Rows, int]:
    """A page of curated records of one type, by key unless ``order`` says otherwise
    (:func:`coopatlas.store.lists.select`)."""
    return lists.select(session, record_type, where=where, order=order, limit=limit,
                        offset=offset)


def record(session: Session, record_type: str, key: str) -> dict[str, Any] | None:
    """One curated record; ``None`` when absent or retracted."""
    return lists.one(session, record_type, key)


# ---------------------------------------------------------------- evidence and conflicts


def evidence_for(session: Session, record_type: str, keys: Sequence[str]) -> dict[str, Rows]:
    """Evidence rows per record key, in their stored order, with the document's title."""
    if not keys:
        return {}
    e = t.EvidenceRow
    query = (sa.select(e.record_key, e.doc_id, e.span_start, e.span_end, e.quote,
                       e.source_url, e.published, t.DocumentRow.title)
             .outerjoin(t.DocumentRow, t.DocumentRow.id == e.doc_id)
             .where(e.record_type == record_type, e.record_key.in_(sorted(set(keys))))
             .order_by(e.record_key, e.position))
    out: dict[str, Rows] = {}
    for row in _mappings(session, query):
        out.setdefault(row.pop("record_key"), []).append(row)
    return out


def evidence_spans(session: Session, record_type: str, keys: Sequence[str]) -> dict[str, Rows]:
    """Like :func:`evidence_for` with only ``doc_id``, ``span_start`` and ``span_end``."""
    if not keys:
        return {}
    e = t.EvidenceRow
    query = (sa.select(e.record_key, e.doc_id, e.span_start, e.span_end)
             .where(e.record_type == record_type, e.record_key.in_(sorted(set(keys))))
             .order_by(e.record_key, e.position))
    out: dict[str, Rows] = {}
    for key, doc_id, start, end in session.execute(query):
        out.setdefault(key, []).append({"doc_id": doc_id, "span_start": start, "span_end": end})
    return out


def evidence_in_document(session: Session, doc_id: str) -> Rows:
    """``record_type``, ``record_key``, ``span_start``, ``span_end`` of every evidence link
    into document ``doc_id``, in text order."""
    e = t.EvidenceRow
    query = (sa.select(e.record_type, e.record_key, e.span_start, e.span_end)
             .where(e.doc_id == doc_id).order_by(e.span_start, e.id))
    return _mappings(session, query)


def conflicts_matching(session: Session, prefix: str) -> Rows:
    """Every conflict whose subject starts with ``prefix``, by subject."""
    return lists.select(session, "conflict", where=[lists.prefix("subject", prefix)],
                        order=[lists.asc("subject")], limit=lists.ALL)[0]


def list_conflicts(session: Session, *, kind: str | None = None, subject: str | None = None,
                   limit: int = 50, offset: int = 0) -> tuple[Rows, int]:
    where = [lists.eq("kind", kind)] if kind else []
    if subject:
        where.append(lists.prefix("subject", subject))
    return lists.select(session, "conflict", where=where, order=[lists.asc("subject")],
                        limit=limit, offset=offset)


# ---------------------------------------------------------------- documents and claims


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
    """Documents newest first. The page's keys are found on the index of (published, id)
    first, and only those rows are read (a deep offset skips index entries, not texts)."""
    d = t.DocumentRow
    conds = []
    if language:
        conds.append(d.language == language)
    if kind:
        conds.append(d.kind == kind)
    if source:
        conds.append(d.source.contains(source, autoescape=True))
    if year:
        conds += [d.published >= date(year, 1, 1), d.published < date(year + 1, 1, 1)]
    newest = (d.published.desc().nulls_last(), d.id)
    total = session.scalar(sa.select(sa.func.count()).select_from(d).where(*conds)) or 0
    keys = sa.select(d.pk).where(*conds).order_by(*newest).limit(limit).offset(offset)
    query = (sa.select(d.id, d.title, d.source, d.published, d.language, d.kind, d.status)
             .where(d.pk.in_(keys.scalar_subquery())).order_by(*newest))
    return _mappings(session, query), int(total)


def counts(session: Session) -> dict[str, int]:
    """How many documents and claims the store holds, and records the atlas shows: one
    query, plus one per record type analysts have curated."""
    curated = set(session.scalars(sa.select(t.CuratedValueRow.record_type).distinct()))
    tables = {"documents": t.DocumentRow, "claims": t.ClaimRow,
              **{name: table for name, (_, table) in TABLES.items() if name not in curated}}
    row = session.execute(sa.select(*(
        sa.select(sa.func.count()).select_from(table).scalar_subquery().label(name)
        for name, table in tables.items()))).one()
    found = {name: int(n or 0) for name, n in row._mapping.items()}
    return {name: found[name] if name in found else lists.count(session, name)
            for name in ("documents", "claims", *TABLES)}


# ---------------------------------------------------------------- regions and forums


def region_activity(session: Session, code: str | None = None) -> dict[str, dict[str, int]]:
    """Per region code (or for ``code`` alone): how often texts name it and how many
    partnerships it has."""
    c = t.ClaimRow
    query = sa.select(c.key, sa.func.count()).where(c.kind == "region", c.key.is_not(None))
    if code is not None:
        query = query.where(c.key == code)
    out: dict[str, dict[str, int]] = {}
    for key, n in session.execute(query.group_by(c.key)).all():
        out.setdefault(key, {"mentions": 0, "partners": 0})["mentions"] = int(n)
    where = [] if code is None else [lists.either(lists.eq("ru_region", code),
                                                  lists.eq("kz_region", code))]
    for pair in lists.columns(session, "partnership", ("ru_region", "kz_region"), where=where):
        for side in pair:
            if code is None or side == code:
                out.setdefault(side, {"mentions": 0, "partners": 0})["partners"] += 1
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
    """Figure claims stated in a sentence that names the region (oldest first)."""
    fig, reg = sa.orm.aliased(t.ClaimRow), sa.orm.aliased(t.ClaimRow)
    sentences = (sa.select(reg.doc_id, reg.sentence_start)
                 .where(reg.kind == "region", reg.key == code).distinct().subquery())
    query = (sa.select(fig, t.DocumentRow.title, t.DocumentRow.published)
             .join(sentences, sa.and_(sentences.c.doc_id == fig.doc_id,
                                      sentences.c.sentence_start == fig.sentence_start))
             .join(t.DocumentRow, t.DocumentRow.id == fig.doc_id)
             .where(fig.kind == "figure")
             .order_by(t.DocumentRow.published, fig.id).limit(limit))
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
    return _mappings(session, query)


# ---------------------------------------------------------------- curation and users


def history(session: Session, *, record_type: str | None = None, record_key: str | None = None,
            limit: int = 50, offset: int = 0) -> tuple[Rows, int]:
    e = t.CurationEditRow
    conds = []
    if record_type:
        conds.append(e.record_type == record_type)
    if record_key:
        conds.append(e.record_key == record_key)
    total = session.scalar(sa.select(sa.func.count()).select_from(e).where(*conds)) or 0
    query = sa.select(e).where(*conds).order_by(e.id.desc()).limit(limit).offset(offset)
    rows = session.execute(query).scalars()
    return [row_dict(r, skip=("prior", "had_prior")) for r in rows], int(total)


def user(session: Session, username: str) -> dict[str, Any] | None:
    row = session.get(t.UserRow, username)
    return None if row is None else {"username": row.username, "role": row.role,
                                     "password_hash": row.password_hash}
