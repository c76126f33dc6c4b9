"""SQL implementation of the MemberRepository port."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import asdict
from datetime import datetime
from typing import Any

from sqlalchemy import and_, delete, distinct, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.db.dialect import dialect_insert
from bot.adapters.db.member_tables import InstalledTeamRow, MemberReachRow, TeamMemberRow
from bot.domain.members.model import InstalledTeam, MemberFigures, Reach, TeamMember
from bot.domain.privacy.identity import is_pseudonym

_MEMBER_UPDATED = ("user_key", "name", "upn", "tenant_id", "service_url", "bot_id", "seen_at")
_TEAM_UPDATED = ("tenant_id", "service_url", "bot_id", "name")


class SqlMemberRepository:
    """Upserts by natural keys (team id; team + Teams id; person), safe with several replicas."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def install_team(self, team: InstalledTeam) -> None:
        """Insert or refresh a team (clears a former uninstall; keeps a sync in progress)."""
        values = asdict(team)
        async with self._sessions.begin() as session:
            statement = dialect_insert(session, InstalledTeamRow).values(values)
            refreshed: dict[str, Any] = {name: statement.excluded[name] for name in _TEAM_UPDATED}
            refreshed["uninstalled_at"] = None
            await session.execute(
                statement.on_conflict_do_update(index_elements=["team_id"], set_=refreshed)
            )

    async def uninstall_team(self, team_id: str, now: datetime) -> None:
        """Mark a team as uninstalled; its members stop being reachable through it."""
        async with self._sessions.begin() as session:
            await session.execute(
                update(InstalledTeamRow)
                .where(InstalledTeamRow.team_id == team_id)
                .values(uninstalled_at=now, sync_cursor=None, sync_started_at=None)
            )

    async def get_team(self, team_id: str) -> InstalledTeam | None:
        """One team, or None."""
        async with self._sessions() as session:
            row = await session.get(InstalledTeamRow, team_id)
        return None if row is None else _team(row)

    async def installed_teams(self) -> Sequence[InstalledTeam]:
        """Every team the app is still installed in."""
        async with self._sessions() as session:
            rows = await session.scalars(
                select(InstalledTeamRow)
                .where(InstalledTeamRow.uninstalled_at.is_(None))
                .order_by(InstalledTeamRow.team_id)
            )
            return [_team(row) for row in rows]

    async def save_sync(self, team_id: str, cursor: str | None, started_at: datetime) -> None:
        """Remember where a running roster sync is (resumable after a crash)."""
        async with self._sessions.begin() as session:
            await session.execute(
                update(InstalledTeamRow)
                .where(InstalledTeamRow.team_id == team_id)
                .values(sync_cursor=cursor, sync_started_at=started_at)
            )

    async def finish_sync(self, team_id: str, started_at: datetime, now: datetime) -> list[str]:
        """End a sync: members not seen since ``started_at`` are marked removed; returns the
        user keys of those marked now (one marked before, by membersRemoved, is not)."""
        async with self._sessions.begin() as session:
            removed = await session.scalars(
                update(TeamMemberRow)
                .where(
                    TeamMemberRow.team_id == team_id,
                    TeamMemberRow.seen_at < started_at,
                    TeamMemberRow.removed_at.is_(None),
                )
                .values(removed_at=now)
                .returning(TeamMemberRow.user_key)
            )
            gone = sorted(set(removed.all()))
            await session.execute(
                update(InstalledTeamRow)
                .where(InstalledTeamRow.team_id == team_id)
                .values(sync_cursor=None, sync_started_at=None, synced_at=now)
            )
        return gone

    async def upsert_members(self, members: Sequence[TeamMember]) -> None:
        """Insert or refresh members by (team, Teams id); a re-added member is active again."""
        newest = {(m.team_id, m.teams_id): asdict(m) for m in members}
        if not newest:
            return
        async with self._sessions.begin() as session:
            statement = dialect_insert(session, TeamMemberRow)
            refreshed: dict[str, Any] = {
                name: statement.excluded[name] for name in _MEMBER_UPDATED
            }
            refreshed["removed_at"] = None
            await session.execute(
                statement.on_conflict_do_update(
                    index_elements=["team_id", "teams_id"], set_=refreshed
                ),
                list(newest.values()),
            )

    async def remove_member(self, team_id: str, teams_id: str, now: datetime) -> None:
        """Mark one member of a team as removed."""
        async with self._sessions.begin() as session:
            await session.execute(
                update(TeamMemberRow)
                .where(
                    TeamMemberRow.team_id == team_id,
                    TeamMemberRow.teams_id == teams_id,
                    TeamMemberRow.removed_at.is_(None),
                )
                .values(removed_at=now)
            )

    async def find(self, user_key: str) -> TeamMember | None:
        """An active member of an installed team by Entra or Teams id (most recently seen)."""
        async with self._sessions() as session:
            row = await session.scalar(
                select(TeamMemberRow)
                .join(InstalledTeamRow, InstalledTeamRow.team_id == TeamMemberRow.team_id)
                .where(
                    or_(TeamMemberRow.user_key == user_key, TeamMemberRow.teams_id == user_key),
                    TeamMemberRow.removed_at.is_(None),
                    InstalledTeamRow.uninstalled_at.is_(None),
                )
                .order_by(TeamMemberRow.seen_at.desc(), TeamMemberRow.id.desc())
                .limit(1)
            )
        return None if row is None else _member(row)

    async def is_member(self, team_id: str, user_key: str) -> bool:
        """True when the person (Entra or Teams id) is an active member of the team."""
        async with self._sessions() as session:
            found = await session.scalar(
                select(TeamMemberRow.id)
                .where(
                    TeamMemberRow.team_id == team_id,
                    or_(TeamMemberRow.user_key == user_key, TeamMemberRow.teams_id == user_key),
                    TeamMemberRow.removed_at.is_(None),
                )
                .limit(1)
            )
        return found is not None

    async def members_of(self, team_id: str) -> Sequence[TeamMember]:
        """Active members of one team, by name."""
        async with self._sessions() as session:
            rows = await session.scalars(
                select(TeamMemberRow)
                .where(TeamMemberRow.team_id == team_id, TeamMemberRow.removed_at.is_(None))
                .order_by(TeamMemberRow.name, TeamMemberRow.id)
            )
            return [_member(row) for row in rows]

    async def record_reach(self, reach: Reach) -> None:
        """Store the last delivery outcome for a person; none for the stand-in key of an
        erased person (nobody to reach: it is no one the admins could help)."""
        if is_pseudonym(reach.user_key):
            return
        async with self._sessions.begin() as session:
            statement = dialect_insert(session, MemberReachRow).values(asdict(reach))
            await session.execute(
                statement.on_conflict_do_update(
                    index_elements=["user_key"],
                    set_={
                        name: statement.excluded[name]
                        for name in ("name", "reachable", "reason", "checked_at")
                    },
                )
            )

    async def reach_overview(self, limit: int = 50) -> Sequence[Reach]:
        """The unreachable people first, then the reachable, newest first."""
        async with self._sessions() as session:
            rows = await session.scalars(
                select(MemberReachRow)
                .order_by(MemberReachRow.reachable, MemberReachRow.checked_at.desc())
                .limit(limit)
            )
            return [Reach(r.user_key, r.name, r.reachable, r.reason, r.checked_at) for r in rows]

    async def figures(self) -> MemberFigures:
        """Installed teams, distinct people active in them, people last found unreachable."""
        active = and_(
            TeamMemberRow.removed_at.is_(None), InstalledTeamRow.uninstalled_at.is_(None)
        )
        async with self._sessions() as session:
            teams = await session.scalar(
                select(func.count())
                .select_from(InstalledTeamRow)
                .where(InstalledTeamRow.uninstalled_at.is_(None))
            )
            members = await session.scalar(
                select(func.count(distinct(TeamMemberRow.user_key)))
                .join(InstalledTeamRow, InstalledTeamRow.team_id == TeamMemberRow.team_id)
                .where(active)
            )
            unreachable = await session.scalar(
                select(func.count())
                .select_from(MemberReachRow)
                .where(MemberReachRow.reachable.is_(False))
            )
        return MemberFigures(int(teams or 0), int(members or 0), int(unreachable or 0))

    async def departed(self, user_keys: Collection[str]) -> set[str]:
        """Those of ``user_keys`` removed from every team the bot saw them in."""
        seen: set[str] = set()
        present: set[str] = set()
        keys = sorted(set(user_keys))
        async with self._sessions() as session:
            # In batches: bound parameters per IN list stay far below SQLite's and asyncpg's
            # limits however many people are asked about.
            for start in range(0, len(keys), 500):
                rows = await session.execute(
                    select(TeamMemberRow.user_key, TeamMemberRow.removed_at).where(
                        TeamMemberRow.user_key.in_(keys[start : start + 500])
                    )
                )
                for key, removed_at in rows:
                    seen.add(key)
                    if removed_at is None:
                        present.add(key)
        return seen - present

    async def purge(self, removed_before: datetime) -> int:
        """Delete members removed (or of teams uninstalled) before the cutoff."""
        async with self._sessions.begin() as session:
            return (await purge_members(session, removed_before))["members"]


