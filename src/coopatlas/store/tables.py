"""SQLAlchemy tables: the only module that declares ORM models.

Documents, their segments and claims come from extraction; the atlas tables (forum
editions ... conflicts) hold the *extracted* values the atlas merged from claims. Analysts'
changes never touch those rows: they live in ``curation_edits`` (history) and
``curated_values`` (the overlay read on top of extracted values), so re-extraction can
rewrite the atlas tables freely. Atlas records are addressed by ``(record_type, key)``.

JSON columns use the portable ``JSON`` type (JSONB on PostgreSQL). Timestamps are stored in
UTC and read back as timezone-aware UTC datetimes on every engine.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

JSONType = sa.JSON().with_variant(JSONB(), "postgresql")


class UTCDateTime(sa.TypeDecorator[datetime]):
    """A datetime stored in UTC; naive values are taken as UTC, results are aware UTC."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> Any:
        if value is None:
            return None
        value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    })


# ---------------------------------------------------------------- documents


class DocumentRow(Base):
    """One read source; ``pk`` is the stable integer the full-text index points at."""

    __tablename__ = "documents"
    pk: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(sa.String(80), unique=True)
    source: Mapped[str] = mapped_column(sa.Text, index=True)
    title: Mapped[str | None] = mapped_column(sa.Text)
    published: Mapped[date | None] = mapped_column(sa.Date)
    language: Mapped[str] = mapped_column(sa.String(16), default="en", index=True)
    kind: Mapped[str] = mapped_column(sa.String(32), default="text", index=True)
    content_hash: Mapped[str | None] = mapped_column(sa.String(128), unique=True)
    text: Mapped[str] = mapped_column(sa.Text, default="")
    meta: Mapped[dict[str, Any]] = mapped_column(JSONType, default=dict)
    status: Mapped[str] = mapped_column(sa.String(8), default="ok", index=True)
    failure: Mapped[str | None] = mapped_column(sa.Text)
    extractor_version: Mapped[str | None] = mapped_column(sa.String(32))
    ingested_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    segments: Mapped[list[SegmentRow]] = relationship(
        cascade="all, delete-orphan", order_by="SegmentRow.idx", passive_deletes=True)

    # newest first; the migration adds NULLS LAST on PostgreSQL (SQLite has it by nature)
    __table_args__ = (sa.CheckConstraint("status IN ('ok', 'failed')", name="status"),
                      sa.Index("ix_documents_newest", sa.text("published DESC"), "id"))


