"""Atlas records as the portal shows them, filtered, ordered, counted and paged in SQL.

Analysts' curation (``curated_values``) is applied exactly: a curated field overrides the
extracted one, ``field='*'`` adds a whole record or retracts one. The overlay is small
(people write it) while the atlas tables are large, so the records an analyst touched are
computed here, through the very rules :func:`coopatlas.store.curation.curated_record`
uses, and handed to the database as one JSON parameter that a table function expands
(``json_each`` on SQLite, ``jsonb_to_recordset`` on PostgreSQL). The query then runs over
``extracted rows no analyst touched UNION ALL curated rows``, so a filter, an order, a
count or a page means the same for both::

    rows, total = select(session, "agreement", where=[has("parties", "RU-OMS")],
                         order=[asc("signed_on", nulls_first=True), asc("title")],
                         limit=50, offset=0)

Conditions are small functions of the columns (:func:`eq`, :func:`has`, :func:`year`...)
so callers outside the store never write SQL. Rows come back as plain dicts of JSON-ready
values plus ``curated`` (the names of the curated fields, ``["*"]`` for a whole record).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Session

from coopatlas.store import curation, records
from coopatlas.store.records import TABLES

Rows = list[dict[str, Any]]
Columns = Any  # a selectable's column collection: ``source.c``
Cond = Callable[[Columns, str], sa.ColumnElement[bool]]
ALL = 1_000_000


# ---------------------------------------------------------------- conditions


def eq(field: str, value: Any) -> Cond:
    """``field`` equals ``value``."""
    return lambda c, _dialect: c[field] == value


def same(field: str, text: str) -> Cond:
    """``field`` equals ``text`` ignoring case."""
    return lambda c, _dialect: sa.func.lower(c[field]) == text.lower()


def contains(field: str, text: str) -> Cond:
    """``field`` holds ``text``, ignoring case (``%`` and ``_`` are plain characters)."""
    return lambda c, _dialect: c[field].icontains(text, autoescape=True)


def prefix(field: str, text: str) -> Cond:
    """``field`` starts with ``text`` (``%`` and ``_`` are plain characters)."""
    return lambda c, _dialect: c[field].startswith(text, autoescape=True)


def year(field: str, value: int) -> Cond:
    """The date in ``field`` falls in the year ``value``."""
    return lambda c, _dialect: sa.and_(c[field] >= date(value, 1, 1),
                                       c[field] < date(value + 1, 1, 1))


def has(field: str, value: Any) -> Cond:
    """The JSON list in ``field`` holds ``value``."""

    def cond(c: Columns, dialect: str) -> sa.ColumnElement[bool]:
        if dialect == "postgresql":
            return sa.type_coerce(c[field], JSONB).contains([value])
        items = sa.func.json_each(c[field]).table_valued("value")
        return sa.exists(sa.select(1).select_from(items).where(items.c.value == value))

    return cond


def either(*conds: Cond) -> Cond:
    """Any of ``conds`` holds."""
    return lambda c, dialect: sa.or_(*(cond(c, dialect) for cond in conds))


@dataclasses.dataclass(frozen=True)
class Order:
    field: str
    desc: bool = False
    nulls_first: bool = False

    def clause(self, c: Columns) -> sa.ColumnElement[Any]:
        column = c[self.field].desc() if self.desc else c[self.field].asc()
        return column.nulls_first() if self.nulls_first else column.nulls_last()


def asc(field: str, *, nulls_first: bool = False) -> Order:
    return Order(field, False, nulls_first)


def desc(field: str, *, nulls_first: bool = False) -> Order:
    return Order(field, True, nulls_first)


# ---------------------------------------------------------------- reading


@dataclasses.dataclass
class Overlay:
    """Per curated key: the curated field names, and a whole curated record's evidence."""

    fields: dict[str, list[str]] = dataclasses.field(default_factory=dict)
    evidence: dict[str, Rows] = dataclasses.field(default_factory=dict)

    def row(self, values: dict[str, Any]) -> dict[str, Any]:
        """A result row as plain data, with ``curated`` (and the curated evidence)."""
        out = {k: _plain(v) for k, v in values.items()}
        out["curated"] = self.fields.get(out["key"], [])
        if out["key"] in self.evidence:
            out["evidence"] = self.evidence[out["key"]]
        return out


