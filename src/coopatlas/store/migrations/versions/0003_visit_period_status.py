"""A visit's stated period (where no day is stated) and its status (held or planned).

Until now a visit told only with a wider time ("in July–September") kept that time in its
evidence alone, and a visit that texts only announced looked like one that took place.
Rows written before this revision read as held with no period until the atlas is assembled
again (``coopatlas assemble``).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("visits", sa.Column("period", sa.String(length=32), nullable=True))
    op.add_column("visits", sa.Column("status", sa.String(length=16), nullable=False,
                                      server_default="held"))


def downgrade() -> None:
    with op.batch_alter_table("visits") as batch:  # SQLite drops a column by copying the table
        batch.drop_column("status")
        batch.drop_column("period")
