"""Runs due scheduled jobs: claim a batch, call the handler per kind, complete or back off."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Mapping
from datetime import timedelta

import structlog

from bot.domain.ports import Clock, GiveUpHandler, Job, JobHandler, JobQueue
from bot.observability import count

log = structlog.get_logger(__name__)

# Below `serve`'s shutdown_timeout (20 s), so the process still closes its resources in time.
SHUTDOWN_GRACE_SECONDS = 15.0
# Extra attempts for a job whose give-up handler failed (then it is given up regardless).
_GIVE_UP_RETRIES = 3


class JobRunner:
    """Polls the queue; each due job runs on one replica at a time, until done or given up."""

    def __init__(
        self,
        queue: JobQueue,
        clock: Clock,
        handlers: Mapping[str, JobHandler],
        *,
        give_ups: Mapping[str, GiveUpHandler] | None = None,
        poll_interval: float = 1.0,
        lease: timedelta = timedelta(minutes=5),
        batch: int = 20,
        base_delay: timedelta = timedelta(seconds=30),
        max_delay: timedelta = timedelta(hours=1),
        max_attempts: int = 10,
    ) -> None:
        self._queue, self._clock, self._handlers = queue, clock, dict(handlers)
        self._poll_interval, self._lease, self._batch = poll_interval, lease, batch
        self._base_delay, self._max_delay = base_delay, max_delay
        self._max_attempts = max_attempts
        self._give_ups = dict(give_ups or {})
        if unhandled := sorted(self._give_ups.keys() - self._handlers.keys()):
            raise ValueError(f"give-up handlers for job kinds nobody runs: {unhandled}")
        self._stopping = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def backoff(self, attempts: int) -> timedelta:
        """Delay before the next attempt after ``attempts`` failed ones (exponential, capped)."""
        factor: int = 2 ** min(max(attempts - 1, 0), 20)
        return min(self._base_delay * factor, self._max_delay)

    async def run_once(self) -> int:
        """Claim the due jobs (up to one batch), run them concurrently; returns how many."""
        jobs = await self._queue.claim_due(self._clock.now(), self._batch, self._lease)
        results = await asyncio.gather(*(self._run(job) for job in jobs), return_exceptions=True)
        for job, result in zip(jobs, results, strict=True):
            if isinstance(result, Exception):
                # The queue itself failed: the lease expires and another attempt follows.
                log.error("job_bookkeeping_failed", job_id=job.id, error=type(result).__name__)
            elif isinstance(result, BaseException):
                raise result
        return len(jobs)

    async def start(self) -> None:
        """Start polling in the background."""
        if self._task is None or self._task.done():
            self._stopping.clear()
            self._task = asyncio.create_task(self._loop(), name="job-runner")

    async def stop(self, grace: float | None = None) -> None:
        """Stop claiming; running jobs finish (cancelled only after ``grace`` seconds)."""
        self._stopping.set()
        task, self._task = self._task, None
        if task is None:
            return
        _done, pending = await asyncio.wait({task}, timeout=grace)
        if pending:
            log.warning("job_runner_stop_timeout")
            task.cancel()
            await asyncio.wait({task})

    async def _loop(self) -> None:
        log.info("job_runner_started")
        while not self._stopping.is_set():
            try:
                claimed = await self.run_once()
            except Exception as error:
                log.warning("job_poll_failed", error=type(error).__name__)
                claimed = 0
            if claimed >= self._batch:
                continue  # a backlog: take the next batch without waiting
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), self._poll_interval)
        log.info("job_runner_stopped")

    async def _run(self, job: Job) -> None:
        handler = self._handlers.get(job.kind)
        if handler is None:
            log.error("job_kind_unknown", job_id=job.id, kind=job.kind)
            await self._give_up(job, f"unknown job kind {job.kind!r}")
            return
        try:
            # Past the lease another replica may claim the job; stop before that happens.
            async with asyncio.timeout(self._lease.total_seconds() * 0.9):
                await handler(job)
        except Exception as error:
            await self._failed(job, error)
            return
        await self._queue.complete(job.id, self._clock.now())
        log.info("job_done", job_id=job.id, kind=job.kind, attempts=job.attempts)

    async def _failed(self, job: Job, error: Exception) -> None:
        # Only the exception type goes to the log; the message (maybe personal data) to the row.
        detail = f"{type(error).__name__}: {error}"
        count("jobs.failed", kind=job.kind)
        if job.attempts >= self._max_attempts:
            log.error(
                "job_gave_up",
                job_id=job.id,
                kind=job.kind,
                attempts=job.attempts,
                error=type(error).__name__,
            )
            await self._give_up(job, detail)
            return
        retry_at = self._clock.now() + self.backoff(job.attempts)
        log.warning(
            "job_failed",
            job_id=job.id,
            kind=job.kind,
            attempts=job.attempts,
            error=type(error).__name__,
            retry_at=retry_at.isoformat(),
        )
        await self._queue.retry(job.id, retry_at, detail)

    async def _give_up(self, job: Job, detail: str) -> None:
        # Every way a job fails for good ends here: its last attempt raised or timed out (or
        # its kind is unknown). The give-up handler gets its own time limit; a last attempt and
        # a give-up that both run long can outlast the lease, and another replica then runs
        # the job once more: both must be idempotent anyway.
        give_up = self._give_ups.get(job.kind)
        if give_up is not None:
            try:
                async with asyncio.timeout(self._lease.total_seconds() * 0.9):
                    await give_up(job)
            except Exception as error:
                log.error(
                    "job_give_up_handler_failed",
                    job_id=job.id,
                    kind=job.kind,
                    error=type(error).__name__,
                )
                if job.attempts < self._max_attempts + _GIVE_UP_RETRIES:
                    # What the give-up settles (a call left "booking") must not stay unsettled
                    # because the store failed just then: the job comes back, and its handler
                    # and then this give-up get another go.
                    retry_at = self._clock.now() + self.backoff(job.attempts)
                    await self._queue.retry(job.id, retry_at, detail)
                    return
        await self._queue.give_up(job.id, self._clock.now(), detail)


@contextlib.asynccontextmanager
async def job_runner_context(
    runner: JobRunner, grace: float = SHUTDOWN_GRACE_SECONDS
) -> AsyncIterator[None]:
    """Run ``runner`` for the body's duration (``async with`` inside an aiohttp cleanup_ctx)."""
    await runner.start()
    try:
        yield
    finally:
        # Running jobs get ``grace`` seconds to finish; a hanging one is cancelled so that the
        # process can exit, and its lease lets another replica retry it later.
        await runner.stop(grace)