def select(session: Session, record_type: str, *, where: Sequence[Cond] = (),
           order: Sequence[Order] = (), limit: int = 50, offset: int = 0) -> tuple[Rows, int]:
    """One page of curated records matching every condition, and how many match in all."""
    source, overlay = _source(session, record_type)
    cond = _where(source, where, session)
    query = (sa.select(source).where(cond)
             .order_by(*(o.clause(source.c) for o in order), source.c["key"])
             .limit(limit).offset(offset))
    rows = [overlay.row(dict(r)) for r in session.execute(query).mappings()]
    if len(rows) < limit and (rows or offset == 0):
        return rows, offset + len(rows)  # the last page: no need to count
    total = session.scalar(sa.select(sa.func.count()).select_from(source).where(cond)) or 0
    return rows, int(total)


def top(session: Session, record_type: str, field: str, values: Sequence[Any], *,
        order: Sequence[Order] = (), limit: int = 50) -> dict[Any, Rows]:
    """For each of ``values`` of ``field``: its first ``limit`` curated records in ``order``
    (one query, however many values)."""
    if not values:
        return {}
    source, overlay = _source(session, record_type)
    rank = sa.func.row_number().over(
        partition_by=source.c[field],
        order_by=[*(o.clause(source.c) for o in order), source.c["key"]]).label("rank_")
    ranked = sa.select(source, rank).where(source.c[field].in_(list(values))).subquery()
    query = (sa.select(*(ranked.c[c.name] for c in source.c)).where(ranked.c.rank_ <= limit)
             .order_by(ranked.c[field], ranked.c.rank_))
    out: dict[Any, Rows] = {v: [] for v in values}
    for r in session.execute(query).mappings():
        out[r[field]].append(overlay.row(dict(r)))
    return out


def columns(session: Session, record_type: str, names: Sequence[str], *,
            where: Sequence[Cond] = ()) -> list[tuple[Any, ...]]:
    """Just the ``names`` columns of every curated record matching ``where``, by key."""
    source, _ = _source(session, record_type)
    query = (sa.select(*(source.c[n] for n in names)).where(_where(source, where, session))
             .order_by(source.c["key"]))
    return [tuple(_plain(v) for v in r) for r in session.execute(query)]


def count(session: Session, record_type: str, *, where: Sequence[Cond] = ()) -> int:
    """How many curated records match ``where``."""
    source, _ = _source(session, record_type)
    query = sa.select(sa.func.count()).select_from(source).where(
        _where(source, where, session))
    return int(session.scalar(query) or 0)


def group(session: Session, record_type: str, field: str, *, span: str | None = None,
          where: Sequence[Cond] = ()) -> Rows:
    """Per value of ``field`` (ordered): the ``count`` of curated records and, with
    ``span``, the ``first`` and ``last`` value of that column."""
    source, _ = _source(session, record_type)
    cols = [source.c[field].label("value"), sa.func.count().label("count")]
    if span:
        cols += [sa.func.min(source.c[span]).label("first"),
                 sa.func.max(source.c[span]).label("last")]
    query = (sa.select(*cols).where(_where(source, where, session))
             .group_by(source.c[field]).order_by(source.c[field]))
    return [{k: _plain(v) for k, v in r.items()} for r in session.execute(query).mappings()]


def one(session: Session, record_type: str, key: str) -> dict[str, Any] | None:
    """The curated record under ``key``; ``None`` when absent or retracted."""
    _, table = TABLES[record_type]
    fields = _overlay(session, record_type, key)
    if not fields:
        row = session.get(table, key)
        return None if row is None else Overlay().row(_row_columns(row))
    found, overlay = _curated_rows(session, record_type, fields)
    return overlay.row(found[0]) if found else None


