"""Buddy volunteers: opting in, capacity, pausing and stopping (whom admins may pick: core)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from bot.domain.onboarding.core import OnboardingCore
from bot.domain.onboarding.model import OnboardingError, VolunteerProfile


class Volunteering(OnboardingCore):
    """The volunteer side of OnboardingService (a mixin: the service provides the ports)."""

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
