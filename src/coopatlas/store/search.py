"""Full-text search over documents, the same on SQLite (FTS5) and PostgreSQL (tsvector + GIN)::

    result = search_documents(session=session, q='forum "Omsk region"', language="en")
    result.total, result.facets["year"], result.hits[0].snippet, result.hits[0].marks

A query is words and ``"quoted phrases"``; a document matches when it holds all of them
(case-insensitive, no stemming on either engine; title words rank higher). Punctuation is
ignored, so no query is a syntax error. An empty query lists every document, newest first.
Facet counts (``year``, ``language``, ``kind``) are computed over the matching documents
under every filter *except the facet's own*, so a page can offer the other values.
A hit's ``snippet`` is plain text; ``marks`` are the ``[start, end)`` offsets of the matched
words in it (escape the snippet, then highlight the marks).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from coopatlas.store.tables import DocumentRow

START, STOP = "\x02", "\x03"
SNIPPET_WORDS = 24
PREVIEW_CHARS = 240
HEADLINE_CHARS = 2400
_PG_HEADLINE = (f"StartSel={START}, StopSel={STOP}, MaxWords=35, MinWords=12, "
                "ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \"")
_WORD = re.compile(r"[^\W_]+")
_GROUP = re.compile(r'"([^"]*)"|(\S+)')


@dataclass(frozen=True, slots=True)
class Hit:
    doc_id: str
    title: str | None
    source: str
    published: date | None
    language: str
    kind: str
    score: float
    snippet: str
    marks: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class SearchResult:
    total: int
    hits: list[Hit]
    facets: dict[str, dict[Any, int]] = field(default_factory=dict)


def parse_query(q: str) -> list[list[str]]:
    """Phrases of lower-cased words: ``'a "b c"'`` -> ``[['a'], ['b', 'c']]``."""
    groups = []
    for phrase, word in _GROUP.findall(q or ""):
        text = phrase if phrase else word
        words = [w.lower() for w in _WORD.findall(text)]
        if phrase and words:
            groups.append(words)
        else:
            groups.extend([w] for w in words)
    return groups


def search_documents(*, session: Session, q: str, limit: int = 20, offset: int = 0,
                     year: int | None = None, language: str | None = None,
                     kind: str | None = None) -> SearchResult:
    """Documents matching ``q`` under the filters, best first, with snippets and facets."""
    groups = parse_query(q)
    dialect = session.get_bind().dialect.name
    matched = _matched(dialect, groups)
    filters = {"year": year, "language": language, "kind": kind}
    with _index_first(session, dialect, groups):
        cube = _cube(session, matched)
        order = [matched.c.score.desc(), DocumentRow.published.desc().nulls_last(),
                 DocumentRow.pk.desc()]
        query = _base(matched, filters).order_by(*order).limit(limit).offset(offset)
        rows = session.execute(query).all()
        snippets = _snippets(session, dialect, groups, [r.pk for r in rows])
    hits = [_hit(r, snippets.get(r.pk, r.preview)) for r in rows]
    total = sum(n for cell, n in cube if _keeps(cell, filters, skip=None))
    facets = {name: _facet(cube, filters, name) for name in filters}
    return SearchResult(total=total, hits=hits, facets=facets)


@contextmanager
def _index_first(session: Session, dialect: str, groups: list[list[str]]) -> Iterator[None]:
    """On PostgreSQL, read matches through the GIN index. The planner cannot see that a
    sequential scan unpacks every document's tsvector to test it: for a common word over
    the 7,235 Kremlin pages it chose the scan and took ~200 ms where the index takes ~7."""
    if dialect != "postgresql" or not groups:
        yield
        return
    before = session.scalar(sa.text("SELECT current_setting('enable_seqscan')"))
    session.execute(sa.text("SELECT set_config('enable_seqscan', 'off', true)"))
    try:
        yield
    finally:
        session.execute(sa.text("SELECT set_config('enable_seqscan', :v, true)"),
                        {"v": before})


def _matched(dialect: str, groups: list[list[str]]) -> sa.CTE:
    """The matching documents' keys and scores. SQLite computes them once per statement
    (``MATERIALIZED``): as a subquery it may probe the full-text index once per document
    instead (a count over the 7,235 Kremlin pages took 0.3 s instead of 5 ms)."""
    if not groups:
        every = sa.select(DocumentRow.pk, sa.literal(0.0, sa.Float).label("score"))
        return every.cte("matched")
    if dialect == "sqlite":
        sql = ("SELECT rowid AS pk, -bm25(documents_fts, 5.0, 1.0) AS score "
               "FROM documents_fts WHERE documents_fts MATCH :fts")
        text = sa.text(sql).bindparams(fts=_fts5(groups))
    else:
        sql = ("SELECT pk, ts_rank(search, to_tsquery('simple', :tsq)) AS score "
               "FROM documents WHERE search @@ to_tsquery('simple', :tsq)")
        text = sa.text(sql).bindparams(tsq=_tsquery(groups))
    cte = text.columns(pk=sa.Integer, score=sa.Float).cte("matched")
    return cte.prefix_with("MATERIALIZED", dialect="sqlite")


def _fts5(groups: list[list[str]]) -> str:
    return " ".join('"' + " ".join(words) + '"' for words in groups)


def _tsquery(groups: list[list[str]]) -> str:
    return " & ".join("(" + " <-> ".join(f"'{w}'" for w in words) + ")" for words in groups)


def _year() -> sa.ColumnElement[int]:
    return sa.cast(sa.extract("year", DocumentRow.published), sa.Integer)


def _base(matched: sa.CTE, filters: dict[str, Any]) -> sa.Select:
    preview = sa.func.substr(DocumentRow.text, 1, PREVIEW_CHARS).label("preview")
    query = sa.select(DocumentRow.pk, DocumentRow.id, DocumentRow.title, DocumentRow.source,
                      DocumentRow.published, DocumentRow.language, DocumentRow.kind,
                      matched.c.score, preview)
    query = query.select_from(DocumentRow).join(matched, matched.c.pk == DocumentRow.pk)
    query = query.where(DocumentRow.status == "ok")
    if filters["year"] is not None:
        y = filters["year"]
        query = query.where(DocumentRow.published >= date(y, 1, 1),
                            DocumentRow.published < date(y + 1, 1, 1))
    for name in ("language", "kind"):
        if filters[name] is not None:
            query = query.where(getattr(DocumentRow, name) == filters[name])
    return query


FACETS = ("year", "language", "kind")
Cell = tuple[Any, ...]


def _cube(session: Session, matched: sa.CTE) -> list[tuple[Cell, int]]:
    """How many matching documents share each (year, language, kind): one query from which
    the total and every facet are summed."""
    cols = (_year(), DocumentRow.language, DocumentRow.kind)
    query = (sa.select(*cols, sa.func.count()).select_from(DocumentRow)
             .join(matched, matched.c.pk == DocumentRow.pk)
             .where(DocumentRow.status == "ok").group_by(*cols))
    return [(tuple(r[:3]), int(r[3])) for r in session.execute(query)]


def _keeps(cell: Cell, filters: dict[str, Any], skip: str | None) -> bool:
    return all(filters[name] is None or name == skip or cell[i] == filters[name]
               for i, name in enumerate(FACETS))


def _facet(cube: list[tuple[Cell, int]], filters: dict[str, Any], name: str) -> dict[Any, int]:
    """Counts per value of facet ``name`` under every filter but its own, most first."""
    i = FACETS.index(name)
    counts: dict[Any, int] = {}
    for cell, n in cube:
        if cell[i] is not None and _keeps(cell, filters, skip=name):
            counts[cell[i]] = counts.get(cell[i], 0) + n
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _snippets(session: Session, dialect: str, groups: list[list[str]],
              pks: list[int]) -> dict[int, str]:
    """Marked snippets. PostgreSQL's ``ts_headline`` parses all the text it is given, so it
    gets a window of ``HEADLINE_CHARS`` around the first place the query's first word
    appears (a page of long transcripts took ~120 ms with the first 200,000 characters)."""
    if not groups or not pks:
        return {}
    if dialect == "sqlite":
        sql = (f"SELECT rowid AS pk, snippet(documents_fts, 1, char(2), char(3), '…', "
               f"{SNIPPET_WORDS}) AS s FROM documents_fts "
               "WHERE documents_fts MATCH :q AND rowid IN :pks")
        q = _fts5(groups)
    else:
        window = (f"substr(text, greatest(1, strpos(lower(text), :first) - {HEADLINE_CHARS // 4}"
                  f"), {HEADLINE_CHARS})")
        sql = (f"SELECT pk, ts_headline('simple', {window}, to_tsquery('simple', :q), :opts) "
               "AS s FROM documents WHERE pk IN :pks")
        q = _tsquery(groups)
    stmt = sa.text(sql).bindparams(sa.bindparam("pks", expanding=True), q=q, pks=pks)
    if dialect != "sqlite":
        stmt = stmt.bindparams(opts=_PG_HEADLINE, first=groups[0][0])
    return {r.pk: r.s for r in session.execute(stmt)}


def split_marks(raw: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Plain text and highlight offsets from a snippet marked with START/STOP characters;
    runs of whitespace become one space."""
    out: list[str] = []
    marks: list[tuple[int, int]] = []
    start = None
    for ch in raw:
        if ch == START:
            start = len(out)
        elif ch == STOP and start is not None:
            marks.append((start, len(out)))
            start = None
        elif ch.isspace():
            if out and out[-1] != " ":
                out.append(" ")
        else:
            out.append(ch)
    return "".join(out), tuple(marks)


def _hit(row: Any, raw: str) -> Hit:
    snippet, marks = split_marks(raw or "")
    return Hit(doc_id=row.id, title=row.title, source=row.source, published=row.published,
               language=row.language, kind=row.kind, score=float(row.score or 0.0),
               snippet=snippet.rstrip(), marks=marks)