def _where(source: Any, conds: Sequence[Cond], session: Session) -> sa.ColumnElement[bool]:
    dialect = session.get_bind().dialect.name
    return sa.and_(sa.true(), *(cond(source.c, dialect) for cond in conds))


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


# ---------------------------------------------------------------- the curated source


def _source(session: Session, record_type: str) -> tuple[Any, Overlay]:
    """What to select curated records from (the table itself when nothing is curated)."""
    _, table = TABLES[record_type]
    base = table.__table__
    fields = _overlay(session, record_type, None)
    if not fields:
        return base, Overlay()
    rows, overlay = _curated_rows(session, record_type, fields)
    untouched = sa.select(*base.c).where(base.c["key"].not_in(list(fields)))
    union = sa.union_all(untouched, _expand(session, base, rows))
    return union.subquery("curated_records"), overlay


def _overlay(session: Session, record_type: str,
             key: str | None) -> dict[str, dict[str, Any]]:
    return curation.curated_values(session=session, record_type=record_type, record_key=key)


def _curated_rows(session: Session, record_type: str, fields: dict[str, dict[str, Any]]
                  ) -> tuple[list[dict[str, Any]], Overlay]:
    """Column values of the records the overlay touches, as the analysts left them
    (retracted ones left out), and their :class:`Overlay`."""
    cls, table = TABLES[record_type]
    bases = {r.key: r for r in session.scalars(
        sa.select(table).where(table.key.in_(list(fields))))}  # type: ignore[attr-defined]
    rows, overlay = [], Overlay()
    for key in sorted(fields):
        base = bases.get(key)
        record = None if base is None else records.from_row(
            session=session, record_type=record_type, row=base, evidence={})
        whole = fields[key].get(curation.WHOLE, record)
        if whole is not None and not isinstance(whole, cls):
            continue  # not a record of this type: nothing to show
        record = curation._apply(record, fields[key])  # the one overlay rule
        if record is None:
            continue
        rows.append({**records.to_columns(record), "key": key})
        overlay.fields[key] = sorted(fields[key])
        if curation.WHOLE in fields[key] and getattr(record, "evidence", ()):
            overlay.evidence[key] = [_evidence(e) for e in record.evidence]
    return rows, overlay


def _evidence(e: Any) -> dict[str, Any]:
    return {"doc_id": e.doc_id, "span_start": e.span.start if e.span else None,
            "span_end": e.span.end if e.span else None, "quote": e.quote,
            "source_url": e.source_url, "published": _plain(e.published), "title": None}


def _row_columns(row: Any) -> dict[str, Any]:
    return {c.key: getattr(row, c.key) for c in sa.inspect(type(row)).mapper.column_attrs}


def _expand(session: Session, table: sa.Table, rows: list[dict[str, Any]]) -> sa.Select:
    """A SELECT yielding ``rows`` in ``table``'s columns, from one JSON parameter."""
    names = [c.name for c in table.c]
    payload = [{n: _json_ready(r.get(n)) for n in names} for r in rows]
    if session.get_bind().dialect.name == "postgresql":
        param = sa.bindparam("curated_rows", payload, type_=JSONB)
        func = sa.func.jsonb_to_recordset(param).table_valued(
            *(sa.column(c.name, c.type) for c in table.c))
        expanded = func.render_derived(name="curated_rows", with_types=True)
        return sa.select(*(expanded.c[n] for n in names))
    param = sa.bindparam("curated_rows", payload, type_=sa.JSON)
    items = sa.func.json_each(param).table_valued("value").alias("curated_rows")
    return sa.select(*(sa.type_coerce(sa.func.json_extract(items.c.value, f"$.{c.name}"),
                                      c.type).label(c.name) for c in table.c))


def _json_ready(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_json_ready(v) for v in value]
    return value
