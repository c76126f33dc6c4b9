"""Ports of the Stammtisch: storage of rules, polls and votes, and the team's member list."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Protocol

from bot.domain.stammtisch.model import Member, Poll, Rule, Vote


class StammtischRepository(Protocol):
    """Rules, polls and votes. Votes are merging upserts checked against the poll's state."""

    async def save_rule(self, rule: Rule) -> None:
        """Insert or replace the rule of ``rule.team_key``."""
        ...

    async def get_rule(self, team_key: str) -> Rule | None:
        """The rule of a team, or None."""
        ...

    async def list_rules(self) -> Sequence[Rule]:
        """Every active rule."""
        ...

    async def add_poll(self, poll: Poll) -> tuple[Poll, bool]:
        """Store a new poll unless one with ``poll.key`` exists; returns (stored, created)."""
        ...

    async def get_poll(self, poll_id: int) -> Poll | None:
        """One poll, or None."""
        ...

    async def latest_poll(self, team_key: str) -> Poll | None:
        """The newest poll of a team, or None."""
        ...

    async def save_poll(self, poll: Poll) -> bool:
        """Store ``poll`` if the stored version is ``poll.version - 1``; else False."""
        ...

    async def record_card(self, poll_id: int, handle: dict[str, Any]) -> None:
        """Remember where the poll card was posted (not a state change: version stays)."""
        ...

    async def record_event(self, poll_id: int, event_id: str) -> None:
        """Remember the id of the sent calendar invitation (not a state change)."""
        ...

    async def cast(self, vote: Vote) -> Vote | None:
        """Merge the ballot ``vote`` into the member's stored vote (``Vote.over``) while the
        poll is open; returns the stored vote, or None when the poll is not open.

        Atomic with respect to closing (a vote either counts in the close or is refused) and
        to the member's own other ballots (none of their answers is lost to a race).
        """
        ...

    async def votes(self, poll_id: int) -> Sequence[Vote]:
        """Every member's current vote, ordered by name."""
        ...

    async def vote_of(self, poll_id: int, member_key: str) -> Vote | None:
        """One member's current vote, or None."""
        ...


class TeamRoster(Protocol):
    """Who is in the team (or chat) a poll was posted to."""

    async def members(self, place: dict[str, Any]) -> Sequence[Member]:
        """Every member of the conversation of ``place``."""
        ...


class PollMembers(Protocol):
    """Who may take part in a team's poll: the members of its team or chat."""

    async def is_member(self, team_key: str, place: dict[str, Any], user_key: str) -> bool:
        """True when ``user_key`` belongs to the team (or chat) of a poll."""
        ...


class Invitations(Protocol):
    """Calendar invitations for the Stammtisch (through Graph)."""

    async def invite(
        self,
        poll: Poll,
        attendee_keys: Sequence[str],
        start: datetime,
        end: datetime,
        subject: str,
        body_html: str,
    ) -> str:
        """Send the invitation; returns the event id."""
        ...

    async def cancel(self, poll: Poll, event_id: str, comment: str) -> None:
        """Cancel the invitation (attendees are notified)."""
        ...
