"""Buddy volunteers: opting in, capacity, pausing and stopping (whom admins may pick: core)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from bot.domain.onboarding.core import PAIR_WAITING_JOB, OnboardingCore
from bot.domain.onboarding.model import OnboardingError, VolunteerProfile


class Volunteering(OnboardingCore):
    """The volunteer side of OnboardingService (a mixin: the service provides the ports)."""

    async def volunteer(
        self, user_key: str, name: str, *, capacity: int | None = None
    ) -> VolunteerProfile:
        """Opt in (or again, which also ends a pause), optionally with the capacity (how many
        newcomers at a time; else as before, 1 at first)."""
        current = await self.repo.get_volunteer(user_key) or VolunteerProfile(user_key, name)
        if capacity is not None and not 1 <= capacity <= 5:
            raise OnboardingError("capacity")
        updated = replace(
            current,
            name=name[:200] or current.name,
            capacity=capacity if capacity is not None else current.capacity,
            paused_until=None,
            stopped=False,
            updated_at=self.clock.now(),
        )
        await self.repo.save_volunteer(updated)
        # Newcomers nobody fitted so far may get this buddy (a job: it asks Graph).
        now = self.clock.now()
        key = f"{PAIR_WAITING_JOB}:{user_key}:{now.isoformat()}"
        await self.jobs.schedule(PAIR_WAITING_JOB, {"since": now.isoformat()}, now, dedup_key=key)
        return updated

    async def pause(self, user_key: str, until: datetime) -> VolunteerProfile:
        """No new newcomers until ``until``: only for a volunteer, and a pause never undoes a
        stop (OnboardingError "not_volunteer" for someone not listed)."""
        current = await self.repo.get_volunteer(user_key)
        if current is None or current.stopped:
            raise OnboardingError("not_volunteer")
        if until <= self.clock.now():
            raise OnboardingError("pause_past")
        updated = replace(current, paused_until=until, updated_at=self.clock.now())
        await self.repo.save_volunteer(updated)
        return updated

    async def stop(self, user_key: str) -> VolunteerProfile | None:
        """No longer a volunteer (None: never was one; nothing is stored for them)."""
        current = await self.repo.get_volunteer(user_key)
        if current is None:
            return None
        updated = replace(current, stopped=True, updated_at=self.clock.now())
        await self.repo.save_volunteer(updated)
        return updated
