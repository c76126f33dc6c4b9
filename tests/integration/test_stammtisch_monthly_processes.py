"""The monthly Stammtisch poll is posted once per team and month: two replicas, restarts."""

from __future__ import annotations

import asyncio
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.clock import ManualClock
from bot.adapters.db.engine import create_engine, create_session_factory
from bot.adapters.db.models import ScheduledJob, StammtischPollRow
from bot.domain.stammtisch.monthly import monthly_key
from bot.domain.stammtisch.service import CLOSE_JOB, MONTHLY_JOB
from tests.support.databases import fresh_database
from tests.support.processes import stop_processes
from tests.support.stammtisch_worker import WORKER_NOW, FileNotifier, build
from tests.support.stammtisch_world import rule

ROOT = Path(__file__).resolve().parents[2]
# The organisers save their rules in February; the first posting is Monday 2 March, 9:00 in
# Berlin (for April), which the workers' frozen clock (WORKER_NOW) is already past.
SAVED_AT = datetime(2026, 2, 20, 8, 0, tzinfo=UTC)
POSTING = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
PERIOD = "2026-04"
# run_monthly plans the next posting, for May: the first Monday, 6 April, is Easter Monday, so
# Thursday 2 April (Good Friday too is a holiday), 9:00 in Berlin (summer time).
NEXT_POSTING = datetime(2026, 4, 2, 7, 0, tzinfo=UTC)
NEXT_PERIOD = "2026-05"

Sessions = async_sessionmaker[AsyncSession]


def team(n: int) -> str:
    """A team's conversation id, which is also its rule's team key."""
    return f"19:team{n:02d}@thread.tacv2"


@dataclass(frozen=True)
class Snapshot:
    """What the replicas left behind: poll rows, job rows and card posts."""

    polls: dict[str, tuple[int, Any]]  # key -> (id, card)
    jobs: list[ScheduledJob]
    posts: list[tuple[str, str, str]]  # (worker, conversation id, activity id)

    def monthly(self, period: str) -> dict[str, ScheduledJob]:
        """The monthly jobs of ``period`` by team key (each dedup key exists at most once)."""
        jobs = [j for j in self.jobs if j.kind == MONTHLY_JOB and j.payload["period"] == period]
        by_team = {job.payload["team_key"]: job for job in jobs}
        assert len(by_team) == len(jobs), "two monthly jobs for one team and period"
        return by_team


@pytest.fixture
def postgres_url(tmp_path: Path) -> Iterator[str]:
    with fresh_database("postgres", tmp_path) as url:
        yield url


@pytest.mark.postgres
async def test_two_replicas_post_each_monthly_poll_once_also_after_a_restart(
    postgres_url: str, tmp_path: Path
) -> None:
    teams = [team(n) for n in range(20)]
    snapshots = await _scenario(postgres_url, tmp_path, teams, replicas=2, restarts=1)
    workers = {worker for worker, _, _ in snapshots[0].posts}
    assert workers == {"run0-w0", "run0-w1"}, "the replicas did not share the work"


async def test_sqlite_single_replica_restarted_twice_posts_each_poll_once(
    sqlite_url: str, tmp_path: Path
) -> None:
    await _scenario(sqlite_url, tmp_path, [team(n) for n in range(3)], replicas=1, restarts=2)


