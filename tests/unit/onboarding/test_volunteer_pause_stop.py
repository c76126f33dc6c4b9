"""Pausing and stopping as a volunteer: a pause is for volunteers only and never undoes a stop;
"buddy stopp" by someone who never volunteered stores nothing; volunteering again (also after
a stop) ends the pause."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.domain.onboarding.model import OnboardingError
from tests.unit.onboarding.test_onboarding_service import JANA, NOW, TOBIAS, make_world

LATER = NOW + timedelta(days=10)


async def test_a_pause_is_refused_for_someone_who_never_volunteered() -> None:
    world = make_world()
    with pytest.raises(OnboardingError) as refused:
        await world.service.pause(TOBIAS, LATER)
    assert refused.value.code == "not_volunteer"
    assert await world.service.repo.get_volunteer(TOBIAS) is None
    assert await world.service.stop(TOBIAS) is None
    assert await world.service.repo.get_volunteer(TOBIAS) is None


async def test_a_pause_never_undoes_a_stop() -> None:
    world = make_world()
    await world.service.volunteer(JANA, "Jana Becker", capacity=2)
    await world.service.stop(JANA)
    with pytest.raises(OnboardingError) as refused:
        await world.service.pause(JANA, LATER)
    assert refused.value.code == "not_volunteer"
    profile = await world.service.repo.get_volunteer(JANA)
    assert profile is not None and profile.stopped and profile.paused_until is None


async def test_a_pause_keeps_the_volunteer_and_volunteering_again_ends_it() -> None:
    world = make_world()
    await world.service.volunteer(JANA, "Jana Becker", capacity=2)
    with pytest.raises(OnboardingError):
        await world.service.pause(JANA, NOW - timedelta(days=1))
    paused = await world.service.pause(JANA, LATER)
    assert paused.paused_until == LATER and not paused.stopped and paused.capacity == 2
    again = await world.service.volunteer(JANA, "Jana Becker")
    assert again.paused_until is None and again.capacity == 2
