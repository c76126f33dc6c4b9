"""Migration 0014: onboardings remember whether the buddy's introduction went out, read from
the introduction job (a former buddy is told of a re-pairing only if introduced)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from bot.adapters.db.migrate import downgrade, upgrade
from tests.support.migration_steps import (
    aware,
    database_fixture,
    onboardings_table,
    run_sql,
)

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)

ONBOARDINGS = onboardings_table(
    sa.column("buddy_key", sa.String()), sa.column("paired_at", sa.DateTime(timezone=True))
)
INTRODUCED = sa.table(
    "onboardings",
    sa.column("id", sa.Integer()),
    sa.column("introduced_at", sa.DateTime(timezone=True)),
)
JOBS = sa.table(
    "scheduled_jobs",
    sa.column("kind", sa.String()),
    sa.column("payload", sa.JSON()),
    sa.column("due_at", sa.DateTime(timezone=True)),
    sa.column("dedup_key", sa.String()),
    sa.column("attempts", sa.Integer()),
    sa.column("done_at", sa.DateTime(timezone=True)),
    sa.column("failed_at", sa.DateTime(timezone=True)),
)


database_at_0013 = database_fixture("0013")


def _onboarding(onboarding_id: int, buddy: str | None) -> Any:
    return {
        "id": onboarding_id, "newcomer_key": f"new-{onboarding_id}", "newcomer_name": "N",
        "source": "team", "state": "paired" if buddy else "unpaired", "buddy_key": buddy,
        "buddy_name": buddy or "", "version": 2, "reasons": [], "check_ins": {},
        "created_at": T0, "paired_at": T0 if buddy else None,
    }  # fmt: skip


def _intro(onboarding_id: int, buddy: str, done: datetime | None, failed: bool) -> Any:
    return {
        "kind": "onboarding.intro", "payload": {"onboarding_id": onboarding_id, "to": buddy},
        "due_at": T0, "dedup_key": f"onboarding.intro:{onboarding_id}:{buddy}:{buddy}",
        "attempts": 1, "done_at": done, "failed_at": done if failed else None,
    }  # fmt: skip


def test_introductions_sent_are_read_from_their_jobs(database_at_0013: str) -> None:
    url = database_at_0013
    sent = T0 + timedelta(minutes=1)
    run_sql(url, ONBOARDINGS.insert().values([
        _onboarding(1, "jana"),  # introduction done
        _onboarding(2, "sabine"),  # introduction still waiting for a retry
        _onboarding(3, "aylin"),  # introduction failed for good
        _onboarding(4, "tobias"),  # paired before finished jobs were purged: long sent
        _onboarding(5, None),  # nobody to introduce
    ]))  # fmt: skip
    run_sql(url, JOBS.insert().values([
        _intro(1, "jana", sent, failed=False),
        _intro(2, "sabine", None, failed=False),
        _intro(3, "aylin", sent, failed=True),
    ]))  # fmt: skip

    upgrade(url, "0014")
    read = sa.select(INTRODUCED.c.id, INTRODUCED.c.introduced_at).order_by(INTRODUCED.c.id)
    introduced = [(i, aware(at)) for i, at in run_sql(url, read)]
    assert introduced == [(1, sent), (2, None), (3, None), (4, T0), (5, None)]

    downgrade(url, "0013")
    upgrade(url, "0014")
    assert [(i, aware(at)) for i, at in run_sql(url, read)] == introduced
