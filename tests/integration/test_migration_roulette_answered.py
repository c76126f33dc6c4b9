"""Migration 0020: roulette groups remember whose follow-up answer was counted (answered);
groups stored before keep none (one more answer per member counts). Down and up again."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from bot.adapters.db.migrate import downgrade, upgrade
from tests.support.migration_steps import database_fixture, run_sql


def _groups(*newer: sa.ColumnClause[Any]) -> sa.TableClause:
    return sa.table(
        "roulette_groups",
        sa.column("id", sa.Integer()), sa.column("round_no", sa.Integer()),
        sa.column("members", sa.JSON()), sa.column("names", sa.JSON()),
        sa.column("formats", sa.JSON()), sa.column("tenant_id", sa.String()),
        sa.column("slots", sa.JSON()), sa.column("slot_index", sa.Integer()),
        sa.column("planned", sa.Boolean()), sa.column("version", sa.Integer()),
        *newer,
    )  # fmt: skip


BEFORE = _groups()
AFTER = _groups(sa.column("answered", sa.JSON()))

database_at_0019 = database_fixture("0019")


def _group(group_id: int) -> dict[str, object]:
    return {
        "id": group_id, "round_no": 1, "members": ["a", "b"], "names": ["A", "B"],
        "formats": ["coffee"], "tenant_id": None, "slots": [], "slot_index": 0,
        "planned": True, "version": 2,
    }  # fmt: skip


def test_answered_is_added_empty_and_dropped_again(database_at_0019: str) -> None:
    url = database_at_0019
    run_sql(url, BEFORE.insert().values([_group(1)]))

    upgrade(url, "0020")
    read = sa.select(AFTER.c.id, AFTER.c.answered).order_by(AFTER.c.id)
    assert run_sql(url, read) == [(1, None)]  # nobody's answer is known to be counted
    run_sql(url, AFTER.insert().values([{**_group(2), "answered": ["a"]}]))
    assert run_sql(url, read) == [(1, None), (2, ["a"])]

    downgrade(url, "0019")
    assert run_sql(url, sa.select(BEFORE.c.id).order_by(BEFORE.c.id)) == [(1,), (2,)]
    upgrade(url, "0020")
    assert run_sql(url, read) == [(1, None), (2, None)]
