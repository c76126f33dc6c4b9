"""the daily birthday run remembers up to which day it announced (catching up missed days)

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07 21:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # No row until the first run after this revision: the days before it count as announced
    # (the old runs did), so an upgrade catches nothing up.
    op.create_table(
        "birthday_runs",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("announced_through", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_birthday_runs")),
    )


def downgrade() -> None:
    op.drop_table("birthday_runs")
