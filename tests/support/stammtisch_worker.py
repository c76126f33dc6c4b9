"""A bot replica stand-in for the multi-process Stammtisch test: the real service and runner.

Usage: ``python -m tests.support.stammtisch_worker DATABASE_URL WORKER_NAME LIFETIME_SECONDS
POSTS_FILE [--plan-rules]``. Builds the StammtischService over the SQL repository and job
queue with a clock frozen at ``WORKER_NOW``, prints ``ready``, waits for ``go`` on stdin (so
that replicas start claiming together), then runs a JobRunner until SIGTERM or the lifetime.
Every card post appends one line ``worker<TAB>conversation id<TAB>activity id`` to POSTS_FILE.
``--plan-rules`` first plans every rule's next posting, as a bot does when it starts.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.clock import ManualClock
from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.jobs import SqlJobQueue
from bot.adapters.db.stammtisch import SqlStammtischRepository
from bot.domain.business_hours import BusinessCalendar
from bot.domain.ports import Clock, MessageHandle, Notifier
from bot.domain.stammtisch.lifecycle import PollLifecycle
from bot.domain.stammtisch.membership import RosterMembership
from bot.domain.stammtisch.model import Poll
from bot.domain.stammtisch.service import StammtischService
from bot.jobs import JobRunner
from bot.logging import configure_logging
from bot.stammtisch_wiring import Stammtisch, build_handlers
from bot.teams.threads import thread_place
from cards.stammtisch import StammtischCards
from devkit.fakes.memory_members import InMemoryMemberRepository
from tests.support.stammtisch_world import FixedRoster

# Monday 2026-03-02, 10:00 in Berlin: an hour after the first-Monday posting of March.
WORKER_NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class FileNotifier:
    """Appends one line per card post to a file that several processes share."""

    def __init__(self, path: Path, worker: str) -> None:
        self._path, self._worker, self._posts = path, worker, 0

    async def post_card(self, place: MessageHandle, card: dict[str, Any]) -> MessageHandle:
        """Record the post; the handle's activity id names this worker."""
        self._posts += 1
        activity_id = f"{self._worker}-{self._posts}"
        conversation = place["reference"]["conversation"]["id"]
        line = f"{self._worker}\t{conversation}\t{activity_id}\n".encode()
        # One O_APPEND write per line: lines of concurrent processes never interleave.
        fd = os.open(self._path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, line)
        finally:
            os.close(fd)
        # Yield like a network call would, so that the replicas' jobs interleave.
        await asyncio.sleep(0.005)
        return {"reference": place["reference"], "activity_id": activity_id}

    def thread_of(self, card: MessageHandle, place: MessageHandle) -> MessageHandle:
        """Teams' own addressing of a card's thread."""
        return thread_place(card, place)

    async def update_card(self, handle: MessageHandle, card: dict[str, Any]) -> None:
        """Card updates are not part of this test."""
        raise AssertionError("no card update expected")

    async def send_direct(
        self, user_key: str, card: dict[str, Any], tenant_id: str | None
    ) -> MessageHandle | None:
        """Direct messages are not part of this test."""
        raise AssertionError("no direct message expected")

    async def mention_in_thread(
        self, place: MessageHandle, user_key: str, name: str, text: str
    ) -> bool:
        """Mentions are not part of this test."""
        raise AssertionError("no mention expected")


class NoInvitations:
    """Invitations go out only when a poll closes, which the frozen clock never reaches."""

    async def invite(
        self,
        poll: Poll,
        attendee_keys: Sequence[str],
        start: datetime,
        end: datetime,
        subject: str,
        body_html: str,
    ) -> str:
        """Fail: the test expects no invitation."""
        raise AssertionError("no invitation expected")

    async def cancel(self, poll: Poll, event_id: str, comment: str) -> None:
        """Fail: the test expects no cancellation."""
        raise AssertionError("no cancellation expected")


class GermanReaders:
    """Every member reads German (the worker processes know no Teams locales)."""

    async def language_of(self, user_key: str) -> str:
        return "de"


def build(
    sessions: async_sessionmaker[AsyncSession], clock: Clock, notifier: Notifier
) -> Stammtisch:
    """The Stammtisch services over the SQL adapters, with fakes for Teams and Graph."""
    calendar = BusinessCalendar("Europe/Berlin", "NW")
    service = StammtischService(
        repo=SqlStammtischRepository(sessions),
        roster=FixedRoster(),
        notifier=notifier,
        invitations=NoInvitations(),
        jobs=SqlJobQueue(sessions),
        clock=clock,
        calendar=calendar,
        views=StammtischCards(calendar.zone),
        members=RosterMembership(InMemoryMemberRepository(), FixedRoster(), clock),
        languages=GermanReaders(),
    )
    lifecycle = PollLifecycle(service)
    return Stammtisch(service, lifecycle, build_handlers(service, lifecycle))


async def _go_or_stop(stop: asyncio.Event, lifetime: float) -> bool:
    """Wait for ``go`` on stdin; False on EOF, SIGTERM or when the lifetime ran out."""
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    go = asyncio.create_task(reader.readline())
    stopped = asyncio.create_task(stop.wait())
    await asyncio.wait({go, stopped}, timeout=lifetime, return_when=asyncio.FIRST_COMPLETED)
    for task in (go, stopped):
        task.cancel()
    return go.done() and not go.cancelled() and go.result() == b"go\n"


async def main(url: str, worker: str, lifetime: float, posts: Path, plan_rules: bool) -> None:
    """Run one replica until SIGTERM or ``lifetime`` seconds."""
    configure_logging("WARNING")  # logs go to stderr; stdout carries only "ready"
    engine = create_engine(url)
    sessions = create_session_factory(engine)
    clock = ManualClock(WORKER_NOW)
    stammtisch = build(sessions, clock, FileNotifier(posts, worker))
    # Small batches, so that both replicas get a share of the due jobs.
    runner = JobRunner(
        SqlJobQueue(sessions), clock, stammtisch.handlers, poll_interval=0.05, batch=2
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    if plan_rules:
        await stammtisch.plan_rules()
    print("ready", flush=True)
    if await _go_or_stop(stop, lifetime):
        await runner.start()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), lifetime)
        # Graceful: a job in progress finishes, so its effects are all visible afterwards.
        await runner.stop()
    await engine.dispose()


if __name__ == "__main__":
    args = [arg for arg in sys.argv[1:] if arg != "--plan-rules"]
    asyncio.run(main(args[0], args[1], float(args[2]), Path(args[3]), "--plan-rules" in sys.argv))
