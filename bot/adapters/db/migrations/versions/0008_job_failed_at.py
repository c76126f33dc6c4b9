"""scheduled jobs: "failed for good" is its own column, not a due date in year 9999

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-10 09:00:00.000000
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# Until 0007 the runner gave up on a job by moving it here and then completing it.
PARKED = datetime(9999, 1, 1, tzinfo=UTC)

# Only the columns the data steps touch; the model may change after this revision.
jobs = sa.table(
    "scheduled_jobs",
    sa.column("due_at", sa.DateTime(timezone=True)),
    sa.column("done_at", sa.DateTime(timezone=True)),
    sa.column("failed_at", sa.DateTime(timezone=True)),
)


def upgrade() -> None:
    with op.batch_alter_table("scheduled_jobs") as batch:
        batch.add_column(sa.Column("failed_at", sa.DateTime(timezone=True), nullable=True))
    # The real due time of a parked job is lost; its last attempt ran before done_at, so
    # done_at is the closest honest value and no row keeps the sentinel.
    op.execute(
        jobs.update()
        .where(jobs.c.done_at.is_not(None), jobs.c.due_at >= PARKED)
        .values(failed_at=jobs.c.done_at, due_at=jobs.c.done_at)
    )


def downgrade() -> None:
    # The older code counts a job as given up only when it is parked and done.
    op.execute(jobs.update().where(jobs.c.failed_at.is_not(None)).values(due_at=PARKED))
    with op.batch_alter_table("scheduled_jobs") as batch:
        batch.drop_column("failed_at")
