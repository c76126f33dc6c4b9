"""In-memory StammtischRepository with the same semantics as the SQL one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from bot.domain.stammtisch.model import Poll, Rule, Vote


class InMemoryStammtischRepository:
    """Dict-backed; no method awaits, so each one is atomic on the event loop like a txn."""

    def __init__(self) -> None:
        self._rules: dict[str, Rule] = {}
        self._polls: dict[int, Poll] = {}
        self._votes: dict[tuple[int, str], Vote] = {}

    async def save_rule(self, rule: Rule) -> None:
        """Insert or replace the rule of ``rule.team_key``."""
        self._rules[rule.team_key] = rule

    async def get_rule(self, team_key: str) -> Rule | None:
        """The rule of a team, or None."""
        return self._rules.get(team_key)

    async def list_rules(self) -> Sequence[Rule]:
        """Every active rule, by team key."""
        return [rule for _, rule in sorted(self._rules.items()) if rule.active]

    async def add_poll(self, poll: Poll) -> tuple[Poll, bool]:
        """Store a new poll unless one with ``poll.key`` exists; returns (stored, created)."""
        for existing in self._polls.values():
            if existing.key == poll.key:
                return existing, False
        stored = replace(poll, id=len(self._polls) + 1, version=1)
        self._polls[stored.id] = stored
        return stored, True

    async def get_poll(self, poll_id: int) -> Poll | None:
        """One poll, or None."""
        return self._polls.get(poll_id)

    async def latest_poll(self, team_key: str) -> Poll | None:
        """The newest poll of a team, or None."""
        polls = [poll for poll in self._polls.values() if poll.team_key == team_key]
        return max(polls, key=lambda poll: poll.id, default=None)

    async def save_poll(self, poll: Poll) -> bool:
        """Store ``poll`` (not card, event_id) if the stored version is ``poll.version - 1``."""
        current = self._polls.get(poll.id)
        if current is None or current.version != poll.version - 1:
            return False
        # Like the SQL adapter: those two belong to record_card / record_event, and a copy
        # loaded before either has the same version, so it must not wipe them.
        self._polls[poll.id] = replace(poll, card=current.card, event_id=current.event_id)
        return True

    async def record_card(self, poll_id: int, handle: dict[str, Any]) -> None:
        """Remember where the poll card was posted (not a state change: version stays)."""
        self._record(poll_id, card=handle)

    async def record_event(self, poll_id: int, event_id: str) -> None:
        """Remember the id of the sent calendar invitation (not a state change)."""
        self._record(poll_id, event_id=event_id)

    async def cast(self, vote: Vote) -> Vote | None:
        """Merge the ballot into the member's vote while the poll is open; else None."""
        poll = self._polls.get(vote.poll_id)
        if poll is None or not poll.is_open:
            return None
        key = (vote.poll_id, vote.member_key)
        stored = self._votes[key] = vote.over(self._votes.get(key))
        return stored

    async def votes(self, poll_id: int) -> Sequence[Vote]:
        """Every member's current vote, ordered by name."""
        votes = [vote for (pid, _), vote in self._votes.items() if pid == poll_id]
        return sorted(votes, key=lambda vote: (vote.member_name, vote.member_key))

    async def vote_of(self, poll_id: int, member_key: str) -> Vote | None:
        """One member's current vote, or None."""
        return self._votes.get((poll_id, member_key))

    def _record(self, poll_id: int, **values: Any) -> None:
        current = self._polls.get(poll_id)
        if current is not None:
            self._polls[poll_id] = replace(current, **values)
