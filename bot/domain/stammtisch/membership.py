"""Poll membership from the stored team roster, with the live roster for what it lacks."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from bot.domain.members.ports import MemberRepository
from bot.domain.ports import Clock
from bot.domain.stammtisch.ports import TeamRoster

LIVE_ROSTER_TTL = timedelta(seconds=30)


@dataclass
class RosterMembership:
    """Implements PollMembers: the member store answers for installed teams; group chats and
    members who joined since the last sync are checked against the live roster, read at most
    once per ``ttl`` per team (50 people voting within seconds cost one roster read)."""

    repo: MemberRepository
    roster: TeamRoster
    clock: Clock
    ttl: timedelta = LIVE_ROSTER_TTL
    _live: dict[str, tuple[datetime, frozenset[str]]] = field(default_factory=dict, repr=False)

    async def is_member(self, team_key: str, place: dict[str, Any], user_key: str) -> bool:
        """True when ``user_key`` belongs to the team (or chat) of a poll."""
        if not user_key:
            return False
        if await self.repo.is_member(team_key, user_key):
            return True
        now = self.clock.now()
        cached = self._live.get(team_key)
        if cached is None or now - cached[0] > self.ttl:
            members = await self.roster.members(place)
            keys = frozenset(m.key for m in members) | frozenset(m.teams_id for m in members)
            cached = (now, keys)
            self._live[team_key] = cached
        return user_key in cached[1]
