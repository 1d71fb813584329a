"""Documents, segments and claims: keyword-only ``session`` functions over the store.

Write a document and its claims in one transaction, so a reader never sees half of one
(``write=True`` makes concurrent SQLite writers queue instead of failing)::

    with store.session(write=True) as session:
        if document_by_hash(session=session, content_hash=doc.content_hash) is None:
            save_document(session=session, document=doc, claims=claims)

Atlas records, evidence and curation live in :mod:`coopatlas.store.records` and
:mod:`coopatlas.store.curation`; users in :mod:`coopatlas.store.users`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from coopatlas.errors import NotFound
from coopatlas.model import (
    EXTRACTOR_VERSION,
    Claim,
    Document,
    Figure,
    ForumMention,
    Mention,
    Segment,
    Span,
    TwinPairFact,
)
from coopatlas.store import codec
from coopatlas.store.tables import ClaimRow, DocumentRow, SegmentRow, utcnow

_DOCS: sa.Table = DocumentRow.__table__  # type: ignore[assignment]
_SEGMENTS: sa.Table = SegmentRow.__table__  # type: ignore[assignment]
_CLAIMS: sa.Table = ClaimRow.__table__  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A document as listed: metadata and status, without its text."""

    doc_id: str
    source: str
    title: str | None
    published: date | None
    language: str
    kind: str
    status: str  # "ok" | "failed"
    failure: str | None
    extractor_version: str | None
    ingested_at: datetime


def save_document(*, session: Session, document: Document, claims: Iterable[Claim] = (),
                  extractor_version: str = EXTRACTOR_VERSION) -> None:
    """Insert or replace ``document`` with its segments and claims (in the caller's transaction).

    A failure recorded earlier for the same source is removed. A replaced document keeps its
    ``pk`` (the full-text index points at it). Core statements, no ORM unit of work: this is
    the ingest's hot path.
    """
    rows = _claim_rows(document.doc_id, claims)
    conn = session.connection()
    conn.execute(_DOCS.delete().where(_DOCS.c.source == document.source,
                                      _DOCS.c.status == "failed"))
    values = _document_values(document, str(_newest(rows, extractor_version)))
    replaced = conn.execute(_DOCS.update().where(_DOCS.c.id == document.doc_id), values)
    if replaced.rowcount:
        conn.execute(_SEGMENTS.delete().where(_SEGMENTS.c.doc_id == document.doc_id))
        conn.execute(_CLAIMS.delete().where(_CLAIMS.c.doc_id == document.doc_id))
    else:
        conn.execute(_DOCS.insert(), {"id": document.doc_id, **values})
    if document.segments:
        conn.execute(_SEGMENTS.insert(), [_segment_values(document.doc_id, s)
                                          for s in document.segments])
    if rows:
        conn.execute(_CLAIMS.insert(), rows)
    session.expire_all()  # rows this session loaded before no longer match the tables


def _document_values(document: Document, extractor_version: str) -> dict[str, object]:
    return {"source": document.source, "title": document.title, "text": document.text,
            "published": document.published, "language": document.language,
            "kind": document.kind, "content_hash": document.content_hash,
            "meta": codec.encode(dict(document.meta)), "status": "ok", "failure": None,
            "extractor_version": extractor_version, "ingested_at": utcnow()}


def _segment_values(doc_id: str, s: Segment) -> dict[str, object]:
    return {"doc_id": doc_id, "idx": s.index, "span_start": s.span.start,
            "span_end": s.span.end, "title": s.title, "published": s.published}


def content_hashes(*, session: Session) -> set[str]:
    """The content hashes of every stored document (what a rerun of ingest skips)."""
    query = sa.select(_DOCS.c.content_hash).where(_DOCS.c.status == "ok",
                                                  _DOCS.c.content_hash.is_not(None))
    return set(session.scalars(query))


def load_document(*, session: Session, doc_id: str) -> Document:
    """The stored document ``doc_id`` with its segments; NotFound if absent or failed."""
    row = session.scalar(sa.select(DocumentRow).where(
        DocumentRow.id == doc_id, DocumentRow.status == "ok"))
    if row is None:
        raise NotFound(f"no document {doc_id!r}")
    return _document(row)


def document_by_hash(*, session: Session, content_hash: str) -> Document | None:
    """The stored document read from bytes with this hash, or ``None``."""
    row = session.scalar(sa.select(DocumentRow).where(DocumentRow.content_hash == content_hash))
    return _document(row) if row is not None else None


