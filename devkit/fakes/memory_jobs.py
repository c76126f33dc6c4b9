"""In-memory JobQueue for unit tests; passes the same contract tests as the SQL queue."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.domain.ports import Job

MAX_ERROR_LENGTH = 2000


@dataclass
class StoredJob:
    """One job as the fake keeps it (mirrors a ``scheduled_jobs`` row)."""

    id: int
    kind: str
    payload: dict[str, Any]
    due_at: datetime
    dedup_key: str | None
    locked_until: datetime | None = None
    attempts: int = 0
    done_at: datetime | None = None
    last_error: str | None = None
    failed_at: datetime | None = None


class InMemoryJobQueue:
    """Jobs in a dict; no method awaits, so each call is atomic on the event loop."""

    def __init__(self) -> None:
        self.jobs: dict[int, StoredJob] = {}
        self._next_id = 1

    async def schedule(
        self, kind: str, payload: dict[str, Any], due_at: datetime, dedup_key: str | None = None
    ) -> bool:
        """Add a job; False when a job (pending, done or failed) holds ``dedup_key``."""
        if dedup_key is not None and any(j.dedup_key == dedup_key for j in self.jobs.values()):
            return False
        job_id, self._next_id = self._next_id, self._next_id + 1
        # A deep copy, as the database would store a serialised snapshot of the payload.
        self.jobs[job_id] = StoredJob(job_id, kind, copy.deepcopy(payload), due_at, dedup_key)
        return True

    async def claim_due(self, now: datetime, limit: int, lease: timedelta) -> Sequence[Job]:
        """Lease up to ``limit`` due jobs that nobody holds; others will not get them."""
        due = sorted(
            (
                j
                for j in self.jobs.values()
                if j.done_at is None
                and j.due_at <= now
                and (j.locked_until is None or j.locked_until < now)
            ),
            key=lambda j: (j.due_at, j.id),
        )[:limit]
        for job in due:
            job.locked_until = now + lease
            job.attempts += 1
        return [Job(j.id, j.kind, copy.deepcopy(j.payload), j.due_at, j.attempts) for j in due]

    async def complete(self, job_id: int, now: datetime) -> None:
        """Mark a claimed job done."""
        if job := self.jobs.get(job_id):
            job.done_at, job.locked_until = now, None

    async def retry(self, job_id: int, due_at: datetime, error: str) -> None:
        """Release a failed job for another attempt at ``due_at``."""
        if job := self.jobs.get(job_id):
            job.locked_until, job.due_at = None, due_at
            job.last_error = error[:MAX_ERROR_LENGTH]

    async def give_up(self, job_id: int, now: datetime, error: str) -> None:
        """Mark a claimed job failed for good: done, with its error, never claimed again."""
        if job := self.jobs.get(job_id):
            job.done_at, job.failed_at, job.locked_until = now, now, None
            job.last_error = error[:MAX_ERROR_LENGTH]

    async def cancel(self, dedup_key: str) -> None:
        """Drop a pending job by its dedup key (no-op when absent or done)."""
        for job_id, job in list(self.jobs.items()):
            if job.dedup_key == dedup_key and job.done_at is None:
                del self.jobs[job_id]
