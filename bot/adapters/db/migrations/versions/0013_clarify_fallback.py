"""questions still asking "Worum geht es?" get the fallback that asks the leading choice

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 21:00:00.000000
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# Until now a question asked back waited for the asker's click for ever. The code plans the
# fallback ROUTING_CLARIFY_HOURS business hours ahead; a migration knows neither the setting
# nor the calendar, so the default's two hours of wall time stand in. Such questions are
# mostly older than that, so their fallback runs at once after the upgrade.
FALLBACK_AFTER = timedelta(hours=2)
ESCALATE_JOB = "routing.escalate"  # the job kind of bot.domain.routing.delivery, frozen here

# Only the columns the data steps touch; the models may change after this revision.
questions = sa.table(
    "questions",
    sa.column("id", sa.Integer()),
    sa.column("state", sa.String()),
    sa.column("version", sa.Integer()),
    sa.column("asked_at", sa.DateTime(timezone=True)),
    sa.column("escalate_at", sa.DateTime(timezone=True)),
)
jobs = sa.table(
    "scheduled_jobs",
    sa.column("kind", sa.String()),
    sa.column("payload", sa.JSON()),
    sa.column("due_at", sa.DateTime(timezone=True)),
    sa.column("dedup_key", sa.String()),
    sa.column("attempts", sa.Integer()),
    sa.column("done_at", sa.DateTime(timezone=True)),
)


def _utc(value: datetime) -> datetime:
    # SQLite hands back naive values; the stored instant is UTC.
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def upgrade() -> None:
    waiting = (questions.c.state == "clarifying") & questions.c.escalate_at.is_(None)
    rows = op.get_bind().execute(
        sa.select(questions.c.id, questions.c.version, questions.c.asked_at).where(waiting)
    )
    for question_id, version, asked_at in rows.all():
        due = _utc(asked_at) + FALLBACK_AFTER
        op.execute(questions.update().where(questions.c.id == question_id).values(escalate_at=due))
        key = f"{ESCALATE_JOB}:{question_id}:{version}"
        # Upgraded before and downgraded since: the older code may have run that fallback
        # and ignored the question (done, nothing changed); plan it afresh. A pending one
        # stays as it is.
        op.execute(jobs.delete().where(jobs.c.dedup_key == key, jobs.c.done_at.is_not(None)))
        pending = sa.select(sa.func.count()).select_from(jobs).where(jobs.c.dedup_key == key)
        if op.get_bind().execute(pending).scalar_one():
            continue
        op.execute(
            jobs.insert().values(
                kind=ESCALATE_JOB,
                payload={"question_id": question_id, "version": version},
                due_at=due,
                dedup_key=key,
                attempts=0,
            )
        )


def downgrade() -> None:
    # The older code expects no deadline while asking back; its escalation job ignores a
    # question in that state, so a planned fallback left behind changes nothing.
    op.execute(
        questions.update().where(questions.c.state == "clarifying").values(escalate_at=None)
    )
