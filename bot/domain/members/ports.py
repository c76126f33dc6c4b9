"""Ports of the member store and the roster source."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Protocol

from bot.domain.members.model import (
    InstalledTeam,
    MemberFigures,
    Reach,
    RosterPage,
    TeamMember,
)


class MemberRepository(Protocol):
    """Installed teams, their members (marked when removed) and people's reachability."""

    async def install_team(self, team: InstalledTeam) -> None:
        """Insert or refresh a team (clears a former uninstall; keeps a sync in progress)."""
        ...

    async def uninstall_team(self, team_id: str, now: datetime) -> None:
        """Mark a team as uninstalled; its members stop being reachable through it."""
        ...

    async def get_team(self, team_id: str) -> InstalledTeam | None:
        """One team, or None."""
        ...

    async def installed_teams(self) -> Sequence[InstalledTeam]:
        """Every team the app is still installed in."""
        ...

    async def save_sync(self, team_id: str, cursor: str | None, started_at: datetime) -> None:
        """Remember where a running roster sync is (resumable after a crash)."""
        ...

    async def finish_sync(self, team_id: str, started_at: datetime, now: datetime) -> list[str]:
        """End a sync: members not seen since ``started_at`` are marked removed; returns the
        user keys of the members marked now (not those marked removed before)."""
        ...

    async def upsert_members(self, members: Sequence[TeamMember]) -> None:
        """Insert or refresh members by (team, Teams id); a re-added member is active again."""
        ...

    async def remove_member(self, team_id: str, teams_id: str, now: datetime) -> None:
        """Mark one member of a team as removed."""
        ...

    async def find(self, user_key: str) -> TeamMember | None:
        """An active member of an installed team by Entra or Teams id (most recently seen)."""
        ...

    async def is_member(self, team_id: str, user_key: str) -> bool:
        """True when the person (Entra or Teams id) is an active member of the team."""
        ...

    async def members_of(self, team_id: str) -> Sequence[TeamMember]:
        """Active members of one team, by name."""
        ...

    async def record_reach(self, reach: Reach) -> None:
        """Store the last delivery outcome for a person."""
        ...

    async def reach_overview(self, limit: int = 50) -> Sequence[Reach]:
        """The unreachable people first, then the reachable, newest first."""
        ...

    async def figures(self) -> MemberFigures:
        """Installed teams, distinct people active in them, people last found unreachable."""
        ...

    async def purge(self, removed_before: datetime) -> int:
        """Delete members removed (or of teams uninstalled) before the cutoff; returns count."""
        ...

    async def departed(self, user_keys: Collection[str]) -> set[str]:
        """See ``Departures``."""
        ...


class Departures(Protocol):
    """Who has left, as the member store saw it (buddies and roulette leave them out)."""

    async def departed(self, user_keys: Collection[str]) -> set[str]:
        """Those of ``user_keys`` who were seen in a team with the bot and have since been
        removed from every such team (membersRemoved, or missing from a roster sync). Someone
        never seen in a team (the app installed only personally) has not left, nor has anyone
        whose team uninstalled the app."""
        ...


class RosterSource(Protocol):
    """Reads a team roster page by page (the Bot Connector's paged members API)."""

    async def page(self, team: InstalledTeam, token: str | None, size: int) -> RosterPage:
        """One page of the team's members."""
        ...
