"""Onboarding from an Entra group (ONBOARDING_GROUP_ID, polled): who appears in the group is
welcomed, who leaves it ends the onboarding the group started, and who comes back is a join
again (a recent end is resumed, rejoin.py) – as with a team."""

from __future__ import annotations

from bot.domain.onboarding.model import Onboarding, OnboardingState
from bot.domain.onboarding.rejoin import Rejoining

GROUP_SOURCE = "group"


class GroupPolling(Rejoining):
    """The group side of OnboardingService (a mixin: the service provides the ports)."""

    async def poll_group(self, group_id: str) -> int:
        """Job: welcome the group's new members and end the onboarding of those who left it;
        the first poll only learns who is there. Returns how many joined."""
        members = await self.directory.list_group_members(group_id)
        known = await self.repo.known_members(group_id)
        keys = [person.id for person in members]
        if known is None:
            await self.repo.remember_members(group_id, keys, self.clock.now())
            return 0
        for person in members:
            if person.id not in known:
                await self.member_joined(person.id, person.display_name, None, GROUP_SOURCE)
        # An empty answer is not taken for everybody leaving (a group emptied by mistake, or
        # a permission lost): nobody is ended, and the next non-empty poll compares again.
        gone = sorted(known - set(keys)) if keys else []
        for key in gone:
            await self.left_group(key)
        # Forgotten, so that coming back is a join again (remembered once: no second welcome
        # on the next poll).
        await self.repo.forget_members(group_id, gone)
        await self.repo.remember_members(group_id, keys, self.clock.now())
        return len(set(keys) - known)

    async def left_group(self, newcomer_key: str) -> Onboarding | None:
        """Someone left the group: an open onboarding the group started ends like one whose
        newcomer left the team (one started by a team follows the team). The ended one."""
        onboarding = await self.repo.of_newcomer(newcomer_key)
        if onboarding is None or onboarding.source != GROUP_SOURCE:
            return None
        if onboarding.state not in (OnboardingState.PAIRED, OnboardingState.UNPAIRED):
            return None  # ended already (opted out: nothing to end)
        return await self.end_left(onboarding)
