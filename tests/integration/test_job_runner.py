"""JobRunner: run once, back off on failure, give up, stop gracefully; three OS processes."""

from __future__ import annotations

import asyncio
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text
from structlog.testing import capture_logs

from bot.adapters.clock import ManualClock
from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.jobs import SqlJobQueue
from bot.adapters.db.models import ScheduledJob
from bot.domain.ports import Job, JobQueue
from bot.jobs import JobRunner, job_runner_context
from devkit.fakes.memory_jobs import InMemoryJobQueue
from tests.support.databases import fresh_database
from tests.support.processes import stop_processes

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Row:
    done_at: datetime | None
    last_error: str | None
    attempts: int
    failed_at: datetime | None


@dataclass
class Backend:
    queue: JobQueue
    row: Callable[[int], Awaitable[Row]]


@pytest.fixture
async def backend(backend_url: str | None) -> AsyncIterator[Backend]:
    if backend_url is None:
        memory = InMemoryJobQueue()

        async def memory_row(job_id: int) -> Row:
            job = memory.jobs[job_id]
            return Row(job.done_at, job.last_error, job.attempts, job.failed_at)

        yield Backend(memory, memory_row)
        return
    engine = create_engine(backend_url)
    sessions = create_session_factory(engine)

    async def sql_row(job_id: int) -> Row:
        async with sessions() as session:
            job = (
                await session.scalars(select(ScheduledJob).where(ScheduledJob.id == job_id))
            ).one()
            return Row(job.done_at, job.last_error, job.attempts, job.failed_at)

    yield Backend(SqlJobQueue(sessions), sql_row)
    await engine.dispose()


class Recorder:
    """A handler that records its calls and fails the first ``failures`` of them."""

    def __init__(self, failures: int = 0, error: Exception | None = None) -> None:
        self.calls: list[Job] = []
        self.failures = failures
        self.error = error or RuntimeError("Graph said no")

    async def __call__(self, job: Job) -> None:
        self.calls.append(job)
        if len(self.calls) <= self.failures:
            raise self.error


async def test_each_due_job_runs_once(backend: Backend) -> None:
    clock, handler = ManualClock(), Recorder()
    runner = JobRunner(backend.queue, clock, {"remind": handler})
    for n in range(3):
        await backend.queue.schedule("remind", {"n": n}, clock.now())
    await backend.queue.schedule("remind", {"n": 9}, clock.now() + timedelta(hours=1))
    assert await runner.run_once() == 3
    assert sorted(job.payload["n"] for job in handler.calls) == [0, 1, 2]
    assert await runner.run_once() == 0
    clock.advance(timedelta(hours=1))
    assert await runner.run_once() == 1
    clock.advance(timedelta(days=30))
    assert await runner.run_once() == 0
    assert len(handler.calls) == 4
    row = await backend.row(handler.calls[0].id)
    assert row.done_at is not None and row.failed_at is None


async def test_failing_job_is_retried_with_exponential_backoff(backend: Backend) -> None:
    clock, handler = ManualClock(), Recorder(failures=2)
    runner = JobRunner(backend.queue, clock, {"remind": handler})
    await backend.queue.schedule("remind", {}, clock.now())
    assert await runner.run_once() == 1  # attempt 1 fails: next one in 30 s
    job_id = handler.calls[0].id
    row = await backend.row(job_id)
    assert row.done_at is None and row.last_error == "RuntimeError: Graph said no"
    clock.advance(timedelta(seconds=29))
    assert await runner.run_once() == 0
    clock.advance(timedelta(seconds=1))
    assert await runner.run_once() == 1  # attempt 2 fails: next one in 60 s
    clock.advance(timedelta(seconds=59))
    assert await runner.run_once() == 0
    clock.advance(timedelta(seconds=1))
    assert await runner.run_once() == 1  # attempt 3 succeeds
    assert [job.attempts for job in handler.calls] == [1, 2, 3]
    row = await backend.row(job_id)
    assert row.done_at == clock.now() and row.failed_at is None
    clock.advance(timedelta(days=1))
    assert await runner.run_once() == 0


