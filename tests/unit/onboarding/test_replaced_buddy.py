"""When an admin pairs a newcomer with another buddy, the former buddy hears it once, in
their own language, through the job runner like every other onboarding DM."""

from __future__ import annotations

import asyncio

from bot.domain.onboarding.model import OnboardingError
from tests.unit.onboarding.test_onboarding_service import (
    ADMIN,
    EMILY,
    JANA,
    MELANIE,
    SABINE,
    World,
    make_world,
    volunteers,
)


def told_replaced(world: World, who: str) -> list[str]:
    cards = [str(card) for user, card in world.notifier.directs if user == who]
    return [c for c in cards if "nicht mehr Buddy" in c or "no longer" in c]


async def paired_with(world: World, buddy: str) -> int:
    await volunteers(world, buddy)
    onboarding = await world.service.member_joined(MELANIE, "Melanie Schäfer", "t", "team")
    assert onboarding is not None
    await world.run_due()
    assert (await world.service.get(onboarding.id)).buddy_key == buddy
    await volunteers(world, SABINE, JANA)
    return onboarding.id


async def test_the_former_buddy_is_told_once_even_when_the_action_is_redelivered() -> None:
    world = make_world()
    onboarding_id = await paired_with(world, JANA)
    # Teams delivers the admin's click twice at once, and once more later.
    results = await asyncio.gather(
        world.service.admin_assign(onboarding_id, ADMIN, SABINE),
        world.service.admin_assign(onboarding_id, ADMIN, SABINE),
        return_exceptions=True,
    )
    assert all(not isinstance(r, Exception) or isinstance(r, OnboardingError) for r in results)
    await world.run_due()
    await world.service.admin_assign(onboarding_id, ADMIN, SABINE)
    await world.run_due()
    [note] = told_replaced(world, JANA)
    assert "Sie sind also nicht mehr Buddy für Melanie Schäfer" in note
    assert (await world.service.get(onboarding_id)).buddy_key == SABINE
    assert told_replaced(world, SABINE) == []


async def test_the_former_buddy_reads_it_in_their_language() -> None:
    world = make_world()
    onboarding_id = await paired_with(world, EMILY)  # her Entra profile says English
    await world.service.admin_assign(onboarding_id, ADMIN, JANA)
    await world.run_due()
    [note] = told_replaced(world, EMILY)
    assert "you are no longer Melanie Schäfer's buddy" in note and "Buddy für" not in note


async def test_each_change_tells_the_buddy_it_took_the_newcomer_from() -> None:
    world = make_world()
    onboarding_id = await paired_with(world, JANA)
    await world.service.admin_assign(onboarding_id, ADMIN, SABINE)
    await world.run_due()
    await world.service.admin_assign(onboarding_id, ADMIN, JANA)  # changed back
    await world.run_due()
    await world.service.admin_assign(onboarding_id, ADMIN, SABINE)  # and again
    await world.run_due()
    assert len(told_replaced(world, JANA)) == 2
    assert len(told_replaced(world, SABINE)) == 1


async def test_a_buddy_paired_again_before_the_message_went_out_hears_nothing() -> None:
    world = make_world()
    onboarding_id = await paired_with(world, JANA)
    await world.service.admin_assign(onboarding_id, ADMIN, SABINE)
    await world.service.admin_assign(onboarding_id, ADMIN, JANA)  # an undo, before the jobs
    await world.run_due()
    assert told_replaced(world, JANA) == []
