"""Kaffee- und Mittags-Roulette: participants, rounds, pairs

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 03:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "roulette_participants",
        sa.Column("user_key", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("tenant_id", sa.String(length=64), nullable=True),
        sa.Column("formats", sa.JSON(), nullable=False),
        sa.Column("scope", sa.String(length=10), nullable=False),
        sa.Column("department", sa.String(length=200), nullable=True),
        sa.Column("site", sa.String(length=200), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("user_key", name=op.f("pk_roulette_participants")),
    )
    op.create_table(
        "roulette_rounds",
        sa.Column("round_no", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("participants", sa.Integer(), nullable=False),
        sa.Column("groups", sa.Integer(), nullable=False),
        sa.Column("met_yes", sa.Integer(), nullable=False),
        sa.Column("met_no", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("round_no", name=op.f("pk_roulette_rounds")),
    )
    op.create_table(
        "roulette_groups",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("round_no", sa.Integer(), nullable=False),
        sa.Column("members", sa.JSON(), nullable=False),
        sa.Column("names", sa.JSON(), nullable=False),
        sa.Column("formats", sa.JSON(), nullable=False),
        sa.Column("tenant_id", sa.String(length=64), nullable=True),
        sa.Column("slots", sa.JSON(), nullable=False),
        sa.Column("slot_index", sa.Integer(), nullable=False),
        sa.Column("planned", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roulette_groups")),
    )
    with op.batch_alter_table("roulette_groups", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_roulette_groups_round_no"), ["round_no"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("roulette_groups", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_roulette_groups_round_no"))
    op.drop_table("roulette_groups")
    op.drop_table("roulette_rounds")
    op.drop_table("roulette_participants")
