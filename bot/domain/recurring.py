"""Work that runs once a day: each run plans the next one. With several replicas every one of
them plans it; the day in the dedup key keeps it to one job per day."""

from __future__ import annotations

from datetime import datetime

from bot.domain.ports import JobQueue


async def plan_daily(queue: JobQueue, kind: str, due_at: datetime) -> bool:
    """Schedule ``kind`` for ``due_at``'s day unless that day's run is planned already."""
    return await queue.schedule(kind, {}, due_at, dedup_key=f"{kind}:{due_at.date()}")
