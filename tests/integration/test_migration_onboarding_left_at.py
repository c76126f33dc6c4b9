"""Migration 0017: onboardings remember when they ended because the newcomer left (left_at);
those that ended before keep none (a rejoin starts them afresh, as before). Down and up again."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa

from bot.adapters.db.migrate import downgrade, upgrade
from tests.support.migration_steps import aware, database_fixture, onboardings_table, run_sql

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
BEFORE = onboardings_table()
AFTER = onboardings_table(sa.column("left_at", sa.DateTime(timezone=True)))

database_at_0016 = database_fixture("0016")


def _onboarding(onboarding_id: int, state: str) -> dict[str, object]:
    return {
        "id": onboarding_id, "newcomer_key": f"n{onboarding_id}", "newcomer_name": "N",
        "source": "team", "state": state, "buddy_name": "", "version": 1, "reasons": [],
        "check_ins": {}, "created_at": T0,
    }  # fmt: skip


def test_left_at_is_added_empty_and_dropped_again(database_at_0016: str) -> None:
    url = database_at_0016
    run_sql(url, BEFORE.insert().values([_onboarding(1, "left"), _onboarding(2, "paired")]))

    upgrade(url, "0017")
    read = sa.select(AFTER.c.id, AFTER.c.left_at).order_by(AFTER.c.id)
    assert run_sql(url, read) == [(1, None), (2, None)]  # when they ended is not known
    run_sql(url, AFTER.insert().values([{**_onboarding(3, "left"), "left_at": T0}]))
    [(left_at,)] = run_sql(url, sa.select(AFTER.c.left_at).where(AFTER.c.id == 3))
    assert aware(left_at) == T0

    downgrade(url, "0016")
    assert run_sql(url, sa.select(BEFORE.c.id).order_by(BEFORE.c.id)) == [(1,), (2,), (3,)]
    upgrade(url, "0017")
    assert run_sql(url, read) == [(1, None), (2, None), (3, None)]
