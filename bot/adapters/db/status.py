"""Operational figures for the admins' "status" command, read from the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.db.models import OnboardingRow, RoomRow, ScheduledJob


@dataclass(frozen=True, slots=True)
class QueueFigures:
    """Aggregate numbers only: nothing about a person."""

    pending: int
    overdue: int  # due but not run (no runner, or a backlog)
    retrying: int  # failed at least once, will run again
    given_up: int
    unwelcomed: int  # onboardings whose welcome is not delivered yet
    rooms: int
    rooms_synced_at: datetime | None


async def queue_figures(sessions: async_sessionmaker[AsyncSession], now: datetime) -> QueueFigures:
    """Read the figures in one session (raises when the database is down)."""
    open_jobs = ScheduledJob.done_at.is_(None)
    async with sessions() as session:
        pending = await session.scalar(select(func.count()).where(open_jobs))
        overdue = await session.scalar(
            select(func.count()).where(open_jobs, ScheduledJob.due_at < now)
        )
        retrying = await session.scalar(
            select(func.count()).where(open_jobs, ScheduledJob.attempts > 0)
        )
        given_up = await session.scalar(
            select(func.count()).where(ScheduledJob.failed_at.is_not(None))
        )
        unwelcomed = await session.scalar(
            select(func.count())
            .select_from(OnboardingRow)
            .where(OnboardingRow.welcomed_at.is_(None))
        )
        rooms = await session.scalar(select(func.count()).select_from(RoomRow))
        synced = await session.scalar(select(func.max(RoomRow.synced_at)))
    return QueueFigures(
        int(pending or 0), int(overdue or 0), int(retrying or 0), int(given_up or 0),
        int(unwelcomed or 0), int(rooms or 0), synced,
    )  # fmt: skip
