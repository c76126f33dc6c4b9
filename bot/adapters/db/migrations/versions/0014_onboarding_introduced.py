"""onboardings remember when the buddy's introduction went out (introduced_at)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 00:10:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

INTRO_JOB = "onboarding.intro"  # the job kind of bot.domain.onboarding, frozen here

# Only the columns the data steps touch; the models may change after this revision.
onboardings = sa.table(
    "onboardings",
    sa.column("id", sa.Integer()),
    sa.column("buddy_key", sa.String()),
    sa.column("paired_at", sa.DateTime(timezone=True)),
    sa.column("introduced_at", sa.DateTime(timezone=True)),
)
jobs = sa.table(
    "scheduled_jobs",
    sa.column("dedup_key", sa.String()),
    sa.column("done_at", sa.DateTime(timezone=True)),
    sa.column("failed_at", sa.DateTime(timezone=True)),
)


def upgrade() -> None:
    with op.batch_alter_table("onboardings") as batch:
        batch.add_column(sa.Column("introduced_at", sa.DateTime(timezone=True), nullable=True))
    # A buddy's introduction was sent when its job (keyed "<kind>:<id>:<buddy>:<buddy>") is
    # done and did not fail. A pairing whose job is gone was paired before the retention of
    # finished jobs: its introduction went out long ago (or never will), counted as sent.
    connection = op.get_bind()
    paired = connection.execute(
        sa.select(onboardings.c.id, onboardings.c.buddy_key, onboardings.c.paired_at).where(
            onboardings.c.buddy_key.is_not(None)
        )
    ).all()
    for onboarding_id, buddy_key, paired_at in paired:
        key = f"{INTRO_JOB}:{onboarding_id}:{buddy_key}:{buddy_key}"
        job = connection.execute(
            sa.select(jobs.c.done_at, jobs.c.failed_at).where(jobs.c.dedup_key == key)
        ).first()
        if job is None:
            introduced = paired_at
        elif job.done_at is not None and job.failed_at is None:
            introduced = job.done_at
        else:
            continue  # still waiting or failed for good: not introduced
        connection.execute(
            onboardings.update()
            .where(onboardings.c.id == onboarding_id)
            .values(introduced_at=introduced)
        )


def downgrade() -> None:
    with op.batch_alter_table("onboardings") as batch:
        batch.drop_column("introduced_at")
