"""In-memory MemberRepository with the same semantics as the SQL one."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from datetime import datetime

from bot.domain.members.model import InstalledTeam, MemberFigures, Reach, TeamMember


class InMemoryMemberRepository:
    """Dict-backed; no method awaits, so each one is atomic on the event loop like a txn."""

    def __init__(self) -> None:
        self._teams: dict[str, InstalledTeam] = {}
        self._members: dict[tuple[str, str], TeamMember] = {}
        self._reach: dict[str, Reach] = {}

    async def install_team(self, team: InstalledTeam) -> None:
        """Insert or refresh a team (clears a former uninstall; keeps a sync in progress)."""
        known = self._teams.get(team.team_id)
        if known is None:
            self._teams[team.team_id] = team
            return
        self._teams[team.team_id] = replace(
            known,
            tenant_id=team.tenant_id,
            service_url=team.service_url,
            bot_id=team.bot_id,
            name=team.name,
            uninstalled_at=None,
        )

    async def uninstall_team(self, team_id: str, now: datetime) -> None:
        """Mark a team as uninstalled; its members stop being reachable through it."""
        if team_id in self._teams:
            self._teams[team_id] = replace(
                self._teams[team_id], uninstalled_at=now, sync_cursor=None, sync_started_at=None
            )

    async def get_team(self, team_id: str) -> InstalledTeam | None:
        """One team, or None."""
        return self._teams.get(team_id)

    async def installed_teams(self) -> Sequence[InstalledTeam]:
        """Every team the app is still installed in."""
        return sorted((t for t in self._teams.values() if t.installed), key=lambda t: t.team_id)

    async def save_sync(self, team_id: str, cursor: str | None, started_at: datetime) -> None:
        """Remember where a running roster sync is (resumable after a crash)."""
        if team_id in self._teams:
            self._teams[team_id] = replace(
                self._teams[team_id], sync_cursor=cursor, sync_started_at=started_at
            )

    async def finish_sync(self, team_id: str, started_at: datetime, now: datetime) -> list[str]:
        """End a sync: members not seen since ``started_at`` are marked removed (their keys)."""
        gone = [
            key
            for key, m in self._members.items()
            if m.team_id == team_id and m.seen_at < started_at and m.removed_at is None
        ]
        for key in gone:
            self._members[key] = replace(self._members[key], removed_at=now)
        if team_id in self._teams:
            self._teams[team_id] = replace(
                self._teams[team_id], sync_cursor=None, sync_started_at=None, synced_at=now
            )
        return sorted({self._members[key].user_key for key in gone})

    async def upsert_members(self, members: Sequence[TeamMember]) -> None:
        """Insert or refresh members by (team, Teams id); a re-added member is active again."""
        for member in members:
            self._members[(member.team_id, member.teams_id)] = replace(member, removed_at=None)

    async def remove_member(self, team_id: str, teams_id: str, now: datetime) -> None:
        """Mark one member of a team as removed."""
        member = self._members.get((team_id, teams_id))
        if member is not None and member.removed_at is None:
            self._members[(team_id, teams_id)] = replace(member, removed_at=now)

    async def find(self, user_key: str) -> TeamMember | None:
        """An active member of an installed team by Entra or Teams id (most recently seen)."""
        found = [
            m
            for m in self._members.values()
            if user_key in (m.user_key, m.teams_id)
            and m.removed_at is None
            and (team := self._teams.get(m.team_id)) is not None
            and team.installed
        ]
        return max(found, key=lambda m: m.seen_at, default=None)

    async def is_member(self, team_id: str, user_key: str) -> bool:
        """True when the person (Entra or Teams id) is an active member of the team."""
        return any(
            m.team_id == team_id and user_key in (m.user_key, m.teams_id) and m.removed_at is None
            for m in self._members.values()
        )

    async def members_of(self, team_id: str) -> Sequence[TeamMember]:
        """Active members of one team, by name."""
        return sorted(
            (m for m in self._members.values() if m.team_id == team_id and m.removed_at is None),
            key=lambda m: m.name,
        )

    async def record_reach(self, reach: Reach) -> None:
        """Store the last delivery outcome for a person."""
        self._reach[reach.user_key] = reach

    async def reach_overview(self, limit: int = 50) -> Sequence[Reach]:
        """The unreachable people first, then the reachable, newest first."""
        ordered = sorted(
            self._reach.values(), key=lambda r: (r.reachable, -r.checked_at.timestamp())
        )
        return ordered[:limit]

    async def figures(self) -> MemberFigures:
        """Installed teams, distinct people active in them, people last found unreachable."""
        installed = {t.team_id for t in self._teams.values() if t.uninstalled_at is None}
        people = {
            m.user_key
            for m in self._members.values()
            if m.removed_at is None and m.team_id in installed
        }
        unreachable = sum(1 for r in self._reach.values() if not r.reachable)
        return MemberFigures(len(installed), len(people), unreachable)

    async def departed(self, user_keys: Collection[str]) -> set[str]:
        """Those of ``user_keys`` removed from every team the bot saw them in."""
        rows = [m for m in self._members.values() if m.user_key in user_keys]
        return {m.user_key for m in rows} - {m.user_key for m in rows if m.removed_at is None}

    async def purge(self, removed_before: datetime) -> int:
        """Delete members removed (or of teams uninstalled) before the cutoff."""
        gone_teams = {
            t.team_id
            for t in self._teams.values()
            if t.uninstalled_at is not None and t.uninstalled_at < removed_before
        }
        gone = [
            key
            for key, m in self._members.items()
            if (m.removed_at is not None and m.removed_at < removed_before)
            or m.team_id in gone_teams
        ]
        for key in gone:
            del self._members[key]
        for team_id in gone_teams:
            del self._teams[team_id]
        for user_key in [k for k, r in self._reach.items() if r.checked_at < removed_before]:
            del self._reach[user_key]
        return len(gone)
