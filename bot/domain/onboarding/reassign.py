"""An admin picks (or changes) a newcomer's buddy; a former buddy who was introduced hears it.

Every job of a pick is planned before the pick is saved, keyed by the version it saves: a card
action re-delivered after the first delivery saved and then crashed finds the buddy set and
returns, its jobs planned all the same; re-delivered before the save, it plans the same keys
again (nothing twice). A job that runs before the save waits for it (``_saved``); a pick that
lost its save to another change cancels its jobs (one that ran already found the other state
and did nothing).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from bot.domain.onboarding.candidates import left
from bot.domain.onboarding.core import OPTED_OUT_JOB, REPLACED_JOB, WELCOME_JOB, OnboardingCore
from bot.domain.onboarding.model import Onboarding, OnboardingError, OnboardingState

# Why a pick of a volunteer is refused (onboarding.error.*); any other rule: not_pickable.
_REFUSED = {"paused": "buddy_paused", "at_capacity": "buddy_full"}
# A note to a (former) buddy: OnboardingViews.replaced_card and its kin.
_BuddyCard = Callable[[Onboarding, bool, str], dict[str, Any]]


@dataclass(frozen=True, slots=True)
class Assignment:
    """An admin's pick as saved; ``changed`` False: that buddy was set already (the same pick
    again, or a re-delivered click), so this pick told nobody anything."""

    onboarding: Onboarding
    changed: bool


class Reassigning(OnboardingCore):
    """The admins' side of pairing (a mixin of OnboardingService)."""

    async def admin_assign(self, onboarding_id: int, admin_key: str, buddy_key: str) -> Assignment:
        """An admin picks (or overrides) the buddy among the volunteers the cards offer
        (``pickable_volunteers``: not paused, not at capacity); the buddy gets the
        introduction, a newcomer already welcomed a note with the new name, a former buddy a
        note."""
        if admin_key not in self.policy.admins:
            raise OnboardingError("not_admin")
        onboarding = await self.get(onboarding_id)
        if onboarding.state is OnboardingState.OPTED_OUT:
            raise OnboardingError("opted_out")
        if onboarding.state is OnboardingState.LEFT or await self.end_departed([onboarding]):
            raise OnboardingError("left")
        if onboarding.buddy_key == buddy_key:
            # Saved already (a re-delivery: its jobs were planned before), or the same pick.
            return Assignment(onboarding, changed=False)
        newcomer = onboarding.newcomer_key
        if buddy_key == newcomer:
            raise OnboardingError("self")
        # The key comes from the client: only someone the cards offer may be paired (not an
        # invented key, not a colleague who never volunteered, stopped or left; not one who
        # paused or is full since the card was sent).
        available = await self.availability(newcomer, onboarding.id)
        why = next((why for v, why in available if v.user_key == buddy_key), "not_volunteer")
        if why is not None:
            raise OnboardingError(_REFUSED.get(why, "not_pickable"))
        paired = await self._paired(onboarding, buddy_key, ("admin",))
        planned = [await self._plan_pairing(paired, buddy_key, saved=False)]
        if onboarding.welcomed_at is not None:  # welcomed with no buddy or another: tell
            planned.append(
                await self._send_later(WELCOME_JOB, paired, newcomer, version=paired.version)
            )
        previous = onboarding.buddy_key
        replaced = f"{REPLACED_JOB}:{paired.id}:{previous}:{paired.version}"
        # A former buddy whose introduction never went out has nothing to be told.
        if previous is not None and onboarding.introduced_at is not None:
            # Keyed by the saved version: a later change away from the same buddy is told again.
            payload = {"onboarding_id": paired.id, "to": previous, "version": paired.version}
            await self.jobs.schedule(REPLACED_JOB, payload, self.clock.now(), dedup_key=replaced)
        try:
            # Saved like the matcher's pairing: the buddy's capacity is checked in the same
            # transaction, so a pairing meanwhile cannot make this one overfill them.
            busy_since = self.clock.now() - self.policy.match.buddy_period
            saved = await self.repo.pair(paired, busy_since)
        except Exception:
            # The store failed (the save may or may not have happened): jobs of a pick that did
            # not happen would wait for it for hours and then hold their keys, so that the same
            # pick made again could plan nothing.
            await self._unplan(onboarding_id, buddy_key, previous, planned, replaced)
            raise
        if not saved:
            await self._unplan(onboarding_id, buddy_key, previous, planned, replaced)
            current = await self.repo.get(onboarding_id)
            unchanged = current is not None and current.version == onboarding.version
            raise OnboardingError("buddy_full" if unchanged else "changed")
        return Assignment(paired, changed=True)

    async def _unplan(
        self, onboarding_id: int, buddy_key: str, previous: str | None, planned: list[str],
        replaced: str,
    ) -> None:  # fmt: skip
        # The pick lost its save. To the same pick delivered twice: the jobs are the winner's
        # too. To another change: the pick did not happen, so its jobs go before they tell of
        # it (made again, it plans under the next version) – but a winner that also took the
        # newcomer from ``previous`` planned the same note to them, which stays.
        current = await self.repo.get(onboarding_id)
        if current is not None and current.buddy_key == buddy_key:
            return
        for key in planned:
            await self.jobs.cancel(key)
        if current is None or current.buddy_key == previous:
            await self.jobs.cancel(replaced)

    async def tell_replaced(
        self, onboarding_id: int, former_buddy: str, version: int | None = None
    ) -> None:
        """Job: the former buddy learns they no longer look after the newcomer (``version``:
        of the pick that replaced them; None for jobs planned after the save)."""
        onboarding = await self._saved(onboarding_id, version)
        if onboarding.buddy_key == former_buddy:
            return  # paired again meanwhile, or the pick lost its save: nothing changed for them
        # Re-pairing mostly follows a buddy's leaving: a DM to their gone account would fail
        # and be retried for nothing.
        if await left(former_buddy, self.departures, self.directory):
            return
        await self._tell(former_buddy, onboarding, self.views.replaced_card)

    async def opt_out(self, onboarding_id: int, newcomer_key: str) -> Onboarding:
        """The newcomer does not want a buddy; pending check-ins stop, and a buddy who was
        introduced already hears it."""
        onboarding = await self.get(onboarding_id)
        if onboarding.newcomer_key != newcomer_key:
            raise OnboardingError("not_yours")
        if onboarding.state is OnboardingState.OPTED_OUT:
            return onboarding  # clicked twice: told once
        state = OnboardingState.OPTED_OUT
        opted = replace(onboarding, state=state, version=onboarding.version + 1)
        if not await self.repo.save(opted):
            raise OnboardingError("changed")
        # A buddy whose introduction has not gone out yet never hears of the newcomer.
        if onboarding.buddy_key and onboarding.introduced_at is not None:
            await self._send_later(OPTED_OUT_JOB, opted, onboarding.buddy_key)
        return opted

    async def tell_opted_out(self, onboarding_id: int, buddy_key: str) -> None:
        """Job: the buddy learns that the newcomer starts without a buddy, in their language."""
        await self._tell_buddy_of_end(
            onboarding_id, buddy_key, OnboardingState.OPTED_OUT, self.views.opted_out_card
        )

    async def newcomer_left(self, user_key: str) -> bool:
        """Someone left a team (membersRemoved): if they left every team with the bot, their
        open onboarding ends now (not only when someone next looks at it) and their buddy
        hears it. True when it ended."""
        onboarding = await self.repo.of_newcomer(user_key)
        return onboarding is not None and bool(await self.end_departed([onboarding]))

    async def tell_newcomer_left(self, onboarding_id: int, buddy_key: str) -> None:
        """Job: the buddy learns that the newcomer left and the onboarding has ended (no more
        check-ins), in their language."""
        await self._tell_buddy_of_end(
            onboarding_id, buddy_key, OnboardingState.LEFT, self.views.newcomer_left_card
        )

    async def _tell_buddy_of_end(
        self, onboarding_id: int, buddy_key: str, ended: OnboardingState, card: _BuddyCard
    ) -> None:
        """The buddy hears that the onboarding ended as ``ended``, unless it was removed, is
        paired with someone else meanwhile, or the buddy left too."""
        onboarding = await self.repo.get(onboarding_id)
        if onboarding is None or onboarding.state is not ended:
            return  # removed meanwhile (retention, erasure)
        if onboarding.buddy_key != buddy_key or await left(buddy_key, self.departures,
                                                           self.directory):  # fmt: skip
            return
        await self._tell(buddy_key, onboarding, card)

    async def _tell(self, buddy_key: str, onboarding: Onboarding, card: _BuddyCard) -> None:
        """Sends a (former) buddy ``card`` in their language, saying whether they stay listed."""
        profile = await self.repo.get_volunteer(buddy_key)
        volunteering = profile is not None and not profile.stopped
        lang = await self.languages.language_of(buddy_key)
        await self.deliver(buddy_key, card(onboarding, volunteering, lang), onboarding.tenant_id)
