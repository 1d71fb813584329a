"""Indexes for the portal's reads at the scale of the whole Kremlin corpus.

- ``claims (kind, key)`` replaces ``claims (kind)``: a region's mentions (counts per region,
  per year, the sentences that name it) are one index range, and the count per region is
  read from the index alone. Queries by kind only use its first column.
- ``claims (doc_id, sentence_start)`` replaces ``claims (doc_id)``: the figures stated in
  a sentence are found by document and sentence. Without these two an SQLite store with no
  statistics joined every figure to every region mention (a region page took 100–150 s over
  the 7,235 Kremlin pages; now milliseconds).
- ``documents (published DESC NULLS LAST, id)`` replaces ``documents (published)``: the
  document list, newest first, walks the index instead of sorting every document; year
  ranges still use it. SQLite puts NULL last in a descending index anyway and has no
  ``NULLS LAST`` in index definitions.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 05:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _newest() -> sa.TextClause:
    if op.get_bind().dialect.name == "postgresql":
        return sa.text("published DESC NULLS LAST")
    return sa.text("published DESC")


def upgrade() -> None:
    op.drop_index("ix_claims_kind", table_name="claims")
    op.drop_index("ix_claims_doc_id", table_name="claims")
    op.create_index("ix_claims_kind_key", "claims", ["kind", "key"])
    op.create_index("ix_claims_doc_sentence", "claims", ["doc_id", "sentence_start"])
    op.drop_index("ix_documents_published", table_name="documents")
    op.create_index("ix_documents_newest", "documents", [_newest(), "id"])


def downgrade() -> None:
    op.drop_index("ix_documents_newest", table_name="documents")
    op.create_index("ix_documents_published", "documents", ["published"])
    op.drop_index("ix_claims_doc_sentence", table_name="claims")
    op.drop_index("ix_claims_kind_key", table_name="claims")
    op.create_index("ix_claims_doc_id", "claims", ["doc_id"])
    op.create_index("ix_claims_kind", "claims", ["kind"])
