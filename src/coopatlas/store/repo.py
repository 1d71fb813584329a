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

    A failure recorded earlier for the same source is removed.
    """
    session.execute(sa.delete(DocumentRow).where(
        DocumentRow.source == document.source, DocumentRow.status == "failed"))
    row = session.scalar(sa.select(DocumentRow).where(DocumentRow.id == document.doc_id))
    if row is None:
        row = DocumentRow(id=document.doc_id)
        session.add(row)
    _fill(row, document, extractor_version)
    row.segments = [_segment_row(document.doc_id, s) for s in document.segments]
    session.flush()
    replace_claims(session=session, doc_id=document.doc_id, claims=claims)


def _fill(row: DocumentRow, document: Document, extractor_version: str) -> None:
    row.source, row.title, row.text = document.source, document.title, document.text
    row.published, row.language, row.kind = document.published, document.language, document.kind
    row.content_hash, row.meta = document.content_hash, codec.encode(dict(document.meta))
    row.status, row.failure, row.extractor_version = "ok", None, extractor_version
    row.ingested_at = utcnow()


def _segment_row(doc_id: str, s: Segment) -> SegmentRow:
    return SegmentRow(doc_id=doc_id, idx=s.index, span_start=s.span.start,
                      span_end=s.span.end, title=s.title, published=s.published)


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
    segments = tuple(Segment(index=s.idx, span=Span(s.span_start, s.span_end), title=s.title,
                             published=s.published) for s in row.segments)
    return Document(doc_id=row.id, source=row.source, text=row.text,
                    content_hash=row.content_hash or "", title=row.title,
                    published=row.published, language=row.language, kind=row.kind,
                    segments=segments, meta=codec.decode(row.meta or {}))


def delete_document(*, session: Session, doc_id: str) -> None:
    """Remove a document with its segments and claims (atlas records are rebuilt apart)."""
    session.execute(sa.delete(DocumentRow).where(DocumentRow.id == doc_id))


def record_failure(*, session: Session, source: str, reason: str) -> str:
    """Note that ``source`` could not be ingested and why; returns the failure's id.

    Recording again for the same source replaces the reason.
    """
    doc_id = "failed-" + hashlib.sha256(source.encode()).hexdigest()[:24]
    row = session.scalar(sa.select(DocumentRow).where(DocumentRow.id == doc_id))
    if row is None:
        row = DocumentRow(id=doc_id, source=source, text="", meta={}, status="failed")
        session.add(row)
    row.failure, row.ingested_at = reason, utcnow()
    session.flush()
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
                    source_prefix: str | None = None) -> int:
    """How many documents :func:`list_documents` would page through."""
    query = _filtered(sa.select(sa.func.count(DocumentRow.pk)), status, language, kind, year,
                      source_prefix)
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


def replace_claims(*, session: Session, doc_id: str, claims: Iterable[Claim]) -> int:
    """Replace every claim of ``doc_id`` with ``claims`` (re-extraction); returns the count."""
    claims = list(claims)
    for claim in claims:
        if claim.doc_id != doc_id:
            raise ValueError(f"claim of {claim.doc_id!r} given for document {doc_id!r}")
    session.execute(sa.delete(ClaimRow).where(ClaimRow.doc_id == doc_id))
    if claims:
        table = ClaimRow.__table__  # core executemany: one statement for all rows
        session.connection().execute(table.insert(), [_claim_values(c) for c in claims])
        versions = {c.extractor_version for c in claims}
        session.execute(sa.update(DocumentRow).where(DocumentRow.id == doc_id)
                        .values(extractor_version=max(versions)))
    return len(claims)


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