async def _scenario(
    url: str, tmp_path: Path, teams: Sequence[str], *, replicas: int, restarts: int
) -> list[Snapshot]:
    """Save the rules, run the replicas past the posting, then restart them ``restarts`` times;
    every run leaves exactly one poll and one card per team. Returns each run's snapshot."""
    posts = tmp_path / "posts.tsv"
    posts.touch()
    engine = create_engine(url)
    sessions = create_session_factory(engine)
    try:
        setup = build(sessions, ManualClock(SAVED_AT), FileNotifier(posts, "setup"))
        for key in teams:
            place = {"reference": {"conversation": {"id": key, "conversationType": "channel"}}}
            assert await setup.service.save_rule(rule(team_key=key, place=place)) == POSTING
        await _run_replicas(url, sessions, posts, tmp_path, run=0, replicas=replicas)
        first = await _snapshot(sessions, posts)
        _assert_once_per_team(first, teams)
        for job in first.monthly(PERIOD).values():
            assert job.attempts == 1, "a monthly job was claimed twice"
        snapshots = [first]
        for run in range(1, restarts + 1):
            # A replica that died after posting but before completing its job: the restarted
            # replicas take the job again (its lease ran out) and must not post a second card.
            crashed = teams[: max(1, len(teams) // 4)]
            await _reopen_monthly_jobs(sessions, crashed)
            await _run_replicas(
                url, sessions, posts, tmp_path, run=run, replicas=replicas, plan_rules=True
            )
            snapshot = await _snapshot(sessions, posts)
            _assert_once_per_team(snapshot, teams)
            assert snapshot.polls == first.polls and snapshot.posts == first.posts
            attempts = {key: job.attempts for key, job in snapshot.monthly(PERIOD).items()}
            assert attempts == {key: run + 1 if key in crashed else 1 for key in teams}
            snapshots.append(snapshot)
        return snapshots
    finally:
        await engine.dispose()


def _assert_once_per_team(snapshot: Snapshot, teams: Sequence[str]) -> None:
    assert sorted(snapshot.polls) == sorted(f"{key}:{PERIOD}" for key in teams)
    assert Counter(conversation for _, conversation, _ in snapshot.posts) == Counter(teams)
    # The card each poll remembers is the one card that was posted for its team.
    posted = {conversation: activity for _, conversation, activity in snapshot.posts}
    for key in teams:
        _, card = snapshot.polls[f"{key}:{PERIOD}"]
        assert card is not None and card["activity_id"] == posted[key]
    done = snapshot.monthly(PERIOD)
    assert sorted(done) == sorted(teams)
    assert all(job.done_at is not None for job in done.values())
    following = snapshot.monthly(NEXT_PERIOD)
    assert sorted(following) == sorted(teams)
    assert all(job.done_at is None and job.due_at == NEXT_POSTING for job in following.values())
    periods = {j.payload["period"] for j in snapshot.jobs if j.kind == MONTHLY_JOB}
    assert periods == {PERIOD, NEXT_PERIOD}
    closes = Counter(j.payload["poll_id"] for j in snapshot.jobs if j.kind == CLOSE_JOB)
    assert closes == Counter(poll_id for poll_id, _ in snapshot.polls.values())
    assert [j.last_error for j in snapshot.jobs if j.last_error is not None] == []


async def _snapshot(sessions: Sessions, posts: Path) -> Snapshot:
    async with sessions() as session:
        polls = (await session.execute(select(StammtischPollRow))).scalars().all()
        jobs = list((await session.scalars(select(ScheduledJob).order_by(ScheduledJob.id))).all())
    return Snapshot({poll.key: (poll.id, poll.card) for poll in polls}, jobs, _posts(posts))


def _posts(path: Path) -> list[tuple[str, str, str]]:
    """The card posts of every replica, in the order they were written."""
    lines = [line.split("\t") for line in path.read_text().splitlines()]
    assert all(len(line) == 3 for line in lines), "a post line was torn"
    return [(worker, conversation, activity) for worker, conversation, activity in lines]


async def _reopen_monthly_jobs(sessions: Sessions, teams: Sequence[str]) -> None:
    keys = [monthly_key(key, PERIOD, POSTING) for key in teams]
    async with sessions.begin() as session:
        await session.execute(
            update(ScheduledJob)
            .where(ScheduledJob.dedup_key.in_(keys))
            .values(done_at=None, locked_until=WORKER_NOW - timedelta(seconds=1))
        )


async def _due_jobs(sessions: Sessions) -> int:
    async with sessions() as session:
        count = await session.scalar(
            select(func.count())
            .select_from(ScheduledJob)
            .where(ScheduledJob.done_at.is_(None), ScheduledJob.due_at <= WORKER_NOW)
        )
    return int(count or 0)


async def _run_replicas(
    url: str,
    sessions: Sessions,
    posts: Path,
    tmp_path: Path,
    *,
    run: int,
    replicas: int,
    plan_rules: bool = False,
) -> None:
    """Start the replicas, let them claim together, stop them once no job is due."""
    names = [f"run{run}-w{n}" for n in range(replicas)]
    logs = [tmp_path / f"{name}.log" for name in names]
    flags = ["--plan-rules"] if plan_rules else []
    processes: list[asyncio.subprocess.Process] = []
    try:
        for name, log_path in zip(names, logs, strict=True):
            with log_path.open("wb") as log:
                processes.append(
                    await asyncio.create_subprocess_exec(
                        *(sys.executable, "-m", "tests.support.stammtisch_worker", url, name),
                        *("60", str(posts), *flags),
                        cwd=ROOT,
                        stdin=asyncio.subprocess.PIPE,
                        stdout=asyncio.subprocess.PIPE,
                        stderr=log,
                    )
                )
        for process in processes:
            assert process.stdout is not None
            assert await asyncio.wait_for(process.stdout.readline(), 60) == b"ready\n"
        # Every replica is connected and idle: release them at once, so they race for the jobs.
        for process in processes:
            assert process.stdin is not None
            process.stdin.write(b"go\n")
            await process.stdin.drain()
        deadline = time.monotonic() + 20
        while await _due_jobs(sessions):
            assert time.monotonic() < deadline, "monthly jobs still due after 20 s"
            await asyncio.sleep(0.1)
        # A few more poll intervals: a job run a second time would show up here.
        await asyncio.sleep(0.3)
    finally:
        await stop_processes(processes)
    assert [process.returncode for process in processes] == [0] * replicas, _texts(logs)


def _texts(paths: Sequence[Path]) -> dict[str, str]:
    """The replicas' logs, for the failure message."""
    return {path.name: path.read_text() for path in paths}
