"""A colleague joins: one onboarding per person (a second join, a re-delivered event, another
team: none more). One removed from the team and added again soon (mostly an admin's slip)
continues the onboarding their leaving ended (LEFT, the buddy was told): with the same buddy
while that buddy is still available, else the normal pairing. One who comes back later starts
afresh; the ended one stays as history."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

from bot.domain.onboarding.core import (
    INTRO_JOB,
    PAIR_JOB,
    WELCOME_JOB,
    OnboardingCore,
    is_missed_key,
    missed_check_in_key,
)
from bot.domain.onboarding.model import Onboarding, OnboardingState


class Rejoining(OnboardingCore):
    """Joining, and resuming an onboarding ended by leaving (a mixin of OnboardingService)."""

    async def member_joined(
        self, key: str, name: str, tenant_id: str | None, source: str
    ) -> Onboarding | None:
        """A colleague joined: start their onboarding once (None when they have one). One
        whose leaving ended it (LEFT) recently continues it (``resume``); one who comes back
        later starts afresh, the ended one stays as history, so the matcher does not pair them
        with the same buddy within the repeat window."""
        resumed = await self.resume(key)
        if resumed is not None:
            return resumed
        now = self.clock.now()
        draft = Onboarding(0, key, name[:200], tenant_id, source, now)
        onboarding, created = await self.repo.start(draft)
        if not created:
            return None  # re-delivered activity, or joined another team: one welcome only
        # Pairing asks Graph; as a job it is retried when Graph fails instead of leaving a
        # started onboarding without welcome (a second join would not start it again).
        await self._send_later(PAIR_JOB, onboarding, key)
        return onboarding

    async def resume(self, newcomer_key: str) -> Onboarding | None:
        """The newcomer's newest onboarding opened again, if it ended because they left less
        than ``policy.resume_within`` ago; None otherwise (or when another join resumed it
        meanwhile: one resumption however many joins arrive at once)."""
        ended = await self.repo.of_newcomer(newcomer_key)
        now = self.clock.now()
        if (
            ended is None
            or ended.state is not OnboardingState.LEFT
            or ended.left_at is None  # ended before left_at was recorded: when is unknown
            or ended.left_at < now - self.policy.resume_within
        ):
            return None
        buddy = ended.buddy_key
        if buddy is not None and await self._available(ended, buddy):
            # The pairing stands as it was (its check-ins stay planned; those that came due
            # meanwhile are asked now); the buddy, who was told that it ended, is introduced
            # again unless that note never went to them.
            busy_since = now - self.policy.match.buddy_period
            told = ended.introduced_at is None or ended.paired_since > busy_since
            resumed = replace(ended, state=OnboardingState.PAIRED, left_at=None,
                              introduced_at=None if told else ended.introduced_at,
                              check_ins=_answers(ended), version=ended.version + 1)  # fmt: skip
            if await self.repo.pair(resumed, busy_since):
                if told:
                    await self._send_later(INTRO_JOB, resumed, buddy, version=resumed.version)
                if resumed.welcomed_at is None:  # left before the welcome reached them
                    await self._resumed_job(WELCOME_JOB, resumed)
                await self._missed_check_ins(ended, resumed, buddy)
                return resumed
            current = await self.get(ended.id)
            if current.version != ended.version:
                return None  # resumed (or changed) meanwhile by another join
            # The buddy filled up meanwhile: the normal pairing below.
        waiting = replace(ended, state=OnboardingState.UNPAIRED, buddy_key=None, buddy_name="",
                          reasons=(), paired_at=None, introduced_at=None, left_at=None,
                          check_ins=_answers(ended), version=ended.version + 1)  # fmt: skip
        if not await self.repo.save(waiting):
            return None
        # Paired like a new onboarding (a job: it asks Graph); a newcomer welcomed before gets
        # only the note naming the new buddy.
        await self._resumed_job(PAIR_JOB, waiting)
        return waiting

    async def _missed_check_ins(self, ended: Onboarding, resumed: Onboarding, buddy: str) -> None:
        """The check-ins that came due while the newcomer was gone (each found the onboarding
        ended, or ended it itself, and asked nothing), once now; none once the buddy period is
        over."""
        now, since = self.clock.now(), resumed.paired_since
        if now >= since + self.policy.match.buddy_period or ended.left_at is None:
            return
        again = f":resumed:{resumed.version}"  # one resumption per version (the pair save)
        for days in self.policy.check_in_days:
            due = since + timedelta(days=days)
            # One whose job was the first to find them gone ended it then, after its due time.
            missed = ended.left_at <= due or missed_check_in_key(days) in ended.check_ins
            if missed and due <= now:
                await self._plan_check_in(resumed.id, buddy, days, now, again)

    async def _available(self, onboarding: Onboarding, buddy_key: str) -> bool:
        """Whether the former buddy could be picked now (a volunteer, not stopped, paused,
        full or gone); one who is no volunteer (any more) is not."""
        available = await self.availability(onboarding.newcomer_key, onboarding.id)
        return any(v.user_key == buddy_key and why is None for v, why in available)

    async def _resumed_job(self, kind: str, onboarding: Onboarding) -> None:
        # The keys of the first run of these jobs are used up: keyed by the resumed version.
        payload: dict[str, Any] = {
            "onboarding_id": onboarding.id,
            "to": onboarding.newcomer_key,
            "resumed": onboarding.version,
        }
        key = f"{kind}:{onboarding.id}:{onboarding.newcomer_key}:resumed:{onboarding.version}"
        await self.jobs.schedule(kind, payload, self.clock.now(), dedup_key=key)


def _answers(ended: Onboarding) -> dict[str, str]:
    """The check-in answers without the records of missed ones: those are asked (or not) by
    this resumption, and one that ends again records its own."""
    return {key: answer for key, answer in ended.check_ins.items() if not is_missed_key(key)}