def test_backoff_doubles_up_to_an_hour() -> None:
    runner = JobRunner(InMemoryJobQueue(), ManualClock(), {})
    delays = [runner.backoff(attempts).total_seconds() for attempts in range(1, 11)]
    assert delays == [30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]
    assert runner.backoff(10_000) == timedelta(hours=1)


async def test_job_that_keeps_failing_is_given_up_after_ten_attempts(backend: Backend) -> None:
    clock = ManualClock()
    handler = Recorder(failures=1000, error=ValueError("token=s3cr3t for anna@contoso.de"))
    runner = JobRunner(backend.queue, clock, {"remind": handler})
    await backend.queue.schedule("remind", {"mail": "anna@contoso.de"}, clock.now())
    with capture_logs() as logs:
        for _ in range(15):
            await runner.run_once()
            clock.advance(timedelta(hours=1))
    assert len(handler.calls) == 10
    row = await backend.row(handler.calls[0].id)
    # Given up right after the tenth attempt (hour 9 of the loop).
    gave_up_at = handler.calls[0].due_at + timedelta(hours=9)
    assert row.failed_at == row.done_at == gave_up_at and row.attempts == 10
    assert row.last_error == "ValueError: token=s3cr3t for anna@contoso.de"
    [gave_up] = [entry for entry in logs if entry["event"] == "job_gave_up"]
    assert gave_up["log_level"] == "error" and gave_up["error"] == "ValueError"
    # Neither the payload nor the exception message reaches the log.
    assert "s3cr3t" not in repr(logs) and "anna@" not in repr(logs)


async def test_unknown_kind_is_completed_not_looped(backend: Backend) -> None:
    clock = ManualClock()
    runner = JobRunner(backend.queue, clock, {"remind": Recorder()})
    await backend.queue.schedule("retired.kind", {}, clock.now(), dedup_key="old")
    with capture_logs() as logs:
        assert await runner.run_once() == 1
    assert [entry["event"] for entry in logs] == ["job_kind_unknown"]
    [job_id] = [entry["job_id"] for entry in logs]
    row = await backend.row(job_id)
    assert row.failed_at == clock.now() and row.last_error == "unknown job kind 'retired.kind'"
    clock.advance(timedelta(days=1))
    assert await runner.run_once() == 0
    # Still recorded (and its dedup key still taken), with the reason.
    assert not await backend.queue.schedule("retired.kind", {}, clock.now(), dedup_key="old")


async def test_handler_running_past_the_lease_is_stopped_and_retried() -> None:
    queue, clock = InMemoryJobQueue(), ManualClock()

    async def slow(_job: Job) -> None:
        await asyncio.sleep(10)

    runner = JobRunner(queue, clock, {"slow": slow}, lease=timedelta(milliseconds=100))
    await queue.schedule("slow", {}, clock.now())
    started = time.monotonic()
    assert await runner.run_once() == 1
    assert time.monotonic() - started < 2
    [job] = queue.jobs.values()
    assert job.done_at is None and job.locked_until is None
    assert job.last_error is not None and job.last_error.startswith("TimeoutError")


class FlakyQueue(InMemoryJobQueue):
    """Claiming fails once, as when the database restarts."""

    failed = False

    async def claim_due(self, now: datetime, limit: int, lease: timedelta) -> Sequence[Job]:
        if not self.failed:
            self.failed = True
            raise ConnectionError("database restarting")
        return await super().claim_due(now, limit, lease)


async def test_background_loop_runs_jobs_survives_errors_and_stops_gracefully() -> None:
    queue, clock = FlakyQueue(), ManualClock()
    started, release = asyncio.Event(), asyncio.Event()
    done: list[int] = []

    async def slow(job: Job) -> None:
        started.set()
        await release.wait()
        done.append(job.id)

    runner = JobRunner(queue, clock, {"slow": slow}, poll_interval=0.01)
    await queue.schedule("slow", {}, clock.now())
    async with job_runner_context(runner):
        await asyncio.wait_for(started.wait(), 5)
        stopping = asyncio.create_task(runner.stop())
        await asyncio.sleep(0.05)
        assert not stopping.done()  # waits for the running job
        await queue.schedule("slow", {}, clock.now())
        release.set()
        await asyncio.wait_for(stopping, 5)
    assert queue.failed and done == [1]
    # Stopped: the second job was not claimed.
    assert queue.jobs[1].done_at is not None and queue.jobs[2].attempts == 0


