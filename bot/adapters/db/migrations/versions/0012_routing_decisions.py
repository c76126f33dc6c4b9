"""Routing learns from decisions: declines and forwards per question and expert

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-08 10:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "routing_decisions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("pool_id", sa.String(length=200), nullable=False),
        sa.Column("expert_key", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["questions.id"],
            name=op.f("fk_routing_decisions_question_id_questions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_routing_decisions")),
        sa.UniqueConstraint(
            "question_id",
            "expert_key",
            "kind",
            name="uq_routing_decisions_question_expert_kind",
        ),
    )
    with op.batch_alter_table("routing_decisions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_routing_decisions_pool_decided", ["pool_id", "decided_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_routing_decisions_expert_key"), ["expert_key"])


def downgrade() -> None:
    with op.batch_alter_table("routing_decisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_routing_decisions_expert_key"))
        batch_op.drop_index("ix_routing_decisions_pool_decided")
    op.drop_table("routing_decisions")
