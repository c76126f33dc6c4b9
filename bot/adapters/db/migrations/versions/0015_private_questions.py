"""questions remember whether they were asked in a personal chat (private)

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 12:00:00.000000
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

# Only the columns the data steps touch; the models may change after this revision.
questions = sa.table(
    "questions",
    sa.column("id", sa.Integer()),
    sa.column("thread", sa.JSON()),
    sa.column("private", sa.Boolean()),
)
# Conversation kinds others can read; Teams sends the kind with every activity, and the bot
# takes a missing or unknown one for a personal chat (bot.teams.translate.conversation_kind).
SHARED = ("channel", "groupChat")
_BATCH = 500


def asked_in_personal_chat(thread: Any) -> bool:
    """Whether a stored thread handle (the question's card, posted where it was asked) is in a
    personal chat: its reference's conversation has a kind that is not a shared one. A handle
    without a conversation (the card was never posted) tells nothing and counts as shared."""
    reference = thread.get("reference") if isinstance(thread, Mapping) else None
    conversation = reference.get("conversation") if isinstance(reference, Mapping) else None
    if not isinstance(conversation, Mapping):
        return False
    return conversation.get("conversationType") not in SHARED


def upgrade() -> None:
    # Plain ALTER TABLE on SQLite too: a batch would copy the table, and dropping the old
    # copy (foreign keys on) would delete every routing decision of its questions.
    op.add_column(
        "questions",
        sa.Column("private", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    # Questions asked before: their privacy is read from where their card was posted.
    connection = op.get_bind()
    rows = connection.execute(sa.select(questions.c.id, questions.c.thread)).all()
    private = [question_id for question_id, thread in rows if asked_in_personal_chat(thread)]
    for start in range(0, len(private), _BATCH):
        chunk = private[start : start + _BATCH]
        connection.execute(
            questions.update().where(questions.c.id.in_(chunk)).values(private=True)
        )


def downgrade() -> None:
    op.drop_column("questions", "private")  # SQLite has DROP COLUMN since 3.35
