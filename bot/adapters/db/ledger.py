"""SQL implementation of the ActivityLedger port (re-delivery deduplication)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.db.models import ProcessedActivity


class SqlActivityLedger:
    """A claim is a primary-key insert: the database decides who was first, across replicas."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def claim(self, activity_key: str, now: datetime) -> bool:
        """Record the key; False when it was already claimed (a re-delivery)."""
        try:
            async with self._sessions.begin() as session:
                session.add(ProcessedActivity(activity_key=activity_key, received_at=now))
        except IntegrityError:
            return False
        return True

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
