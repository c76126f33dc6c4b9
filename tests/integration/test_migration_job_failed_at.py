"""Migration 0008 turns jobs parked in year 9999 into failed ones, and back on downgrade."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.adapters.db.migrate import downgrade, upgrade
from tests.support.migration_steps import aware, database_at, run_sql

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
PARKED = datetime(9999, 1, 1, tzinfo=UTC)

# The table as revision 0007 left it, plus the new column where it exists.
BEFORE = sa.table(
    "scheduled_jobs",
    sa.column("id", sa.Integer()),
    sa.column("kind", sa.String()),
    sa.column("payload", sa.JSON()),
    sa.column("due_at", sa.DateTime(timezone=True)),
    sa.column("attempts", sa.Integer()),
    sa.column("done_at", sa.DateTime(timezone=True)),
    sa.column("last_error", sa.Text()),
)
AFTER = sa.table(
    "scheduled_jobs",
    *(sa.column(c.name, c.type) for c in BEFORE.c),
    sa.column("failed_at", sa.DateTime(timezone=True)),
)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_at_0007(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with database_at(request.param, tmp_path, "0007") as url:
        yield url


def test_parked_jobs_become_failed_and_back(database_at_0007: str) -> None:
    url = database_at_0007
    done, given_up = T0 + timedelta(minutes=1), T0 + timedelta(hours=9)
    rows = [
        {"id": 1, "due_at": T0, "done_at": done, "last_error": None},  # done
        {"id": 2, "due_at": PARKED, "done_at": given_up, "last_error": "ValueError: x"},
        {"id": 3, "due_at": T0, "done_at": None, "last_error": "RuntimeError: y"},  # retrying
    ]
    run_sql(
        url,
        BEFORE.insert().values(
            [{**row, "kind": "k", "payload": {}, "attempts": 1} for row in rows]
        ),
    )

    upgrade(url, "0008")
    read = sa.select(
        AFTER.c.id, AFTER.c.due_at, AFTER.c.done_at, AFTER.c.failed_at, AFTER.c.last_error
    ).order_by(AFTER.c.id)
    after = [
        tuple(aware(v) if isinstance(v, datetime) else v for v in row)
        for row in run_sql(url, read)
    ]
    assert after == [
        (1, T0, done, None, None),
        (2, given_up, given_up, given_up, "ValueError: x"),
        (3, T0, None, None, "RuntimeError: y"),
    ]

    downgrade(url, "0007")
    read = sa.select(BEFORE.c.id, BEFORE.c.due_at, BEFORE.c.done_at).order_by(BEFORE.c.id)
    before = [
        tuple(aware(v) if isinstance(v, datetime) else v for v in row)
        for row in run_sql(url, read)
    ]
    assert before == [(1, T0, done), (2, PARKED, given_up), (3, T0, None)]
