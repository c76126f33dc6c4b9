"""The JobQueue contract, once for the in-memory fake and once per SQL database."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.db.jobs import SqlJobQueue
from bot.adapters.db.models import ScheduledJob
from bot.adapters.db.status import queue_figures
from bot.domain.ports import JobQueue
from devkit.fakes.memory_jobs import InMemoryJobQueue
from tests.support.databases import contract_store

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
LEASE = timedelta(minutes=5)


@pytest.fixture
async def queue(backend_url: str | None) -> AsyncIterator[JobQueue]:
    async with contract_store(backend_url, InMemoryJobQueue, SqlJobQueue) as store:
        yield store


@dataclass
class Inspected:
    """A queue plus what the port does not expose: a job's last error and the failed count
    (from the status query on SQL; the fake has no status, so its stored state)."""

    queue: JobQueue
    last_error: Callable[[int], Awaitable[str | None]]
    failed: Callable[[], Awaitable[int]]


def _memory() -> Inspected:
    memory = InMemoryJobQueue()

    async def last_error(job_id: int) -> str | None:
        return memory.jobs[job_id].last_error

    async def failed() -> int:
        return sum(job.failed_at is not None for job in memory.jobs.values())

    return Inspected(memory, last_error, failed)


def _sql(sessions: async_sessionmaker[AsyncSession]) -> Inspected:
    async def last_error(job_id: int) -> str | None:
        async with sessions() as session:
            return await session.scalar(
                select(ScheduledJob.last_error).where(ScheduledJob.id == job_id)
            )

    async def failed() -> int:
        return (await queue_figures(sessions, T0)).given_up

    return Inspected(SqlJobQueue(sessions), last_error, failed)


@pytest.fixture
async def inspected(backend_url: str | None) -> AsyncIterator[Inspected]:
    async with contract_store(backend_url, _memory, _sql) as store:
        yield store


async def test_schedule_claim_complete(queue: JobQueue) -> None:
    assert await queue.schedule("remind", {"q": 1, "who": ["a", "ü"]}, T0)
    [job] = await queue.claim_due(T0, 10, LEASE)
    assert (job.kind, job.payload, job.due_at, job.attempts) == (
        "remind",
        {"q": 1, "who": ["a", "ü"]},
        T0,
        1,
    )
    await queue.complete(job.id, T0)
    assert await queue.claim_due(T0 + timedelta(days=1), 10, LEASE) == []


async def test_due_times_in_other_zones_are_compared_as_instants(queue: JobQueue) -> None:
    await queue.schedule("a", {}, T0.astimezone(timezone(timedelta(hours=1))))
    assert await queue.claim_due(T0 - timedelta(seconds=1), 10, LEASE) == []
    [job] = await queue.claim_due(T0, 10, LEASE)
    assert job.due_at == T0 and job.due_at.utcoffset() is not None


async def test_job_not_yet_due_is_not_claimed(queue: JobQueue) -> None:
    await queue.schedule("later", {}, T0 + timedelta(minutes=1))
    assert await queue.claim_due(T0, 10, LEASE) == []
    assert len(await queue.claim_due(T0 + timedelta(minutes=1), 10, LEASE)) == 1


async def test_claim_respects_limit_and_due_order(queue: JobQueue) -> None:
    for minutes in (3, 1, 2):
        await queue.schedule("k", {"m": minutes}, T0 - timedelta(minutes=minutes))
    first = await queue.claim_due(T0, 2, LEASE)
    assert [job.payload["m"] for job in first] == [3, 2]
    assert [job.payload["m"] for job in await queue.claim_due(T0, 2, LEASE)] == [1]


async def test_dedup_key_makes_schedule_idempotent(queue: JobQueue) -> None:
    assert await queue.schedule("poll", {"n": 1}, T0, dedup_key="poll:2026-03")
    assert not await queue.schedule("poll", {"n": 2}, T0, dedup_key="poll:2026-03")
    assert await queue.schedule("poll", {"n": 3}, T0, dedup_key="poll:2026-04")
    assert await queue.schedule("free", {}, T0) and await queue.schedule("free", {}, T0)
    jobs = await queue.claim_due(T0, 10, LEASE)
    assert sorted(job.payload.get("n", 0) for job in jobs) == [0, 0, 1, 3]
    for job in jobs:
        await queue.complete(job.id, T0)
    # A done job still holds its key: the same due time never runs twice.
    assert not await queue.schedule("poll", {"n": 4}, T0, dedup_key="poll:2026-03")


async def test_concurrent_schedules_with_one_key_add_one_job(queue: JobQueue) -> None:
    added = await asyncio.gather(
        *(queue.schedule("k", {}, T0, dedup_key="same") for _ in range(10))
    )
    assert added.count(True) == 1
    assert len(await queue.claim_due(T0, 20, LEASE)) == 1


async def test_leased_job_is_claimable_again_only_after_the_lease(queue: JobQueue) -> None:
    await queue.schedule("k", {}, T0)
    [first] = await queue.claim_due(T0, 10, LEASE)
    # The worker crashed without complete(): nobody gets the job while the lease holds …
    assert await queue.claim_due(T0 + LEASE - timedelta(seconds=1), 10, LEASE) == []
    assert await queue.claim_due(T0 + LEASE, 10, LEASE) == []
    # … and afterwards it is handed out again, counting the attempt.
    [again] = await queue.claim_due(T0 + LEASE + timedelta(seconds=1), 10, LEASE)
    assert (again.id, again.attempts) == (first.id, 2)


async def test_retry_makes_the_job_due_later(queue: JobQueue) -> None:
    await queue.schedule("k", {}, T0)
    [job] = await queue.claim_due(T0, 10, LEASE)
    later = T0 + timedelta(minutes=10)
    await queue.retry(job.id, later, "boom" * 1000)
    assert await queue.claim_due(later - timedelta(seconds=1), 10, LEASE) == []
    [again] = await queue.claim_due(later, 10, LEASE)
    assert (again.id, again.attempts, again.due_at) == (job.id, 2, later)


async def test_cancel_drops_a_pending_job(queue: JobQueue) -> None:
    await queue.schedule("k", {}, T0, dedup_key="escalate:1")
    await queue.schedule("k", {"keep": True}, T0, dedup_key="escalate:2")
    await queue.cancel("escalate:1")
    await queue.cancel("never-scheduled")
    [job] = await queue.claim_due(T0, 10, LEASE)
    assert job.payload == {"keep": True}
    # Once cancelled, the key may be scheduled again.
    assert await queue.schedule("k", {}, T0, dedup_key="escalate:1")


async def test_cancel_keeps_a_done_job(queue: JobQueue) -> None:
    await queue.schedule("k", {}, T0, dedup_key="once")
    [job] = await queue.claim_due(T0, 10, LEASE)
    await queue.complete(job.id, T0)
    await queue.cancel("once")
    assert not await queue.schedule("k", {}, T0, dedup_key="once")


async def test_concurrent_claims_hand_out_each_job_once(queue: JobQueue) -> None:
    for n in range(50):
        await queue.schedule("k", {"n": n}, T0)
    batches = await asyncio.gather(*(queue.claim_due(T0, 7, LEASE) for _ in range(10)))
    ids = [job.id for batch in batches for job in batch]
    assert len(ids) == len(set(ids)) == 50
    assert await queue.claim_due(T0, 100, LEASE) == []


async def test_given_up_job_is_never_claimed_again_and_keeps_its_error(
    inspected: Inspected,
) -> None:
    queue = inspected.queue
    await queue.schedule("k", {}, T0)
    [job] = await queue.claim_due(T0, 10, LEASE)
    await queue.retry(job.id, T0 + timedelta(minutes=1), "TimeoutError: first")
    [job] = await queue.claim_due(T0 + timedelta(minutes=1), 10, LEASE)
    await queue.give_up(job.id, T0 + timedelta(minutes=2), "ValueError: " + "x" * 3000)
    # Neither when the lease would have run out nor much later.
    assert await queue.claim_due(T0 + LEASE + timedelta(minutes=2), 10, LEASE) == []
    assert await queue.claim_due(T0 + timedelta(days=400), 10, LEASE) == []
    assert await inspected.last_error(job.id) == ("ValueError: " + "x" * 3000)[:2000]


async def test_given_up_jobs_count_as_failed_and_nothing_else_does(inspected: Inspected) -> None:
    queue = inspected.queue
    for n in range(4):
        await queue.schedule("k", {"n": n}, T0)
    jobs = await queue.claim_due(T0, 10, LEASE)
    assert await inspected.failed() == 0
    await queue.complete(jobs[0].id, T0)
    await queue.retry(jobs[1].id, T0 + timedelta(minutes=1), "RuntimeError: again")
    await queue.give_up(jobs[2].id, T0, "RuntimeError: no handler")
    await queue.give_up(jobs[3].id, T0, "RuntimeError: tenth attempt")
    assert await inspected.failed() == 2


async def test_given_up_job_keeps_its_dedup_key_and_survives_cancel(queue: JobQueue) -> None:
    await queue.schedule("poll", {}, T0, dedup_key="poll:2026-03")
    [job] = await queue.claim_due(T0, 10, LEASE)
    await queue.give_up(job.id, T0, "RuntimeError: Graph said no")
    # Like a done job: the key stays taken, so a failed job is not silently scheduled anew,
    # and cancel (meant for pending jobs) leaves the record.
    assert not await queue.schedule("poll", {}, T0, dedup_key="poll:2026-03")
    await queue.cancel("poll:2026-03")
    assert not await queue.schedule("poll", {}, T0, dedup_key="poll:2026-03")
    assert await queue.claim_due(T0 + timedelta(days=1), 10, LEASE) == []
