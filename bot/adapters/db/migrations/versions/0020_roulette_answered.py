"""roulette groups remember whose follow-up answer was counted (answered), not the answer

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07 21:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # NULL for the groups stored before: nobody's answer is known to have been counted, so
    # one more answer per member still counts (their earlier clicks were counted already and
    # cannot be told apart). Plain ALTER TABLE on SQLite too, as in 0018.
    op.add_column("roulette_groups", sa.Column("answered", sa.JSON(), nullable=True))


def downgrade() -> None:
    op.drop_column("roulette_groups", "answered")  # SQLite has DROP COLUMN since 3.35
