"""A newcomer who left every team with the bot ends their onboarding: no check-ins, their
buddy's capacity is free again, an admin cannot pair them anew, the overview shows it."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.domain.onboarding.model import OnboardingError, OnboardingState
from tests.unit.onboarding.test_departed_volunteers import TEAM, team_with
from tests.unit.onboarding.test_onboarding_service import (
    ADMIN,
    AYLIN,
    JANA,
    MELANIE,
    SABINE,
    make_world,
    volunteers,
)


async def test_a_newcomer_who_left_gets_no_check_ins_and_frees_the_buddy() -> None:
    world = make_world()
    members = await team_with(MELANIE, JANA, SABINE, AYLIN)
    world.service.departures = members
    await volunteers(world, SABINE)
    melanie = await world.service.member_joined(MELANIE, "Melanie Schäfer", "t", "team")
    assert melanie is not None
    await world.run_due()
    assert (await world.service.get(melanie.id)).buddy_key == SABINE
    await members.remove_member(TEAM.team_id, f"29:{MELANIE}", world.clock.now())

    aylin = await world.service.member_joined(AYLIN, "Aylin Demir", "t", "team")
    assert aylin is not None
    await world.run_due()
    assert (await world.service.get(aylin.id)).buddy_key == SABINE  # capacity 1, free again
    assert (await world.service.get(melanie.id)).state is OnboardingState.LEFT
    await volunteers(world, JANA)
    with pytest.raises(OnboardingError) as refused:
        await world.service.admin_assign(melanie.id, ADMIN, JANA)
    assert refused.value.code == "left"

    before = len(world.notifier.directs)
    world.clock.advance(timedelta(days=29))
    await world.run_due()
    asked = [u for u, card in world.notifier.directs[before:] if "getroffen" in str(card)]
    assert MELANIE not in asked and sorted(asked) == sorted([AYLIN, AYLIN, SABINE, SABINE])


async def test_the_overview_ends_the_onboarding_of_a_newcomer_who_left() -> None:
    world = make_world()
    members = await team_with(MELANIE)
    world.service.departures = members
    melanie = await world.service.member_joined(MELANIE, "Melanie Schäfer", "t", "team")
    assert melanie is not None
    await members.remove_member(TEAM.team_id, f"29:{MELANIE}", world.clock.now())
    [shown] = await world.service.recent_onboardings(30)
    assert shown.state is OnboardingState.LEFT
    assert (await world.service.get(melanie.id)).state is OnboardingState.LEFT
