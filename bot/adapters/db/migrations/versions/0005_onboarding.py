"""buddy onboarding: onboardings, buddy volunteers, seen members of the onboarding group

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 10:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "onboardings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("newcomer_key", sa.String(length=200), nullable=False),
        sa.Column("newcomer_name", sa.String(length=200), nullable=False),
        sa.Column("tenant_id", sa.String(length=64), nullable=True),
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("buddy_key", sa.String(length=200), nullable=True),
        sa.Column("buddy_name", sa.String(length=200), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("paired_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("welcomed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("check_ins", sa.JSON(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_onboardings")),
        sa.UniqueConstraint("newcomer_key", name=op.f("uq_onboardings_newcomer_key")),
    )
    with op.batch_alter_table("onboardings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_onboardings_buddy_key"), ["buddy_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_onboardings_state"), ["state"], unique=False)

    op.create_table(
        "buddy_volunteers",
        sa.Column("user_key", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("paused_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("stopped", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("user_key", name=op.f("pk_buddy_volunteers")),
    )
    op.create_table(
        "onboarding_group_members",
        sa.Column("group_id", sa.String(length=100), nullable=False),
        sa.Column("user_key", sa.String(length=200), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("group_id", "user_key", name=op.f("pk_onboarding_group_members")),
    )


def downgrade() -> None:
    op.drop_table("onboarding_group_members")
    op.drop_table("buddy_volunteers")
    with op.batch_alter_table("onboardings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_onboardings_state"))
        batch_op.drop_index(batch_op.f("ix_onboardings_buddy_key"))

    op.drop_table("onboardings")
