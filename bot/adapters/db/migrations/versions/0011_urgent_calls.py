"""Dringender Termin: urgent call requests, the assistants asked, their answers

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 03:10:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "urgent_calls",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("asker_key", sa.String(length=200), nullable=False),
        sa.Column("asker_name", sa.String(length=200), nullable=False),
        sa.Column("tenant_id", sa.String(length=64), nullable=True),
        sa.Column("organiser", sa.String(length=320), nullable=False),
        sa.Column("on_behalf_key", sa.String(length=200), nullable=False),
        sa.Column("on_behalf_name", sa.String(length=200), nullable=False),
        sa.Column("participants", sa.JSON(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("window_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("window_end", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("slots", sa.JSON(), nullable=False),
        sa.Column("asks", sa.JSON(), nullable=False),
        sa.Column("ask_window", sa.JSON(), nullable=True),
        sa.Column("booked", sa.JSON(), nullable=True),
        sa.Column("event_id", sa.String(length=500), nullable=True),
        sa.Column("cards", sa.JSON(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_urgent_calls")),
    )
    with op.batch_alter_table("urgent_calls", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_urgent_calls_asker_key"), ["asker_key"])
        batch_op.create_index(batch_op.f("ix_urgent_calls_created_at"), ["created_at"])
        batch_op.create_index(batch_op.f("ix_urgent_calls_state"), ["state"])
    op.create_table(
        "urgent_audit",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("call_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_key", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=30), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["call_id"],
            ["urgent_calls.id"],
            name=op.f("fk_urgent_audit_call_id_urgent_calls"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_urgent_audit")),
    )
    with op.batch_alter_table("urgent_audit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_urgent_audit_call_id"), ["call_id"])


def downgrade() -> None:
    with op.batch_alter_table("urgent_audit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_urgent_audit_call_id"))
    op.drop_table("urgent_audit")
    with op.batch_alter_table("urgent_calls", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_urgent_calls_state"))
        batch_op.drop_index(batch_op.f("ix_urgent_calls_created_at"))
        batch_op.drop_index(batch_op.f("ix_urgent_calls_asker_key"))
    op.drop_table("urgent_calls")
