"""Foundation: processed activities and conversation references.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "processed_activities",
        sa.Column("activity_key", sa.String(300), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("activity_key", name="pk_processed_activities"),
    )
    op.create_index("ix_processed_activities_received_at", "processed_activities", ["received_at"])
    op.create_table(
        "conversation_references",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("conversation_id", sa.String(500), nullable=False),
        sa.Column("user_key", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("tenant_id", sa.String(64), nullable=True),
        sa.Column("service_url", sa.String(500), nullable=False),
        sa.Column("reference", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_conversation_references"),
        sa.UniqueConstraint(
            "conversation_id", "user_key", name="uq_conversation_references_conv_user"
        ),
    )
    op.create_index(
        "ix_conversation_references_user_kind", "conversation_references", ["user_key", "kind"]
    )


def downgrade() -> None:
    op.drop_index("ix_conversation_references_user_kind", table_name="conversation_references")
    op.drop_table("conversation_references")
    op.drop_index("ix_processed_activities_received_at", table_name="processed_activities")
    op.drop_table("processed_activities")
