"""The JobQueue contract, once for the in-memory fake and once per SQL database."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta, timezone

import pytest

from bot.adapters.db.jobs import SqlJobQueue
from bot.adapters.memory_jobs import InMemoryJobQueue
from bot.domain.ports import JobQueue
from tests.support.databases import contract_store

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
LEASE = timedelta(minutes=5)


@pytest.fixture
async def queue(backend_url: str | None) -> AsyncIterator[JobQueue]:
    async with contract_store(backend_url, InMemoryJobQueue, SqlJobQueue) as store:
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