def _document(row: DocumentRow) -> Document:
    return _document_of(row, tuple(_segment(s) for s in row.segments))


def _segment(s: SegmentRow | sa.Row) -> Segment:
    return Segment(index=s.idx, span=Span(s.span_start, s.span_end), title=s.title,
                   published=s.published)


def _document_of(row: DocumentRow | sa.Row, segments: tuple[Segment, ...]) -> Document:
    return Document(doc_id=row.id, source=row.source, text=row.text,
                    content_hash=row.content_hash or "", title=row.title,
                    published=row.published, language=row.language, kind=row.kind,
                    segments=segments, meta=codec.decode(row.meta or {}))


@dataclass(frozen=True, slots=True)
class DocumentPage:
    """One page of stored documents in storage order; pass ``after`` on for the next page."""

    documents: tuple[Document, ...]
    after: int


def document_page(*, session: Session, after: int = 0, limit: int = 200,
                  not_version: str | None = None) -> DocumentPage:
    """Up to ``limit`` stored documents (with segments) that come after ``after``.

    Keyset paging on the integer key, so walking the whole store holds one page at a time
    and stays correct while the documents walked are rewritten. ``not_version`` keeps only
    documents whose extractor version differs from it. An empty page ends the walk.
    """
    query = sa.select(_DOCS).where(_DOCS.c.status == "ok", _DOCS.c.pk > after)
    if not_version is not None:
        query = query.where(_DOCS.c.extractor_version.is_distinct_from(not_version))
    rows = session.execute(query.order_by(_DOCS.c.pk).limit(limit)).all()
    if not rows:
        return DocumentPage((), after)
    found: dict[str, list[Segment]] = {r.id: [] for r in rows}
    segments = sa.select(_SEGMENTS).where(_SEGMENTS.c.doc_id.in_(found)).order_by(
        _SEGMENTS.c.doc_id, _SEGMENTS.c.idx)
    for s in session.execute(segments):
        found[s.doc_id].append(_segment(s))
    documents = tuple(_document_of(r, tuple(found[r.id])) for r in rows)
    return DocumentPage(documents, rows[-1].pk)


def delete_document(*, session: Session, doc_id: str) -> None:
    """Remove a document with its segments and claims (atlas records are rebuilt apart)."""
    session.execute(sa.delete(DocumentRow).where(DocumentRow.id == doc_id))


def record_failure(*, session: Session, source: str, reason: str) -> str:
    """Note that ``source`` could not be ingested and why; returns the failure's id.

    Recording again for the same source replaces the reason.
    """
    doc_id = "failed-" + hashlib.sha256(source.encode()).hexdigest()[:24]
    conn = session.connection()
    values = {"failure": reason, "ingested_at": utcnow()}
    if not conn.execute(_DOCS.update().where(_DOCS.c.id == doc_id), values).rowcount:
        conn.execute(_DOCS.insert(), {"id": doc_id, "source": source, "text": "", "meta": {},
                                      "status": "failed", **values})
    session.expire_all()
    return doc_id


def list_documents(*, session: Session, limit: int = 50, offset: int = 0,
                   status: str | None = "ok", language: str | None = None,
                   kind: str | None = None, year: int | None = None,
                   source_prefix: str | None = None) -> list[StoredDocument]:
    """Documents newest first (by publication date, then ingestion), filtered as asked.

    ``status=None`` lists successes and failures together.
    """
    query = _filtered(sa.select(DocumentRow), status, language, kind, year, source_prefix)
    query = query.order_by(DocumentRow.published.desc().nulls_last(), DocumentRow.pk.desc())
    rows = session.scalars(query.limit(limit).offset(offset))
    return [_stored(r) for r in rows]


def count_documents(*, session: Session, status: str | None = "ok", language: str | None = None,
                    kind: str | None = None, year: int | None = None,
                    source_prefix: str | None = None, not_version: str | None = None) -> int:
    """How many documents :func:`list_documents` would page through (``not_version``: only
    those of another extractor version, as :func:`document_page` walks them)."""
    query = _filtered(sa.select(sa.func.count(DocumentRow.pk)), status, language, kind, year,
                      source_prefix)
    if not_version is not None:
        query = query.where(DocumentRow.extractor_version.is_distinct_from(not_version))
    return int(session.scalar(query) or 0)


