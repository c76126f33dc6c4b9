"""Migration 0016: one open onboarding per newcomer instead of one at all, so that a newcomer
who left and joins again starts afresh; a downgrade keeps each newcomer's newest one."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from bot.adapters.db.migrate import downgrade, upgrade
from tests.support.migration_steps import database_fixture, onboardings_table, run_sql

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
ONBOARDINGS = onboardings_table()


database_at_0015 = database_fixture("0015")


def _onboarding(onboarding_id: int, newcomer: str, state: str) -> Any:
    return {
        "id": onboarding_id, "newcomer_key": newcomer, "newcomer_name": "N", "source": "team",
        "state": state, "buddy_name": "", "version": 1, "reasons": [], "check_ins": {},
        "created_at": T0,
    }  # fmt: skip


def test_a_newcomer_who_left_may_start_again_and_a_downgrade_keeps_the_newest(
    database_at_0015: str,
) -> None:
    url = database_at_0015
    run_sql(url, ONBOARDINGS.insert().values([_onboarding(1, "melanie", "left")]))
    with pytest.raises(IntegrityError):  # before: one onboarding per newcomer, for good
        run_sql(url, ONBOARDINGS.insert().values([_onboarding(2, "melanie", "unpaired")]))

    upgrade(url, "0016")
    run_sql(url, ONBOARDINGS.insert().values([_onboarding(2, "melanie", "unpaired")]))
    with pytest.raises(IntegrityError):  # but one open onboarding only
        run_sql(url, ONBOARDINGS.insert().values([_onboarding(3, "melanie", "paired")]))
    run_sql(url, ONBOARDINGS.insert().values([_onboarding(4, "aylin", "paired")]))
    read = sa.select(ONBOARDINGS.c.id, ONBOARDINGS.c.newcomer_key).order_by(ONBOARDINGS.c.id)
    assert run_sql(url, read) == [(1, "melanie"), (2, "melanie"), (4, "aylin")]

    downgrade(url, "0015")
    assert run_sql(url, read) == [(2, "melanie"), (4, "aylin")]
    with pytest.raises(IntegrityError):
        run_sql(url, ONBOARDINGS.insert().values([_onboarding(5, "aylin", "left")]))
    upgrade(url, "0016")
    assert run_sql(url, read) == [(2, "melanie"), (4, "aylin")]
