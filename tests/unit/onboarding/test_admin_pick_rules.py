"""An admin may pick only a volunteer the cards offer: not an invented key, not a colleague
who never volunteered or said "buddy stopp", not one who left, paused or is full, not the
newcomer; a refused pick changes nothing and plans nothing. The same buddy again is no
change."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.domain.onboarding.model import OnboardingError
from devkit.fakes.memory_jobs import InMemoryJobQueue
from tests.unit.onboarding.test_departed_volunteers import TEAM, team_with
from tests.unit.onboarding.test_onboarding_service import (
    ADMIN,
    AYLIN,
    JANA,
    MELANIE,
    SABINE,
    TOBIAS,
    make_world,
    volunteers,
)


async def test_only_pickable_volunteers_are_accepted() -> None:
    world = make_world()
    members = await team_with(JANA, SABINE, TOBIAS)
    world.service.departures = members
    await volunteers(world, JANA, SABINE, TOBIAS)
    await world.service.stop(SABINE)
    await members.remove_member(TEAM.team_id, f"29:{TOBIAS}", world.clock.now())
    onboarding = await world.service.member_joined(MELANIE, "Melanie Schäfer", "t", "team")
    assert onboarding is not None
    await world.run_due()
    before = await world.service.get(onboarding.id)
    assert before.buddy_key == JANA
    queue = world.service.jobs
    assert isinstance(queue, InMemoryJobQueue)
    planned = len(queue.jobs)
    # Unknown, never volunteered, stopped, left the team.
    for key in ("nonsense", AYLIN, SABINE, TOBIAS):
        with pytest.raises(OnboardingError) as refused:
            await world.service.admin_assign(onboarding.id, ADMIN, key)
        assert refused.value.code == "not_pickable"
    with pytest.raises(OnboardingError) as refused:
        await world.service.admin_assign(onboarding.id, ADMIN, MELANIE)
    assert refused.value.code == "self"
    assert await world.service.get(onboarding.id) == before and len(queue.jobs) == planned
    same = await world.service.admin_assign(onboarding.id, ADMIN, JANA)
    assert not same.changed and same.onboarding == before and len(queue.jobs) == planned


async def test_a_paused_or_full_volunteer_is_not_offered_and_their_pick_is_refused() -> None:
    world = make_world()
    await volunteers(world, JANA, SABINE)
    await world.service.pause(SABINE, world.clock.now() + timedelta(days=10))
    first = await world.service.member_joined(MELANIE, "Melanie Schäfer", "t", "team")
    second = await world.service.member_joined(TOBIAS, "Tobias Wagner", "t", "team")
    assert first is not None and second is not None
    await world.run_due()
    assert (await world.service.get(first.id)).buddy_key == JANA  # Jana: one at a time
    waiting = await world.service.get(second.id)
    assert waiting.buddy_key is None
    assert await world.service.pickable_volunteers(TOBIAS) == []
    for key, code in ((SABINE, "buddy_paused"), (JANA, "buddy_full")):
        with pytest.raises(OnboardingError) as refused:
            await world.service.admin_assign(second.id, ADMIN, key)
        assert refused.value.code == code
    assert await world.service.get(second.id) == waiting
    # Jana's own newcomer does not count against picking her again for Melanie.
    same = await world.service.admin_assign(first.id, ADMIN, JANA)
    assert not same.changed
