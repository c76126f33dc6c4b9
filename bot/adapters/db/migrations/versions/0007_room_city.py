"""rooms: the city of a room's postal address (offers prefer rooms near the requester)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-08 10:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing rows keep NULL until the next catalogue refresh reads the addresses from Graph.
    with op.batch_alter_table("rooms") as batch:
        batch.add_column(sa.Column("city", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("rooms") as batch:
        batch.drop_column("city")
