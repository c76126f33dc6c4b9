"""SQL implementation of the DecisionLog port: declines and forwards the ranking learns from."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import cast

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.db.dialect import dialect_insert
from bot.adapters.db.models import QuestionRow, RoutingDecisionRow
from bot.domain.routing.decisions import DecisionSignal, LearntDecision, SignalKind


class SqlDecisionLog:
    """One row per (question, expert, kind); the question's deletion cascades to its rows."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def record(self, signals: Sequence[DecisionSignal]) -> None:
        """Store the signals; ones already stored (re-delivery, a racing click) are kept."""
        if not signals:
            return
        async with self._sessions.begin() as session:
            rows = [
                {"question_id": s.question_id, "pool_id": s.pool_id, "expert_key": s.expert_key,
                 "kind": s.kind, "decided_at": s.decided_at}
                for s in signals
            ]  # fmt: skip
            statement = dialect_insert(session, RoutingDecisionRow).values(rows)
            await session.execute(
                statement.on_conflict_do_nothing(
                    index_elements=["question_id", "expert_key", "kind"]
                )
            )

    async def recent(self, pool_id: str, since: datetime) -> Sequence[LearntDecision]:
        """The pool's signals since ``since``, oldest first, with their question's text."""
        decision = RoutingDecisionRow
        async with self._sessions() as session:
            rows = await session.execute(
                select(decision, QuestionRow.text, QuestionRow.owner_key)
                .join(QuestionRow, QuestionRow.id == decision.question_id)
                .where(decision.pool_id == pool_id, decision.decided_at >= since)
                .order_by(decision.decided_at, decision.id)
            )
            return [
                LearntDecision(
                    DecisionSignal(
                        row.pool_id,
                        row.question_id,
                        row.expert_key,
                        cast(SignalKind, row.kind),
                        row.decided_at,
                    ),
                    text,
                    owner,
                )
                for row, text, owner in rows
            ]
