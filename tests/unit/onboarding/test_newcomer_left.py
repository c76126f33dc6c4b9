"""A newcomer who left every team with the bot ends their onboarding: no check-ins, their
buddy's capacity is free again and they hear it (while they still look after the newcomer), an
admin cannot pair them anew, the overview shows it."""

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


async def test_the_buddy_hears_of_the_leaving_only_while_they_look_after_the_newcomer() -> None:
    world = make_world()
    members = await team_with(MELANIE, AYLIN, SABINE, JANA)
    world.service.departures = members
    await volunteers(world, SABINE, JANA)
    melanie = await world.service.member_joined(MELANIE, "Melanie Schäfer", "t", "team")
    aylin = await world.service.member_joined(AYLIN, "Aylin Demir", "t", "team")
    assert melanie is not None and aylin is not None
    await world.run_due()
    buddy_of_aylin = (await world.service.get(aylin.id)).buddy_key
    assert buddy_of_aylin is not None
    await members.remove_member(TEAM.team_id, f"29:{MELANIE}", world.clock.now())
    assert await world.service.newcomer_left(MELANIE)
    assert not await world.service.newcomer_left(MELANIE)  # ended already: told once
    await world.run_due()
    buddy = (await world.service.get(melanie.id)).buddy_key
    assert buddy is not None
    [(to, note)] = [(to, card) for to, card in world.notifier.directs if "beendet" in str(card)]
    assert to == buddy and "Onboarding von Melanie Schäfer beendet" in str(note)
    # Aylin leaves after the last check-in: no news to her former buddy.
    world.clock.advance(timedelta(days=29))
    await world.run_due()
    await members.remove_member(TEAM.team_id, f"29:{AYLIN}", world.clock.now())
    assert await world.service.newcomer_left(AYLIN)
    await world.run_due()
    assert len([c for _, c in world.notifier.directs if "beendet" in str(c)]) == 1