def _filtered(query: sa.Select, status: str | None, language: str | None, kind: str | None,
              year: int | None, source_prefix: str | None) -> sa.Select:
    if status is not None:
        query = query.where(DocumentRow.status == status)
    if language is not None:
        query = query.where(DocumentRow.language == language)
    if kind is not None:
        query = query.where(DocumentRow.kind == kind)
    if year is not None:
        query = query.where(DocumentRow.published >= date(year, 1, 1),
                            DocumentRow.published < date(year + 1, 1, 1))
    if source_prefix is not None:
        query = query.where(DocumentRow.source.startswith(source_prefix, autoescape=True))
    return query


def _stored(row: DocumentRow) -> StoredDocument:
    return StoredDocument(doc_id=row.id, source=row.source, title=row.title,
                          published=row.published, language=row.language, kind=row.kind,
                          status=row.status, failure=row.failure,
                          extractor_version=row.extractor_version, ingested_at=row.ingested_at)


# ---------------------------------------------------------------- claims


def replace_claims(*, session: Session, doc_id: str, claims: Iterable[Claim],
                   extractor_version: str | None = None) -> int:
    """Replace every claim of ``doc_id`` with ``claims`` (re-extraction); returns the count.

    The document is stamped ``extractor_version`` (default: the newest version among
    ``claims``; unchanged when there are none and no version is given).
    """
    rows = _claim_rows(doc_id, claims)
    conn = session.connection()
    conn.execute(_CLAIMS.delete().where(_CLAIMS.c.doc_id == doc_id))
    if rows:
        conn.execute(_CLAIMS.insert(), rows)
    version = extractor_version or _newest(rows, None)
    if version is not None:
        conn.execute(_DOCS.update().where(_DOCS.c.id == doc_id)
                     .values(extractor_version=version))
    session.expire_all()
    return len(rows)


def _claim_rows(doc_id: str, claims: Iterable[Claim]) -> list[dict[str, object]]:
    rows = []
    for claim in claims:
        if claim.doc_id != doc_id:
            raise ValueError(f"claim of {claim.doc_id!r} given for document {doc_id!r}")
        rows.append(_claim_values(claim))
    return rows


def _newest(rows: list[dict[str, object]], default: str | None) -> str | None:
    return max(str(r["extractor_version"]) for r in rows) if rows else default


def _claim_values(c: Claim) -> dict[str, object]:
    fact = c.fact
    return {
        "doc_id": c.doc_id, "kind": c.kind, "span_start": c.span.start, "span_end": c.span.end,
        "sentence_start": c.sentence.start if c.sentence else None,
        "sentence_end": c.sentence.end if c.sentence else None,
        "segment": c.segment, "speaker": c.speaker, "rule": c.rule,
        "extractor_version": c.extractor_version, "fact": codec.encode(fact),
        "key": _fact_key(fact),
        "indicator": fact.indicator if isinstance(fact, Figure) else None,
        "edition": fact.edition if isinstance(fact, ForumMention) else None,
    }


def _fact_key(fact: object) -> str | None:
    if isinstance(fact, Mention):
        return fact.key
    if isinstance(fact, TwinPairFact):
        return f"{fact.city_a}|{fact.city_b}"
    return None


def load_claims(*, session: Session, doc_id: str) -> list[Claim]:
    """The claims of ``doc_id`` in the order they were saved."""
    return find_claims(session=session, doc_id=doc_id)


def find_claims(*, session: Session, doc_id: str | None = None, kinds: Sequence[str] = (),
                key: str | None = None, indicator: str | None = None,
                edition: int | None = None, limit: int | None = None) -> list[Claim]:
    """Claims matching every filter given (``key``: a place key or ``"cityA|cityB"``)."""
    query = sa.select(ClaimRow).order_by(ClaimRow.id)
    for column, value in ((ClaimRow.doc_id, doc_id), (ClaimRow.key, key),
                          (ClaimRow.indicator, indicator), (ClaimRow.edition, edition)):
        if value is not None:
            query = query.where(column == value)
    if kinds:
        query = query.where(ClaimRow.kind.in_(kinds))
    return [_claim(r) for r in session.scalars(query.limit(limit))]


def _claim(r: ClaimRow) -> Claim:
    sentence = None if r.sentence_start is None else Span(r.sentence_start, r.sentence_end or 0)
    return Claim(kind=r.kind, doc_id=r.doc_id, span=Span(r.span_start, r.span_end),  # type: ignore[arg-type]
                 fact=codec.decode(r.fact), rule=r.rule, sentence=sentence,
                 segment=r.segment, speaker=r.speaker, extractor_version=r.extractor_version)
