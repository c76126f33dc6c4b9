"""Buddy volunteers: opting in, capacity, pausing and stopping, and whom admins may pick."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from bot.domain.members.ports import Departures
from bot.domain.onboarding.model import OnboardingError, VolunteerProfile
from bot.domain.onboarding.ports import OnboardingRepository
from bot.domain.ports import Clock


class Volunteering:
    """The volunteer side of OnboardingService (a mixin: the service provides the ports)."""

    repo: OnboardingRepository
    departures: Departures
    clock: Clock

    async def volunteer(
        self,
        user_key: str,
        name: str,
        *,
        capacity: int | None = None,
        paused_until: datetime | None = None,
        stopped: bool = False,
    ) -> VolunteerProfile:
        """Opt in (or again), set capacity, pause until a date, or stop."""
        current = await self.repo.get_volunteer(user_key) or VolunteerProfile(user_key, name)
        if capacity is not None and not 1 <= capacity <= 5:
            raise OnboardingError("capacity")
        if paused_until is not None and paused_until <= self.clock.now():
            raise OnboardingError("pause_past")
        updated = replace(
            current,
            name=name[:200] or current.name,
            capacity=capacity if capacity is not None else current.capacity,
            paused_until=paused_until,
            stopped=stopped,
            updated_at=self.clock.now(),
        )
        await self.repo.save_volunteer(updated)
        return updated

    async def pickable_volunteers(self, newcomer_key: str | None = None) -> list[VolunteerProfile]:
        """The volunteers an admin may pick, by name: not stopped, still in the team, and not
        the newcomer themself."""
        candidates = [
            v for v in await self.repo.volunteers() if not v.stopped and v.user_key != newcomer_key
        ]
        # A volunteer who left keeps their profile (they may come back), but offering them
        # would pair a newcomer with someone nobody can reach.
        departed = await self.departures.departed([v.user_key for v in candidates])
        return [v for v in candidates if v.user_key not in departed]
