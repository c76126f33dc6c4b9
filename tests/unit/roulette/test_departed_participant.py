"""A participant who left every team with the bot no longer takes part: membersRemoved ends it
(README), and a look ends it if that was missed (a roster sync found them gone); either way they
are told so rather than shown as taking part or offered to join."""

from __future__ import annotations

import pytest

from bot.domain.roulette.model import RouletteError
from tests.unit.roulette.test_service import (
    AYLIN,
    EMILY,
    SABINE,
    _in_the_team,
    _leaves,
    make_world,
)


async def test_the_participation_of_who_left_every_team_ends_when_it_is_looked_at() -> None:
    world = make_world()
    for key in (SABINE, AYLIN):
        await world.service.opt_in(key, key[:6], "t1")
    await _in_the_team(world, AYLIN, EMILY)
    await _leaves(world, AYLIN)
    with pytest.raises(RouletteError, match="ended"):
        await world.service.participant(AYLIN)
    assert await world.service.repo.get_participant(AYLIN) is None  # deleted, as promised
    with pytest.raises(RouletteError, match="ended"):  # said again, not offered to join
        await world.service.participant(AYLIN)
    with pytest.raises(RouletteError, match="ended"):
        await world.service.set_preferences(AYLIN, ["lunch"], "all")
    # Sabine never was in a team with the bot (she uses the personal app): she takes part.
    assert await world.service.participant(SABINE) is not None
    # Someone who left and never took part is told so too (they cannot join).
    await _leaves(world, EMILY)
    with pytest.raises(RouletteError, match="ended"):
        await world.service.participant(EMILY)


async def test_membersremoved_ends_the_participation_before_anyone_looks() -> None:
    world = make_world()
    for key in (AYLIN, EMILY):
        await world.service.opt_in(key, key[:6], "t1")
    await _in_the_team(world, AYLIN, EMILY)
    await _leaves(world, AYLIN)
    assert await world.service.member_left(AYLIN)
    assert await world.service.repo.get_participant(AYLIN) is None
    assert not await world.service.member_left(EMILY)  # still in the team
    assert await world.service.repo.get_participant(EMILY) is not None


async def test_an_old_preferences_card_of_who_left_is_refused() -> None:
    world = make_world()
    await world.service.opt_in(AYLIN, "Aylin", "t1")
    await _in_the_team(world, AYLIN)
    await _leaves(world, AYLIN)
    with pytest.raises(RouletteError, match="ended"):
        await world.service.set_preferences(AYLIN, ["lunch"], "all")
    assert await world.service.repo.get_participant(AYLIN) is None