async def purge_members(session: AsyncSession, before: datetime) -> dict[str, int]:
    """Delete members removed (or of teams uninstalled) before ``before``, those teams, and
    delivery outcomes last checked before it; rows per kind (members, teams, reach).

    Shared with the privacy retention run, which does it in its own transaction."""
    gone_teams = select(InstalledTeamRow.team_id).where(InstalledTeamRow.uninstalled_at < before)
    members = await session.execute(
        delete(TeamMemberRow).where(
            or_(TeamMemberRow.removed_at < before, TeamMemberRow.team_id.in_(gone_teams))
        )
    )
    teams = await session.execute(
        delete(InstalledTeamRow).where(InstalledTeamRow.uninstalled_at < before)
    )
    reach = await session.execute(delete(MemberReachRow).where(MemberReachRow.checked_at < before))
    return {"members": _count(members), "teams": _count(teams), "reach": _count(reach)}


def _count(result: object) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


def _team(row: InstalledTeamRow) -> InstalledTeam:
    return InstalledTeam(
        team_id=row.team_id,
        tenant_id=row.tenant_id,
        service_url=row.service_url,
        bot_id=row.bot_id,
        name=row.name,
        installed_at=row.installed_at,
        uninstalled_at=row.uninstalled_at,
        sync_cursor=row.sync_cursor,
        sync_started_at=row.sync_started_at,
        synced_at=row.synced_at,
    )


def _member(row: TeamMemberRow) -> TeamMember:
    return TeamMember(
        team_id=row.team_id,
        teams_id=row.teams_id,
        user_key=row.user_key,
        name=row.name,
        upn=row.upn,
        tenant_id=row.tenant_id,
        service_url=row.service_url,
        bot_id=row.bot_id,
        seen_at=row.seen_at,
        removed_at=row.removed_at,
    )
