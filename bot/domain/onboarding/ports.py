"""Ports of buddy onboarding: onboardings, volunteers and the known members of the group."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from bot.domain.members.ports import Departures
from bot.domain.onboarding.model import Onboarding, VolunteerProfile

__all__ = ["Departures", "OnboardingRepository"]  # who left: the member store's answer


class OnboardingRepository(Protocol):
    """Onboardings (one open per newcomer, version-checked) and buddy volunteers."""

    async def start(self, onboarding: Onboarding) -> tuple[Onboarding, bool]:
        """Store a new onboarding unless the newcomer has an open one (one not ended by their
        leaving, LEFT); returns (stored, created) – the open one and False if there is one."""
        ...

    async def get(self, onboarding_id: int) -> Onboarding | None:
        """One onboarding, or None."""
        ...

    async def of_newcomer(self, newcomer_key: str) -> Onboarding | None:
        """The newcomer's newest onboarding, or None."""
        ...

    async def save(self, onboarding: Onboarding) -> bool:
        """Store if the stored version is ``onboarding.version - 1``; else False."""
        ...

    async def pair(self, onboarding: Onboarding, busy_since: datetime) -> bool:
        """Store a pairing like ``save``, but only while its buddy has fewer than their
        capacity of PAIRED onboardings paired after ``busy_since`` (no volunteer profile: no
        limit); check and write are atomic, so two pairings at once cannot overfill a buddy.
        False when the buddy is full or the version check fails."""
        ...

    async def with_buddy(self) -> Sequence[Onboarding]:
        """Every onboarding that has (or had) a buddy: the pairing history."""
        ...

    async def waiting(
        self, started_before: datetime, after_id: int = 0, limit: int = 100
    ) -> Sequence[Onboarding]:
        """Up to ``limit`` onboardings still waiting for a buddy (UNPAIRED, nobody picked)
        that started before ``started_before``, by id from ``after_id`` on (oldest first)."""
        ...

    async def recent(self, limit: int = 50) -> Sequence[Onboarding]:
        """The newest onboardings first (admin overview)."""
        ...

    async def volunteers(self) -> Sequence[VolunteerProfile]:
        """Every volunteer, stopped ones included, by name."""
        ...

    async def get_volunteer(self, user_key: str) -> VolunteerProfile | None:
        """One volunteer, or None."""
        ...

    async def save_volunteer(self, volunteer: VolunteerProfile) -> None:
        """Insert or replace the volunteer's profile."""
        ...

    async def known_members(self, group_id: str) -> set[str] | None:
        """Members of the group seen so far; None before the first poll."""
        ...

    async def remember_members(self, group_id: str, keys: Sequence[str], now: datetime) -> None:
        """Add ``keys`` to the seen members of the group."""
        ...

    async def forget_members(self, group_id: str, keys: Sequence[str]) -> None:
        """Drop ``keys`` from the seen members of the group (they left it; the group still
        reads as polled)."""
        ...
