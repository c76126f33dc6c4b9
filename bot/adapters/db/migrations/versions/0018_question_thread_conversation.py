"""questions keep the conversation of their thread card as a column, indexed with the pool

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07 18:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

# Only the columns the data step touches; the models may change after this revision.
questions = sa.table(
    "questions",
    sa.column("thread", sa.JSON()),
    sa.column("thread_conversation", sa.String()),
)


def upgrade() -> None:
    # Plain ALTER TABLE on SQLite too (see 0015: a batch copy would lose routing decisions).
    op.add_column("questions", sa.Column("thread_conversation", sa.String(400), nullable=True))
    # Questions stored before: the conversation is read from their card's handle, in one
    # statement in the database (JSON path on SQLite and PostgreSQL alike), not row by row.
    conversation = questions.c.thread[("reference", "conversation", "id")].as_string()
    op.get_bind().execute(questions.update().values(thread_conversation=conversation))
    op.create_index(
        "ix_questions_pool_thread_conversation", "questions", ["pool_id", "thread_conversation"]
    )


def downgrade() -> None:
    op.drop_index("ix_questions_pool_thread_conversation", table_name="questions")
    op.drop_column("questions", "thread_conversation")  # SQLite has DROP COLUMN since 3.35
