"""Geburtstage und Jubiläen: opt-ins, followers, reminder subscriptions

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 03:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "birthday_profiles",
        sa.Column("user_key", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("tenant_id", sa.String(length=64), nullable=True),
        sa.Column("birth_day", sa.Integer(), nullable=True),
        sa.Column("birth_month", sa.Integer(), nullable=True),
        sa.Column("visibility", sa.String(length=10), nullable=False),
        sa.Column("jubilee", sa.Boolean(), nullable=False),
        sa.Column("remind_network", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("user_key", name=op.f("pk_birthday_profiles")),
    )
    op.create_table(
        "birthday_follows",
        sa.Column("follower_key", sa.String(length=200), nullable=False),
        sa.Column("followed_key", sa.String(length=200), nullable=False),
        sa.Column("followed_name", sa.String(length=200), nullable=False),
        sa.Column("follower_tenant", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("follower_key", "followed_key", name=op.f("pk_birthday_follows")),
    )
    with op.batch_alter_table("birthday_follows", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_birthday_follows_followed_key"), ["followed_key"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("birthday_follows", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_birthday_follows_followed_key"))
    op.drop_table("birthday_follows")
    op.drop_table("birthday_profiles")
