"""SQL implementation of the ActivityLedger port (re-delivery deduplication)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.db.batching import MicroBatcher
from bot.adapters.db.models import Base, ProcessedActivity

_TABLE = Base.metadata.tables[ProcessedActivity.__tablename__]


class SqlActivityLedger:
    """A claim is a primary-key insert: the database decides who was first, across replicas."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions
        self._claims: MicroBatcher[tuple[str, datetime], bool] = MicroBatcher(self._claim_many)

    async def claim(self, activity_key: str, now: datetime) -> bool:
        """Record the key; False when it was already claimed (a re-delivery)."""
        return await self._claims.submit((activity_key, now))

    async def _claim_many(self, claims: Sequence[tuple[str, datetime]]) -> list[bool]:
        first_seen: dict[str, datetime] = {}
        for key, now in claims:
            first_seen.setdefault(key, now)
        rows = [{"activity_key": k, "received_at": t} for k, t in first_seen.items()]
        async with self._sessions.begin() as session:
            dialect = session.get_bind().dialect.name
            insert = sqlite_insert if dialect == "sqlite" else postgresql_insert
            # Core table + executemany: the compiled statement is cached whatever the batch size.
            statement = insert(_TABLE).on_conflict_do_nothing().returning(_TABLE.c.activity_key)
            inserted = set((await session.scalars(statement, rows)).all())
        # Within one batch only the first of several equal keys wins.
        results = []
        for key, _now in claims:
            results.append(key in inserted)
            inserted.discard(key)
        return results

    async def release(self, activity_key: str) -> None:
        """Forget a claim whose turn failed, so that a re-delivery is processed again."""
        async with self._sessions.begin() as session:
            await session.execute(
                delete(ProcessedActivity).where(ProcessedActivity.activity_key == activity_key)
            )

    async def purge_before(self, cutoff: datetime) -> int:
        """Drop claims older than ``cutoff``; returns how many were removed."""
        async with self._sessions.begin() as session:
            result = await session.execute(
                delete(ProcessedActivity).where(ProcessedActivity.received_at < cutoff)
            )
        return int(getattr(result, "rowcount", 0) or 0)
