"""A bot replica stand-in for the multi-process job test: a JobRunner until SIGTERM.

Usage: ``python -m tests.support.job_worker DATABASE_URL WORKER_NAME [LIFETIME_SECONDS]``.
Jobs of kind ``effect`` insert one row (job id, worker) into ``job_effects``; prints ``ready``
on stdout once polling. Exits by itself after the lifetime so that no process outlives a test.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys

from sqlalchemy import text

from bot.adapters.clock import SystemClock
from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.jobs import SqlJobQueue
from bot.domain.ports import Job
from bot.jobs import JobRunner
from bot.logging import configure_logging


async def main(url: str, worker: str, lifetime: float) -> None:
    configure_logging("WARNING")  # logs go to stderr; stdout carries only "ready"
    engine = create_engine(url)
    sessions = create_session_factory(engine)

    async def effect(job: Job) -> None:
        await asyncio.sleep(0.002)  # a little work, so that replicas interleave
        async with sessions.begin() as session:
            await session.execute(
                text("INSERT INTO job_effects (job_id, worker) VALUES (:job_id, :worker)"),
                {"job_id": job.id, "worker": worker},
            )

    runner = JobRunner(
        SqlJobQueue(sessions), SystemClock(), {"effect": effect}, poll_interval=0.05, batch=5
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    await runner.start()
    print("ready", flush=True)
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), lifetime)
    await runner.stop()
    await engine.dispose()


if __name__ == "__main__":
    lifetime = float(sys.argv[3]) if len(sys.argv) > 3 else 120.0
    asyncio.run(main(sys.argv[1], sys.argv[2], lifetime))
