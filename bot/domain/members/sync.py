"""Keeps the stored rosters current: on install, on member changes, and once a day.

The roster of a big team is read as a durable job, a few pages per run: the cursor is stored
after every page, so a crash or a restart resumes where it stopped instead of starting over,
and no Teams turn waits for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.domain.members.model import InstalledTeam, RosterEntry, TeamMember
from bot.domain.members.ports import MemberRepository, RosterSource
from bot.domain.ports import Clock, JobQueue
from bot.domain.recurring import plan_daily

SYNC_JOB = "members.sync"
DAILY_JOB = "members.daily"
LEFT_JOB = "members.left"  # someone left every team with the bot: the features end their part
PAGE_SIZE = 200  # the most the paged members API returns per call
PAGES_PER_RUN = 10  # 2,000 members per job run; then the job continues in a new run


@dataclass(frozen=True, slots=True)
class MemberSync:
    """Roster synchronisation as plain calls over the member store and the roster source."""

    repo: MemberRepository
    roster: RosterSource
    jobs: JobQueue
    clock: Clock
    pages_per_run: int = PAGES_PER_RUN

    async def team_installed(self, team: InstalledTeam) -> None:
        """The app was added to a team: store it and read its roster in a job."""
        await self.repo.install_team(team)
        await self.request_sync(team.team_id)

    async def team_uninstalled(self, team_id: str) -> None:
        """The app was removed from a team: its members are no longer reachable through it."""
        await self.repo.uninstall_team(team_id, self.clock.now())

    async def team_seen(self, team: InstalledTeam) -> bool:
        """Any activity from a team: learn it if it is new (installed before roster sync
        existed, or its install event was lost); True when it was new."""
        known = await self.repo.get_team(team.team_id)
        if known is not None and known.installed:
            return False
        await self.team_installed(team)
        return True

    async def members_joined(self, team: InstalledTeam, entries: list[RosterEntry]) -> None:
        """Members joined a team: store them at once (no full roster read needed)."""
        if await self.team_seen(team):
            return  # the roster read that a new team gets includes them
        now = self.clock.now()
        await self.repo.upsert_members([_member(team, entry, now) for entry in entries])

    async def member_left(self, team_id: str, teams_id: str) -> None:
        """A member left a team: mark them removed (kept until retention). Who has left every
        team with the bot now gets the job LEFT_JOB (payload ``user_key``), in which each
        feature ends what it holds for them at once rather than when it next looks."""
        member = await self.repo.find(teams_id)  # Teams sends only the Teams id
        now = self.clock.now()
        await self.repo.remove_member(team_id, teams_id, now)
        if member is not None:
            await self._plan_left([member.user_key], now)

    async def _plan_left(self, user_keys: list[str], now: datetime) -> None:
        """LEFT_JOB for each of ``user_keys`` who is in no team with the bot any more. A member
        is marked removed once (by membersRemoved or by the roster sync, whichever comes
        first), so each departure plans the job once."""
        for user_key in sorted(await self.repo.departed(user_keys)):
            key = f"{LEFT_JOB}:{user_key}:{now.isoformat()}"
            await self.jobs.schedule(LEFT_JOB, {"user_key": user_key}, now, key)

    async def request_sync(self, team_id: str) -> None:
        """Plan a roster read now (one per team and minute, however many events arrive)."""
        now = self.clock.now()
        minute = now.replace(second=0, microsecond=0).isoformat()
        await self.jobs.schedule(
            SYNC_JOB, {"team_id": team_id}, now, dedup_key=f"{SYNC_JOB}:{team_id}:{minute}"
        )

    async def run_sync(self, team_id: str) -> bool:
        """Read up to ``pages_per_run`` pages; True when the roster is complete."""
        team = await self.repo.get_team(team_id)
        if team is None or not team.installed:
            return True
        now = self.clock.now()
        started = team.sync_started_at or now
        cursor = team.sync_cursor if team.sync_started_at else None
        for _ in range(self.pages_per_run):
            page = await self.roster.page(team, cursor, PAGE_SIZE)
            seen = self.clock.now()
            await self.repo.upsert_members([_member(team, e, seen) for e in page.entries])
            cursor = page.next_token
            if cursor is None:
                # Who left without a membersRemoved (Teams does not always send it) ends here
                # like one who was announced: the features end their part at once.
                finished = self.clock.now()
                await self._plan_left(await self.repo.finish_sync(team_id, started, finished),
                                      finished)  # fmt: skip
                return True
            await self.repo.save_sync(team_id, cursor, started)
        # More pages: continue in a fresh job run (keyed by the cursor, so exactly once).
        await self.jobs.schedule(
            SYNC_JOB,
            {"team_id": team_id},
            self.clock.now(),
            dedup_key=f"{SYNC_JOB}:{team_id}:{started.isoformat()}:{cursor}",
        )
        return False

    async def plan_daily(self, *, first: bool = False) -> None:
        """Plan the daily roster refresh of every installed team (once across replicas)."""
        now = self.clock.now()
        due = now if first else now + timedelta(days=1)
        await plan_daily(self.jobs, DAILY_JOB, due)

    async def run_daily(self) -> None:
        """Refresh every installed team's roster, then plan tomorrow's run."""
        for team in await self.repo.installed_teams():
            await self.request_sync(team.team_id)
        await self.plan_daily()


def _member(team: InstalledTeam, entry: RosterEntry, now: datetime) -> TeamMember:
    return TeamMember(
        team_id=team.team_id,
        teams_id=entry.teams_id,
        user_key=entry.user_key,
        name=entry.name,
        upn=entry.upn,
        tenant_id=entry.tenant_id or team.tenant_id,
        service_url=team.service_url,
        bot_id=team.bot_id,
        seen_at=now,
    )
