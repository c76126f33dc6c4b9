"""Migration 0013: a question asked back before the fallback existed gets it planned."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from bot.adapters.db.migrate import downgrade, upgrade
from tests.support.migration_steps import aware, database_fixture, questions_table, run_sql

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)

QUESTIONS = questions_table(sa.column("escalate_at", sa.DateTime(timezone=True)))
JOBS = sa.table(
    "scheduled_jobs",
    sa.column("kind", sa.String()),
    sa.column("payload", sa.JSON()),
    sa.column("due_at", sa.DateTime(timezone=True)),
    sa.column("dedup_key", sa.String()),
    sa.column("done_at", sa.DateTime(timezone=True)),
)


database_at_0012 = database_fixture("0012")


def _question(question_id: int, state: str, version: int, escalate_at: datetime | None) -> Any:
    return {
        "id": question_id, "pool_id": "default", "asker_key": "a", "asker_name": "A",
        "text": "Wer kennt sich mit Verträgen aus?", "language": "de", "state": state,
        "version": version, "current_index": 0, "candidates": [], "thread": {},
        "expert_cards": {}, "asked_at": T0, "escalate_at": escalate_at,
    }  # fmt: skip


def test_waiting_questions_get_their_fallback_once(database_at_0012: str) -> None:
    url = database_at_0012
    asked_deadline = T0 + timedelta(hours=4)
    rows = [
        _question(1, "clarifying", 1, None),  # waits for the asker's click for ever
        _question(2, "asked", 3, asked_deadline),  # already has its escalation
        _question(3, "withdrawn", 2, None),  # closed: nothing to plan
    ]
    run_sql(url, QUESTIONS.insert().values(rows))

    upgrade(url, "0013")
    read = sa.select(QUESTIONS.c.id, QUESTIONS.c.escalate_at).order_by(QUESTIONS.c.id)
    deadlines = [(i, aware(at)) for i, at in run_sql(url, read)]
    due = T0 + timedelta(hours=2)
    assert deadlines == [(1, due), (2, asked_deadline), (3, None)]
    planned = run_sql(url, sa.select(JOBS.c.kind, JOBS.c.payload, JOBS.c.due_at, JOBS.c.dedup_key))
    assert [(k, p, aware(d), key) for k, p, d, key in planned] == [
        ("routing.escalate", {"question_id": 1, "version": 1}, due, "routing.escalate:1:1")
    ]

    downgrade(url, "0012")
    assert [(i, aware(at)) for i, at in run_sql(url, read)] == [
        (1, None), (2, asked_deadline), (3, None)
    ]  # fmt: skip
    upgrade(url, "0013")  # again: the fallback is planned once, not twice
    assert len(run_sql(url, sa.select(JOBS.c.kind))) == 1

    # Downgraded again, the older code ran the job and ignored the question (done); the next
    # upgrade plans it afresh instead of leaving a promise that never runs.
    downgrade(url, "0012")
    run_sql(url, JOBS.update().values(done_at=T0 + timedelta(hours=3)))
    upgrade(url, "0013")
    pending = run_sql(url, sa.select(JOBS.c.dedup_key, JOBS.c.done_at))
    assert pending == [("routing.escalate:1:1", None)]
