"""JobRunner give-up handlers: called once when a job is given up for good, whatever its last
attempt did (raised, timed out); never on retries or success; their failure is only logged.
And the composition collects them from the feature modules."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from structlog.testing import capture_logs

from bot.adapters.clock import ManualClock
from bot.composition import FeatureModule, give_up_handlers
from bot.domain.ports import Job
from bot.jobs import JobRunner
from devkit.fakes.memory_jobs import InMemoryJobQueue


class Calls:
    def __init__(self, error: Exception | None = None) -> None:
        self.jobs: list[Job] = []
        self.error = error

    async def __call__(self, job: Job) -> None:
        self.jobs.append(job)
        if self.error is not None:
            raise self.error


async def _until_done(runner: JobRunner, queue: InMemoryJobQueue, clock: ManualClock) -> None:
    [job] = queue.jobs.values()
    while job.done_at is None:
        await runner.run_once()
        clock.advance(max(job.due_at - clock.now(), timedelta(0)))


async def test_a_job_whose_attempts_all_raise_is_handed_to_its_give_up_handler_once() -> None:
    queue, clock = InMemoryJobQueue(), ManualClock()
    work, gave_up = Calls(RuntimeError("Graph said no")), Calls()
    runner = JobRunner(queue, clock, {"book": work}, give_ups={"book": gave_up}, max_attempts=3)
    await queue.schedule("book", {"call_id": 7}, clock.now())
    await _until_done(runner, queue, clock)
    assert len(work.jobs) == 3
    assert [(j.payload, j.attempts) for j in gave_up.jobs] == [({"call_id": 7}, 3)]
    [job] = queue.jobs.values()
    assert job.failed_at is not None and job.last_error == "RuntimeError: Graph said no"


async def test_a_last_attempt_that_times_out_is_handed_to_the_give_up_handler() -> None:
    queue, clock = InMemoryJobQueue(), ManualClock()

    async def hangs(_job: Job) -> None:
        await asyncio.sleep(30)  # cancelled by the runner: no `except Exception` sees it

    gave_up = Calls()
    runner = JobRunner(
        queue, clock, {"book": hangs}, give_ups={"book": gave_up},
        max_attempts=2, lease=timedelta(milliseconds=100),
    )  # fmt: skip
    await queue.schedule("book", {}, clock.now())
    await _until_done(runner, queue, clock)
    assert len(gave_up.jobs) == 1
    [job] = queue.jobs.values()
    assert job.failed_at is not None and (job.last_error or "").startswith("TimeoutError")


async def test_no_give_up_on_success_or_for_other_kinds() -> None:
    queue, clock = InMemoryJobQueue(), ManualClock()
    gave_up = Calls()
    runner = JobRunner(
        queue, clock, {"book": Calls(), "other": Calls(RuntimeError("no"))},
        give_ups={"book": gave_up}, max_attempts=1,
    )  # fmt: skip
    await queue.schedule("book", {}, clock.now())
    await queue.schedule("other", {}, clock.now())
    assert await runner.run_once() == 2
    assert gave_up.jobs == []
    assert all(job.done_at is not None for job in queue.jobs.values())


async def test_a_failing_give_up_handler_is_logged_and_gets_another_go() -> None:
    queue, clock = InMemoryJobQueue(), ManualClock()
    broken = Calls(ConnectionError("token=s3cr3t"))
    runner = JobRunner(
        queue, clock, {"book": Calls(ValueError("no"))}, give_ups={"book": broken},
        max_attempts=1,
    )  # fmt: skip
    await queue.schedule("book", {}, clock.now())
    with capture_logs() as logs:
        assert await runner.run_once() == 1
    [job] = queue.jobs.values()
    assert job.done_at is None  # back for another attempt, not given up unsettled
    [failed] = [e for e in logs if e["event"] == "job_give_up_handler_failed"]
    assert failed["error"] == "ConnectionError" and "s3cr3t" not in repr(logs)
    broken.error = None  # the store is back
    await _until_done(runner, queue, clock)
    assert len(broken.jobs) == 2
    assert job.failed_at is not None and job.last_error == "ValueError: no"


async def test_a_give_up_handler_that_keeps_failing_ends_with_the_job() -> None:
    queue, clock = InMemoryJobQueue(), ManualClock()
    broken = Calls(ConnectionError("down"))
    runner = JobRunner(
        queue, clock, {"book": Calls(ValueError("no"))}, give_ups={"book": broken},
        max_attempts=2,
    )  # fmt: skip
    await queue.schedule("book", {}, clock.now())
    await _until_done(runner, queue, clock)
    [job] = queue.jobs.values()
    assert job.failed_at is not None and len(broken.jobs) == 4  # 2 attempts, then 3 more


def test_a_give_up_handler_needs_a_job_handler_of_its_kind() -> None:
    with pytest.raises(ValueError, match="book"):
        JobRunner(InMemoryJobQueue(), ManualClock(), {}, give_ups={"book": Calls()})


def test_the_modules_give_up_handlers_are_collected_and_a_kind_only_once() -> None:
    first, second = Calls(), Calls()
    a = FeatureModule("a", {"a.book": Calls()}, give_ups={"a.book": first})
    b = FeatureModule("b", {"b.run": Calls()})
    assert give_up_handlers([a, b]) == {"a.book": first}
    twice = FeatureModule("c", {}, give_ups={"a.book": second})
    with pytest.raises(ValueError, match="handled twice"):
        give_up_handlers([a, twice])
