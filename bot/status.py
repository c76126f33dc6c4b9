"""The admins' "status": version, database, Graph, the job queue, undelivered welcomes, and
the member store (teams with the app, their members, who the bot cannot reach)."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

import structlog
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import __version__
from bot.adapters.db.roulette import roulette_facts
from bot.adapters.db.status import queue_figures
from bot.domain.members.model import MemberFigures, Reach
from bot.domain.members.ports import MemberRepository
from bot.domain.ports import Clock, Directory

log = structlog.get_logger(__name__)
PROBE = "status-probe@invalid.example"  # an address no tenant has: Graph answers "not found"
# A card stays readable (and below Teams' size limit) with this many rows per list.
TEAMS_SHOWN = 10
UNREACHABLE_SHOWN = 20


@dataclass(frozen=True, slots=True)
class Unreachable:
    """A person the last message did not reach."""

    who: str  # the name, or the Entra object id when no name is known
    reason: str  # a ReachFailure value


@dataclass(frozen=True, slots=True)
class MemberReport:
    """The member store for ``bot status``; the lists are capped (see the figures for all)."""

    figures: MemberFigures
    synced: tuple[tuple[str, str], ...]  # (team name, last roster read or ""), oldest first
    unreachable: tuple[Unreachable, ...]


@dataclass(frozen=True, slots=True)
class StatusService:
    """Collects the figures; every probe fails soft so that status works when things don't."""

    sessions: async_sessionmaker[AsyncSession]
    directory: Directory
    clock: Clock
    zone: ZoneInfo
    members: MemberRepository

    async def report(self) -> dict[str, str]:
        """Label key (status.*) -> value, ready for a FactSet."""
        facts = {"status.version": __version__}
        try:
            figures = await queue_figures(self.sessions, self.clock.now())
        except Exception as error:
            log.warning("status_database_failed", error=type(error).__name__)
            facts["status.database"] = "down"
        else:
            synced = figures.rooms_synced_at
            facts |= {
                "status.database": "ok",
                "status.jobs_pending": str(figures.pending),
                "status.jobs_overdue": str(figures.overdue),
                "status.jobs_retrying": str(figures.retrying),
                "status.jobs_given_up": str(figures.given_up),
                "status.unwelcomed": str(figures.unwelcomed),
                "status.rooms": str(figures.rooms),
                "status.rooms_synced": (
                    f"{synced.astimezone(self.zone):%d.%m.%Y %H:%M}" if synced else "–"
                ),
            }
            facts |= await roulette_facts(self.sessions)
        try:
            await self.directory.get_person(PROBE)
            facts["status.graph"] = "ok"
        except Exception as error:
            log.warning("status_graph_failed", error=type(error).__name__)
            facts["status.graph"] = "down"
        return facts

    async def member_report(self) -> MemberReport | None:
        """The member store's figures and lists; None when it cannot be read."""
        try:
            figures = await self.members.figures()
            teams = await self.members.installed_teams()
            reach = await self.members.reach_overview(UNREACHABLE_SHOWN)
            unreachable = [await self._unreachable(r) for r in reach if not r.reachable]
        except Exception as error:
            log.warning("status_members_failed", error=type(error).__name__)
            return None
        # Never read first, then the longest ago: a stuck roster read is what admins look for.
        oldest = sorted(teams, key=lambda team: (team.synced_at is not None, team.synced_at))
        synced = tuple(
            (team.name, f"{team.synced_at.astimezone(self.zone):%d.%m.%Y %H:%M}"
             if team.synced_at else "")
            for team in oldest[:TEAMS_SHOWN]
        )  # fmt: skip
        return MemberReport(figures, synced, tuple(unreachable))

    async def _unreachable(self, reach: Reach) -> Unreachable:
        # A failed delivery is recorded without a name; the roster may know it.
        name = reach.name
        if not name:
            member = await self.members.find(reach.user_key)
            name = member.name if member else ""
        return Unreachable(name or reach.user_key, reach.reason)
