"""Initial schema: documents, segments, claims, atlas records, curation, users, full text.

Revision ID: 0001
Revises:
Create Date: 2026-11-23 03:08:45.804286
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table('agreements',
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=64), nullable=False),
    sa.Column('parties', JSON, nullable=False),
    sa.Column('signed_on', sa.Date(), nullable=True),
    sa.Column('forum_edition', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=32), nullable=True),
    sa.Column('key', sa.String(length=400), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_agreements'))
    )
    op.create_index(op.f('ix_agreements_forum_edition'), 'agreements', ['forum_edition'])

    op.create_table('conflicts',
    sa.Column('subject', sa.String(length=400), nullable=False),
    sa.Column('values', JSON, nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('key', sa.String(length=400), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_conflicts'))
    )
    op.create_table('curation_edits',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('record_type', sa.String(length=40), nullable=False),
    sa.Column('record_key', sa.String(length=400), nullable=False),
    sa.Column('field', sa.String(length=64), nullable=False),
    sa.Column('old_value', JSON, nullable=True),
    sa.Column('new_value', JSON, nullable=True),
    sa.Column('author', sa.String(length=120), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('had_prior', sa.Boolean(), nullable=False),
    sa.Column('prior', JSON, nullable=True),
    sa.Column('reverts', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['reverts'], ['curation_edits.id'],
                            name=op.f('fk_curation_edits_reverts_curation_edits')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_curation_edits'))
    )
    op.create_index(op.f('ix_curation_edits_at'), 'curation_edits', ['at'])
    op.create_index(op.f('ix_curation_edits_author'), 'curation_edits', ['author'])
    op.create_index('ix_curation_edits_record', 'curation_edits', ['record_type', 'record_key'])

    op.create_table('documents',
    sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.String(length=80), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('language', sa.String(length=16), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('content_hash', sa.String(length=128), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('meta', JSON, nullable=False),
    sa.Column('status', sa.String(length=8), nullable=False),
    sa.Column('failure', sa.Text(), nullable=True),
    sa.Column('extractor_version', sa.String(length=32), nullable=True),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status IN ('ok', 'failed')", name=op.f('ck_documents_status')),
    sa.PrimaryKeyConstraint('pk', name=op.f('pk_documents')),
    sa.UniqueConstraint('content_hash', name=op.f('uq_documents_content_hash')),
    sa.UniqueConstraint('id', name=op.f('uq_documents_id'))
    )
    op.create_index(op.f('ix_documents_kind'), 'documents', ['kind'])
    op.create_index(op.f('ix_documents_language'), 'documents', ['language'])
    op.create_index(op.f('ix_documents_published'), 'documents', ['published'])
    op.create_index(op.f('ix_documents_source'), 'documents', ['source'])
    op.create_index(op.f('ix_documents_status'), 'documents', ['status'])

    op.create_table('evidence',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('record_type', sa.String(length=40), nullable=False),
    sa.Column('record_key', sa.String(length=400), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('doc_id', sa.String(length=80), nullable=True),
    sa.Column('span_start', sa.Integer(), nullable=True),
    sa.Column('span_end', sa.Integer(), nullable=True),
    sa.Column('quote', sa.Text(), nullable=False),
    sa.Column('source_url', sa.Text(), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evidence'))
    )
    op.create_index(op.f('ix_evidence_doc_id'), 'evidence', ['doc_id'])
    op.create_index('ix_evidence_record', 'evidence', ['record_type', 'record_key'])

    op.create_table('forum_editions',
    sa.Column('edition', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('date', sa.String(length=32), nullable=True),
    sa.Column('city', sa.String(length=200), nullable=True),
    sa.Column('host_country', sa.String(length=8), nullable=True),
    sa.Column('theme', sa.Text(), nullable=True),
    sa.Column('format', sa.String(length=32), nullable=True),
    sa.Column('documents_signed', JSON, nullable=False),
    sa.Column('key', sa.String(length=400), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_forum_editions')),
    sa.UniqueConstraint('edition', name=op.f('uq_forum_editions_edition'))
    )
    op.create_table('indicator_observations',
    sa.Column('indicator', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('unit', sa.String(length=16), nullable=False),
    sa.Column('period', sa.String(length=32), nullable=True),
    sa.Column('doc_id', sa.String(length=80), nullable=False),
    sa.Column('span_start', sa.Integer(), nullable=False),
    sa.Column('span_end', sa.Integer(), nullable=False),
    sa.Column('quote', sa.Text(), nullable=False),
    sa.Column('speaker', sa.Text(), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('qualifier', sa.String(length=32), nullable=True),
    sa.Column('key', sa.String(length=400), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_indicator_observations'))
    )
    op.create_index(op.f('ix_indicator_observations_doc_id'), 'indicator_observations', ['doc_id'])
    op.create_index(op.f('ix_indicator_observations_indicator'), 'indicator_observations',
                    ['indicator'])

    op.create_table('partnerships',
    sa.Column('ru_region', sa.String(length=16), nullable=False),
    sa.Column('kz_region', sa.String(length=16), nullable=False),
    sa.Column('via', JSON, nullable=False),
    sa.Column('first_seen', sa.Date(), nullable=True),
    sa.Column('last_seen', sa.Date(), nullable=True),
    sa.Column('key', sa.String(length=400), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_partnerships'))
    )
    op.create_index(op.f('ix_partnerships_kz_region'), 'partnerships', ['kz_region'])
    op.create_index(op.f('ix_partnerships_ru_region'), 'partnerships', ['ru_region'])

    op.create_table('programmes',
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('period', sa.String(length=32), nullable=True),
    sa.Column('parties', JSON, nullable=False),
    sa.Column('key', sa.String(length=400), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_programmes'))
    )
    op.create_table('projects',
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('regions', JSON, nullable=False),
    sa.Column('value_usd', sa.Float(), nullable=True),
    sa.Column('status', sa.String(length=32), nullable=True),
    sa.Column('key', sa.String(length=400), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_projects'))
    )
    op.create_table('twin_pairs',
    sa.Column('city_a', sa.String(length=200), nullable=False),
    sa.Column('city_b', sa.String(length=200), nullable=False),
    sa.Column('key', sa.String(length=400), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_twin_pairs'))
    )
    op.create_table('users',
    sa.Column('username', sa.String(length=120), nullable=False),
    sa.Column('password_hash', sa.Text(), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("role IN ('reader', 'curator', 'admin')", name=op.f('ck_users_role')),
    sa.PrimaryKeyConstraint('username', name=op.f('pk_users'))
    )
    op.create_table('visits',
    sa.Column('region', sa.String(length=16), nullable=False),
    sa.Column('host_region', sa.String(length=16), nullable=True),
    sa.Column('on', sa.Date(), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('key', sa.String(length=400), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_visits'))
    )
    op.create_index(op.f('ix_visits_region'), 'visits', ['region'])

    op.create_table('claims',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('doc_id', sa.String(length=80), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('span_start', sa.Integer(), nullable=False),
    sa.Column('span_end', sa.Integer(), nullable=False),
    sa.Column('sentence_start', sa.Integer(), nullable=True),
    sa.Column('sentence_end', sa.Integer(), nullable=True),
    sa.Column('segment', sa.Integer(), nullable=False),
    sa.Column('speaker', sa.Text(), nullable=True),
    sa.Column('rule', sa.String(length=200), nullable=False),
    sa.Column('extractor_version', sa.String(length=32), nullable=False),
    sa.Column('fact', JSON, nullable=False),
    sa.Column('key', sa.String(length=200), nullable=True),
    sa.Column('indicator', sa.String(length=64), nullable=True),
    sa.Column('edition', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'],
                            name=op.f('fk_claims_doc_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claims'))
    )
    op.create_index(op.f('ix_claims_doc_id'), 'claims', ['doc_id'])
    op.create_index(op.f('ix_claims_edition'), 'claims', ['edition'])
    op.create_index(op.f('ix_claims_indicator'), 'claims', ['indicator'])
    op.create_index(op.f('ix_claims_key'), 'claims', ['key'])
    op.create_index(op.f('ix_claims_kind'), 'claims', ['kind'])

    op.create_table('curated_values',
    sa.Column('record_type', sa.String(length=40), nullable=False),
    sa.Column('record_key', sa.String(length=400), nullable=False),
    sa.Column('field', sa.String(length=64), nullable=False),
    sa.Column('value', JSON, nullable=True),
    sa.Column('edit_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['edit_id'], ['curation_edits.id'],
                            name=op.f('fk_curated_values_edit_id_curation_edits')),
    sa.PrimaryKeyConstraint('record_type', 'record_key', 'field', name=op.f('pk_curated_values'))
    )
    op.create_table('segments',
    sa.Column('doc_id', sa.String(length=80), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('span_start', sa.Integer(), nullable=False),
    sa.Column('span_end', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'],
                            name=op.f('fk_segments_doc_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc_id', 'idx', name=op.f('pk_segments'))
    )
    create_fulltext()


def downgrade() -> None:
    drop_fulltext()
    for table in ("users", "curated_values", "curation_edits", "evidence", "conflicts",
                  "indicator_observations", "programmes", "projects", "visits", "twin_pairs",
                  "partnerships", "agreements", "forum_editions", "claims", "segments",
                  "documents"):
        op.drop_table(table)


# Full text: FTS5 over an external-content table kept in step by triggers on SQLite; a stored
# generated tsvector ('simple' configuration: no stemming, as FTS5's unicode61) with a GIN
# index on PostgreSQL. Title words weigh more than body words on both.
SQLITE_FTS = (
    "CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', "
    "content_rowid='pk', tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN "
    "INSERT INTO documents_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END",
    "CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN "
    "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
    "VALUES ('delete', old.pk, old.title, old.text); END",
    "CREATE TRIGGER documents_fts_au AFTER UPDATE OF title, text ON documents BEGIN "
    "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
    "VALUES ('delete', old.pk, old.title, old.text); "
    "INSERT INTO documents_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END",
)
POSTGRES_FTS = (
    "ALTER TABLE documents ADD COLUMN search tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('simple', coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('simple', left(coalesce(text, ''), 1000000)), 'B')) STORED",
    "CREATE INDEX ix_documents_search ON documents USING GIN (search)",
)


def create_fulltext() -> None:
    name = op.get_bind().dialect.name
    for statement in SQLITE_FTS if name == "sqlite" else POSTGRES_FTS:
        op.execute(statement)


def drop_fulltext() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS documents_fts_{suffix}")
        op.execute("DROP TABLE IF EXISTS documents_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_documents_search")
        op.execute("ALTER TABLE documents DROP COLUMN IF EXISTS search")
