"""SQL implementation of the Departures port over the stored team rosters."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapters.db.member_tables import TeamMemberRow

# Bound parameters per IN list: far below SQLite's and asyncpg's limits however many volunteer.
_BATCH = 500


class SqlDepartures:
    """A person left when every roster entry the bot has of them is marked removed; someone
    never seen in a team (the app only installed personally) has not left."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def departed(self, user_keys: Collection[str]) -> set[str]:
        """Those of ``user_keys`` removed from every team the bot saw them in."""
        seen: set[str] = set()
        present: set[str] = set()
        async with self._sessions() as session:
            keys = sorted(set(user_keys))
            for start in range(0, len(keys), _BATCH):
                batch = keys[start : start + _BATCH]
                rows = await session.execute(
                    select(TeamMemberRow.user_key, TeamMemberRow.removed_at).where(
                        TeamMemberRow.user_key.in_(batch)
                    )
                )
                for key, removed_at in rows:
                    seen.add(key)
                    if removed_at is None:
                        present.add(key)
        return seen - present
