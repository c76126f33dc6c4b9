"""stammtisch: rules, polls, votes

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 10:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stammtisch_rules",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("team_key", sa.String(length=500), nullable=False),
        sa.Column("place", sa.JSON(), nullable=False),
        sa.Column("organiser_key", sa.String(length=200), nullable=False),
        sa.Column("organiser_name", sa.String(length=200), nullable=False),
        sa.Column("tenant_id", sa.String(length=64), nullable=True),
        sa.Column("post_week", sa.Integer(), nullable=False),
        sa.Column("post_weekday", sa.Integer(), nullable=False),
        sa.Column("post_time", sa.String(length=5), nullable=False),
        sa.Column("deadline_weekday", sa.Integer(), nullable=False),
        sa.Column("deadline_time", sa.String(length=5), nullable=False),
        sa.Column("lunch_start", sa.String(length=5), nullable=False),
        sa.Column("lunch_end", sa.String(length=5), nullable=False),
        sa.Column("candidate_weekdays", sa.JSON(), nullable=False),
        sa.Column("candidate_count", sa.Integer(), nullable=False),
        sa.Column("places", sa.JSON(), nullable=False),
        sa.Column("language", sa.String(length=5), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stammtisch_rules")),
        sa.UniqueConstraint("team_key", name=op.f("uq_stammtisch_rules_team_key")),
    )
    op.create_table(
        "stammtisch_polls",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key", sa.String(length=600), nullable=False),
        sa.Column("team_key", sa.String(length=500), nullable=False),
        sa.Column("place", sa.JSON(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("dates", sa.JSON(), nullable=False),
        sa.Column("places", sa.JSON(), nullable=False),
        sa.Column("lunch_start", sa.String(length=5), nullable=False),
        sa.Column("lunch_end", sa.String(length=5), nullable=False),
        sa.Column("deadline", sa.DateTime(timezone=True), nullable=False),
        sa.Column("organiser_key", sa.String(length=200), nullable=False),
        sa.Column("organiser_name", sa.String(length=200), nullable=False),
        sa.Column("tenant_id", sa.String(length=64), nullable=True),
        sa.Column("language", sa.String(length=5), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("card", sa.JSON(), nullable=True),
        sa.Column("winner_day", sa.Date(), nullable=True),
        sa.Column("winner_place", sa.String(length=200), nullable=True),
        sa.Column("event_id", sa.String(length=500), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stammtisch_polls")),
        sa.UniqueConstraint("key", name=op.f("uq_stammtisch_polls_key")),
    )
    with op.batch_alter_table("stammtisch_polls", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stammtisch_polls_state"), ["state"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_stammtisch_polls_team_key"), ["team_key"], unique=False
        )

    op.create_table(
        "stammtisch_votes",
        sa.Column("poll_id", sa.Integer(), nullable=False),
        sa.Column("member_key", sa.String(length=200), nullable=False),
        sa.Column("member_name", sa.String(length=200), nullable=False),
        sa.Column("teams_id", sa.String(length=200), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["poll_id"],
            ["stammtisch_polls.id"],
            name=op.f("fk_stammtisch_votes_poll_id_stammtisch_polls"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("poll_id", "member_key", name=op.f("pk_stammtisch_votes")),
    )


def downgrade() -> None:
    op.drop_table("stammtisch_votes")
    with op.batch_alter_table("stammtisch_polls", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stammtisch_polls_team_key"))
        batch_op.drop_index(batch_op.f("ix_stammtisch_polls_state"))

    op.drop_table("stammtisch_polls")
    op.drop_table("stammtisch_rules")
