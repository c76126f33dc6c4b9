"""Migration 0018: questions keep the conversation of their thread card as an indexed column,
filled for the questions stored before from their card's handle. Down and up again."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from bot.adapters.db.migrate import downgrade, upgrade
from tests.support.migration_steps import (
    answered_question,
    database_fixture,
    questions_table,
    run_sql,
)

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
THREAD = "19:general@thread.tacv2;messageid=1733580000000"
QUESTIONS = questions_table()
AFTER = questions_table(sa.column("thread_conversation", sa.String()))

database_at_0017 = database_fixture("0017")


def _question(question_id: int, thread: dict[str, Any]) -> dict[str, Any]:
    return answered_question(question_id, thread, T0)


def test_the_thread_conversation_is_read_from_the_stored_card(database_at_0017: str) -> None:
    url = database_at_0017
    card = {"reference": {"conversation": {"id": THREAD, "conversationType": "channel"}}}
    rows = [
        _question(1, {**card, "activity_id": "1"}),
        _question(2, {"reference": {"conversation": {"id": "a:personal-jana"}}}),
        _question(3, {}),  # its card was never posted
        _question(4, {"reference": {}}),
    ]
    run_sql(url, QUESTIONS.insert().values(rows))

    upgrade(url, "0018")
    read = sa.select(AFTER.c.id, AFTER.c.thread_conversation).order_by(AFTER.c.id)
    assert run_sql(url, read) == [(1, THREAD), (2, "a:personal-jana"), (3, None), (4, None)]
    with_index = sa.text(
        "SELECT count(*) FROM pg_indexes WHERE indexname = :name"
        if url.startswith("postgresql")
        else "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = :name"
    ).bindparams(name="ix_questions_pool_thread_conversation")
    assert run_sql(url, with_index) == [(1,)]

    downgrade(url, "0017")
    assert run_sql(url, sa.select(QUESTIONS.c.id).order_by(QUESTIONS.c.id)) == [
        (1,), (2,), (3,), (4,)
    ]  # fmt: skip
    assert run_sql(url, with_index) == [(0,)]
    upgrade(url, "0018")
    assert run_sql(url, read) == [(1, THREAD), (2, "a:personal-jana"), (3, None), (4, None)]
