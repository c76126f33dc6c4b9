"""Roster sync: paged, resumable after a crash, members who left are marked, jobs planned once."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest

from bot.adapters.clock import ManualClock
from bot.domain.members.model import InstalledTeam, RosterEntry, RosterPage
from bot.domain.members.sync import DAILY_JOB, LEFT_JOB, SYNC_JOB, MemberSync
from devkit.fakes.memory_jobs import InMemoryJobQueue
from devkit.fakes.memory_members import InMemoryMemberRepository

T0 = datetime(2027, 1, 4, 7, 0, tzinfo=UTC)
TEAM = InstalledTeam("19:t@thread.tacv2", "tenant", "https://smba/", "28:bot", "Netz", T0)


def entry(n: int) -> RosterEntry:
    return RosterEntry(f"29:u{n}", f"aad-{n}", f"Person {n}", f"p{n}@x.de", "tenant")


@dataclass
class PagedRoster:
    """A roster read `size` entries per page; fails once at page ``fail_at`` (a crash)."""

    entries: list[RosterEntry]
    size: int = 3
    fail_at: int | None = None
    calls: list[str | None] = field(default_factory=list)

    async def page(self, team: InstalledTeam, token: str | None, size: int) -> RosterPage:
        self.calls.append(token)
        start = int(token or 0)
        if self.fail_at is not None and start // self.size == self.fail_at:
            self.fail_at = None
            raise ConnectionError("connector went away")
        chunk = tuple(self.entries[start : start + self.size])
        more = start + self.size < len(self.entries)
        return RosterPage(chunk, str(start + self.size) if more else None)


def world(roster: PagedRoster) -> tuple[MemberSync, InMemoryMemberRepository, InMemoryJobQueue]:
    repo, jobs = InMemoryMemberRepository(), InMemoryJobQueue()
    return MemberSync(repo, roster, jobs, ManualClock(T0), pages_per_run=2), repo, jobs


def pending(jobs: InMemoryJobQueue, kind: str) -> int:
    return sum(1 for job in jobs.jobs.values() if job.kind == kind and job.done_at is None)


async def test_a_big_roster_is_read_in_runs_of_a_few_pages() -> None:
    roster = PagedRoster([entry(n) for n in range(14)])  # 5 pages of 3
    sync, repo, jobs = world(roster)
    await sync.team_installed(TEAM)
    assert pending(jobs, SYNC_JOB) == 1
    assert await sync.run_sync(TEAM.team_id) is False  # pages 1-2, continuation planned
    assert pending(jobs, SYNC_JOB) == 2
    assert await sync.run_sync(TEAM.team_id) is False  # pages 3-4
    assert await sync.run_sync(TEAM.team_id) is True  # page 5
    assert roster.calls == [None, "3", "6", "9", "12"]
    assert len(await repo.members_of(TEAM.team_id)) == 14


async def test_a_crash_resumes_at_the_stored_page_not_from_the_start() -> None:
    roster = PagedRoster([entry(n) for n in range(14)], fail_at=1)
    sync, repo, _ = world(roster)
    await sync.team_installed(TEAM)
    with pytest.raises(ConnectionError):
        await sync.run_sync(TEAM.team_id)
    assert roster.calls == [None, "3"]  # page 1 stored, page 2 failed
    assert await sync.run_sync(TEAM.team_id) is False  # the retry starts at page 2
    assert roster.calls[2] == "3"
    while not await sync.run_sync(TEAM.team_id):
        pass
    assert roster.calls.count(None) == 1
    assert len(await repo.members_of(TEAM.team_id)) == 14


async def test_members_gone_since_the_last_read_are_marked_removed() -> None:
    roster = PagedRoster([entry(n) for n in range(5)])
    sync, repo, _ = world(roster)
    await sync.team_installed(TEAM)
    while not await sync.run_sync(TEAM.team_id):
        pass
    roster.entries = [entry(n) for n in (0, 2, 4, 5)]
    sync.clock.advance(timedelta(days=1))  # type: ignore[attr-defined]
    while not await sync.run_sync(TEAM.team_id):
        pass
    keys = sorted(m.user_key for m in await repo.members_of(TEAM.team_id))
    assert keys == ["aad-0", "aad-2", "aad-4", "aad-5"]
    assert await repo.find("aad-1") is None


async def test_events_and_the_daily_refresh() -> None:
    roster = PagedRoster([entry(n) for n in range(2)])
    sync, repo, jobs = world(roster)
    # A join in a team the bot never saw installed: it learns the team and reads the roster.
    await sync.members_joined(TEAM, [entry(7)])
    assert await repo.get_team(TEAM.team_id) is not None
    assert pending(jobs, SYNC_JOB) == 1
    await sync.members_joined(TEAM, [entry(8)])  # known team: stored at once
    assert await repo.find("aad-8") is not None
    await sync.member_left(TEAM.team_id, "29:u8")
    assert await repo.find("aad-8") is None
    # The same install event twice in a minute plans one read.
    await sync.team_installed(TEAM)
    assert pending(jobs, SYNC_JOB) == 1
    await sync.plan_daily(first=True)
    await sync.plan_daily(first=True)
    assert pending(jobs, DAILY_JOB) == 1
    await sync.run_daily()
    assert pending(jobs, DAILY_JOB) == 2  # tomorrow's planned
    await sync.team_uninstalled(TEAM.team_id)
    assert await repo.installed_teams() == []
    assert await sync.run_sync(TEAM.team_id) is True  # nothing to read any more


async def test_who_left_every_team_gets_the_left_job_for_the_features() -> None:
    sync, repo, jobs = world(PagedRoster([]))
    other = InstalledTeam("19:o@thread.tacv2", "tenant", "https://smba/", "28:bot", "Other", T0)
    for team in (TEAM, other):
        await repo.install_team(team)
        await sync.members_joined(team, [entry(3)])
    await sync.member_left(TEAM.team_id, "29:u3")
    assert pending(jobs, LEFT_JOB) == 0  # still in the other team
    await sync.member_left(other.team_id, "29:u3")
    [job] = [j for j in jobs.jobs.values() if j.kind == LEFT_JOB]
    assert job.payload == {"user_key": "aad-3"}
    await sync.member_left(other.team_id, "29:unknown")  # never seen: nothing to end
    assert pending(jobs, LEFT_JOB) == 1


async def test_who_the_roster_sync_finds_gone_gets_the_left_job_once() -> None:
    # Teams does not always send membersRemoved: the roster read is the other way to learn it.
    roster = PagedRoster([entry(1), entry(2)])
    sync, _repo, jobs = world(roster)
    await sync.team_installed(TEAM)
    assert await sync.run_sync(TEAM.team_id) is True
    assert pending(jobs, LEFT_JOB) == 0
    roster.entries = [entry(1)]
    sync.clock.advance(timedelta(hours=1))  # type: ignore[attr-defined]
    assert await sync.run_sync(TEAM.team_id) is True
    [job] = [j for j in jobs.jobs.values() if j.kind == LEFT_JOB]
    assert job.payload == {"user_key": "aad-2"}
    # A late membersRemoved and the next roster read plan nothing more.
    await sync.member_left(TEAM.team_id, "29:u2")
    sync.clock.advance(timedelta(hours=1))  # type: ignore[attr-defined]
    assert await sync.run_sync(TEAM.team_id) is True
    assert pending(jobs, LEFT_JOB) == 1
