"""What every part of OnboardingService shares: the job kinds, the policy, the ports, and
planning, reading and delivering (the service and its mixins build on this base)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from bot.domain.onboarding.candidates import active_buddies
from bot.domain.onboarding.matching import (
    Exclusion,
    MatchPolicy,
    Newcomer,
    Volunteer,
    exclusion,
)
from bot.domain.onboarding.model import (
    Onboarding,
    OnboardingError,
    OnboardingState,
    VolunteerProfile,
)
from bot.domain.onboarding.ports import Departures, OnboardingRepository
from bot.domain.onboarding.views import OnboardingViews
from bot.domain.ports import Clock, Directory, JobQueue, Notifier, RecipientLanguages

PAIR_JOB = "onboarding.pair"
WELCOME_JOB = "onboarding.welcome"
INTRO_JOB = "onboarding.intro"
CHECK_IN_JOB = "onboarding.check_in"
ADMIN_JOB = "onboarding.ask_admins"
REPLACED_JOB = "onboarding.replaced"
OPTED_OUT_JOB = "onboarding.opted_out"
PAIR_WAITING_JOB = "onboarding.pair_waiting"  # someone volunteered: pair who waits
NEWCOMER_LEFT_JOB = "onboarding.newcomer_left"  # tells the buddy that the onboarding ended
POLL_GROUP_JOB = "onboarding.poll_group"
_OPEN = (OnboardingState.PAIRED, OnboardingState.UNPAIRED)
_MISSED = "missed"  # the side of a check-in's key that records it as missed (no answer)


def missed_check_in_key(days: int) -> str:
    """The key in ``Onboarding.check_ins`` of the ``days`` check-in whose job was the first to
    find the newcomer gone (no membersRemoved handled yet) and ended the onboarding: ``left_at``
    is then later than its due time, yet it was not asked because they were away, so a rejoin
    that resumes the onboarding asks it (rejoin.py)."""
    return f"{days}:{_MISSED}"


def is_missed_key(key: str) -> bool:
    """Whether ``key`` of ``Onboarding.check_ins`` records a missed check-in (no answer)."""
    return key.endswith(f":{_MISSED}")


class UndeliverableError(Exception):
    """The person cannot be reached yet; the job runner retries with backoff."""


class NotSavedYetError(Exception):
    """A job planned before its change was saved ran first; the job runner retries."""


@dataclass(frozen=True, slots=True)
class OnboardingPolicy:
    """Deployment settings of onboarding."""

    admins: frozenset[str] = frozenset()
    check_in_days: tuple[int, ...] = (7, 28)
    match: MatchPolicy = field(default_factory=MatchPolicy)
    # Removed and added again within this (mostly an admin's slip): the onboarding continues.
    resume_within: timedelta = timedelta(days=7)


class OnboardingCore:
    """The ports and shared steps of OnboardingService (which provides the ports)."""

    repo: OnboardingRepository
    departures: Departures
    directory: Directory
    notifier: Notifier
    jobs: JobQueue
    clock: Clock
    views: OnboardingViews
    languages: RecipientLanguages
    policy: OnboardingPolicy

    async def get(self, onboarding_id: int) -> Onboarding:
        """The onboarding, or OnboardingError("unknown")."""
        onboarding = await self.repo.get(onboarding_id)
        if onboarding is None:
            raise OnboardingError("unknown")
        return onboarding

    async def pickable_volunteers(self, newcomer_key: str | None = None) -> list[VolunteerProfile]:
        """The volunteers an admin may pick, by name (the admins' cards offer these, and only
        these are accepted): those the matcher would not rule out for who they are – not
        stopped, not paused, with room for one more newcomer, still in the team, not the
        newcomer themself. The rules about the pairing itself (the manager's assistant, a
        recent pairing) are the admins' to override."""
        return [v for v, why in await self.availability(newcomer_key) if why is None]

    async def availability(
        self, newcomer_key: str | None = None, onboarding_id: int | None = None
    ) -> list[tuple[VolunteerProfile, Exclusion | None]]:
        """Every volunteer, by name, with what rules them out as the newcomer's buddy now
        ("stopped", "paused", "at_capacity", "departed", "self"), or None; the onboarding
        ``onboarding_id`` is not counted (as the save does not count it)."""
        now = self.clock.now()
        profiles = await self.repo.volunteers()
        # A volunteer who left keeps their profile (they may come back), but offering them
        # would pair a newcomer with someone nobody can reach.
        departed = await self.departures.departed([v.user_key for v in profiles])
        # Counted as the matcher and the save count it: a volunteer who offered one newcomer
        # at a time and has one is not offered a second (nor paired by the matcher).
        busy_since = now - self.policy.match.buddy_period
        history = await self.repo.with_buddy()
        recent = [
            o for o in history
            if o.paired_since > busy_since and o.id != onboarding_id
        ]  # fmt: skip
        ended = {o.id for o in await self.end_departed(recent)}  # who left frees their buddy
        busy = active_buddies([o for o in recent if o.id not in ended], busy_since)
        newcomer = Newcomer(newcomer_key or "")
        return [
            (profile, exclusion(newcomer, Volunteer(
                profile.user_key, capacity=profile.capacity,
                active_buddies=busy.get(profile.user_key, 0), paused_until=profile.paused_until,
                stopped=profile.stopped, departed=profile.user_key in departed,
            ), (), now, self.policy.match))
            for profile in profiles
        ]  # fmt: skip

    async def end_departed(self, onboardings: Sequence[Onboarding]) -> list[Onboarding]:
        """Ends the open onboardings (paired or waiting) of ``onboardings`` whose newcomer left
        every team with the bot: no check-ins, and their buddy's capacity is free again; a
        buddy who was introduced and still looks after them hears it. Returns them as ended
        (one changed meanwhile is left to the next look)."""
        open_ = [o for o in onboardings if o.state in _OPEN]
        if not open_:
            return []
        departed = await self.departures.departed({o.newcomer_key for o in open_})
        ended = [await self.end_left(o) for o in open_ if o.newcomer_key in departed]
        return [o for o in ended if o is not None]

    async def end_left(
        self, onboarding: Onboarding, missed_check_in: int | None = None
    ) -> Onboarding | None:
        """Ends ``onboarding`` (open) because its newcomer left: LEFT, with when; a buddy who
        was introduced and still looks after them hears it. None when it changed meanwhile.
        ``missed_check_in``: the days of the check-in whose job found them gone (recorded, see
        ``missed_check_in_key``)."""
        now = self.clock.now()
        check_ins = onboarding.check_ins
        if missed_check_in is not None:
            check_ins = {**check_ins, missed_check_in_key(missed_check_in): "newcomer_left"}
        left = replace(onboarding, state=OnboardingState.LEFT, left_at=now, check_ins=check_ins,
                       version=onboarding.version + 1)  # fmt: skip
        if not await self.repo.save(left):
            return None
        # Past the buddy period (the last check-in) it is no news to the buddy.
        busy_since = now - self.policy.match.buddy_period
        told = onboarding.introduced_at is not None and onboarding.paired_since > busy_since
        if onboarding.state is OnboardingState.PAIRED and left.buddy_key and told:
            # Keyed by the version: an onboarding resumed after a rejoin (rejoin.py) may end again.
            await self._send_later(NEWCOMER_LEFT_JOB, left, left.buddy_key, version=left.version)
        return left

    async def recent_onboardings(self, limit: int) -> list[Onboarding]:
        """The newest onboardings (admins' overview), those whose newcomer left ended first."""
        recent = await self.repo.recent(limit)
        ended = {o.id: o for o in await self.end_departed(recent)}
        return [ended.get(o.id, o) for o in recent]

    async def _saved(self, onboarding_id: int, version: int | None) -> Onboarding:
        # Jobs of an admin's pick are planned before the pick is saved (so that a re-delivered
        # click after a crash still has them): one that runs first waits for the save.
        onboarding = await self.get(onboarding_id)
        if version is not None and onboarding.version < version:
            raise NotSavedYetError(f"onboarding {onboarding_id} v{version}")
        return onboarding

    async def deliver(self, user_key: str, card: dict[str, Any], tenant: str | None) -> None:
        """Send a DM or raise UndeliverableError (the job is retried later)."""
        if await self.notifier.send_direct(user_key, card, tenant) is None:
            raise UndeliverableError(user_key)

    async def _paired(
        self, onboarding: Onboarding, buddy_key: str, reasons: Sequence[str]
    ) -> Onboarding:
        buddy = await self.directory.get_person(buddy_key)
        profile = await self.repo.get_volunteer(buddy_key)
        name = buddy.display_name if buddy else (profile.name if profile else buddy_key)
        return replace(
            onboarding,
            state=OnboardingState.PAIRED,
            buddy_key=buddy_key,
            buddy_name=name[:200],
            reasons=tuple(reasons),
            paired_at=self.clock.now(),
            introduced_at=None,  # the new buddy's introduction is still to come
            version=onboarding.version + 1,
        )

    async def _plan_pairing(self, paired: Onboarding, buddy_key: str, *, saved: bool) -> str:
        """Plans the introduction (its dedup key is returned) and the check-ins."""
        # Not yet saved (an admin's pick): the introduction waits for the save and is keyed by
        # the version it saves, so a pick that lost its save cannot use up the key of a later one.
        version = None if saved else paired.version
        intro = await self._send_later(INTRO_JOB, paired, buddy_key, version=version)
        for days in self.policy.check_in_days:
            due = self.clock.now() + timedelta(days=days)
            await self._plan_check_in(paired.id, buddy_key, days, due)
        return intro

    async def _plan_check_in(
        self, onboarding_id: int, buddy_key: str, days: int, due: datetime, again: str = ""
    ) -> None:
        """Plans the ``days`` check-in to both sides of the pairing with ``buddy_key``; a
        check-in planned ``again`` (a key suffix: the first one's key is used up) replaces the
        first one if that is still pending."""
        for side in ("newcomer", "buddy"):
            payload = {"onboarding_id": onboarding_id, "days": days, "side": side,
                       "buddy": buddy_key}  # fmt: skip
            key = f"{CHECK_IN_JOB}:{onboarding_id}:{buddy_key}:{days}:{side}"
            if again:
                await self.jobs.cancel(key)  # not run yet (a busy runner): not twice
                key += again
            await self.jobs.schedule(CHECK_IN_JOB, payload, due, dedup_key=key)

    async def _send_later(
        self, kind: str, onboarding: Onboarding, to: str, *, version: int | None = None
    ) -> str:
        key = f"{kind}:{onboarding.id}:{onboarding.buddy_key or ''}:{to}"
        payload: dict[str, Any] = {"onboarding_id": onboarding.id, "to": to}
        if version is not None:
            key += f":{version}"
            payload |= {"version": version, "buddy": onboarding.buddy_key}
        await self.jobs.schedule(kind, payload, self.clock.now(), dedup_key=key)
        return key

    async def _links(self, key: str | None) -> str:
        person = await self.directory.get_person(key) if key else None
        return person.mail if person and person.mail else ""
