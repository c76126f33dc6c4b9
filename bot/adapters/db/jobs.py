"""SQL implementation of the JobQueue port: leases that hold across replicas (SKIP LOCKED)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, or_, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.db.models import ScheduledJob
from bot.domain.ports import Job

MAX_ERROR_LENGTH = 2000


class SqlJobQueue:
    """Jobs in ``scheduled_jobs``; a claim is a lease (``locked_until``), not a held row lock.

    Times are aware UTC in and out (``UtcDateTime`` columns), on SQLite as on PostgreSQL.
    """

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def schedule(
        self, kind: str, payload: dict[str, Any], due_at: datetime, dedup_key: str | None = None
    ) -> bool:
        """Add a job; False when a job (pending, done or failed) holds ``dedup_key``."""
        row = {
            "kind": kind,
            "payload": payload,
            "due_at": due_at,
            "dedup_key": dedup_key,
            "attempts": 0,
        }
        async with self._sessions.begin() as session:
            sqlite = session.get_bind().dialect.name == "sqlite"
            insert = sqlite_insert if sqlite else postgresql_insert
            statement = (
                insert(ScheduledJob)
                .values(row)
                .on_conflict_do_nothing()
                .returning(ScheduledJob.id)
            )
            return (await session.scalar(statement)) is not None

    async def claim_due(self, now: datetime, limit: int, lease: timedelta) -> Sequence[Job]:
        """Lease up to ``limit`` due jobs that nobody holds; others will not get them."""
        claimable = (
            ScheduledJob.done_at.is_(None),
            ScheduledJob.due_at <= now,
            or_(ScheduledJob.locked_until.is_(None), ScheduledJob.locked_until < now),
        )
        due = (
            select(ScheduledJob.id)
            .where(*claimable)
            .order_by(ScheduledJob.due_at, ScheduledJob.id)
            .limit(limit)
            # PostgreSQL: rows another replica is claiming right now are skipped, not waited
            # for; the row locks last only until this transaction commits the lease. SQLite
            # renders no FOR UPDATE; two processes on one file can both read the same ids,
            # so the UPDATE below checks the conditions again and only claims what it wins.
            .with_for_update(skip_locked=True)
        )
        async with self._sessions.begin() as session:
            ids = list((await session.scalars(due)).all())
            if not ids:
                return []
            claimed = await session.execute(
                update(ScheduledJob)
                .where(ScheduledJob.id.in_(ids), *claimable)
                .values(locked_until=now + lease, attempts=ScheduledJob.attempts + 1)
                .returning(
                    ScheduledJob.id,
                    ScheduledJob.kind,
                    ScheduledJob.payload,
                    ScheduledJob.due_at,
                    ScheduledJob.attempts,
                )
            )
            jobs = [Job(r.id, r.kind, r.payload, r.due_at, r.attempts) for r in claimed]
        return sorted(jobs, key=lambda job: (job.due_at, job.id))

    async def complete(self, job_id: int, now: datetime) -> None:
        """Mark a claimed job done."""
        await self._update(job_id, done_at=now, locked_until=None)

    async def retry(self, job_id: int, due_at: datetime, error: str) -> None:
        """Release a failed job for another attempt at ``due_at``."""
        await self._update(
            job_id, locked_until=None, due_at=due_at, last_error=error[:MAX_ERROR_LENGTH]
        )

    async def give_up(self, job_id: int, now: datetime, error: str) -> None:
        """Mark a claimed job failed for good: done, with its error, never claimed again."""
        # One UPDATE: a crash cannot leave the job failed but claimable, or done but not failed.
        await self._update(
            job_id,
            done_at=now,
            failed_at=now,
            locked_until=None,
            last_error=error[:MAX_ERROR_LENGTH],
        )

    async def cancel(self, dedup_key: str) -> None:
        """Drop a pending job by its dedup key (no-op when absent or done)."""
        async with self._sessions.begin() as session:
            await session.execute(
                delete(ScheduledJob).where(
                    ScheduledJob.dedup_key == dedup_key, ScheduledJob.done_at.is_(None)
                )
            )

    async def _update(self, job_id: int, **values: Any) -> None:
        async with self._sessions.begin() as session:
            await session.execute(
                update(ScheduledJob).where(ScheduledJob.id == job_id).values(**values)
            )
