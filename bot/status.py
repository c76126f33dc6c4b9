"""The admins' "status": version, database, Graph, the job queue and undelivered welcomes."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

import structlog
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import __version__
from bot.adapters.db.status import queue_figures
from bot.domain.ports import Clock, Directory

log = structlog.get_logger(__name__)
PROBE = "status-probe@invalid.example"  # an address no tenant has: Graph answers "not found"


@dataclass(frozen=True, slots=True)
class StatusService:
    """Collects the figures; every probe fails soft so that status works when things don't."""

    sessions: async_sessionmaker[AsyncSession]
    directory: Directory
    clock: Clock
    zone: ZoneInfo

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
        try:
            await self.directory.get_person(PROBE)
            facts["status.graph"] = "ok"
        except Exception as error:
            log.warning("status_graph_failed", error=type(error).__name__)
            facts["status.graph"] = "down"
        return facts