class SegmentRow(Base):
    __tablename__ = "segments"
    doc_id: Mapped[str] = mapped_column(
        sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    idx: Mapped[int] = mapped_column(sa.Integer, primary_key=True)
    span_start: Mapped[int] = mapped_column(sa.Integer)
    span_end: Mapped[int] = mapped_column(sa.Integer)
    title: Mapped[str | None] = mapped_column(sa.Text)
    published: Mapped[date | None] = mapped_column(sa.Date)


class ClaimRow(Base):
    """A claim: the fact as tagged JSON plus a few indexed columns to find it by."""

    __tablename__ = "claims"
    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    doc_id: Mapped[str] = mapped_column(sa.ForeignKey("documents.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(sa.String(32))
    span_start: Mapped[int] = mapped_column(sa.Integer)
    span_end: Mapped[int] = mapped_column(sa.Integer)
    sentence_start: Mapped[int | None] = mapped_column(sa.Integer)
    sentence_end: Mapped[int | None] = mapped_column(sa.Integer)
    segment: Mapped[int] = mapped_column(sa.Integer, default=0)
    speaker: Mapped[str | None] = mapped_column(sa.Text)
    rule: Mapped[str] = mapped_column(sa.String(200))
    extractor_version: Mapped[str] = mapped_column(sa.String(32))
    fact: Mapped[Any] = mapped_column(JSONType)
    key: Mapped[str | None] = mapped_column(sa.String(200), index=True)
    indicator: Mapped[str | None] = mapped_column(sa.String(64), index=True)
    edition: Mapped[int | None] = mapped_column(sa.Integer, index=True)

    __table_args__ = (sa.Index("ix_claims_kind_key", "kind", "key"),
                      sa.Index("ix_claims_doc_sentence", "doc_id", "sentence_start"))


# ---------------------------------------------------------------- atlas records


class _Record:
    """Columns shared by every atlas table: the record key the curation speaks of."""

    key: Mapped[str] = mapped_column(sa.String(400), primary_key=True)


class ForumEditionRow(_Record, Base):
    __tablename__ = "forum_editions"
    edition: Mapped[int] = mapped_column(sa.Integer, unique=True)
    year: Mapped[int | None] = mapped_column(sa.Integer)
    date: Mapped[str | None] = mapped_column(sa.String(32))
    city: Mapped[str | None] = mapped_column(sa.String(200))
    host_country: Mapped[str | None] = mapped_column(sa.String(8))
    theme: Mapped[str | None] = mapped_column(sa.Text)
    format: Mapped[str | None] = mapped_column(sa.String(32))
    documents_signed: Mapped[Any] = mapped_column(JSONType, default=list)


class AgreementRow(_Record, Base):
    __tablename__ = "agreements"
    title: Mapped[str] = mapped_column(sa.Text)
    kind: Mapped[str] = mapped_column(sa.String(64))
    parties: Mapped[Any] = mapped_column(JSONType, default=list)
    signed_on: Mapped[date | None] = mapped_column(sa.Date)
    forum_edition: Mapped[int | None] = mapped_column(sa.Integer, index=True)
    status: Mapped[str | None] = mapped_column(sa.String(32))


class PartnershipRow(_Record, Base):
    __tablename__ = "partnerships"
    ru_region: Mapped[str] = mapped_column(sa.String(16), index=True)
    kz_region: Mapped[str] = mapped_column(sa.String(16), index=True)
    via: Mapped[Any] = mapped_column(JSONType, default=list)
    first_seen: Mapped[date | None] = mapped_column(sa.Date)
    last_seen: Mapped[date | None] = mapped_column(sa.Date)


class TwinPairRow(_Record, Base):
    __tablename__ = "twin_pairs"
    city_a: Mapped[str] = mapped_column(sa.String(200))
    city_b: Mapped[str] = mapped_column(sa.String(200))


class VisitRow(_Record, Base):
    __tablename__ = "visits"
    region: Mapped[str] = mapped_column(sa.String(16), index=True)
    host_region: Mapped[str | None] = mapped_column(sa.String(16))
    on: Mapped[date | None] = mapped_column(sa.Date)
    description: Mapped[str] = mapped_column(sa.Text)
    period: Mapped[str | None] = mapped_column(sa.String(32))
    status: Mapped[str] = mapped_column(sa.String(16), default="held", server_default="held")


class ProjectRow(_Record, Base):
    __tablename__ = "projects"
    name: Mapped[str] = mapped_column(sa.Text)
    regions: Mapped[Any] = mapped_column(JSONType, default=list)
    value_usd: Mapped[float | None] = mapped_column(sa.Float)
    status: Mapped[str | None] = mapped_column(sa.String(32))


class ProgrammeRow(_Record, Base):
    __tablename__ = "programmes"
    title: Mapped[str] = mapped_column(sa.Text)
    period: Mapped[str | None] = mapped_column(sa.String(32))
    parties: Mapped[Any] = mapped_column(JSONType, default=list)


class IndicatorObservationRow(_Record, Base):
    __tablename__ = "indicator_observations"
    indicator: Mapped[str] = mapped_column(sa.String(64), index=True)
    value: Mapped[float] = mapped_column(sa.Float)
    unit: Mapped[str] = mapped_column(sa.String(16))
    period: Mapped[str | None] = mapped_column(sa.String(32))
    doc_id: Mapped[str] = mapped_column(sa.String(80), index=True)
    span_start: Mapped[int] = mapped_column(sa.Integer)
    span_end: Mapped[int] = mapped_column(sa.Integer)
    quote: Mapped[str] = mapped_column(sa.Text)
    speaker: Mapped[str | None] = mapped_column(sa.Text)
    published: Mapped[date | None] = mapped_column(sa.Date)
    qualifier: Mapped[str | None] = mapped_column(sa.String(32))


class ConflictRow(_Record, Base):
    __tablename__ = "conflicts"
    subject: Mapped[str] = mapped_column(sa.String(400))
    values: Mapped[Any] = mapped_column(JSONType, default=list)
    kind: Mapped[str] = mapped_column(sa.String(32))


class EvidenceRow(Base):
    """One evidence link of an atlas record, in the record's order (``position``)."""

    __tablename__ = "evidence"
    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    record_type: Mapped[str] = mapped_column(sa.String(40))
    record_key: Mapped[str] = mapped_column(sa.String(400))
    position: Mapped[int] = mapped_column(sa.Integer)
    doc_id: Mapped[str | None] = mapped_column(sa.String(80), index=True)
    span_start: Mapped[int | None] = mapped_column(sa.Integer)
    span_end: Mapped[int | None] = mapped_column(sa.Integer)
    quote: Mapped[str] = mapped_column(sa.Text)
    source_url: Mapped[str | None] = mapped_column(sa.Text)
    published: Mapped[date | None] = mapped_column(sa.Date)

    __table_args__ = (sa.Index("ix_evidence_record", "record_type", "record_key"),)


# ---------------------------------------------------------------- curation and users


class CurationEditRow(Base):
    """History: every edit is kept; ``prior`` is the overlay value it replaced (for revert)."""

    __tablename__ = "curation_edits"
    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    record_type: Mapped[str] = mapped_column(sa.String(40))
    record_key: Mapped[str] = mapped_column(sa.String(400))
    field: Mapped[str] = mapped_column(sa.String(64))
    old_value: Mapped[Any] = mapped_column(JSONType, nullable=True)
    new_value: Mapped[Any] = mapped_column(JSONType, nullable=True)
    author: Mapped[str] = mapped_column(sa.String(120), index=True)
    reason: Mapped[str] = mapped_column(sa.Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    action: Mapped[str] = mapped_column(sa.String(16))
    had_prior: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    prior: Mapped[Any] = mapped_column(JSONType, nullable=True)
    reverts: Mapped[int | None] = mapped_column(sa.ForeignKey("curation_edits.id"))

    __table_args__ = (sa.Index("ix_curation_edits_record", "record_type", "record_key"),)


class CuratedValueRow(Base):
    """The overlay: a curated field value (``field='*'``: a whole record added or retracted)."""

    __tablename__ = "curated_values"
    record_type: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    record_key: Mapped[str] = mapped_column(sa.String(400), primary_key=True)
    field: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSONType, nullable=True)
    edit_id: Mapped[int] = mapped_column(sa.ForeignKey("curation_edits.id"))


class UserRow(Base):
    __tablename__ = "users"
    username: Mapped[str] = mapped_column(sa.String(120), primary_key=True)
    password_hash: Mapped[str] = mapped_column(sa.Text)
    role: Mapped[str] = mapped_column(sa.String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        sa.CheckConstraint("role IN ('reader', 'curator', 'admin')", name="role"),)
