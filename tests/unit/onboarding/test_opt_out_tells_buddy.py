"""A newcomer who declines the buddy after the pairing: the buddy, if introduced, hears it once
and in their own language; one never introduced hears nothing."""

from __future__ import annotations

from datetime import timedelta

from tests.unit.onboarding.test_onboarding_service import (
    EMILY,
    JANA,
    MELANIE,
    make_world,
    volunteers,
)


async def test_an_introduced_buddy_is_told_once_in_their_language() -> None:
    world = make_world()
    await volunteers(world, EMILY)  # her Entra profile says English
    onboarding = await world.service.member_joined(MELANIE, "Melanie Schäfer", "t", "team")
    assert onboarding is not None
    await world.run_due()
    await world.service.opt_out(onboarding.id, MELANIE)
    await world.service.opt_out(onboarding.id, MELANIE)
    await world.run_due()
    told = [str(c) for u, c in world.notifier.directs if u == EMILY and "want a buddy" in str(c)]
    assert len(told) == 1 and "no longer Melanie Schäfer's buddy" in told[0]


async def test_a_buddy_never_introduced_hears_nothing() -> None:
    world = make_world(reachable={MELANIE})  # Jana has no chat with the bot yet
    await volunteers(world, JANA)
    onboarding = await world.service.member_joined(MELANIE, "Melanie Schäfer", "t", "team")
    assert onboarding is not None
    await world.run_due()
    await world.service.opt_out(onboarding.id, MELANIE)
    assert world.notifier.reachable is not None
    world.notifier.reachable.add(JANA)
    for _ in range(3):  # the introduction's retries find the newcomer declined
        world.clock.advance(timedelta(minutes=2))
        await world.run_due()
    assert [u for u, _ in world.notifier.directs if u == JANA] == []