async def test_stop_cancels_a_hanging_job_after_the_grace_period() -> None:
    queue, clock = InMemoryJobQueue(), ManualClock()
    started = asyncio.Event()

    async def hangs(_job: Job) -> None:
        started.set()
        await asyncio.sleep(3600)

    runner = JobRunner(queue, clock, {"hangs": hangs}, poll_interval=0.01)
    await queue.schedule("hangs", {}, clock.now())
    await runner.start()
    await asyncio.wait_for(started.wait(), 5)
    await asyncio.wait_for(runner.stop(grace=0.05), 5)
    # Not completed: the lease runs out and another replica takes it.
    assert queue.jobs[1].done_at is None and queue.jobs[1].locked_until is not None


@pytest.fixture
def postgres_url(tmp_path: Path) -> Iterator[str]:
    with fresh_database("postgres", tmp_path) as url:
        yield url


@pytest.mark.postgres
async def test_three_processes_run_every_job_exactly_once(
    postgres_url: str, tmp_path: Path
) -> None:
    engine = create_engine(postgres_url)
    try:
        await _three_processes(postgres_url, create_session_factory(engine), tmp_path)
    finally:
        await engine.dispose()


async def _three_processes(url: str, sessions: Any, tmp_path: Path) -> None:
    async with sessions.begin() as session:
        await session.execute(
            text("CREATE TABLE job_effects (job_id integer NOT NULL, worker text NOT NULL)")
        )
    processes: list[asyncio.subprocess.Process] = []
    try:
        for n in range(3):
            with (tmp_path / f"worker{n}.log").open("wb") as log:
                processes.append(
                    await asyncio.create_subprocess_exec(
                        *(sys.executable, "-m", "tests.support.job_worker", url, f"w{n}", "120"),
                        cwd=ROOT,
                        stdout=asyncio.subprocess.PIPE,
                        stderr=log,
                    )
                )
        for process in processes:
            assert process.stdout is not None
            assert await asyncio.wait_for(process.stdout.readline(), 60) == b"ready\n"
        # All become due at one instant, so the three replicas compete for every batch.
        due = datetime.now(UTC) + timedelta(seconds=1)
        queue = SqlJobQueue(sessions)
        for n in range(200):
            assert await queue.schedule("effect", {"n": n}, due, dedup_key=f"effect:{n}")
        deadline = time.monotonic() + 60
        while await _pending(sessions):
            assert time.monotonic() < deadline, "jobs still pending after 60 s"
            await asyncio.sleep(0.2)
    finally:
        await stop_processes(processes)
    assert [process.returncode for process in processes] == [0, 0, 0]
    async with sessions() as session:
        job_ids = set((await session.scalars(select(ScheduledJob.id))).all())
        effects = (await session.execute(text("SELECT job_id, worker FROM job_effects"))).all()
    assert len(job_ids) == 200
    assert Counter(job_id for job_id, _ in effects) == Counter(job_ids)
    assert len({worker for _, worker in effects}) >= 2, "the replicas did not share the work"


async def _pending(sessions: Any) -> int:
    async with sessions() as session:
        count = await session.scalar(
            select(text("count(*)"))
            .select_from(ScheduledJob)
            .where(ScheduledJob.done_at.is_(None))
        )
    return int(count or 0)


async def test_a_hanging_job_is_cancelled_after_the_grace_period_on_stop() -> None:
    queue, clock = InMemoryJobQueue(), ManualClock()
    started = asyncio.Event()

    async def hang(job: Job) -> None:
        started.set()
        await asyncio.sleep(3600)

    runner = JobRunner(queue, clock, {"hang": hang}, poll_interval=0.01)
    await queue.schedule("hang", {}, clock.now())
    began = asyncio.get_running_loop().time()
    async with job_runner_context(runner, grace=0.2):
        await asyncio.wait_for(started.wait(), 5)
    assert asyncio.get_running_loop().time() - began < 3
    [job] = queue.jobs.values()
    assert job.done_at is None and job.locked_until is not None  # the lease will expire
