"""In-memory OnboardingRepository with the same semantics as the SQL one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from bot.domain.onboarding.model import Onboarding, OnboardingState, VolunteerProfile


class InMemoryOnboardingRepository:
    """Dict-backed; no method awaits, so each one is atomic on the event loop like a txn."""

    def __init__(self) -> None:
        self._onboardings: dict[int, Onboarding] = {}
        self._volunteers: dict[str, VolunteerProfile] = {}
        self._members: dict[str, set[str]] = {}

    async def start(self, onboarding: Onboarding) -> tuple[Onboarding, bool]:
        """Store a new onboarding unless the newcomer has an open one; (stored, created)."""
        existing = self._of_newcomer(onboarding.newcomer_key)
        if existing is not None and existing.state is not OnboardingState.LEFT:
            return existing, False  # one who left and joins again starts afresh
        stored = replace(onboarding, id=len(self._onboardings) + 1, version=1)
        self._onboardings[stored.id] = stored
        return stored, True

    async def get(self, onboarding_id: int) -> Onboarding | None:
        """One onboarding, or None."""
        return self._onboardings.get(onboarding_id)

    async def of_newcomer(self, newcomer_key: str) -> Onboarding | None:
        """The newcomer's newest onboarding, or None."""
        return self._of_newcomer(newcomer_key)

    async def save(self, onboarding: Onboarding) -> bool:
        """Store if the stored version is ``onboarding.version - 1``; else False."""
        current = self._onboardings.get(onboarding.id)
        if current is None or current.version != onboarding.version - 1:
            return False
        self._onboardings[onboarding.id] = onboarding
        return True

    async def pair(self, onboarding: Onboarding, busy_since: datetime) -> bool:
        """Store a pairing like ``save`` while its buddy has room (capacity); atomic."""
        volunteer = self._volunteers.get(onboarding.buddy_key or "")
        if volunteer is not None:
            busy = sum(
                1
                for other in self._onboardings.values()
                if other.id != onboarding.id
                and other.buddy_key == onboarding.buddy_key
                and other.state is OnboardingState.PAIRED
                and (other.paired_at or other.created_at) > busy_since
            )
            if busy >= volunteer.capacity:
                return False
        return await self.save(onboarding)

    async def with_buddy(self) -> Sequence[Onboarding]:
        """Every onboarding that has (or had) a buddy, oldest first."""
        paired = [item for item in self._onboardings.values() if item.buddy_key is not None]
        return sorted(paired, key=lambda item: (item.created_at, item.id))

    async def waiting(
        self, started_before: datetime, after_id: int = 0, limit: int = 100
    ) -> Sequence[Onboarding]:
        """Onboardings still waiting for a buddy, started before ``started_before``, by id."""
        found = sorted(
            (
                item
                for item in self._onboardings.values()
                if item.state is OnboardingState.UNPAIRED
                and item.buddy_key is None
                and item.created_at < started_before
                and item.id > after_id
            ),
            key=lambda item: item.id,
        )
        return found[:limit]

    async def recent(self, limit: int = 50) -> Sequence[Onboarding]:
        """The newest onboardings first (admin overview)."""
        newest = sorted(
            self._onboardings.values(), key=lambda item: (item.created_at, item.id), reverse=True
        )
        return newest[:limit]

    async def volunteers(self) -> Sequence[VolunteerProfile]:
        """Every volunteer, stopped ones included, by name."""
        return sorted(
            self._volunteers.values(),
            key=lambda volunteer: (volunteer.name.casefold(), volunteer.user_key),
        )

    async def get_volunteer(self, user_key: str) -> VolunteerProfile | None:
        """One volunteer, or None."""
        return self._volunteers.get(user_key)

    async def save_volunteer(self, volunteer: VolunteerProfile) -> None:
        """Insert or replace the volunteer's profile."""
        self._volunteers[volunteer.user_key] = volunteer

    async def known_members(self, group_id: str) -> set[str] | None:
        """Members of the group seen so far; None before the first poll."""
        members = self._members.get(group_id)
        return set(members) if members is not None else None

    async def remember_members(self, group_id: str, keys: Sequence[str], now: datetime) -> None:
        """Add ``keys`` to the seen members of the group."""
        # The empty key is the SQL adapter's "polled" marker, which it never returns as a member.
        self._members.setdefault(group_id, set()).update(key for key in keys if key)

    async def forget_members(self, group_id: str, keys: Sequence[str]) -> None:
        """Drop ``keys`` from the seen members of the group (it still reads as polled)."""
        if group_id in self._members:
            self._members[group_id].difference_update(keys)

    def _of_newcomer(self, newcomer_key: str) -> Onboarding | None:
        """The newest onboarding of the newcomer."""
        theirs = [o for o in self._onboardings.values() if o.newcomer_key == newcomer_key]
        return max(theirs, key=lambda o: (o.created_at, o.id), default=None)
