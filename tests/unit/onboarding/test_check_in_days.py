"""A check-in answer counts only for a check-in the onboarding is due for: a day the policy
does not ask on (5), or one still ahead (28 after one week), is refused and nothing is saved."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.domain.onboarding.model import OnboardingError
from tests.unit.onboarding.test_onboarding_service import JANA, MELANIE, make_world, volunteers


async def test_only_a_due_check_in_can_be_answered() -> None:
    world = make_world()
    await volunteers(world, JANA)
    onboarding = await world.service.member_joined(MELANIE, "Melanie Schäfer", "t", "team")
    assert onboarding is not None
    await world.run_due()
    with pytest.raises(OnboardingError):
        await world.service.answer_check_in(onboarding.id, 7, JANA, "ja")  # a week too early
    world.clock.advance(timedelta(days=7))
    for days in (5, 28, 365):
        with pytest.raises(OnboardingError) as refused:
            await world.service.answer_check_in(onboarding.id, days, MELANIE, "ja")
        assert refused.value.code == "check_in_days"
    assert (await world.service.get(onboarding.id)).check_ins == {}
    answered = await world.service.answer_check_in(onboarding.id, 7, MELANIE, "ja")
    assert answered.check_ins == {"7:newcomer": "ja"}
    world.clock.advance(timedelta(days=21))
    answered = await world.service.answer_check_in(onboarding.id, 28, JANA, "noch_nicht")
    assert answered.check_ins == {"7:newcomer": "ja", "28:buddy": "noch_nicht"}
