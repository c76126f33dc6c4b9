"""Migration 0015: questions asked before it learn whether they were asked in a personal chat,
read from where their card was posted; the decisions learnt from them stay."""

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

QUESTIONS = questions_table()
PRIVATE = sa.column("private", sa.Boolean())
DECISIONS = sa.table(
    "routing_decisions",
    sa.column("question_id", sa.Integer()),
    sa.column("pool_id", sa.String()),
    sa.column("expert_key", sa.String()),
    sa.column("kind", sa.String()),
    sa.column("decided_at", sa.DateTime(timezone=True)),
)


database_at_0014 = database_fixture("0014")


def _card_in(kind: str | None, conversation_id: str) -> dict[str, Any]:
    # A thread handle as the notifier stores it: the reference of the place posted into.
    conversation: dict[str, Any] = {"id": conversation_id}
    if kind is not None:
        conversation["conversationType"] = kind
    return {"reference": {"conversation": conversation}, "activity_id": "1"}


def _question(question_id: int, thread: dict[str, Any]) -> dict[str, Any]:
    return answered_question(question_id, thread, T0)


def test_questions_asked_in_a_personal_chat_become_private(database_at_0014: str) -> None:
    url = database_at_0014
    rows = [
        _question(1, _card_in("personal", "a:personal-ralf")),
        _question(2, _card_in("channel", "19:general@thread.tacv2;messageid=7")),
        _question(3, _card_in("groupChat", "19:meeting-gruppe@thread.v2")),
        # Teams always names the kind; the bot takes a missing one for a personal chat.
        _question(4, _card_in(None, "a:personal-jana")),
        _question(5, {}),  # its card was never posted: nothing says it was private
    ]
    run_sql(url, QUESTIONS.insert().values(rows))
    decided = {"question_id": 1, "pool_id": "default", "expert_key": "e", "kind": "declined"}
    run_sql(url, DECISIONS.insert().values(decided_at=T0, **decided))

    upgrade(url, "0015")
    read = sa.select(QUESTIONS.c.id, PRIVATE).select_from(QUESTIONS).order_by(QUESTIONS.c.id)
    expected = [(1, True), (2, False), (3, False), (4, True), (5, False)]
    assert [(i, bool(p)) for i, p in run_sql(url, read)] == expected
    # A question stored by code that does not know the column yet (a rolling deploy) is
    # shared until told otherwise.
    run_sql(url, QUESTIONS.insert().values(_question(6, _card_in("channel", "19:x"))))
    assert bool(run_sql(url, read)[-1][1]) is False

    downgrade(url, "0014")
    assert len(run_sql(url, sa.select(QUESTIONS.c.id))) == 6
    upgrade(url, "0015")
    assert [(i, bool(p)) for i, p in run_sql(url, read)][:5] == expected
    # Neither step copied the questions table away: what the ranking learnt is still there.
    assert len(run_sql(url, sa.select(DECISIONS.c.question_id))) == 1
