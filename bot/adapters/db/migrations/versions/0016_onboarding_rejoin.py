"""a newcomer who left and joins again gets a new onboarding: one open onboarding per newcomer

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07 13:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

OPEN = "state <> 'left'"  # frozen here: the models may change after this revision

onboardings = sa.table(
    "onboardings",
    sa.column("id", sa.Integer()),
    sa.column("newcomer_key", sa.String()),
)


def upgrade() -> None:
    with op.batch_alter_table("onboardings") as batch:
        batch.drop_constraint("uq_onboardings_newcomer_key", type_="unique")
        batch.create_index("ix_onboardings_newcomer_key", ["newcomer_key"], unique=False)
    op.create_index(
        "uq_onboardings_open_newcomer",
        "onboardings",
        ["newcomer_key"],
        unique=True,
        sqlite_where=sa.text(OPEN),
        postgresql_where=sa.text(OPEN),
    )


def downgrade() -> None:
    # One onboarding per newcomer again: of a newcomer who left and joined again, only the
    # newest onboarding stays (the older ones ended when they left).
    newest = sa.select(sa.func.max(onboardings.c.id)).group_by(onboardings.c.newcomer_key)
    op.execute(onboardings.delete().where(onboardings.c.id.not_in(newest)))
    op.drop_index("uq_onboardings_open_newcomer", table_name="onboardings")
    with op.batch_alter_table("onboardings") as batch:
        batch.drop_index("ix_onboardings_newcomer_key")
        batch.create_unique_constraint("uq_onboardings_newcomer_key", ["newcomer_key"])
