"""onboardings remember when they ended because the newcomer left (left_at)

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07 14:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Onboardings that ended before this revision keep NULL: when they ended is unknown, so a
    # rejoin starts afresh for them, as it did before (only a recent end is resumed).
    with op.batch_alter_table("onboardings") as batch:
        batch.add_column(sa.Column("left_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("onboardings") as batch:
        batch.drop_column("left_at")
