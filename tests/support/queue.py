"""Waiting for the durable job queue: a positive signal instead of sleep-then-check."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import datetime

from sqlalchemy import func, select

from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.models import ScheduledJob


async def due_jobs(database_url: str, now: datetime) -> int:
    """How many jobs are due at ``now`` and not done (running ones included)."""
    engine = create_engine(database_url)
    try:
        async with create_session_factory(engine)() as session:
            count = await session.scalar(
                select(func.count())
                .select_from(ScheduledJob)
                .where(ScheduledJob.done_at.is_(None), ScheduledJob.due_at <= now)
            )
    finally:
        await engine.dispose()
    return int(count or 0)


async def eventually(check: Callable[[], Awaitable[bool]], within: float = 30.0) -> None:
    """Poll ``check`` until it holds (state lives in other servers: nothing to await)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not await check():
        if loop.time() > deadline:
            raise AssertionError("timed out waiting for the condition")
        await asyncio.sleep(0.05)


async def drained(database_url: str, now: datetime, within: float = 30.0) -> None:
    """Wait until no job due at ``now`` is left: everything the bot planned so far is done."""

    async def empty() -> bool:
        return await due_jobs(database_url, now) == 0

    await eventually(empty, within)
