"""Someone volunteers while newcomers wait for a buddy: those who were waiting then get one
(a welcomed one the short note), the admins are not asked again, and a newcomer who opted out,
was paired by an admin meanwhile or left is left alone – however many wait."""

from __future__ import annotations

from datetime import timedelta

from bot.domain.onboarding.model import OnboardingState
from tests.unit.onboarding.test_departed_volunteers import TEAM, team_with
from tests.unit.onboarding.test_onboarding_service import (
    ADMIN,
    AYLIN,
    JANA,
    MELANIE,
    SABINE,
    make_world,
)


async def test_waiting_newcomers_get_the_new_volunteer() -> None:
    world = make_world()
    melanie = await world.service.member_joined(MELANIE, "Melanie Schäfer", "t", "team")
    aylin = await world.service.member_joined(AYLIN, "Aylin Demir", "t", "team")
    assert melanie is not None and aylin is not None
    await world.run_due()
    await world.service.opt_out(aylin.id, AYLIN)
    asked = world.notifier.dm_recipients().count(ADMIN)
    world.clock.advance(timedelta(hours=1))
    await world.service.volunteer(JANA, "Jana Becker", capacity=2)
    await world.run_due()
    assert (await world.service.get(melanie.id)).buddy_key == JANA
    assert (await world.service.get(aylin.id)).state is OnboardingState.OPTED_OUT
    notes = [str(c) for u, c in world.notifier.directs if u == MELANIE]
    assert len(notes) == 2 and "Ihr Buddy ist jetzt" in notes[1]
    assert world.notifier.dm_recipients().count(ADMIN) == asked
    await world.service.volunteer(SABINE, "Sabine Krüger")  # nobody waits any more
    await world.run_due()
    assert (await world.service.get(melanie.id)).buddy_key == JANA
    assert SABINE not in world.notifier.dm_recipients()


async def test_more_waiting_newcomers_than_one_run_takes_are_all_looked_at() -> None:
    world = make_world()
    gone = [f"n-{n}" for n in range(55)]  # waited longest, then left
    members = await team_with(*gone)
    world.service.departures = members
    for key in gone:
        await world.service.member_joined(key, key, "t", "team")
    melanie = await world.service.member_joined(MELANIE, "Melanie Schäfer", "t", "team")
    assert melanie is not None
    await world.run_due()
    for key in gone:
        await members.remove_member(TEAM.team_id, f"29:{key}", world.clock.now())
    world.clock.advance(timedelta(hours=1))
    await world.service.volunteer(JANA, "Jana Becker")
    await world.run_due()  # two runs: the 50 oldest (all gone), then the rest
    assert (await world.service.get(melanie.id)).buddy_key == JANA
    left = [o for o in await world.service.repo.recent(100) if o.newcomer_key in gone]
    assert len(left) == 55 and all(o.state is OnboardingState.LEFT for o in left)
    assert all(o.buddy_key is None for o in left)  # who left was not paired
